/// Bullet and ordered lists (markdown-it `list`): items, their content indentation, tightness.
enum ListRule {
    /// The position after a `-`, `+` or `*` marker, or nil.
    static func skipBulletMarker(_ state: BlockState, _ line: Int) -> Int? {
        let max = state.eMarks[line]
        var pos = state.bMarks[line] + state.tShift[line]
        guard pos < state.src.count else { return nil }
        let marker = state.src[pos]
        pos += 1
        guard marker == UInt8(ascii: "*") || marker == UInt8(ascii: "-") || marker == UInt8(ascii: "+") else { return nil }
        if pos < max, !CharacterClass.isSpace(state.src[pos]) { return nil }
        return pos
    }

    /// The position after a `1.` or `1)` marker (at most nine digits), or nil.
    static func skipOrderedMarker(_ state: BlockState, _ line: Int) -> Int? {
        let start = state.bMarks[line] + state.tShift[line]
        let max = state.eMarks[line]
        var pos = start
        guard pos + 1 < max else { return nil }
        var byte = state.src[pos]
        pos += 1
        guard (0x30...0x39).contains(byte) else { return nil }
        while true {
            guard pos < max else { return nil }
            byte = state.src[pos]
            pos += 1
            if (0x30...0x39).contains(byte) {
                if pos - start >= 10 { return nil }
                continue
            }
            if byte == UInt8(ascii: ")") || byte == UInt8(ascii: ".") { break }
            return nil
        }
        if pos < max, !CharacterClass.isSpace(state.src[pos]) { return nil }
        return pos
    }

    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        var nextLine = startLine
        var tight = true
        guard state.sCount[nextLine] - state.blkIndent < 4 else { return false }
        if state.listIndent >= 0, state.sCount[nextLine] - state.listIndent >= 4, state.sCount[nextLine] < state.blkIndent {
            return false
        }
        let isTerminatingParagraph = silent && state.parentType == .paragraph && state.sCount[nextLine] >= state.blkIndent
        var isOrdered = false
        var markerValue = 0
        var start = 0
        var posAfterMarker: Int
        if let after = skipOrderedMarker(state, nextLine) {
            posAfterMarker = after
            isOrdered = true
            start = state.bMarks[nextLine] + state.tShift[nextLine]
            markerValue = Int(state.src.string(start..<after - 1)) ?? 0
            if isTerminatingParagraph, markerValue != 1 { return false }
        } else if let after = skipBulletMarker(state, nextLine) {
            posAfterMarker = after
        } else {
            return false
        }
        if isTerminatingParagraph, state.skipSpaces(posAfterMarker) >= state.eMarks[nextLine] { return false }
        if silent { return true }

        let markerByte = state.src[posAfterMarker - 1]
        let markup = String(Character(Unicode.Scalar(markerByte)))
        let listIndex = state.tokens.count
        let openIndex = state.push(isOrdered ? .orderedListOpen : .bulletListOpen, nesting: 1)
        if isOrdered { state.tokens[openIndex].number = markerValue }
        state.tokens[openIndex].markup = markup
        var prevEmptyEnd = false
        let oldParentType = state.parentType
        state.parentType = .list

        while nextLine < endLine {
            var pos = posAfterMarker
            let max = state.eMarks[nextLine]
            let initial = state.sCount[nextLine] + posAfterMarker - (state.bMarks[nextLine] + state.tShift[nextLine])
            var offset = initial
            while pos < max {
                let byte = state.src[pos]
                if byte == 0x09 {
                    offset += 4 - (offset + state.bsCount[nextLine]) % 4
                } else if byte == 0x20 {
                    offset += 1
                } else {
                    break
                }
                pos += 1
            }
            let contentStart = pos
            var indentAfterMarker = contentStart >= max ? 1 : offset - initial
            if indentAfterMarker > 4 { indentAfterMarker = 1 }
            let indent = initial + indentAfterMarker

            let itemIndex = state.push(.listItemOpen, nesting: 1)
            if isOrdered { state.tokens[itemIndex].info = state.src.string(start..<posAfterMarker - 1) }
            let oldTight = state.tight
            let oldTShift = state.tShift[nextLine]
            let oldSCount = state.sCount[nextLine]
            let oldListIndent = state.listIndent
            state.listIndent = state.blkIndent
            state.blkIndent = indent
            state.tight = true
            state.tShift[nextLine] = contentStart - state.bMarks[nextLine]
            state.sCount[nextLine] = offset
            if contentStart >= max, state.isEmpty(nextLine + 1) {
                state.line = min(state.line + 2, endLine)
            } else {
                state.parser.tokenize(state, nextLine, endLine)
            }
            if !state.tight || prevEmptyEnd { tight = false }
            prevEmptyEnd = state.line - nextLine > 1 && state.isEmpty(state.line - 1)
            state.blkIndent = state.listIndent
            state.listIndent = oldListIndent
            state.tShift[nextLine] = oldTShift
            state.sCount[nextLine] = oldSCount
            state.tight = oldTight
            state.push(.listItemClose, nesting: -1)
            state.tokens[itemIndex].map = (nextLine, state.line)
            nextLine = state.line

            if nextLine >= endLine { break }
            if state.sCount[nextLine] < state.blkIndent { break }
            if state.sCount[nextLine] - state.blkIndent >= 4 { break }
            if state.parser.terminates(.list, state: state, line: nextLine, endLine: endLine) { break }
            if isOrdered {
                guard let after = skipOrderedMarker(state, nextLine) else { break }
                posAfterMarker = after
                start = state.bMarks[nextLine] + state.tShift[nextLine]
            } else {
                guard let after = skipBulletMarker(state, nextLine) else { break }
                posAfterMarker = after
            }
            if markerByte != state.src[posAfterMarker - 1] { break }
        }
        state.push(isOrdered ? .orderedListClose : .bulletListClose, nesting: -1)
        state.tokens[openIndex].map = (startLine, nextLine)
        state.line = nextLine
        state.parentType = oldParentType
        if tight { markTightParagraphs(state, listIndex) }
        return true
    }

    private static func markTightParagraphs(_ state: BlockState, _ index: Int) {
        let level = state.level + 2
        var position = index + 2
        let end = state.tokens.count - 2
        while position < end {
            if state.tokens[position].level == level, state.tokens[position].kind == .paragraphOpen {
                state.tokens[position + 2].hidden = true
                state.tokens[position].hidden = true
                position += 2
            }
            position += 1
        }
    }
}
