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
/// `%` comments run to the end of the line.
struct TeXLexer {
    static func tokenize(_ source: String) -> [TeXToken] {
        let scalars = Array(source.unicodeScalars)
        // At most a token a character, and the end: sized once rather than grown a few times per formula.
        var tokens: [TeXToken] = []
        tokens.reserveCapacity(scalars.count + 1)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var byte = 0
        for scalar in scalars {
            offsets.append(byte)
            byte += UTF8.width(scalar)
        }
        offsets.append(byte)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let offset = offsets[index]
            switch scalar {
            case "\\":
                var end = index + 1
                if end < scalars.count, isLetter(scalars[end]) {
                    while end < scalars.count, isLetter(scalars[end]) { end += 1 }
                    tokens.append(TeXToken(kind: .command(String(String.UnicodeScalarView(scalars[(index + 1)..<end]))), offset: offset))
                    // Spaces after a control word are not tokens.
                    while end < scalars.count, scalars[end] == " " || scalars[end] == "\t" || scalars[end] == "\n" { end += 1 }
                    index = end
                } else if end < scalars.count {
                    tokens.append(TeXToken(kind: .command(String(scalars[end])), offset: offset))
                    index = end + 1
                } else {
                    tokens.append(TeXToken(kind: .command("\\"), offset: offset))
                    index = end
                }
                continue
            case "{": tokens.append(TeXToken(kind: .openBrace, offset: offset))
            case "}": tokens.append(TeXToken(kind: .closeBrace, offset: offset))
            case "^": tokens.append(TeXToken(kind: .superscriptMark, offset: offset))
            case "_": tokens.append(TeXToken(kind: .subscriptMark, offset: offset))
            case "&": tokens.append(TeXToken(kind: .alignment, offset: offset))
            case "#":
                if index + 1 < scalars.count, let digit = Int(String(scalars[index + 1])) {
                    tokens.append(TeXToken(kind: .parameter(digit), offset: offset))
                    index += 2
                    continue
                }
                tokens.append(TeXToken(kind: .character("#"), offset: offset))
            case "%":
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                continue
            case " ", "\t", "\n", "\r":
                if tokens.last?.kind != .space { tokens.append(TeXToken(kind: .space, offset: offset)) }
            default:
                tokens.append(TeXToken(kind: .character(Character(scalar)), offset: offset))
            }
            index += 1
        }
        tokens.append(TeXToken(kind: .end, offset: byte))
        return tokens
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
    }
}
