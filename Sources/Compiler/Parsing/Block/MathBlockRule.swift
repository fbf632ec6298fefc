/// Display math `$$ … $$` as @mdit/plugin-tex reads it: one line, or up to a line ending in `$$`;
/// it may interrupt a paragraph.
enum MathBlockRule {
    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        let src = state.src
        var pos = state.bMarks[startLine] + state.tShift[startLine]
        var max = state.eMarks[startLine]
        guard state.sCount[startLine] - state.blkIndent < 4, pos + 2 <= max,
            src[pos] == UInt8(ascii: "$"), src[pos + 1] == UInt8(ascii: "$")
        else { return false }
        pos += 2
        var firstLine = src.string(pos..<max)
        if silent { return true }
        var found = false
        let trimmedFirst = firstLine.jsTrimmed
        if trimmedFirst.count >= 2, trimmedFirst.hasSuffix("$$") {
            firstLine = String(trimmedFirst.dropLast(2))
            found = true
        }
        var lastLine = ""
        var next = startLine
        while !found {
            next += 1
            if next >= endLine { break }
            pos = state.bMarks[next] + state.tShift[next]
            max = state.eMarks[next]
            if pos < max, state.sCount[next] < state.blkIndent { break }
            let text = src.string(pos..<max).jsTrimmed
            if text.hasSuffix("$$") {
                var lastPos = max - 1
                while lastPos > pos, !(src[lastPos] == UInt8(ascii: "$") && src[lastPos - 1] == UInt8(ascii: "$")) { lastPos -= 1 }
                lastLine = src.string(pos..<lastPos - 1)
                found = true
            }
        }
        if !found {
            state.env.warn("display math '$$' is not closed; it runs to the end of its block", line: startLine, code: "unclosed-math")
        }
        state.line = next + 1
        var content = firstLine.jsTrimmed.isEmpty ? "" : firstLine + "\n"
        content += state.getLines(startLine + 1, next, indent: state.tShift[startLine], keepLastLF: true)
        if !lastLine.jsTrimmed.isEmpty { content += lastLine }
        let index = state.push(.mathBlock, tag: "math", nesting: 0)
        state.tokens[index].content = content
        state.tokens[index].markup = "$$"
        state.tokens[index].map = (startLine, state.line)
        return true
    }
}
