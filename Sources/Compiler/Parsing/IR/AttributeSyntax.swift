/// `{#id .class key=value key="a b"}` as markdown-it-attrs reads it. Keys that could run code or
/// change where something points (`on…`, `style`, `href`, `src`) are dropped here, so no article
/// can smuggle them into a book.
enum AttributeSyntax {
    /// Parses attributes that fill `text` from its first byte (which must be `{`) to a `}`;
    /// returns them and the byte length consumed, or nil when `text` does not start with valid syntax.
    static func parsePrefix(_ text: Substring) -> (Attributes, Int)? {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "{") else { return nil }
        var index = 1
        var attributes = Attributes()
        var sawItem = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "}") {
                return sawItem ? (attributes, index + 1) : nil
            }
            if byte == 0x20 || byte == 0x09 {
                index += 1
                continue
            }
            if byte == 0x0A { return nil }
            // One item: #id, .class, ..css-module, key=value, key="value", key
            let start = index
            if byte == UInt8(ascii: "#") || byte == UInt8(ascii: ".") {
                let isModule = byte == UInt8(ascii: ".") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: ".")
                index += isModule ? 2 : 1
                let nameStart = index
                while index < bytes.count, !isDelimiter(bytes[index]) { index += 1 }
                guard index > nameStart else { return nil }
                let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
                if isModule {
                    attributes.joinPair(Self.cssModule, name)
                } else if byte == UInt8(ascii: "#") {
                    attributes.id = name
                    attributes.noteWritten("id")
                } else {
                    attributes.classes.append(name)
                    attributes.noteWritten("class")
                }
                sawItem = true
                continue
            }
            while index < bytes.count, !isDelimiter(bytes[index]), bytes[index] != UInt8(ascii: "=") { index += 1 }
            let key = String(decoding: bytes[start..<index], as: UTF8.self)
            guard !key.isEmpty, key.utf8.allSatisfy({ HTMLSyntax.isLetter($0) || HTMLSyntax.isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":") })
            else { return nil }
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    index += 1
                    let valueStart = index
                    while index < bytes.count, bytes[index] != quote, bytes[index] != 0x0A { index += 1 }
                    guard index < bytes.count, bytes[index] == quote else { return nil }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                    index += 1
                } else {
                    let valueStart = index
                    while index < bytes.count, !isDelimiter(bytes[index]) { index += 1 }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                }
            }
            sawItem = true
            if isSafe(key) {
                attributes.noteWritten(key)
                if key == "id" {
                    attributes.id = value
                } else if key == "class" {
                    // `class=""` stays, as an empty class name (the site writes `class=""`).
                    let names = value.split(separator: " ").map(String.init)
                    attributes.classes += names.isEmpty ? [""] : names
                } else {
                    attributes.pairs.append((key, value))
                }
            }
        }
        return nil
    }

    /// Attributes that end `text` (optionally after spaces): the text before them and the attributes.
    static func parseSuffix(_ text: String) -> (String, Attributes)? {
        let utf8 = text.utf8
        guard utf8.last == UInt8(ascii: "}"), let open = utf8.lastIndex(of: UInt8(ascii: "{")),
              let (attributes, length) = parsePrefix(Substring(utf8[open...])), utf8.distance(from: open, to: utf8.endIndex) == length
        else { return nil }
        return (String(Substring(utf8[..<open])), attributes)
    }

    /// Attributes at the end of a fence's info string (```` ```python {.c #id} ````): a last group
    /// that is the whole info or follows white space, and holds a `.class`, `#id` or `key=value`
    /// (so VuePress's `{1,3-5}` highlighted lines stay meta). Returns the info without the group.
    static func fenceAttributes(_ info: String) -> (String, Attributes) {
        var trimmed = Substring(info)
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        guard let (before, parsed) = parseSuffix(String(trimmed)), before.isEmpty || before.last == " " || before.last == "\t",
              trimmed.dropFirst(before.count).contains(where: { $0 == "." || $0 == "#" || $0 == "=" })
        else { return (info, .none) }
        return (before, parsed)
    }

    /// `{..name}`: a CSS-module name, joined into one `css-module` attribute as the plugin does.
    static let cssModule = "css-module"

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == UInt8(ascii: "}")
    }

    private static func isSafe(_ key: String) -> Bool {
        let lower = key.lowercased()
        return !lower.hasPrefix("on") && !["style", "href", "src", "srcset", "xlink:href", "formaction", "action"].contains(lower)
    }
}

extension Attributes {
    /// Sets the attribute `name` (not `id` or `class`), keeping its place if it was there.
    mutating func setPair(_ name: String, _ value: String) {
        if let index = pairs.firstIndex(where: { $0.name == name }) { pairs[index].value = value } else { pairs.append((name, value)) }
        noteWritten(name)
    }

    /// Adds `value` to the attribute `name`, after a space when it has one (as `class` joins).
    mutating func joinPair(_ name: String, _ value: String) {
        if let index = pairs.firstIndex(where: { $0.name == name }) { pairs[index].value += " " + value } else { pairs.append((name, value)) }
        noteWritten(name)
    }

    /// Records that `name` was written (its first time fixes its place in ``writtenOrder``).
    mutating func noteWritten(_ name: String) {
        if !writtenOrder.contains(name) { writtenOrder.append(name) }
    }

    /// These attributes with `later` added as markdown-it-attrs adds a second group: its id and
    /// values replace, its classes append.
    func merging(_ later: Attributes) -> Attributes {
        if later.isEmpty && later.writtenOrder.isEmpty { return self }
        var result = self
        for name in later.writtenOrder { result.noteWritten(name) }
        if let id = later.id { result.id = id }
        result.classes += later.classes
        for pair in later.pairs {
            if pair.name == AttributeSyntax.cssModule, let index = result.pairs.firstIndex(where: { $0.name == pair.name }) {
                result.pairs[index].value += " " + pair.value
                continue
            }
            result.pairs.removeAll { $0.name == pair.name }
            result.pairs.append(pair)
        }
        return result
    }
}

extension Inline {
    /// This inline with `attributes` merged in, or nil when the kind of inline carries none.
    func adding(_ attributes: Attributes) -> Inline? {
        func merged(_ existing: Attributes) -> Attributes { existing.merging(attributes) }
        switch self {
        case .code(let code, let existing): return .code(code, merged(existing))
        case .emphasis(let children, let existing): return .emphasis(children, merged(existing))
        case .strong(let children, let existing): return .strong(children, merged(existing))
        case .strikethrough(let children, let existing): return .strikethrough(children, merged(existing))
        case .mark(let children, let existing): return .mark(children, merged(existing))
        case .span(let children, let existing): return .span(children, merged(existing))
        case .link(var link):
            link.attributes = merged(link.attributes)
            return .link(link)
        case .image(var image):
            image.attributes = merged(image.attributes)
            return .image(image)
        default:
            return nil
        }
    }
}
