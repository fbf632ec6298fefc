/// A paragraph: lines up to a blank line or a line that starts another block (markdown-it `paragraph`).
enum ParagraphRule {
    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        let oldParentType = state.parentType
        var nextLine = startLine + 1
        state.parentType = .paragraph
        while nextLine < endLine, !state.isEmpty(nextLine) {
            if state.sCount[nextLine] - state.blkIndent > 3 || state.sCount[nextLine] < 0 {
                nextLine += 1
                continue
            }
            if state.parser.terminates(.paragraph, state: state, line: nextLine, endLine: endLine) { break }
            nextLine += 1
        }
        let content = state.trimmedLines(startLine, nextLine, indent: state.blkIndent)
        state.line = nextLine
        let open = state.push(.paragraphOpen, nesting: 1)
        state.tokens[open].map = (startLine, state.line)
        let inline = state.push(.inline, nesting: 0)
        state.tokens[inline].content = content
        state.tokens[inline].map = (startLine, state.line)
        state.push(.paragraphClose, nesting: -1)
        state.parentType = oldParentType
        return true
    }
}
