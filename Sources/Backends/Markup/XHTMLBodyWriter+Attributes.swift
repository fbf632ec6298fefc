import Compiler

extension XHTMLBodyWriter {
    /// Writes the attributes a book keeps of `{…}`: id (once per document), classes (`extra`
    /// first), `title`, `lang` and `dir`. Anything else (`style`, `on…` handlers, `data-`) is dropped.
    /// Written straight into the output: making a string of them was 3% of an EPUB build.
    mutating func writeAttributes(_ attributes: Attributes, classes extra: [String] = []) {
        // Most blocks and spans have no attributes at all.
        guard attributes.id != nil || !attributes.classes.isEmpty || !attributes.pairs.isEmpty else {
            writeClasses(extra)
            return
        }
        if let id = attributes.id.map(Self.identifier), !id.isEmpty, writtenIDs.insert(ExactText(id)).inserted {
            out.append(" id=\"")
            writeEscapedAttribute(options.idPrefix)
            writeEscapedAttribute(id)
            out.append("\"")
        }
        writeClasses(extra, sanitizing: attributes.classes)
        if let title = attributes["title"] {
            out.append(" title=\"")
            writeEscapedAttribute(title)
            out.append("\"")
        }
        if let language = attributes["lang"], Self.isLanguageTag(language) {
            out.append(" lang=\"")
            out.appendUTF8(language)
            out.append("\" xml:lang=\"")
            out.appendUTF8(language)
            out.append("\"")
        }
        if let direction = attributes["dir"], ["ltr", "rtl", "auto"].contains(direction) {
            out.append(" dir=\"")
            out.appendUTF8(direction)
            out.append("\"")
        }
    }

    /// Writes ` class="…"` with the non-empty names of `classes`, then of `own` made into class
    /// names (see ``className(_:)``); nothing when there are none.
    mutating func writeClasses(_ classes: [String], sanitizing own: [String] = []) {
        var first = true
        func write(_ name: String) {
            guard !name.isEmpty else { return }
            out.append(first ? " class=\"" : " ")
            first = false
            out.appendUTF8(name)
        }
        for name in classes { write(name) }
        for name in own { write(Self.className(name)) }
        if !first { out.append("\"") }
    }

    /// A class name made of letters, digits, `-` and `_` only.
    static func className(_ name: String) -> String {
        if name.utf8.allSatisfy(Self.classNameBytes.contains) { return name }
        return String(name.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" ? Character($0) : "-" })
    }

    private static let classNameBytes = ASCIISet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// An id without white space (which XHTML forbids in ids).
    static func identifier(_ id: String) -> String {
        if !id.unicodeScalars.contains(where: \.isWhiteSpace) { return id }
        return String(id.map { $0.isWhitespace ? "-" : $0 })
    }

    static func isLanguageTag(_ tag: String) -> Bool {
        !tag.isEmpty && tag.count <= 35 && tag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
}

/// Percent-encoding for the parts of a URL a book writes.
enum URLText {
    /// A fragment (`#…`): characters outside RFC 3986's fragment set are percent-encoded as UTF-8.
    static func fragment(_ text: String) -> String { encode(text, keeping: fragmentCharacters) }

    /// An external URL as written: spaces, quotes and non-ASCII are encoded, `%` escapes are kept,
    /// a `#` after the fragment's own is encoded.
    static func external(_ text: String) -> String {
        // Most URLs have no `#` byte: they are not searched by `Character` (slow on long URLs).
        guard text.utf8.contains(UInt8(ascii: "#")), let hash = text.firstIndex(of: "#") else { return encode(text, keeping: urlCharacters) }
        return encode(String(text[..<hash]), keeping: urlCharacters) + "#" + encode(String(text[text.index(after: hash)...]), keeping: fragmentCharacters.union("%"))
    }

    private static let urlCharacters = fragmentCharacters.union("%[]")

    private static let fragmentCharacters = ASCIISet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?")

    private static func encode(_ text: String, keeping allowed: ASCIISet) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            let encoded = bytes.reduce(0) { $0 + (allowed.contains($1) ? 0 : 1) }
            guard encoded > 0 else { return nil }
            // The result is ASCII, so it is written straight into the string's storage.
            return String(unsafeUninitializedCapacity: bytes.count + 2 * encoded) { out in
                var count = 0
                for byte in bytes {
                    if allowed.contains(byte) {
                        out[count] = byte
                        count += 1
                    } else {
                        out[count] = UInt8(ascii: "%")
                        out[count + 1] = hexDigit(byte >> 4)
                        out[count + 2] = hexDigit(byte & 0xF)
                        count += 3
                    }
                }
                return count
            }
        } ?? text
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
