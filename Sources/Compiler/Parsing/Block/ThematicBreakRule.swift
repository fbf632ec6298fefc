/// `***`, `---`, `___` (markdown-it `hr`).
enum ThematicBreakRule {
    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        let max = state.eMarks[startLine]
        guard state.sCount[startLine] - state.blkIndent < 4 else { return false }
        var pos = state.bMarks[startLine] + state.tShift[startLine]
        guard pos < state.src.count else { return false }
        let marker = state.src[pos]
        pos += 1
        guard marker == UInt8(ascii: "*") || marker == UInt8(ascii: "-") || marker == UInt8(ascii: "_") else { return false }
        var count = 1
        while pos < max {
            let byte = state.src[pos]
            pos += 1
            if byte != marker, !CharacterClass.isSpace(byte) { return false }
            if byte == marker { count += 1 }
        }
        guard count >= 3 else { return false }
        if silent { return true }
        state.line = startLine + 1
        let index = state.push(.hr, nesting: 0)
        state.tokens[index].map = (startLine, state.line)
        return true
    }
}
