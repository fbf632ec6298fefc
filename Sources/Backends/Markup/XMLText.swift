/// Escaping for XML text and attribute values, over UTF-8 bytes. Characters XML 1.0 forbids (C0
/// controls other than tab, newline and carriage return; U+FFFE, U+FFFF) are dropped, so any
/// article text gives a well-formed document. Text with nothing to escape is returned as it is.
enum XMLText {
    static func escaped(_ text: String) -> String { escape(text, attribute: false) }

    /// For an attribute value in double quotes; line breaks and tabs become spaces.
    static func escapedAttribute(_ text: String) -> String { escape(text, attribute: true) }

    private static func needsWork(_ byte: UInt8, attribute: Bool) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == 0xEF || (attribute && byte == UInt8(ascii: "\""))
    }

    private static func escape(_ text: String, attribute: Bool) -> String {
        var text = text
        let clean = text.withUTF8 { buffer in !buffer.contains { needsWork($0, attribute: attribute) } }
        if clean { return text }
        let bytes = text.utf8
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        var iterator = bytes.makeIterator()
        var pending: [UInt8] = []
        while let byte = pending.isEmpty ? iterator.next() : pending.removeFirst() {
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\"") where attribute: out += Array("&quot;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(attribute ? UInt8(ascii: " ") : byte)
            case ..<0x20: break
            case 0xEF:
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                guard let second = iterator.next() else { out.append(byte); continue }
                guard let third = iterator.next() else { out += [byte, second]; continue }
                if second == 0xBF && (third == 0xBE || third == 0xBF) { continue }
                out.append(byte)
                pending = [second, third]
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
