/// Escaping for XML text and attribute values, over UTF-8 bytes. Characters XML 1.0 forbids (C0
/// controls other than tab, newline and carriage return; U+FFFE, U+FFFF) are dropped, so any
/// article text gives a well-formed document. Text with nothing to escape is returned as it is.
enum XMLText {
    static func escaped(_ text: String) -> String { escape(text, attribute: false) }

    /// For an attribute value in double quotes; line breaks and tabs become spaces.
    static func escapedAttribute(_ text: String) -> String { escape(text, attribute: true) }

    /// Bytes that may need work, per mode: markup characters, C0 controls (in text, tab, newline
    /// and carriage return stay as they are) and 0xEF, which starts U+FFFE and U+FFFF.
    private static let textBytes = flags(attribute: false)
    private static let attributeBytes = flags(attribute: true)

    private static func flags(attribute: Bool) -> [Bool] {
        (0...255).map { (value: Int) -> Bool in
            let byte = UInt8(value)
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { return attribute }
            return byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == 0xEF || (attribute && byte == UInt8(ascii: "\""))
        }
    }

    private static func escape(_ text: String, attribute: Bool) -> String {
        var text = text
        let flagged = attribute ? attributeBytes : textBytes
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            var copied = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard flagged[Int(byte)] else {
                    index += 1
                    continue
                }
                let replacement: StaticString?
                var length = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case 0x09, 0x0A, 0x0D: replacement = " "
                case 0xEF:
                    // U+FFFE and U+FFFF are EF BF BE and EF BF BF; other characters from EF are kept.
                    guard index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] & 0xFE == 0xBE else {
                        index += 1
                        continue
                    }
                    replacement = nil
                    length = 3
                default: replacement = nil
                }
                if out.isEmpty { out.reserveCapacity(bytes.count + 32) }
                out.append(contentsOf: bytes[copied..<index])
                if let replacement {
                    out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                }
                index += length
                copied = index
            }
            guard copied > 0 else { return nil }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }
}
