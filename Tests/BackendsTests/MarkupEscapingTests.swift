import Testing
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
    ] as [(String, String)])
    func fragments(_ text: String, _ encoded: String) {
        #expect(URLText.fragment(text) == encoded)
    }

    @Test("external URLs keep % escapes and brackets")
    func external() {
        #expect(URLText.external("https://例.cn/a b?q=[1]%20#frag ment#2") == "https://%E4%BE%8B.cn/a%20b?q=[1]%20#frag%20ment%232")
    }
}
