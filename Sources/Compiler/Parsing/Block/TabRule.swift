/// The body of `tabs`/`code-tabs`: `@tab Title` lines (`@tab:active Title`) split it into tabs,
/// each a container of kind `tab` whose title is the tab's; text before the first `@tab` is kept.
enum TabRule {
    static func tokenizeTabs(_ state: BlockState, _ startLine: Int, _ endLine: Int) {
        var markers: [Int] = []
        for line in startLine..<endLine where isTabMarker(state, line) { markers.append(line) }
        guard let first = markers.first else {
            state.parser.tokenize(state, startLine, endLine)
            return
        }
        if first > startLine { state.parser.tokenize(state, startLine, first) }
        for (index, line) in markers.enumerated() {
            let end = index + 1 < markers.count ? markers[index + 1] : endLine
            let from = state.bMarks[line] + state.tShift[line] + 4
            var title = state.src.string(from..<state.eMarks[line])
            if title.hasPrefix(":active") { title.removeFirst(7) }
            let open = state.push(.containerOpen, nesting: 1)
            state.tokens[open].info = "tab"
            state.tokens[open].content = state.text(title.jsTrimmed)
            state.tokens[open].map = (line, end)
            let oldLineMax = state.lineMax
            state.lineMax = end
            state.parser.tokenize(state, line + 1, end)
            state.lineMax = oldLineMax
            state.push(.containerClose, nesting: -1)
        }
        state.line = endLine
    }

    private static func isTabMarker(_ state: BlockState, _ line: Int) -> Bool {
        guard state.sCount[line] - state.blkIndent < 4, state.sCount[line] >= state.blkIndent else { return false }
        let start = state.bMarks[line] + state.tShift[line]
        let end = state.eMarks[line]
        guard HTMLSyntax.starts(state.src, start, end, "@tab") else { return false }
        return start + 4 == end || state.src[start + 4] == 0x20 || state.src[start + 4] == UInt8(ascii: ":")
    }
}
