/// Shiki's notation comments inside code (`// [!code ++]`, `# [!code highlight:3]`,
/// `<!-- [!code focus] -->`): the site removes them and styles the lines; so does the book.
enum CodeNotation {
    /// Whether `code` holds `[!code ` (without it, ``extract(_:)`` changes nothing).
    static func mayHoldNotation(_ code: Text) -> Bool {
        code.withUTF8 { HTMLSyntax.find(in: $0, 0, $0.count, "[!code ") != nil }
    }

    /// The code without its notation comments, and the mark of each marked line (1-based).
    ///
    /// Works over the code's UTF-8 bytes: most code has no marker (one byte search), and the code
    /// of notation-heavy documentation is long.
    static func extract(_ code: String) -> (code: String, marks: [Int: CodeLineMark]) {
        let bytes = Array(code.utf8)
        guard HTMLSyntax.find(bytes, 0, bytes.count, "[!code ") != nil else { return (code, [:]) }
        var marks: [Int: CodeLineMark] = [:]
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var lineStart = 0
        var lineNumber = 1
        while true {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            if lineNumber > 1 { out.append(0x0A) }
            if let (mark, count, marker, close) = notation(bytes, lineStart, lineEnd) {
                for offset in 0..<count { marks[lineNumber + offset] = mark }
                appendRemovingComment(bytes, lineStart: lineStart, marker: marker, close: close, lineEnd: lineEnd, to: &out)
            } else {
                out.append(contentsOf: bytes[lineStart..<lineEnd])
            }
            guard lineEnd < bytes.count else { break }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        return (String(decoding: out, as: UTF8.self), marks)
    }

    static let marks: [String: CodeLineMark] = [
        "++": .added, "--": .removed, "highlight": .highlighted, "hl": .highlighted, "focus": .focused,
        "error": .error, "warning": .warning,
    ]

    /// The line's `[!code name:count]`: its mark, how many lines it marks, where `[` is and where `]` is.
    private static func notation(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (CodeLineMark, Int, Int, Int)? {
        guard let marker = HTMLSyntax.find(bytes, start, end, "[!code ") else { return nil }
        let wordStart = marker + 7
        guard let close = bytes[wordStart..<end].firstIndex(of: UInt8(ascii: "]")) else { return nil }
        let colon = bytes[wordStart..<close].firstIndex(of: UInt8(ascii: ":"))
        let name = String(decoding: bytes[wordStart..<(colon ?? close)], as: UTF8.self)
        guard let mark = Self.marks[name] else { return nil }
        var count = 1
        if let colon {
            count = min(max(Int(String(decoding: bytes[(colon + 1)..<close], as: UTF8.self)) ?? 1, 1), 10_000)
        }
        return (mark, count, marker, close)
    }

    /// The line without the marker and the comment around it (`//`, `#`, `--`, `;`, `/* */`, `<!-- -->`).
    private static func appendRemovingComment(_ bytes: [UInt8], lineStart: Int, marker: Int, close: Int, lineEnd: Int, to out: inout [UInt8]) {
        var beforeEnd = marker
        while beforeEnd > lineStart, bytes[beforeEnd - 1] == 0x20 || bytes[beforeEnd - 1] == 0x09 { beforeEnd -= 1 }
        for opener in openers where beforeEnd - lineStart >= opener.count && bytes[(beforeEnd - opener.count)..<beforeEnd].elementsEqual(opener) {
            beforeEnd -= opener.count
            break
        }
        var afterStart = close + 1
        while afterStart < lineEnd, bytes[afterStart] == 0x20 { afterStart += 1 }
        for closer in closers where lineEnd - afterStart >= closer.count && bytes[afterStart..<(afterStart + closer.count)].elementsEqual(closer) {
            afterStart += closer.count
            while afterStart < lineEnd, bytes[afterStart] == 0x20 { afterStart += 1 }
            break
        }
        while beforeEnd > lineStart, bytes[beforeEnd - 1] == 0x20 || bytes[beforeEnd - 1] == 0x09 { beforeEnd -= 1 }
        out.append(contentsOf: bytes[lineStart..<beforeEnd])
        out.append(contentsOf: bytes[afterStart..<lineEnd])
    }

    private static let openers: [[UInt8]] = ["<!--", "/*", "//", "--", "#", ";"].map { Array($0.utf8) }
    private static let closers: [[UInt8]] = ["-->", "*/"].map { Array($0.utf8) }
}
