/// Escaping for XML text and attribute values, over UTF-8 bytes: the backends' documents and
/// MathML. Characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return;
/// U+FFFE, U+FFFF) are dropped, so any article text gives a well-formed document. Text with
/// nothing to escape is returned as it is.
public enum XMLText {
    /// What is escaped besides `&`, `<`, `>` and the characters XML forbids.
    public enum Mode: Sendable {
        /// Element text: nothing more.
        case text
        /// An attribute value in double quotes: `"`, and line breaks and tabs become spaces.
        case attribute
        /// Text or a value that keeps its line breaks with `"` escaped too (MathML's text and
        /// `alttext`, as KaTeX writes them).
        case quoted
    }

    public static func escaped(_ text: String) -> String { UTF8Replacing.replacing(in: text, Escapes(.text)) }

    /// For an attribute value in double quotes; line breaks and tabs become spaces.
    public static func escapedAttribute(_ text: String) -> String { UTF8Replacing.replacing(in: text, Escapes(.attribute)) }

    /// Appends `text`, escaped, to a document being written as UTF-8.
    @inlinable
    public static func appendEscaped(_ text: String, attribute: Bool, to out: inout [UInt8]) {
        appendEscaped(text, attribute ? .attribute : .text, to: &out)
    }

    /// Appends `text`, escaped for `mode`, to a document being written as UTF-8.
    @inlinable
    public static func appendEscaped(_ text: String, _ mode: Mode, to out: inout [UInt8]) {
        UTF8Replacing.append(text, Escapes(mode), to: &out)
    }

    /// Appends UTF-8 `bytes` (whole characters), escaped for `mode`, to a document being written.
    @inlinable
    public static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, _ mode: Mode, to out: inout [UInt8]) {
        UTF8Replacing.append(bytes, Escapes(mode), to: &out)
    }

    /// The replacements, for a mode.
    @usableFromInline
    struct Escapes: UTF8Replacements {
        /// Bytes that may need work, per mode: markup characters, C0 controls (tab, newline and
        /// carriage return only in an attribute) and 0xEF, which starts U+FFFE and U+FFFF.
        @usableFromInline static let textBytes = flags(quotes: false, lineBreaks: false)
        @usableFromInline static let attributeBytes = flags(quotes: true, lineBreaks: true)
        @usableFromInline static let quotedBytes = flags(quotes: true, lineBreaks: false)

        private static func flags(quotes: Bool, lineBreaks: Bool) -> ByteSet {
            ByteSet { byte in
                if byte == 0x09 || byte == 0x0A || byte == 0x0D { return lineBreaks }
                return byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                    || byte == 0xEF || (quotes && byte == UInt8(ascii: "\""))
            }
        }

        @usableFromInline let flagged: ByteSet
        /// Whether `"` is escaped, and whether tab, newline and carriage return become spaces.
        @usableFromInline let quotes: Bool
        @usableFromInline let lineBreaks: Bool

        @inlinable
        init(_ mode: Mode) {
            switch mode {
            case .text: (flagged, quotes, lineBreaks) = (Self.textBytes, false, false)
            case .attribute: (flagged, quotes, lineBreaks) = (Self.attributeBytes, true, true)
            case .quoted: (flagged, quotes, lineBreaks) = (Self.quotedBytes, true, false)
            }
        }

        @inlinable
        func mayNeedWork(_ byte: UInt8) -> Bool { flagged.contains(byte) }

        /// The same bytes, eight at a time (a control, `&`, `<`, `>`, 0xEF, and `"` where it is
        /// escaped): most text, CJK or a base64 image, passes a word at a time. Tab, newline and
        /// carriage return are controls here too: a word holding one is looked at byte by byte.
        @inlinable
        func mayNeedWork(eightBytes word: UInt64) -> Bool {
            EightBytes.hasByte(below: 0x20, in: word) || EightBytes.hasByte(UInt8(ascii: "&"), in: word)
                || EightBytes.hasByte(UInt8(ascii: "<"), in: word) || EightBytes.hasByte(UInt8(ascii: ">"), in: word)
                || EightBytes.hasByte(0xEF, in: word) || (quotes && EightBytes.hasByte(UInt8(ascii: "\""), in: word))
        }

        @inlinable
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
