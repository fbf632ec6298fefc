/// Inline math `$…$` with @mdit/plugin-tex's delimiter rules: the opener is not followed by a
/// space or tab; the closer is not preceded by one and not followed by a digit; `\$` is a dollar.
/// So `$5 与 $6` stays text.
enum MathInlineRule {
    static func parse(_ state: InlineState, _ silent: Bool) -> Bool {
        let src = state.src
        guard src[state.pos] == UInt8(ascii: "$") else { return false }
        guard canOpen(state, state.pos) else {
            if !silent { state.pending.append(UInt8(ascii: "$")) }
            state.pos += 1
            return true
        }
        let start = state.pos + 1
        var match = start
        var found = false
        while match < src.count {
            guard src[match] == UInt8(ascii: "$") else {
                match += 1
                continue
            }
            var backslash = match - 1
            while backslash >= 0, src[backslash] == UInt8(ascii: "\\") { backslash -= 1 }
            if (match - backslash) % 2 == 1 {
                found = true
                break
            }
            match += 1
        }
        guard found else {
            if !silent { state.pending.append(UInt8(ascii: "$")) }
            state.pos = start
            return true
        }
        if match == start {
            if !silent { state.pending.append(contentsOf: [UInt8(ascii: "$"), UInt8(ascii: "$")]) }
            state.pos = start + 1
            return true
        }
        guard canClose(state, match) else {
            if !silent { state.pending.append(UInt8(ascii: "$")) }
            state.pos = start
            return true
        }
        if !silent {
            let index = state.push(.mathInline, tag: "math", nesting: 0)
            state.tokens[index].markup = "$"
            state.tokens[index].content = src.string(start..<match)
            // Where the formula starts inside the block's content: lines down, byte column.
            var lineOffset = 0
            var lineStart = 0
            for offset in 0..<start where src[offset] == 0x0A {
                lineOffset += 1
                lineStart = offset + 1
            }
            state.tokens[index].map = (lineOffset, start - lineStart + 1)
        }
        state.pos = match + 1
        return true
    }

    private static func canOpen(_ state: InlineState, _ pos: Int) -> Bool {
        guard pos + 1 <= state.posMax, pos + 1 < state.src.count else { return true }
        let next = state.src[pos + 1]
        return next != 0x20 && next != 0x09
    }

    private static func canClose(_ state: InlineState, _ pos: Int) -> Bool {
        let previous = pos > 0 ? state.src[pos - 1] : 0
        let next: UInt8 = pos + 1 <= state.posMax && pos + 1 < state.src.count ? state.src[pos + 1] : 0
        return !(previous == 0x20 || previous == 0x09 || HTMLSyntax.isDigit(next))
    }
}
