/// Fenced code with ``` or ~~~ (markdown-it `fence`); an unclosed fence runs to the block's end.
enum FenceRule {
    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        let src = state.src
        var pos = state.bMarks[startLine] + state.tShift[startLine]
        var max = state.eMarks[startLine]
        guard state.sCount[startLine] - state.blkIndent < 4, pos + 3 <= max else { return false }
        let marker = src[pos]
        guard marker == UInt8(ascii: "~") || marker == UInt8(ascii: "`") else { return false }
        var mem = pos
        pos = state.skipChars(pos, marker)
        let length = pos - mem
        guard length >= 3 else { return false }
        let markup = src.string(mem..<pos)
        let params = src.string(pos..<max)
        if marker == UInt8(ascii: "`"), src[pos..<max].contains(marker) { return false }
        if silent { return true }

        var nextLine = startLine
        var haveEndMarker = false
        while true {
            nextLine += 1
            if nextLine >= endLine { break }
            pos = state.bMarks[nextLine] + state.tShift[nextLine]
            mem = pos
            max = state.eMarks[nextLine]
            if pos < max, state.sCount[nextLine] < state.blkIndent { break }
            guard pos < src.count, src[pos] == marker else { continue }
            if state.sCount[nextLine] - state.blkIndent >= 4 { continue }
            pos = state.skipChars(pos, marker)
            if pos - mem < length { continue }
            pos = state.skipSpaces(pos)
            if pos < max { continue }
            haveEndMarker = true
            break
        }
        if !haveEndMarker, nextLine >= state.lineMax {
            state.env.warn("code fence \(markup) is not closed; it runs to the end of the document", line: startLine, code: "unclosed-fence")
        }
        let indent = state.sCount[startLine]
        state.line = nextLine + (haveEndMarker ? 1 : 0)
        let index = state.push(.fence, nesting: 0)
        state.tokens[index].info = params
        state.tokens[index].content = state.lines(startLine + 1, nextLine, indent: indent, keepLastLF: true)
        state.tokens[index].map = (startLine, state.line)
        return true
    }
}
