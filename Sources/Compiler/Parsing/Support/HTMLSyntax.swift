import Foundation

/// Raw HTML as CommonMark recognises it: tags, comments, processing instructions, declarations, CDATA.
enum HTMLSyntax {
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    @inline(__always) static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// The end of the HTML construct at `start` (which holds `<`), or nil (markdown-it's `HTML_TAG_RE`).
    /// `terminators` remembers earlier searches for `-->`, `]]>`, `?>` and `>` over the same bytes,
    /// so that many unclosed `<?` or `<![CDATA[` cost linear time, not quadratic.
    static func matchTag(_ bytes: [UInt8], _ start: Int, _ end: Int, terminators: inout TerminatorSearches) -> Int? {
        if let close = matchOpenOrCloseTag(bytes, start, end) { return close }
        guard start + 1 < end else { return nil }
        let second = bytes[start + 1]
        if second == UInt8(ascii: "!") {
            if starts(bytes, start, end, "<!--") {
                // `<!-->` and `<!--->` are complete (empty) comments.
                if starts(bytes, start, end, "<!-->") { return start + 5 }
                if starts(bytes, start, end, "<!--->") { return start + 6 }
                return terminators.first(.commentEnd, in: bytes, from: start + 4, end: end).map { $0 + 3 }
            }
            if starts(bytes, start, end, "<![CDATA[") {
                return terminators.first(.cdataEnd, in: bytes, from: start + 9, end: end).map { $0 + 3 }
            }
            if start + 2 < end, isLetter(bytes[start + 2]) {
                return terminators.first(.declarationEnd, in: bytes, from: start + 2, end: end).map { $0 + 1 }
            }
            return nil
        }
        if second == UInt8(ascii: "?") {
            return terminators.first(.processingInstructionEnd, in: bytes, from: start + 2, end: end).map { $0 + 2 }
        }
        return nil
    }

    /// An open tag `<a href="x">` or a close tag `</a>`.
    static func matchOpenOrCloseTag(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
        var pos = start + 1
        guard pos < end else { return nil }
        if bytes[pos] == UInt8(ascii: "/") {
            pos += 1
            guard pos < end, isLetter(bytes[pos]) else { return nil }
            pos = skipTagName(bytes, pos, end)
            while pos < end, isWhitespace(bytes[pos]) { pos += 1 }
            return pos < end && bytes[pos] == UInt8(ascii: ">") ? pos + 1 : nil
        }
        guard isLetter(bytes[pos]) else { return nil }
        pos = skipTagName(bytes, pos, end)
        while true {
            // Each attribute starts after whitespace.
            var cursor = pos
            while cursor < end, isWhitespace(bytes[cursor]) { cursor += 1 }
            if cursor > pos, cursor < end, isAttributeNameStart(bytes[cursor]) {
                cursor += 1
                while cursor < end, isAttributeNameByte(bytes[cursor]) { cursor += 1 }
                // Optional value.
                var valueCursor = cursor
                while valueCursor < end, isWhitespace(bytes[valueCursor]) { valueCursor += 1 }
                if valueCursor < end, bytes[valueCursor] == UInt8(ascii: "=") {
                    valueCursor += 1
                    while valueCursor < end, isWhitespace(bytes[valueCursor]) { valueCursor += 1 }
                    guard let valueEnd = skipAttributeValue(bytes, valueCursor, end) else { return nil }
                    cursor = valueEnd
                }
                pos = cursor
                continue
            }
            pos = cursor
            break
        }
        if pos < end, bytes[pos] == UInt8(ascii: "/") { pos += 1 }
        return pos < end && bytes[pos] == UInt8(ascii: ">") ? pos + 1 : nil
    }

    private static func skipTagName(_ bytes: [UInt8], _ from: Int, _ end: Int) -> Int {
        var pos = from + 1
        while pos < end, isLetter(bytes[pos]) || isDigit(bytes[pos]) || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        return pos
    }

    private static func isAttributeNameStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    private static func isAttributeNameByte(_ byte: UInt8) -> Bool {
        isAttributeNameStart(byte) || isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    private static func skipAttributeValue(_ bytes: [UInt8], _ from: Int, _ end: Int) -> Int? {
        guard from < end else { return nil }
        let first = bytes[from]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            var pos = from + 1
            while pos < end, bytes[pos] != first { pos += 1 }
            return pos < end ? pos + 1 : nil
        }
        var pos = from
        while pos < end {
            let byte = bytes[pos]
            if byte <= 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "`")
            {
                break
            }
            pos += 1
        }
        return pos > from ? pos : nil
    }

    static func starts(_ bytes: [UInt8], _ start: Int, _ end: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard start + count <= end else { return false }
        return literal.withUTF8Buffer { buffer in
            for index in 0..<count where bytes[start + index] != buffer[index] { return false }
            return true
        }
    }

    /// The first position of `literal` in `bytes[from..<end]`. Candidates are found with `memchr`,
    /// which skips text without the literal's first byte (most of it: the `@include:` check reads
    /// every article) many bytes at a time.
    static func find(_ bytes: [UInt8], _ from: Int, _ end: Int, _ literal: StaticString) -> Int? {
        bytes.withUnsafeBufferPointer { find(in: $0, from, end, literal) }
    }

    /// ``find(_:_:_:_:)`` over bytes in place (a text's, with no array made of them).
    static func find(in buffer: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int, _ literal: StaticString) -> Int? {
        let count = literal.utf8CodeUnitCount
        guard count > 0 else { return from }
        let first = literal.withUTF8Buffer { $0[0] }
        var pos = max(from, 0)
        let lastStart = min(end, buffer.count) - count
        while pos <= lastStart {
            guard let hit = memchr(buffer.baseAddress! + pos, Int32(first), lastStart + 1 - pos) else { return nil }
            pos = buffer.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(buffer.baseAddress! + pos, literal.utf8Start, count) == 0 { return pos }
            pos += 1
        }
        return nil
    }

    /// The last search for each terminator over one text (whose end does not change): a later
    /// search from a position at or after that one has the same answer if it lies ahead of it.
    struct TerminatorSearches {
        enum Terminator: Int, CaseIterable { case commentEnd, cdataEnd, declarationEnd, processingInstructionEnd }
        private var searchedFrom = [Int](repeating: Int.max, count: Terminator.allCases.count)
        private var found = [Int?](repeating: nil, count: Terminator.allCases.count)

        /// Where the first `terminator` at or after `from` starts, or nil.
        mutating func first(_ terminator: Terminator, in bytes: [UInt8], from: Int, end: Int) -> Int? {
            let slot = terminator.rawValue
            if from >= searchedFrom[slot] {
                guard let position = found[slot] else { return nil }
                if position >= from { return position }
            }
            let position: Int? = switch terminator {
            case .commentEnd: HTMLSyntax.find(bytes, from, end, "-->")
            case .cdataEnd: HTMLSyntax.find(bytes, from, end, "]]>")
            case .declarationEnd: HTMLSyntax.find(bytes, from, end, ">")
            case .processingInstructionEnd: HTMLSyntax.find(bytes, from, end, "?>")
            }
            searchedFrom[slot] = from
            found[slot] = position
            return position
        }
    }
}
