import Yams

/// A reader for the plain frontmatter most articles have — `key: value` lines, `- item` lists,
/// and mappings and lists nested in them by indentation (a home page's `config:`), every value a
/// plain scalar — that builds the nodes `Yams.compose` builds for it, without libyaml. Anything
/// beyond that (quotes, comments, flow collections, block scalars, anchors, tags, empty values,
/// `- key: value` items, CR line ends, characters YAML treats specially) gives `nil`, and the
/// caller reads the text with Yams. The nodes carry no marks: a caller that has a problem to
/// report reads the text again with Yams for its locations.
///
/// The nodes' tags resolve with Yams' basic resolver, not its default one: building that compiles
/// seven regular expressions (4% of a `check` of plume-docs), and nothing asks these nodes for
/// their tags — `bool`, `int` and `timestamp` read the text.
enum SimpleYAML {
    static func mapping(_ text: String) -> Node.Mapping? {
        // YAML that may nest too deep is an error wherever it is read: left to `YAMLDocument`,
        // which reports it. Below the bound, the blocks' recursion here stays shallow.
        guard YAMLNesting.firstTooDeepLine(in: text) == nil else { return nil }
        var text = text
        return text.withUTF8(mapping)
    }

    /// Over the text's UTF-8: lines and values are byte ranges, made into strings once read.
    private static func mapping(_ bytes: UnsafeBufferPointer<UInt8>) -> Node.Mapping? {
        guard isPlainText(bytes) else { return nil }
        // Blank lines (spaces only; a tab is refused above) are left out: with no scalar on more
        // than one line, YAML gives them no meaning.
        var lines: [Range<Int>] = []
        var start = 0
        func addLine(_ line: Range<Int>) {
            if line.contains(where: { bytes[$0] != UInt8(ascii: " ") }) { lines.append(line) }
        }
        for index in bytes.indices where bytes[index] == 0x0A {
            addLine(start..<index)
            start = index + 1
        }
        if start < bytes.count { addLine(start..<bytes.count) }
        guard !lines.isEmpty else { return nil }
        var reader = BlockReader(bytes: bytes, lines: lines)
        guard let mapping = reader.mapping(indentation: 0), reader.index == lines.count else { return nil }
        return mapping
    }

    /// Reads the block structure line by line: a mapping's keys, or a sequence's `-`, all at one
    /// indentation; a key's value more indented (a sequence may also stand at the key's own
    /// indentation); a lone `-` followed by a more indented block. Anything else — a line more
    /// indented than its place allows, a key without a value, a `- key: value` item — gives nil.
    private struct BlockReader {
        let bytes: UnsafeBufferPointer<UInt8>
        let lines: [Range<Int>]
        /// The next line to read.
        var index = 0
        let tag = Tag(.implicit, .basic, .default)

        private func indentation(of line: Range<Int>) -> Int {
            line.prefix { bytes[$0] == UInt8(ascii: " ") }.count
        }

        /// `-` alone, or `-` and a space, after `indentation` spaces.
        private func isSequenceItem(_ line: Range<Int>, indentation: Int) -> Bool {
            let dash = line.lowerBound + indentation
            return dash < line.upperBound && bytes[dash] == UInt8(ascii: "-")
                && (dash + 1 == line.upperBound || bytes[dash + 1] == UInt8(ascii: " "))
        }

        /// The mapping whose keys stand at `indentation`, up to a line less indented.
        mutating func mapping(indentation: Int) -> Node.Mapping? {
            var pairs: [(Node, Node)] = []
            var keys: [String] = []
            while index < lines.count {
                let line = lines[index]
                let lineIndentation = self.indentation(of: line)
                if lineIndentation < indentation { break }
                guard lineIndentation == indentation else { return nil }
                let start = line.lowerBound + indentation
                guard let colon = (start..<line.upperBound).first(where: { bytes[$0] == UInt8(ascii: ":") }),
                    isKey(bytes, start..<colon)
                else { return nil }
                let key = text(bytes, start..<colon)
                keys.append(key)
                index += 1
                let rest = (colon + 1)..<line.upperBound
                let value: Node
                if rest.isEmpty {
                    guard let block = block(below: indentation, allowsSequenceAtSameIndentation: true) else { return nil }
                    value = block
                } else {
                    guard bytes[rest.lowerBound] == UInt8(ascii: " "), let scalar = plainScalar(bytes, rest.dropFirst()) else { return nil }
                    value = .scalar(.init(scalar, tag))
                }
                pairs.append((.scalar(.init(key, tag)), value))
            }
            // A repeated key goes to Yams; sorted, repeats are neighbours (thousands of keys cost
            // no search of each in the others).
            let sorted = keys.sorted()
            guard !pairs.isEmpty, !zip(sorted, sorted.dropFirst()).contains(where: { $0 == $1 }) else { return nil }
            return Node.Mapping(pairs, tag)
        }

        /// The sequence whose `-` stand at `indentation`, up to a line less indented or one at
        /// that indentation that is not an item (the next key of a mapping around it).
        mutating func sequence(indentation: Int) -> Node.Sequence? {
            var items: [Node] = []
            while index < lines.count {
                let line = lines[index]
                let lineIndentation = self.indentation(of: line)
                if lineIndentation < indentation || (lineIndentation == indentation && !isSequenceItem(line, indentation: indentation)) { break }
                guard lineIndentation == indentation else { return nil }
                index += 1
                let dash = line.lowerBound + indentation
                if dash + 1 == line.upperBound {
                    guard let block = block(below: indentation, allowsSequenceAtSameIndentation: false) else { return nil }
                    items.append(block)
                } else {
                    guard let scalar = plainScalar(bytes, (dash + 2)..<line.upperBound) else { return nil }
                    items.append(.scalar(.init(scalar, tag)))
                }
            }
            return items.isEmpty ? nil : Node.Sequence(items, tag)
        }

        /// The block that is the value of a key, or the item of a lone `-`, at `indentation`.
        private mutating func block(below indentation: Int, allowsSequenceAtSameIndentation: Bool) -> Node? {
            guard index < lines.count else { return nil }
            let line = lines[index]
            let next = self.indentation(of: line)
            if isSequenceItem(line, indentation: next), next > indentation || (allowsSequenceAtSameIndentation && next == indentation) {
                return sequence(indentation: next).map(Node.sequence)
            }
            return next > indentation ? mapping(indentation: next).map(Node.mapping) : nil
        }
    }

    /// `name` of ASCII letters, digits, `_` and `-`, starting with a letter or `_`.
    private static func isKey(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let first = range.first, HTMLSyntax.isLetter(bytes[first]) || bytes[first] == UInt8(ascii: "_") else { return false }
        return range.allSatisfy { index in
            let byte = bytes[index]
            return HTMLSyntax.isLetter(byte) || HTMLSyntax.isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
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
