/// Shiki's notation comments inside code (`// [!code ++]`, `# [!code highlight:3]`,
/// `<!-- [!code focus] -->`): the site removes them and styles the lines; so does the book.
enum CodeNotation {
    /// The code without its notation comments, and the mark of each marked line (1-based).
    static func extract(_ code: String) -> (code: String, marks: [Int: CodeLineMark]) {
        guard Self.mayContainMarker(code) else { return (code, [:]) }
        var marks: [Int: CodeLineMark] = [:]
        var lines: [String] = []
        for (index, line) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let marker = line.range(of: "[!code "), let close = line[marker.upperBound...].firstIndex(of: "]") else {
                lines.append(String(line))
                continue
            }
            let word = line[marker.upperBound..<close].split(separator: ":", maxSplits: 1)
            guard let name = word.first, let mark = Self.marks[String(name)] else {
                lines.append(String(line))
                continue
            }
            let count = word.count > 1 ? min(max(Int(word[1]) ?? 1, 1), 10_000) : 1
            for offset in 0..<count { marks[index + 1 + offset] = mark }
            lines.append(removingComment(line, marker: marker.lowerBound, close: close))
        }
        return (lines.joined(separator: "\n"), marks)
    }

    /// Whether `[!code ` occurs in the code, by a byte search (most code has no marker, and
    /// Foundation's `contains` costs several percent of parsing).
    private static func mayContainMarker(_ code: String) -> Bool {
        let marker = Array("[!code ".utf8)
        var code = code
        return code.withUTF8 { bytes in
            guard bytes.count >= marker.count else { return false }
            var position = 0
            while position <= bytes.count - marker.count {
                if bytes[position] == marker[0], bytes[position + 1] == marker[1], Array(bytes[position..<position + marker.count]) == marker {
                    return true
                }
                position += 1
            }
            return false
        }
    }

    static let marks: [String: CodeLineMark] = [
        "++": .added, "--": .removed, "highlight": .highlighted, "hl": .highlighted, "focus": .focused,
        "error": .error, "warning": .warning,
    ]

    /// The line without the marker and the comment around it (`//`, `#`, `--`, `;`, `/* */`, `<!-- -->`).
    private static func removingComment(_ line: Substring, marker: Substring.Index, close: Substring.Index) -> String {
        var before = line[..<marker]
        var after = line[line.index(after: close)...]
        while before.last == " " || before.last == "\t" { before.removeLast() }
        for opener in ["<!--", "/*", "//", "--", "#", ";"] where before.hasSuffix(opener) {
            before.removeLast(opener.count)
            break
        }
        while after.first == " " { after.removeFirst() }
        for closer in ["-->", "*/"] where after.hasPrefix(closer) {
            after.removeFirst(closer.count)
            while after.first == " " { after.removeFirst() }
            break
        }
        var result = String(before)
        while result.last == " " || result.last == "\t" { result.removeLast() }
        return result + after
    }
}
