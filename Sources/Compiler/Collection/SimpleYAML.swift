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
        var text = text
        return text.withUTF8(mapping)
    }

    /// Over the text's UTF-8: lines and values are byte ranges, made into strings once read.
    private static func mapping(_ bytes: UnsafeBufferPointer<UInt8>) -> Node.Mapping? {
        guard isPlainText(bytes) else { return nil }
        let tag = Tag(.implicit, .basic, .default)
        var lines: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(start..<index)
            start = index + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        guard !lines.isEmpty else { return nil }
        var pairs: [(Node, Node)] = []
        var keys: Set<String> = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard let colon = line.first(where: { bytes[$0] == UInt8(ascii: ":") }), isKey(bytes, line.lowerBound..<colon) else { return nil }
            let key = text(bytes, line.lowerBound..<colon)
            guard keys.insert(key).inserted else { return nil }
            let rest = (colon + 1)..<line.upperBound
            if rest.isEmpty {
                // A block sequence of plain scalars, every `-` at the same indentation.
                var items: [Node] = []
                var indentation: Int?
                while index < lines.count, let (indent, value) = sequenceItem(bytes, lines[index]) {
                    guard indentation == nil || indentation == indent else { return nil }
                    indentation = indent
                    items.append(.scalar(.init(value, tag)))
                    index += 1
                }
                guard !items.isEmpty else { return nil }
                pairs.append((.scalar(.init(key, tag)), .sequence(.init(items, tag))))
            } else {
                guard bytes[rest.lowerBound] == UInt8(ascii: " "), let value = plainScalar(bytes, rest.dropFirst()) else { return nil }
                pairs.append((.scalar(.init(key, tag)), .scalar(.init(value, tag))))
            }
        }
        return Node.Mapping(pairs, tag)
    }

    /// `name` of ASCII letters, digits, `_` and `-`, starting with a letter or `_`.
    private static func isKey(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let first = range.first, HTMLSyntax.isLetter(bytes[first]) || bytes[first] == UInt8(ascii: "_") else { return false }
        return range.allSatisfy { index in
            let byte = bytes[index]
            return HTMLSyntax.isLetter(byte) || HTMLSyntax.isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    /// `  - value`: the indentation and the value.
    private static func sequenceItem(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (Int, String)? {
        let indentation = line.prefix { bytes[$0] == UInt8(ascii: " ") }.count
        let rest = line.dropFirst(indentation)
        guard rest.count >= 2, bytes[rest.lowerBound] == UInt8(ascii: "-"), bytes[rest.lowerBound + 1] == UInt8(ascii: " "),
            let value = plainScalar(bytes, rest.dropFirst(2))
        else { return nil }
        return (indentation, value)
    }

    /// A plain scalar that reads the same in any YAML: no indicator first, no space at either end,
    /// no `: ` or ` #` inside, no tab, not ending in `:`.
    private static func plainScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        guard let firstIndex = range.first, let lastIndex = range.last else { return nil }
        let (first, last) = (bytes[firstIndex], bytes[lastIndex])
        guard !leadingIndicators.contains(first), first != UInt8(ascii: " "), last != UInt8(ascii: " "), last != UInt8(ascii: ":") else { return nil }
        var previous: UInt8 = 0
        for index in range {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\t") || (previous == UInt8(ascii: ":") && byte == UInt8(ascii: " "))
                || (previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#"))
            {
                return nil
            }
            previous = byte
        }
        return text(bytes, range)
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private static let leadingIndicators = ASCIISet("-?:,[]{}#&*!|>'\"%@`")

    /// No character YAML treats specially or refuses: controls other than the line feed (so no
    /// CR), DEL, C1 controls (NEL is a line break to YAML 1.1), the BOM, U+2028/U+2029, U+FFFE/U+FFFF.
    /// Those beyond ASCII are told by their lead byte and what follows it (the text is valid UTF-8).
    private static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func at(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }
        for index in bytes.indices {
            switch bytes[index] {
            case 0x0A: continue
            case ..<0x20, 0x7F: return false
            // C1 controls: U+0080–U+009F.
            case 0xC2 where (0x80...0x9F).contains(at(index + 1)): return false
            // U+2028 and U+2029.
            case 0xE2 where at(index + 1) == 0x80 && (0xA8...0xA9).contains(at(index + 2)): return false
            // The BOM, U+FFFE and U+FFFF.
            case 0xEF where (at(index + 1) == 0xBB && at(index + 2) == 0xBF) || (at(index + 1) == 0xBF && at(index + 2) >= 0xBE): return false
            default: continue
            }
        }
        return true
    }
}
