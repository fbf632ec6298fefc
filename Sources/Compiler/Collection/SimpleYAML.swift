import Yams

/// A reader for the plain frontmatter most articles have — `key: value` lines and `- item` lists
/// of plain scalars, nothing else — that builds the nodes `Yams.compose` builds for it, without
/// libyaml. Anything beyond that (quotes, comments, blank lines, nesting, flow collections, block
/// scalars, anchors, tags, CR line ends, characters YAML treats specially) gives `nil`, and the
/// caller reads the text with Yams. The nodes carry no marks: a caller that has a problem to report
/// reads the text again with Yams for its locations.
///
/// The nodes' tags resolve with Yams' basic resolver, not its default one: building that compiles
/// seven regular expressions (4% of a `check` of plume-docs), and nothing asks these nodes for
/// their tags — `bool`, `int` and `timestamp` read the text.
enum SimpleYAML {
    static func mapping(_ text: String) -> Node.Mapping? {
        guard isPlainText(text) else { return nil }
        let tag = Tag(.implicit, .basic, .default)
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard !lines.isEmpty else { return nil }
        var pairs: [(Node, Node)] = []
        var keys: Set<String> = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), isKey(line[..<colon]) else { return nil }
            let key = String(Substring(line[..<colon]))
            guard keys.insert(key).inserted else { return nil }
            let rest = line[line.index(after: colon)...]
            if rest.isEmpty {
                // A block sequence of plain scalars, every `-` at the same indentation.
                var items: [Node] = []
                var indentation: Int?
                while index < lines.count, let (indent, value) = sequenceItem(lines[index]) {
                    guard indentation == nil || indentation == indent else { return nil }
                    indentation = indent
                    items.append(.scalar(.init(value, tag)))
                    index += 1
                }
                guard !items.isEmpty else { return nil }
                pairs.append((.scalar(.init(key, tag)), .sequence(.init(items, tag))))
            } else {
                guard rest.first == UInt8(ascii: " "), let value = plainScalar(rest.dropFirst()) else { return nil }
                pairs.append((.scalar(.init(key, tag)), .scalar(.init(value, tag))))
            }
        }
        return Node.Mapping(pairs, tag)
    }

    /// `name` of ASCII letters, digits, `_` and `-`, starting with a letter or `_`.
    private static func isKey(_ bytes: Substring.UTF8View) -> Bool {
        guard let first = bytes.first, HTMLSyntax.isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return bytes.allSatisfy { HTMLSyntax.isLetter($0) || HTMLSyntax.isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    /// `  - value`: the indentation and the value.
    private static func sequenceItem(_ line: Substring.UTF8View) -> (Int, String)? {
        let indentation = line.prefix { $0 == UInt8(ascii: " ") }.count
        let rest = line.dropFirst(indentation)
        guard rest.starts(with: "- ".utf8), let value = plainScalar(rest.dropFirst(2)) else { return nil }
        return (indentation, value)
    }

    /// A plain scalar that reads the same in any YAML: no indicator first, no space at either end,
    /// no `: ` or ` #` inside, no tab, not ending in `:`.
    private static func plainScalar(_ bytes: Substring.UTF8View) -> String? {
        guard let first = bytes.first, let last = bytes.last, !leadingIndicators.contains(first), first != UInt8(ascii: " "),
            last != UInt8(ascii: " "), last != UInt8(ascii: ":")
        else { return nil }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "\t") || (previous == UInt8(ascii: ":") && byte == UInt8(ascii: " "))
                || (previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#"))
            {
                return nil
            }
            previous = byte
        }
        return String(Substring(bytes))
    }

    private static let leadingIndicators = ASCIISet("-?:,[]{}#&*!|>'\"%@`")

    /// No character YAML treats specially or refuses: controls other than the line feed (so no
    /// CR), DEL, C1 controls (NEL is a line break to YAML 1.1), the BOM, U+2028/U+2029, U+FFFE/U+FFFF.
    private static func isPlainText(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        var previous: (UInt8, UInt8) = (0, 0)
        while let byte = bytes.next() {
            defer { previous = (previous.1, byte) }
            if byte < 0x20 && byte != 0x0A || byte == 0x7F { return false }
            switch (previous.0, previous.1, byte) {
            case (_, 0xC2, 0x80...0x9F), (0xEF, 0xBB, 0xBF), (0xE2, 0x80, 0xA8...0xA9), (0xEF, 0xBF, 0xBE...0xBF): return false
            default: break
            }
        }
        return true
    }
}
