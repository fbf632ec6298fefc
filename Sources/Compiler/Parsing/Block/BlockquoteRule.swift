/// Block quotes `> …`, with lazy continuation lines (markdown-it `blockquote`).
///
/// The rule rewrites the line table so the quoted lines look unquoted, parses them as blocks,
/// and restores the table.
enum BlockquoteRule {
    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        guard state.sCount[startLine] - state.blkIndent < 4 else { return false }
        let start = state.bMarks[startLine] + state.tShift[startLine]
        guard start < state.src.count, state.src[start] == UInt8(ascii: ">") else { return false }
        if silent { return true }
        quote(state, startLine, endLine, open: .blockquoteOpen, close: .blockquoteClose) { _ in }
        return true
    }

    /// Reads the quote that starts at `startLine` and pushes `open`, its blocks, and `close`;
    /// `prepare` may rewrite the first line (alerts strip their `[!NOTE]` marker there).
    static func quote(_ state: BlockState, _ startLine: Int, _ endLine: Int, open: Token.Kind, close: Token.Kind,
                      prepare: (BlockState) -> Void) {
        let src = state.src
        let oldLineMax = state.lineMax
        var oldBMarks: [Int] = []
        var oldBSCount: [Int] = []
        var oldSCount: [Int] = []
        var oldTShift: [Int] = []
        let oldParentType = state.parentType
        state.parentType = .blockquote
        var lastLineEmpty = false
        var nextLine = startLine
        while nextLine < endLine {
            let isOutdented = state.sCount[nextLine] < state.blkIndent
            var pos = state.bMarks[nextLine] + state.tShift[nextLine]
            let max = state.eMarks[nextLine]
            if pos >= max { break }
            let first = src[pos]
            pos += 1
            if first == UInt8(ascii: ">"), !isOutdented {
                var initial = state.sCount[nextLine] + 1
                var spaceAfterMarker = false
                var adjustTab = false
                if pos < src.count, src[pos] == 0x20 {
                    pos += 1
                    initial += 1
                    spaceAfterMarker = true
                } else if pos < src.count, src[pos] == 0x09 {
                    spaceAfterMarker = true
                    if (state.bsCount[nextLine] + initial) % 4 == 3 {
                        pos += 1
                        initial += 1
                    } else {
                        adjustTab = true
                    }
                }
                var offset = initial
                oldBMarks.append(state.bMarks[nextLine])
                state.bMarks[nextLine] = pos
                while pos < max, CharacterClass.isSpace(src[pos]) {
                    offset += src[pos] == 0x09 ? 4 - (offset + state.bsCount[nextLine] + (adjustTab ? 1 : 0)) % 4 : 1
                    pos += 1
                }
                lastLineEmpty = pos >= max
                oldBSCount.append(state.bsCount[nextLine])
                state.bsCount[nextLine] = state.sCount[nextLine] + 1 + (spaceAfterMarker ? 1 : 0)
                oldSCount.append(state.sCount[nextLine])
                state.sCount[nextLine] = offset - initial
                oldTShift.append(state.tShift[nextLine])
                state.tShift[nextLine] = pos - state.bMarks[nextLine]
                nextLine += 1
                continue
            }
            if lastLineEmpty { break }
            if state.parser.terminates(.blockquote, state: state, line: nextLine, endLine: endLine) {
                state.lineMax = nextLine
                if state.blkIndent != 0 {
                    oldBMarks.append(state.bMarks[nextLine])
                    oldBSCount.append(state.bsCount[nextLine])
                    oldTShift.append(state.tShift[nextLine])
                    oldSCount.append(state.sCount[nextLine])
                    state.sCount[nextLine] -= state.blkIndent
                }
                break
            }
            oldBMarks.append(state.bMarks[nextLine])
            oldBSCount.append(state.bsCount[nextLine])
            oldTShift.append(state.tShift[nextLine])
            oldSCount.append(state.sCount[nextLine])
            state.sCount[nextLine] = -1
            nextLine += 1
        }
        let oldIndent = state.blkIndent
        state.blkIndent = 0
        prepare(state)
        let openIndex = state.push(open, nesting: 1)
        state.parser.tokenize(state, startLine, nextLine)
        state.push(close, nesting: -1)
        state.tokens[openIndex].map = (startLine, state.line)
        state.lineMax = oldLineMax
        state.parentType = oldParentType
        for index in 0..<oldTShift.count {
            state.bMarks[index + startLine] = oldBMarks[index]
            state.tShift[index + startLine] = oldTShift[index]
            state.sCount[index + startLine] = oldSCount[index]
            state.bsCount[index + startLine] = oldBSCount[index]
        }
        state.blkIndent = oldIndent
    }
}
