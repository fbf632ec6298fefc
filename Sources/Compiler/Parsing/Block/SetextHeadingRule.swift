/// Setext headings: text underlined with `===` or `---` (markdown-it `lheading`).
enum SetextHeadingRule {
    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        guard state.sCount[startLine] - state.blkIndent < 4 else { return false }
        let oldParentType = state.parentType
        state.parentType = .paragraph
        defer { state.parentType = oldParentType }
        var level = 0
        var marker: UInt8 = 0
        var nextLine = startLine + 1
        scan: while nextLine < endLine, !state.isEmpty(nextLine) {
            if state.sCount[nextLine] - state.blkIndent <= 3 {
                if state.sCount[nextLine] >= state.blkIndent {
                    var pos = state.bMarks[nextLine] + state.tShift[nextLine]
                    let max = state.eMarks[nextLine]
                    if pos < max, state.src[pos] == UInt8(ascii: "-") || state.src[pos] == UInt8(ascii: "=") {
                        marker = state.src[pos]
                        pos = state.skipSpaces(state.skipChars(pos, marker))
                        if pos >= max {
                            level = marker == UInt8(ascii: "=") ? 1 : 2
                            break scan
                        }
                    }
                }
                if state.sCount[nextLine] >= 0,
                    state.parser.terminates(.paragraph, state: state, line: nextLine, endLine: endLine)
                {
                    break scan
                }
            }
            nextLine += 1
        }
        guard level > 0 else { return false }
        let content = state.trimmedLines(startLine, nextLine, indent: state.blkIndent)
        state.line = nextLine + 1
        let open = state.push(.headingOpen, nesting: 1)
        state.tokens[open].headingLevel = UInt8(level)
        state.tokens[open].map = (startLine, state.line)
        let inline = state.push(.inline, nesting: 0)
        state.tokens[inline].content = content
        state.tokens[inline].map = (startLine, state.line - 1)
        state.push(.headingClose, nesting: -1)
        return true
    }
}
