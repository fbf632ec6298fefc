import Testing
import TeXMath
import TestSupport
@testable import Backends

@Suite("Escaping for XML, TeX and URLs")
struct MarkupEscapingTests {
    @Test("XML text and attributes", arguments: [
        ("plain 中文，全角：标点（）", "plain 中文，全角：标点（）", "plain 中文，全角：标点（）"),
        ("a < b && c > \"d\"", "a &lt; b &amp;&amp; c &gt; \"d\"", "a &lt; b &amp;&amp; c &gt; &quot;d&quot;"),
        ("line\nnext\ttab\r", "line\nnext\ttab\r", "line next tab "),
        ("bell\u{7}\u{0}gone", "bellgone", "bellgone"),
        ("x\u{FFFE}y\u{FFFF}z\u{FFFD}", "xyz\u{FFFD}", "xyz\u{FFFD}"),
        ("&", "&amp;", "&amp;"), ("\u{FFFF}", "", ""), ("末尾\u{FF0C}", "末尾，", "末尾，"),
    ] as [(String, String, String)])
    func xml(_ text: String, _ escaped: String, _ attribute: String) {
        #expect(XMLText.escaped(text) == escaped)
        #expect(XMLText.escapedAttribute(text) == attribute)
        // Escaped straight into a document's bytes: the same, after what was there.
        for (isAttribute, expected) in [(false, escaped), (true, attribute)] {
            var bytes: [UInt8] = Array("<p>".utf8)
            XMLText.appendEscaped(text, attribute: isAttribute, to: &bytes)
            #expect(bytes == Array(("<p>" + expected).utf8))
        }
    }

    /// XML escaping by scalar, the plain way: what the byte loop (which skips eight bytes at a time
    /// where it can) must give.
    private static func referenceEscaped(_ text: String, _ mode: XMLText.Mode) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where mode != .text: out += "&quot;"
            case "\t", "\n", "\r": out += mode == .attribute ? " " : String(scalar)
            case "\u{FFFE}", "\u{FFFF}": break
            default: if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    @Test("escaping random text gives what escaping scalar by scalar gives")
    func xmlAgainstReference() {
        let pieces = ["a", "Z", "09", "+/=", "中", "文字", "，", "！", "\u{FF0C}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{EFFF}", "&", "<", ">",
                      "\"", "'", "?", "@", "\t", "\n", "\r", "\u{1}", "\u{1F}", " ", "é", "😀", "data:image/png;base64,"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(XMLText.escaped(text) == Self.referenceEscaped(text, .text), "\(text.debugDescription)")
            #expect(XMLText.escapedAttribute(text) == Self.referenceEscaped(text, .attribute), "\(text.debugDescription)")
            var quoted: [UInt8] = []
            XMLText.appendEscaped(text, .quoted, to: &quoted)
            #expect(String(decoding: quoted, as: UTF8.self) == Self.referenceEscaped(text, .quoted), "\(text.debugDescription)")
        }
    }

    @Test("numbers are written into bytes as String writes them")
    func decimals() {
        var values = [0, 1, 9, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min]
        var generator = SystemRandomNumberGenerator()
        values += (0..<1_000).map { _ in Int.random(in: -1_000_000...1_000_000, using: &generator) }
        for value in values {
            var bytes: [UInt8] = [0x78]
            bytes.append(decimal: value)
            #expect(bytes == Array(("x" + String(value)).utf8))
        }
    }

    @Test("TeX text: specials print themselves even with a mark combined, controls are dropped", arguments: [
        ("中文，全角：标点（）～", "中文，全角：标点（）～"),
        ("{\u{301}x}", "\\{\u{301}x\\}"), ("%\u{301} rest", "\\%\u{301} rest"), ("$\u{20DD}", "\\$\u{20DD}"),
        ("\\\u{301}input", "\\textbackslash{}\u{301}input"), ("a^b~c_d&e#f", "a\\textasciicircum{}b\\textasciitilde{}c\\_d\\&e\\#f"),
        ("a\u{A0}b", "a~b"), ("tab\there", "tab    here"), ("bell\u{7}gone\u{7F}\r\n", "bellgone\n"), ("🎉 done", "[party popper] done"),
    ] as [(String, String)])
    func tex(_ text: String, _ escaped: String) {
        #expect(TeXText.escaped(text) == escaped)
    }

    @Test("URL fragments and external URLs", arguments: [
        ("安装", "%E5%AE%89%E8%A3%85"), ("a b", "a%20b"), ("ok-._~!$&'()*+,;=:@/?", "ok-._~!$&'()*+,;=:@/?"), ("50%", "50%25"),
        ("", ""), ("é\u{0}\u{7F}#", "%C3%A9%00%7F%23"), ("😀x", "%F0%9F%98%80x"),
    ] as [(String, String)])
    func fragments(_ text: String, _ encoded: String) {
        #expect(URLText.fragment(text) == encoded)
    }

    @Test("external URLs keep % escapes and brackets; a # is the fragment's only as a character of its own")
    func external() {
        #expect(URLText.external("https://例.cn/a b?q=[1]%20#frag ment#2") == "https://%E4%BE%8B.cn/a%20b?q=[1]%20#frag%20ment%232")
        #expect(URLText.external("https://example.com/a?q=1") == "https://example.com/a?q=1")
        #expect(URLText.external("https://例.cn/文字 [x]") == "https://%E4%BE%8B.cn/%E6%96%87%E5%AD%97%20[x]")
        // `#` with a combining mark is one character: no fragment starts there, and the `#` is encoded.
        #expect(URLText.external("https://a.cn/x#\u{301}y") == "https://a.cn/x%23%CC%81y")
    }

    /// A LaTeX code line is what escaping it a character at a time gives (the writer copies the
    /// characters escaping keeps as they are without asking it), with the same places to wrap,
    /// on 5,000 random lines of CJK, combining marks, emoji, joiners, no-break spaces, specials,
    /// Hangul jamo, prepended and spacing marks and regional indicators.
    @Test("LaTeX code lines against escaping each character")
    func latexCodeLines() {
        func reference(_ line: String) -> String {
            var out = ""
            var indentation = true
            var sinceBreak = 0
            for character in line {
                if character == " " {
                    out += indentation ? "\\ " : "\\ \\allowbreak{}"
                    sinceBreak = 0
                    continue
                }
                indentation = false
                sinceBreak += 1
                out += TeXText.escaped(String(character))
                let breaksAfter = character.utf8.count == 1 && "/,;.=()-_:>]".utf8.contains(character.utf8.first!)
                if breaksAfter || sinceBreak == 20 {
                    out += "\\allowbreak{}"
                    sinceBreak = 0
                }
            }
            return out
        }
        var generator = SeededGenerator(seed: 8)
        let pieces = ["a", " ", "%", "\\", "中", "文字", "\u{301}", "é", "🎉", "\u{FE0F}", "\u{200D}", "\u{A0}", "-", "/", "\t", "\r", "\r\n", "ü", "한",
                      "，", "。", "「", "】", "\u{3000}", "\u{3030}", "\u{302A}", "\u{3099}", "が", "\u{1100}\u{1161}", "\u{0600}", "🇨🇳", "👨\u{200D}👩",
                      "\u{FE0E}", "\u{0903}", "ｘ", "x", "1"]
        for _ in 0..<5_000 {
            var line = ""
            for _ in 0..<Int.random(in: 0...30, using: &generator) { line += pieces.randomElement(using: &generator)! }
            #expect(String(decoding: LaTeXBodyWriter.codeLine(line), as: UTF8.self) == reference(line), "\(Array(line.unicodeScalars))")
        }
    }

    /// A code block's lines found over bytes are the lines splitting by `Character` gives (a line
    /// feed after a carriage return makes one character with it, so it splits nothing), without an
    /// empty last line, on 5,000 random texts of line breaks, CJK, combining marks and `a`.
    @Test("Code block lines over bytes")
    func codeLines() {
        var generator = SeededGenerator(seed: 7)
        let pieces = ["\n", "\r", "\r\n", "a", "中", "\u{301}", "\n\u{301}", "\t"]
        for _ in 0..<5_000 {
            var code = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) { code += pieces.randomElement(using: &generator)! }
            var expected = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if expected.last?.isEmpty == true { expected.removeLast() }
            var text = code
            let lines = text.withUTF8 { bytes in
                XHTMLBodyWriter.lineRanges(of: bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
            }
            #expect(lines == expected, "\(Array(code.unicodeScalars))")
        }
    }
}
