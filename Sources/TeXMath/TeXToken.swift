/// A token of TeX math source with its byte offset (for diagnostics inside the formula).
struct TeXToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// `\name` (letters) or `\` followed by one other character.
        case command(String)
        case character(Character)
        case openBrace, closeBrace, superscriptMark, subscriptMark, alignment, parameter(Int), space
        case end
    }

    var kind: Kind
    var offset: Int
}

/// Splits TeX math into tokens: commands, characters, braces, scripts, `&`, `#n`, spaces.
/// `%` comments run to the end of the line. Works over the UTF-8 bytes, so offsets are byte
/// offsets as they are read; a character token is one Unicode scalar.
struct TeXLexer {
    static func tokenize(_ source: String) -> [TeXToken] {
        var source = source
        return source.withUTF8(tokenize)
    }

    private static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [TeXToken] {
        // At most a token a byte, and the end: sized once rather than grown a few times per formula.
        var tokens: [TeXToken] = []
        tokens.reserveCapacity(bytes.count + 1)
        var index = 0
        while index < bytes.count {
            let offset = index
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                var end = index + 1
                if end < bytes.count, isLetter(bytes[end]) {
                    while end < bytes.count, isLetter(bytes[end]) { end += 1 }
                    tokens.append(TeXToken(kind: .command(text(bytes, (index + 1)..<end)), offset: offset))
                    // Spaces after a control word are not tokens.
                    while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") || bytes[end] == 0x0A { end += 1 }
                    index = end
                } else if end < bytes.count {
                    let length = scalarLength(bytes[end])
                    tokens.append(TeXToken(kind: .command(text(bytes, end..<(end + length))), offset: offset))
                    index = end + length
                } else {
                    tokens.append(TeXToken(kind: .command("\\"), offset: offset))
                    index = end
                }
                continue
            case UInt8(ascii: "{"): tokens.append(TeXToken(kind: .openBrace, offset: offset))
            case UInt8(ascii: "}"): tokens.append(TeXToken(kind: .closeBrace, offset: offset))
            case UInt8(ascii: "^"): tokens.append(TeXToken(kind: .superscriptMark, offset: offset))
            case UInt8(ascii: "_"): tokens.append(TeXToken(kind: .subscriptMark, offset: offset))
            case UInt8(ascii: "&"): tokens.append(TeXToken(kind: .alignment, offset: offset))
            case UInt8(ascii: "#"):
                if index + 1 < bytes.count, bytes[index + 1] >= UInt8(ascii: "0"), bytes[index + 1] <= UInt8(ascii: "9") {
                    tokens.append(TeXToken(kind: .parameter(Int(bytes[index + 1] - UInt8(ascii: "0"))), offset: offset))
                    index += 2
                    continue
                }
                tokens.append(TeXToken(kind: .character("#"), offset: offset))
            case UInt8(ascii: "%"):
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0A, 0x0D:
                if case .space? = tokens.last?.kind {} else { tokens.append(TeXToken(kind: .space, offset: offset)) }
            default:
                let length = scalarLength(bytes[index])
                tokens.append(TeXToken(kind: .character(Character(scalar(bytes, at: index, length: length))), offset: offset))
                index += length
                continue
            }
            index += 1
        }
        tokens.append(TeXToken(kind: .end, offset: bytes.count))
        return tokens
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// The length of the UTF-8 sequence a lead byte starts (the text is valid UTF-8).
    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar of the `length` bytes at `index`.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Unicode.Scalar {
        var value = length == 1 ? UInt32(bytes[index]) : UInt32(bytes[index]) & (0x7F >> UInt32(length))
        for next in (index + 1)..<(index + length) { value = value << 6 | UInt32(bytes[next] & 0x3F) }
        return Unicode.Scalar(value)!
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
