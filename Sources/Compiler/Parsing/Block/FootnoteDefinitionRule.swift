/// Footnote definitions `[^label]: text`, with indented continuation blocks (markdown-it-footnote),
/// and Plume's annotation definitions `[+label]: text` read the same way (label `+label`; several
/// definitions of one annotation are joined, in order). The definition's tokens stay in the
/// stream between `footnoteDefinition` open and close; the IR builder moves them into the
/// article's footnotes.
enum FootnoteDefinitionRule {
    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        let src = state.src
        let start = state.bMarks[startLine] + state.tShift[startLine]
        let max = state.eMarks[startLine]
        guard start + 4 <= max, src[start] == UInt8(ascii: "[") else { return false }
        let isAnnotation = src[start + 1] == UInt8(ascii: "+")
        guard (src[start + 1] == UInt8(ascii: "^") && state.parser.options.footnotes) || (isAnnotation && state.parser.options.annotations) else {
            return false
        }
        var pos = start + 2
        while pos < max {
            if src[pos] == 0x20 { return false }
            if src[pos] == UInt8(ascii: "]") { break }
            pos += 1
        }
        guard pos != start + 2, pos + 1 < max else { return false }
        pos += 1
        guard src[pos] == UInt8(ascii: ":") else { return false }
        if silent { return true }
        pos += 1
        let label = (isAnnotation ? "+" : "") + src.string(start + 2..<pos - 2)
        if !isAnnotation, state.env.footnoteLabels[label] != nil {
            state.env.warn("footnote '\(label)' is defined twice; the later definition is used", line: startLine, code: "footnote-duplicate")
        }
        state.env.footnoteLabels[label] = startLine
        let open = state.push(.footnoteDefinitionOpen, nesting: 1)
        state.tokens[open].info = label
        state.tokens[open].map = (startLine, startLine + 1)

        let oldBMark = state.bMarks[startLine]
        let oldTShift = state.tShift[startLine]
        let oldSCount = state.sCount[startLine]
        let oldParentType = state.parentType
        let posAfterColon = pos
        let initial = state.sCount[startLine] + pos - (state.bMarks[startLine] + state.tShift[startLine])
        var offset = initial
        while pos < max, CharacterClass.isSpace(src[pos]) {
            offset += src[pos] == 0x09 ? 4 - offset % 4 : 1
            pos += 1
        }
        state.tShift[startLine] = pos - posAfterColon
        state.sCount[startLine] = offset - initial
        state.bMarks[startLine] = posAfterColon
        // Continuation lines: indented 4 for a footnote, 2 for an annotation (Plume's examples).
        let indent = isAnnotation ? 2 : 4
        state.blkIndent += indent
        state.parentType = .footnote
        if state.sCount[startLine] < state.blkIndent { state.sCount[startLine] += state.blkIndent }
        state.parser.tokenize(state, startLine, endLine)
        state.parentType = oldParentType
        state.blkIndent -= indent
        state.tShift[startLine] = oldTShift
        state.sCount[startLine] = oldSCount
        state.bMarks[startLine] = oldBMark
        state.push(.footnoteDefinitionClose, nesting: -1)
        return true
    }
}
