/// Code spans: a run of backticks up to a run of the same length (markdown-it `backticks`).
enum BacktickRule {
    static func parse(_ state: InlineState, _ silent: Bool) -> Bool {
        var pos = state.pos
        guard state.src[pos] == UInt8(ascii: "`") else { return false }
        let start = pos
        pos += 1
        let max = state.posMax
        while pos < max, state.src[pos] == UInt8(ascii: "`") { pos += 1 }
        let openerLength = pos - start
        if state.backticksScanned, (state.backticks[openerLength] ?? 0) <= start {
            if !silent { state.pending.append(contentsOf: state.src[start..<pos]) }
            state.pos += openerLength
            return true
        }
        var matchEnd = pos
        let count = state.src.count
        while true {
            var matchStart = matchEnd
            while matchStart < count, state.src[matchStart] != UInt8(ascii: "`") { matchStart += 1 }
            if matchStart >= count { break }
            matchEnd = matchStart + 1
            while matchEnd < max, state.src[matchEnd] == UInt8(ascii: "`") { matchEnd += 1 }
            let closerLength = matchEnd - matchStart
            if closerLength == openerLength {
                if !silent {
                    let index = state.push(.codeInline, nesting: 0)
                    var content = state.src[pos..<matchStart].map { $0 == 0x0A ? UInt8(0x20) : $0 }
                    if content.count >= 3, content.first == 0x20, content.last == 0x20 {
                        content.removeFirst()
                        content.removeLast()
                    }
                    state.tokens[index].content = state.text(content[...])
                }
                state.pos = matchEnd
                return true
            }
            state.backticks[closerLength] = matchStart
        }
        state.backticksScanned = true
        if !silent { state.pending.append(contentsOf: state.src[start..<pos]) }
        state.pos += openerLength
        return true
    }
}
