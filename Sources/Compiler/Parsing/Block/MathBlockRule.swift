/// Display math `$$ … $$` as @mdit/plugin-tex reads it: one line, or up to a line ending in `$$`;
/// it may interrupt a paragraph, and an unclosed one runs to the end of its block (with a warning).
/// A first line whose closing `$$` is followed by more text is not display math.
enum MathBlockRule {
    /// Moves back over markdown-it's Unicode whitespace (`isWhiteSpace`) before `max`.
    private static func skipWhitespaceBack(_ state: BlockState, _ max: Int, _ min: Int) -> Int {
        var pos = max
        state.src.withUnsafeBufferPointer { buffer in
            while pos > min {
                let previous = UTF8Scalars.scalar(in: buffer, before: pos)
                guard CharacterClass.isWhiteSpace(previous) else { break }
                pos -= Unicode.Scalar(previous).map { UTF8.width($0) } ?? 1
            }
        }
        return pos
    }

    private static func endsWithDollars(_ state: BlockState, _ contentEnd: Int, _ pos: Int) -> Bool {
        contentEnd - pos >= 2 && state.src[contentEnd - 1] == UInt8(ascii: "$") && state.src[contentEnd - 2] == UInt8(ascii: "$")
    }

    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        let src = state.src
        let start = state.bMarks[startLine] + state.tShift[startLine]
        var end = state.eMarks[startLine]
        guard start + 1 < end, src[start] == UInt8(ascii: "$"), src[start + 1] == UInt8(ascii: "$") else { return false }
        var contentEnd = skipWhitespaceBack(state, end, start)
        // `$$a=1$$ and more` is text: a closing `$$` on the first line must end it.
        if let closing = HTMLSyntax.find(src, start + 2, contentEnd, "$$"), closing + 2 < contentEnd { return false }
        if silent { return true }
        var pos = start + 2
        let firstLine: String
        var found = false
        if endsWithDollars(state, contentEnd, pos) {
            firstLine = src.string(pos..<contentEnd - 2)
            found = true
        } else {
            firstLine = src.string(pos..<end)
        }
        var current = startLine
        var lastLine = ""
        while !found {
            current += 1
            if current >= endLine { break }
            pos = state.bMarks[current] + state.tShift[current]
            end = state.eMarks[current]
            if pos < end, state.tShift[current] < state.blkIndent { break }
            contentEnd = skipWhitespaceBack(state, end, pos)
            if endsWithDollars(state, contentEnd, pos) {
                lastLine = src.string(pos..<contentEnd - 2)
                found = true
            }
        }
        if !found {
            state.env.warn("display math '$$' is not closed; it runs to the end of its block", line: startLine,
                           column: state.column(of: start, line: startLine), code: "unclosed-math")
        }
        state.line = found ? current + 1 : current
        var content = firstLine.isEmpty ? "" : firstLine + "\n"
        content += state.lines(startLine + 1, current, indent: state.tShift[startLine], keepLastLF: true).string
        if !lastLine.isEmpty { content += lastLine + "\n" }
        let index = state.push(.mathBlock, nesting: 0)
        state.tokens[index].content = state.text(content)
        state.tokens[index].map = (startLine, state.line)
        return true
    }
}
