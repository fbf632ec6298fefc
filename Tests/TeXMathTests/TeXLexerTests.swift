import Testing
@testable import TeXMath

/// The lexer (over UTF-8 bytes) against splitting by Unicode scalars, the plain way it was first
/// written, on the KaTeX formulas and on random text of the characters the lexer treats apart.
@Suite("TeX lexer")
struct TeXLexerTests {
    /// Tokens by scalar: byte offsets counted scalar by scalar.
    private static func byScalars(_ source: String) -> [TeXToken] {
        let scalars = Array(source.unicodeScalars)
        var offsets: [Int] = []
        var byte = 0
        for scalar in scalars {
            offsets.append(byte)
            byte += UTF8.width(scalar)
        }
        func isLetter(_ scalar: Unicode.Scalar) -> Bool { (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") }
        var tokens: [TeXToken] = []
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

    @Test("the KaTeX formulas and random text give the tokens splitting by scalars gives")
    func againstScalars() {
        #expect(KaTeXAgreementTests.cases.count > 1_000)
        for item in KaTeXAgreementTests.cases {
            #expect(TeXLexer.tokenize(item.tex) == Self.byScalars(item.tex), "\(item.tex.debugDescription)")
        }
        let pieces = ["\\", "\\frac", "\\a", "\\中", "\\é", "{", "}", "^", "_", "&", "#", "#1", "#９", "%", "% c\n", " ", "\t", "\n", "\r",
                      "x", "1", "中", "é", "e\u{301}", "\u{301}", "😀", "👍🏽", "~", "'", "\\\\", "\\ "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0..<20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(TeXLexer.tokenize(text) == Self.byScalars(text), "\(text.debugDescription)")
        }
    }
}
