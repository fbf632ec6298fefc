/// Indented code: lines indented four or more columns past the block (markdown-it `code`).
enum CodeRule {
    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        guard state.sCount[startLine] - state.blkIndent >= 4 else { return false }
        var nextLine = startLine + 1
        var last = nextLine
        while nextLine < endLine {
            if state.isEmpty(nextLine) {
                nextLine += 1
                continue
            }
            if state.sCount[nextLine] - state.blkIndent >= 4 {
                nextLine += 1
                last = nextLine
                continue
            }
            break
        }
        state.line = last
        let index = state.push(.codeBlock, nesting: 0)
        state.tokens[index].content = state.lines(startLine, last, indent: 4 + state.blkIndent, keepLastLF: false, endingWithLF: true)
        state.tokens[index].map = (startLine, state.line)
        return true
    }
}
