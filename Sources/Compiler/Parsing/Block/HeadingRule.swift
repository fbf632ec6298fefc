/// ATX headings `# …` to `###### …` (markdown-it `heading`).
enum HeadingRule {
    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        let src = state.src
        var pos = state.bMarks[startLine] + state.tShift[startLine]
        var max = state.eMarks[startLine]
        guard state.sCount[startLine] - state.blkIndent < 4, pos < max, src[pos] == UInt8(ascii: "#") else { return false }
        var level = 1
        pos += 1
        while pos < max, src[pos] == UInt8(ascii: "#"), level <= 6 {
            level += 1
            pos += 1
        }
        guard level <= 6, pos >= max || CharacterClass.isSpace(src[pos]) else { return false }
        if silent { return true }
        max = state.skipSpacesBack(max, min: pos)
        let tail = state.skipCharsBack(max, UInt8(ascii: "#"), min: pos)
        if tail > pos, CharacterClass.isSpace(src[tail - 1]) { max = tail }
        state.line = startLine + 1
        let open = state.push(.headingOpen, nesting: 1)
        state.tokens[open].headingLevel = UInt8(level)
        state.tokens[open].map = (startLine, state.line)
        let inline = state.push(.inline, nesting: 0)
        state.tokens[inline].content = state.text(src[pos..<Swift.max(pos, max)].minimalSpacesTrimmed)
        state.tokens[inline].map = (startLine, state.line)
        state.push(.headingClose, nesting: -1)
        return true
    }
}
