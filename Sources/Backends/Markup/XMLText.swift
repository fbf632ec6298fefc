import TeXMath

/// Escaping for XML text and attribute values, over UTF-8 bytes. Characters XML 1.0 forbids (C0
/// controls other than tab, newline and carriage return; U+FFFE, U+FFFF) are dropped, so any
/// article text gives a well-formed document. Text with nothing to escape is returned as it is.
enum XMLText {
    static func escaped(_ text: String) -> String { escape(text, attribute: false) }

    /// For an attribute value in double quotes; line breaks and tabs become spaces.
    static func escapedAttribute(_ text: String) -> String { escape(text, attribute: true) }

    /// Appends `text`, escaped, to a document being written as UTF-8.
    static func appendEscaped(_ text: String, attribute: Bool, to out: inout [UInt8]) {
        if attribute {
            UTF8Replacing.append(text, Escapes(attribute: true), to: &out)
        } else {
            UTF8Replacing.append(text, Escapes(attribute: false), to: &out)
        }
    }

    private static func escape(_ text: String, attribute: Bool) -> String {
        attribute ? UTF8Replacing.replacing(in: text, Escapes(attribute: true)) : UTF8Replacing.replacing(in: text, Escapes(attribute: false))
    }

    /// The replacements, for text or for an attribute value.
    private struct Escapes: UTF8Replacements {
        /// Bytes that may need work, per mode: markup characters, C0 controls (in text, tab, newline
        /// and carriage return stay as they are) and 0xEF, which starts U+FFFE and U+FFFF.
        private static let textBytes = flags(attribute: false)
        private static let attributeBytes = flags(attribute: true)

        private static func flags(attribute: Bool) -> ByteSet {
            ByteSet { byte in
                if byte == 0x09 || byte == 0x0A || byte == 0x0D { return attribute }
                return byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                    || byte == 0xEF || (attribute && byte == UInt8(ascii: "\""))
            }
        }

        private let flagged: ByteSet
        private let attribute: Bool

        init(attribute: Bool) {
            flagged = attribute ? Self.attributeBytes : Self.textBytes
            self.attribute = attribute
        }

        func mayNeedWork(_ byte: UInt8) -> Bool { flagged.contains(byte) }

        /// The same bytes, eight at a time (a control, `&`, `<`, `>`, 0xEF, and `"` in an
        /// attribute): most text, CJK or a base64 image, passes a word at a time.
        func mayNeedWork(eightBytes word: UInt64) -> Bool {
            EightBytes.hasByte(below: 0x20, in: word) || EightBytes.hasByte(UInt8(ascii: "&"), in: word)
                || EightBytes.hasByte(UInt8(ascii: "<"), in: word) || EightBytes.hasByte(UInt8(ascii: ">"), in: word)
                || EightBytes.hasByte(0xEF, in: word) || (attribute && EightBytes.hasByte(UInt8(ascii: "\""), in: word))
        }

        func replacement(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (text: StaticString, length: Int)? {
            switch bytes[index] {
            case UInt8(ascii: "&"): ("&amp;", 1)
            case UInt8(ascii: "<"): ("&lt;", 1)
            case UInt8(ascii: ">"): ("&gt;", 1)
            case UInt8(ascii: "\""): ("&quot;", 1)
            case 0x09, 0x0A, 0x0D: (" ", 1)
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF; other characters from EF are kept.
            case 0xEF: index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] & 0xFE == 0xBE ? ("", 3) : nil
            // C0 controls.
            default: ("", 1)
            }
        }
    }
}
