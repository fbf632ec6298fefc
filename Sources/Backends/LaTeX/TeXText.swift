import Compiler
import TeXMath

/// Escaping of article text for LaTeX: every character that means something to TeX becomes a
/// command that prints it (TeXMath's text-mode escaping, the one `\text{…}` in formulas uses), so
/// no article text can run a command in xelatex.
enum TeXText {
    static func escaped(_ text: String) -> String {
        TeXMath.escapeText(withoutEmoji(text))
    }

    /// ``escaped(_:)`` appended to `out` as UTF-8.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        TeXMath.appendEscapedText(withoutEmoji(text), to: &out)
    }

    /// ``escaped(_:)`` of an IR text appended to `out` as UTF-8 (from its bytes, without a `String`
    /// unless it holds an emoji).
    static func appendEscaped(_ text: Text, to out: inout [UInt8]) {
        text.withUTF8 { bytes in
            if containsEmoji(bytes) {
                appendEscaped(String(decoding: bytes, as: UTF8.self), to: &out)
            } else {
                TeXMath.appendEscapedText(bytes, to: &out)
            }
        }
    }

    /// Whether valid UTF-8 `bytes` hold a scalar ``withoutEmoji(_:)`` changes. Scalars below
    /// U+2000 and Han from U+5000 to U+9FFF (most of a Chinese text) are passed over by their lead
    /// byte; the rest are decoded and asked.
    private static func containsEmoji(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            switch lead {
            case ..<0x80: index += 1
            case ..<0xE0: index += 2
            case 0xE0, 0xE1, 0xE5...0xE9: index += 3
            default:
                let (value, length) = UTF8Scalars.scalar(in: bytes, at: index)
                if let scalar = Unicode.Scalar(value), isEmoji(scalar) { return true }
                index += length
            }
        }
        return false
    }

    /// ``escaped(_:)`` of each ASCII character as UTF-8, by its value: code is escaped a character at a time.
    static let asciiEscapes: [[UInt8]] = (0..<128).map { Array(escaped(String(UnicodeScalar(UInt8($0)))).utf8) }

    /// The ASCII characters ``escaped(_:)`` leaves as they are.
    static let plainASCII = ASCIISet(String(decoding: (0..<128).filter { asciiEscapes[$0] == [UInt8($0)] }.map { UInt8($0) }, as: UTF8.self))

    /// Emoji, which the book's fonts cannot show, become their Unicode names in brackets
    /// (🎉 → `[party popper]`); emoji variation selectors are dropped.
    static func withoutEmoji(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEmoji) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value == 0xFE0F || scalar.value == 0x200D { continue }
            if isEmoji(scalar) {
                out += "[" + (scalar.properties.name ?? "emoji").lowercased() + "]"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether ``escaped(_:)`` gives `character` back as it is: no ASCII in it (TeX's specials and
    /// controls are ASCII), no no-break space (a tie), no emoji, variation selector-16 or joiner.
    static func isKeptAsIs(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { scalar in
            scalar.value >= 0x80 && scalar.value != 0xA0 && scalar.value != 0x200D && !isEmoji(scalar)
        }
    }

    private static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE0F: true
        case ..<0x2190, 0x2460...0x24FF: false
        // Han, Hangul syllables, compatibility ideographs and full-width forms hold no emoji: most
        // of a Chinese book's text is answered without asking Unicode's tables.
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFFEF: false
        default: scalar.properties.isEmoji
        }
    }

    /// A URL for `\href`: the characters `\href` reads specially are escaped.
    static func url(_ url: String) -> String {
        var out = ""
        for character in url {
            switch character {
            case "\\", "{", "}", "\n": continue
            case "#": out += "\\#"
            case "%": out += "\\%"
            case "~": out += "\\~"
            default: out.append(character)
            }
        }
        return out
    }
}
