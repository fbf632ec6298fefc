/// Inline math `$…$` as @mdit/plugin-tex reads it (dollar delimiters, `allowInlineWithSpace` off):
/// the opener is not preceded by a word character or `$` and not followed by a space; the closer is
/// not preceded by a space and not followed by a word character or `$`; a `$` with spaces on both
/// sides inside is literal (`\text{a $ b}`); `\$` is escaped. So `$5 与 $6` and `a$x$b` stay text.
enum MathInlineRule {
    @inline(__always) private static func isWordCharacter(_ byte: UInt8) -> Bool {
        HTMLSyntax.isLetter(byte) || HTMLSyntax.isDigit(byte) || byte == UInt8(ascii: "_")
    }

    private static func byte(_ state: InlineState, _ index: Int) -> UInt8? {
        index >= 0 && index < state.src.count ? state.src[index] : nil
    }

    private static func canOpen(_ state: InlineState, _ pos: Int) -> Bool {
        let previous = byte(state, pos - 1)
        let next = byte(state, pos + 1)
        return previous != UInt8(ascii: "$") && (previous.map { CharacterClass.isSpace($0) || !isWordCharacter($0) } ?? true)
            && !(next.map(CharacterClass.isSpace) ?? false)
    }

    private static func canClose(_ state: InlineState, _ pos: Int) -> Bool {
        let previous = byte(state, pos - 1)
        let next = byte(state, pos + 1)
        return next != UInt8(ascii: "$") && (next.map { CharacterClass.isSpace($0) || !isWordCharacter($0) } ?? true)
            && !(previous.map(CharacterClass.isSpace) ?? false)
    }

    static func parse(_ state: InlineState, _ silent: Bool) -> Bool {
        let src = state.src
        guard src[state.pos] == UInt8(ascii: "$") else { return false }
        guard canOpen(state, state.pos) else { return literalDollar(state, silent) }
        var match = state.pos + 1
        var found = false
        while match < state.posMax {
            guard src[match] == UInt8(ascii: "$") else {
                match += 1
                continue
            }
            var backslash = match - 1
            while backslash >= 0, src[backslash] == UInt8(ascii: "\\") { backslash -= 1 }
            if (match - backslash) % 2 == 0 {
                match += 1
                continue
            }
            if canClose(state, match) {
                found = true
                break
            }
            let previousIsSpace = byte(state, match - 1).map(CharacterClass.isSpace) ?? false
            let nextIsSpace = byte(state, match + 1).map(CharacterClass.isSpace) ?? false
            if previousIsSpace, match + 1 >= state.posMax || nextIsSpace {
                match += 1
                continue
            }
            break
        }
        guard found else { return literalDollar(state, silent) }
        let start = state.pos + 1
        if match == start {
            if !silent { state.pending.append(contentsOf: [UInt8(ascii: "$"), UInt8(ascii: "$")]) }
            state.pos += 2
            return true
        }
        if !silent {
            let index = state.push(.mathInline, nesting: 0)
            state.tokens[index].content = state.text(src[start..<match])
            state.tokens[index].map = state.relativePosition(of: start)
        }
        state.pos = match + 1
        return true
    }

    private static func literalDollar(_ state: InlineState, _ silent: Bool) -> Bool {
        if !silent { state.pending.append(UInt8(ascii: "$")) }
        state.pos += 1
        return true
    }
}
