/// `:::` containers with @mdit/plugin-container's semantics, exactly.
///
/// The closer is the first later line at the opener's indentation with at least as many colons
/// and nothing else; openers in between are not counted. So the first bare `:::` closes the *outermost* open container, and
/// an inner container still open ends with its parent (markdown-it sets `lineMax` to the closer).
/// Authors nest with more colons outside (`::::` … `:::` … `:::` … `::::`).
enum ContainerRule {
    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        let src = state.src
        var start = state.bMarks[startLine] + state.tShift[startLine]
        var max = state.eMarks[startLine]
        guard start < max, src[start] == UInt8(ascii: ":") else { return false }
        var pos = start + 1
        while pos < max, src[pos] == UInt8(ascii: ":") { pos += 1 }
        let markerCount = pos - start
        guard markerCount >= 3 else { return false }
        let markup = src.string(start..<pos)
        let params = src.string(pos..<max)
        let (name, title) = splitParams(params)
        let kind = ContainerKind(rawValue: name)
        guard (state.options.containers && ContainerKind.known.contains(kind)) || state.options.customContainers.contains(name) else { return false }
        if silent { return true }
        if ContainerKind.raw.contains(kind) { return parseRaw(state, startLine, endLine, markup: markup, kind: kind, title: title) }

        // The closer: the first later line at the opener's indentation with at least as many colons
        // and nothing else; a non-empty line indented less than the opener ends the container.
        let indent = state.sCount[startLine]
        var nextLine = startLine + 1
        var closed = false
        while nextLine < endLine {
            start = state.bMarks[nextLine] + state.tShift[nextLine]
            max = state.eMarks[nextLine]
            if start < max, state.sCount[nextLine] < indent { break }
            if state.sCount[nextLine] == indent, start < src.count, src[start] == UInt8(ascii: ":") {
                pos = start + 1
                while pos < max, src[pos] == UInt8(ascii: ":") { pos += 1 }
                if pos - start >= markerCount, state.skipSpaces(pos) >= max {
                    closed = true
                    break
                }
            }
            nextLine += 1
        }
        let oldParent = state.parentType
        let oldLineMax = state.lineMax
        let oldBlkIndent = state.blkIndent
        if !closed { warnUnclosed(state, startLine, endLine, markup: markup, name: name) }
        state.parentType = .container
        state.lineMax = nextLine
        state.blkIndent = indent
        let open = state.push(.containerOpen, nesting: 1)
        state.tokens[open].info = name
        state.tokens[open].content = state.text(title)
        state.tokens[open].map = (startLine, nextLine)
        if kind == .tabs || kind == .codeTabs {
            TabRule.tokenizeTabs(state, startLine + 1, nextLine)
        } else {
            state.parser.tokenize(state, startLine + 1, nextLine)
        }
        state.push(.containerClose, nesting: -1)
        state.parentType = oldParent
        state.lineMax = oldLineMax
        state.blkIndent = oldBlkIndent
        state.line = nextLine + (closed ? 1 : 0)
        return true
    }

    /// An opener without its own closer: it runs to the end of the document, or (markdown-it's
    /// nesting rule) ends where the block holding it ends, e.g. at the `:::` that closes its parent.
    static func warnUnclosed(_ state: BlockState, _ startLine: Int, _ endLine: Int, markup: String, name: String) {
        let column = state.column(of: state.bMarks[startLine] + state.tShift[startLine], line: startLine)
        if endLine >= state.bMarks.count - 1 {
            state.env.warn("container '\(markup) \(name)' is not closed; it runs to the end of the document", line: startLine, column: column,
                           code: "unclosed-container")
        } else {
            state.env.warn("container '\(markup) \(name)' has no closer of its own; it ends with the block that holds it (line \(state.env.location(line: endLine).position.line))",
                           line: startLine, column: column, code: "unclosed-container")
        }
    }

    /// `" warning 挑战"` → (`warning`, `挑战`); the name is the first space-separated word.
    static func splitParams(_ params: String) -> (name: String, title: String) {
        let trimmed = params.jsTrimmed
        guard let space = trimmed.utf8.firstIndex(of: UInt8(ascii: " ")) else { return (trimmed, "") }
        return (String(trimmed[..<space]), String(trimmed[trimmed.index(after: space)...]).jsTrimmed)
    }

    /// A raw container (`file-tree`, `field`, `chat`, `table`): its body is kept as text and runs
    /// to a line equal to the opener's colons; raw containers do not nest.
    private static func parseRaw(_ state: BlockState, _ startLine: Int, _ endLine: Int, markup: String, kind: ContainerKind, title: String) -> Bool {
        var line = startLine + 1
        var body: [UInt8] = []
        var closed = false
        let closer = Array(markup.utf8)
        while line < endLine {
            let text = state.src[state.bMarks[line]..<state.eMarks[line]]
            if text.jsTrimmed.elementsEqual(closer) {
                closed = true
                break
            }
            body += text
            body.append(0x0A)
            line += 1
        }
        if !closed { warnUnclosed(state, startLine, endLine, markup: markup, name: kind.rawValue) }
        let index = state.push(.rawContainer, nesting: 0)
        state.tokens[index].info = kind.rawValue
        state.tokens[index].content = state.text(body[...])
        // Plume's `::: table title="…" align="center"` gives options, not a title: only `title=` is shown.
        let shownTitle = title.contains("=\"") || title.contains("='") ? FenceInfo.quotedValue(of: "title=", in: Array(title.utf8)) ?? "" : title
        state.tokens[index].attrs = [("title", shownTitle)]
        state.tokens[index].map = (startLine, line + 1)
        state.line = min(line + 1, max(endLine, startLine + 1))
        return true
    }
}
