/// Link reference definitions `[label]: destination "title"` (markdown-it `reference`).
enum ReferenceRule {
    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        let startPos = state.bMarks[startLine] + state.tShift[startLine]
        guard state.sCount[startLine] - state.blkIndent < 4, startPos < state.src.count, state.src[startPos] == UInt8(ascii: "[") else {
            return false
        }
        var nextLine = startLine + 1

        func nextLineContent() -> [UInt8]? {
            let endLine = state.lineMax
            if nextLine >= endLine || state.isEmpty(nextLine) { return nil }
            let isContinuation = state.sCount[nextLine] - state.blkIndent > 3 || state.sCount[nextLine] < 0
            if !isContinuation {
                let oldParentType = state.parentType
                state.parentType = .reference
                let terminate = state.parser.terminates(.reference, state: state, line: nextLine, endLine: endLine)
                state.parentType = oldParentType
                if terminate { return nil }
            }
            let from = state.bMarks[nextLine] + state.tShift[nextLine]
            return Array(state.src[from..<min(state.eMarks[nextLine] + 1, state.src.count)])
        }

        var str = Array(state.src[startPos..<min(state.eMarks[startLine] + 1, state.src.count)])
        var max = str.count
        var labelEnd = -1
        var pos = 1
        func appendNextLine() {
            if let content = nextLineContent() {
                str += content
                max = str.count
                nextLine += 1
            }
        }
        while pos < max {
            let byte = str[pos]
            if byte == UInt8(ascii: "[") {
                return false
            } else if byte == UInt8(ascii: "]") {
                labelEnd = pos
                break
            } else if byte == 0x0A {
                appendNextLine()
            } else if byte == UInt8(ascii: "\\") {
                pos += 1
                if pos < max, str[pos] == 0x0A { appendNextLine() }
            }
            pos += 1
        }
        guard labelEnd >= 0, labelEnd + 1 < max, str[labelEnd + 1] == UInt8(ascii: ":") else { return false }
        pos = labelEnd + 2
        while pos < max {
            let byte = str[pos]
            if byte == 0x0A {
                appendNextLine()
            } else if !CharacterClass.isSpace(byte) {
                break
            }
            pos += 1
        }
        guard let destination = LinkSyntax.parseDestination(str, pos, max) else { return false }
        let href = LinkSyntax.normalize(destination.text)
        guard TextEscaping.isSafeLink(href) else { return false }
        pos = destination.end
        let destinationEnd = pos
        let destinationEndLine = nextLine
        let titleStart = pos
        while pos < max {
            let byte = str[pos]
            if byte == 0x0A {
                appendNextLine()
            } else if !CharacterClass.isSpace(byte) {
                break
            }
            pos += 1
        }
        var title = LinkSyntax.parseTitle(str, pos, max)
        while title.canContinue {
            guard let content = nextLineContent() else { break }
            str += content
            pos = max
            max = str.count
            nextLine += 1
            title = LinkSyntax.parseTitle(str, pos, max, continuing: title)
        }
        var titleText: String?
        if pos < max, titleStart != pos, title.ok {
            titleText = title.text.isEmpty ? nil : title.text
            pos = title.end
        } else {
            pos = destinationEnd
            nextLine = destinationEndLine
        }
        while pos < max, CharacterClass.isSpace(str[pos]) { pos += 1 }
        if pos < max, str[pos] != 0x0A, titleText != nil {
            titleText = nil
            pos = destinationEnd
            nextLine = destinationEndLine
            while pos < max, CharacterClass.isSpace(str[pos]) { pos += 1 }
        }
        if pos < max, str[pos] != 0x0A { return false }
        let label = TextEscaping.normalizeReference(str.string(1..<labelEnd))
        guard !label.isEmpty else { return false }
        if silent { return true }
        if state.env.references[label] == nil {
            state.env.references[label] = (href, titleText)
        }
        state.line = nextLine
        return true
    }
}
