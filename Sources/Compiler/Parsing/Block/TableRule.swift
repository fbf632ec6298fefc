#if canImport(Glibc)
import Glibc
#endif

/// GFM tables (markdown-it `table`): a header row, a delimiter row, body rows.
enum TableRule {
    static let maxAutocompletedCells = 0x10000

    /// The line's bytes after its indentation.
    static func lineText(_ state: BlockState, _ line: Int) -> ArraySlice<UInt8> {
        let from = state.bMarks[line] + state.tShift[line]
        return state.src[from..<max(from, state.eMarks[line])]
    }

    /// Splits a row on unescaped `|`; `\|` becomes `|` inside the cell. A `|` is escaped when the
    /// byte before it is `\` (as in markdown-it, which looks no further back).
    static func escapedSplit(_ text: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        result.reserveCapacity(8)
        var current: [UInt8] = []
        var unescaped = false
        var lastPos = text.startIndex
        text.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, Int32(UInt8(ascii: "|")), bytes.count - offset) {
                let pipe = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let pos = text.startIndex + pipe
                if pipe == 0 || bytes[pipe - 1] != UInt8(ascii: "\\") {
                    result.append(unescaped ? ArraySlice(current + text[lastPos..<pos]) : text[lastPos..<pos])
                    current = []
                    unescaped = false
                    lastPos = pos + 1
                } else {
                    current += text[lastPos..<pos - 1]
                    unescaped = true
                    lastPos = pos
                }
                offset = pipe + 1
            }
        }
        result.append(unescaped ? ArraySlice(current + text[lastPos...]) : text[lastPos...])
        return result
    }

    @inline(__always) private static func isDelimiterRowByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "|") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
    }

    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        guard startLine + 2 <= endLine else { return false }
        var nextLine = startLine + 1
        guard state.sCount[nextLine] >= state.blkIndent, state.sCount[nextLine] - state.blkIndent < 4 else { return false }
        var pos = state.bMarks[nextLine] + state.tShift[nextLine]
        guard pos < state.eMarks[nextLine] else { return false }
        let firstByte = state.src[pos]
        pos += 1
        guard isDelimiterRowByte(firstByte), pos < state.eMarks[nextLine] else { return false }
        let secondByte = state.src[pos]
        pos += 1
        guard isDelimiterRowByte(secondByte) || CharacterClass.isSpace(secondByte) else { return false }
        if firstByte == UInt8(ascii: "-"), CharacterClass.isSpace(secondByte) { return false }
        while pos < state.eMarks[nextLine] {
            let byte = state.src[pos]
            guard isDelimiterRowByte(byte) || CharacterClass.isSpace(byte) else { return false }
            pos += 1
        }
        let delimiterColumns = lineText(state, startLine + 1).split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
        var aligns: [Table.Alignment] = []
        for (index, column) in delimiterColumns.enumerated() {
            var body = column.jsTrimmed
            if body.isEmpty {
                if index == 0 || index == delimiterColumns.count - 1 { continue }
                return false
            }
            let left = body.first == UInt8(ascii: ":")
            if left { body = body.dropFirst() }
            let right = body.last == UInt8(ascii: ":")
            if right { body = body.dropLast() }
            guard !body.isEmpty, body.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return false }
            aligns.append(right ? (left ? .center : .right) : left ? .left : .none)
        }
        let header = lineText(state, startLine).jsTrimmed
        guard header.contains(UInt8(ascii: "|")), state.sCount[startLine] - state.blkIndent < 4 else { return false }
        var columns = escapedSplit(header)
        if columns.first?.isEmpty == true { columns.removeFirst() }
        if columns.last?.isEmpty == true { columns.removeLast() }
        let columnCount = columns.count
        guard columnCount > 0, columnCount == aligns.count else { return false }
        if silent { return true }

        let oldParentType = state.parentType
        state.parentType = .table
        let tableOpen = state.push(.tableOpen, nesting: 1)
        state.tokens[tableOpen].info = aligns.map(alignmentName).joined(separator: ",")
        state.push(.theadOpen, nesting: 1)
        state.push(.trOpen, nesting: 1)
        for (index, column) in columns.enumerated() {
            pushCell(state, .thOpen, .thClose, aligns[index], column.jsTrimmed, line: startLine)
        }
        state.push(.trClose, nesting: -1)
        state.push(.theadClose, nesting: -1)

        var bodyOpened = false
        var autocompletedCells = 0
        nextLine = startLine + 2
        while nextLine < endLine {
            if state.sCount[nextLine] < state.blkIndent { break }
            if state.parser.terminates(.blockquote, state: state, line: nextLine, endLine: endLine) { break }
            let row = lineText(state, nextLine).jsTrimmed
            if row.isEmpty { break }
            if state.sCount[nextLine] - state.blkIndent >= 4 { break }
            var cells = escapedSplit(row)
            if cells.first?.isEmpty == true { cells.removeFirst() }
            if cells.last?.isEmpty == true { cells.removeLast() }
            autocompletedCells += columnCount - cells.count
            if autocompletedCells > maxAutocompletedCells { break }
            if !bodyOpened {
                state.push(.tbodyOpen, nesting: 1)
                bodyOpened = true
            }
            state.push(.trOpen, nesting: 1)
            for index in 0..<columnCount {
                pushCell(state, .tdOpen, .tdClose, aligns[index], index < cells.count ? cells[index].jsTrimmed : [], line: nextLine)
            }
            state.push(.trClose, nesting: -1)
            nextLine += 1
        }
        if bodyOpened { state.push(.tbodyClose, nesting: -1) }
        state.push(.tableClose, nesting: -1)
        state.tokens[tableOpen].map = (startLine, nextLine)
        state.parentType = oldParentType
        state.line = nextLine
        return true
    }

    private static func alignmentName(_ alignment: Table.Alignment) -> String {
        switch alignment {
        case .none: ""
        case .left: "left"
        case .center: "center"
        case .right: "right"
        }
    }

    private static func pushCell(_ state: BlockState, _ open: Token.Kind, _ close: Token.Kind,
                                 _ alignment: Table.Alignment, _ content: ArraySlice<UInt8>, line: Int) {
        let openIndex = state.push(open, nesting: 1)
        if alignment != .none { state.tokens[openIndex].attrs = [("style", "text-align:" + alignmentName(alignment))] }
        let inline = state.push(.inline, nesting: 0)
        state.tokens[inline].content = state.text(content)
        state.tokens[inline].map = (line, line + 1)
        state.push(close, nesting: -1)
    }
}
