import Backends
import Foundation
import Testing
import TestSupport
@testable import Backends

/// Article text cannot put code into the book or pull in files from outside the knowledge base.
@Suite("Book safety")
struct BookSafetyTests {
    @Test("scripts, event handlers, javascript: URLs and outside paths leave no trace in the markup", arguments: ["epub", "html"])
    func hostileArticle(_ format: String) throws {
        let folder = try TemporaryFolder()
        try folder.write("secret/key.png", bytes: Array("TOPSECRET-BYTES".utf8))
        try folder.write("kb/.vuepress/config.ts", "")
        try folder.write("kb/kbcompile.yml", "title: 安全\n")
        try folder.write("kb/1.部分/a.md", """
            # 标题

            <script>alert(1)</script>

            <img src="x.png" onerror="alert(2)"> <a href="javascript:alert(3)">甲</a> <a href="JaVaScRiPt:alert(4)">乙</a>

            [丙](javascript:alert(5)) [丁](<javascript:alert(6)>) ![戊](../../secret/key.png) ![己](/../../secret/key.png)

            段落 {onclick="alert(7)" style="color:red" #ok}

            <iframe src="https://example.com"></iframe><object data="x"></object>

            <div onmouseover="alert(8)" style="x"><p>文字 <span onclick="alert(9)">庚</span></p></div>

            <svg><script>alert(10)</script></svg>

            ![辛](/evil.svg)

            """)
        try folder.write("kb/.vuepress/public/evil.svg", """
            <?xml version="1.0"?>
            <!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(11)">
            <script>alert(12)</script><text>&secret;</text><a xlink:href="javascript:alert(13)"><rect width="5" height="5"/></a>
            <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>
            """)
        let source = folder.url.appendingPathComponent("kb")
        var markup = ""
        var svg = ""
        if format == "epub" {
            for entry in try ZipEntries(try BookBuilder.epub(source)).entries {
                #expect(!entry.text.contains("TOPSECRET"), "\(entry.name) holds a file from outside the knowledge base")
                if entry.name.hasSuffix(".xhtml") || entry.name.hasSuffix(".opf") || entry.name.hasSuffix(".ncx") { markup += entry.text }
                if entry.name.hasSuffix(".svg") { svg += entry.text }
            }
        } else {
            let compilation = try BookBuilder.compile(source)
            let page = String(decoding: try HTMLBackend().render(compilation.book, context: RenderContext(baseName: "book"))[0].bytes, as: UTF8.self)
            #expect(!page.contains("TOPSECRET") && !page.contains(Data("TOPSECRET".utf8).base64EncodedString().prefix(12)))
            // The page's own script and style are kbcompile's; what came from articles is inside <main>.
            let main = try #require(page.range(of: "<main id=\"top\">")).upperBound..<(try #require(page.range(of: "</main>"))).lowerBound
            markup = String(page[main])
            for match in page.matches(of: /data:image\/svg\+xml;base64,([A-Za-z0-9+\/=]+)/) {
                svg += String(decoding: Data(base64Encoded: String(match.1)) ?? Data(), as: UTF8.self)
            }
        }
        #expect(svg.contains("<rect width=\"5\" height=\"5\""), "the SVG image is in the book, cleaned rather than replaced")
        for trace in ["script", "onload", "javascript", "foreignObject", "passwd", "ENTITY"] {
            #expect(!svg.contains(trace), "\(trace) in the SVG")
        }
        let lowered = markup.lowercased()
        #expect(!lowered.contains("<script"))
        #expect(!lowered.contains("<iframe") && !lowered.contains("<object"))
        #expect(lowered.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "an event handler attribute")
        #expect(lowered.range(of: #"="[^"]*javascript:"#, options: .regularExpression) == nil, "a javascript: URL in an attribute")
        #expect(!lowered.contains("style=\""), "a style attribute from the article")
        #expect(!lowered.contains("secret/key.png"))
        #expect(markup.range(of: #"id="(a[0-9]+-)?ok""#, options: .regularExpression) != nil, "safe attributes are kept")
        #expect(markup.contains("文字 <span>庚</span>"), "the text around removed markup is kept")
    }
}

extension BookSafetyTests {
    @Test("ids with markup characters keep every document well-formed: heading ids, [[TOC]], links, navigation")
    func markupInIDs() throws {
        let folder = try TemporaryFolder()
        try folder.write("kb/a.md", """
            # 标题

            [[TOC]]

            ## 甲 {#a&b}

            ### 乙 {#c<d>}

            见 [甲](#a&b)、[乙](#c<d>) 与注[^n]。

            [^n]: 注 & 释
            """)
        var checked = 0
        for entry in try ZipEntries(try BookBuilder.epub(folder.url.appendingPathComponent("kb"))).entries
        where entry.name.hasSuffix(".xhtml") || entry.name.hasSuffix(".ncx") || entry.name.hasSuffix(".opf") {
            #expect(XHTMLGoldenTests.isWellFormedXML(entry.text), "\(entry.name) is not well-formed XML")
            checked += 1
        }
        #expect(checked >= 5)
    }

    @Test("control characters inside formulas (in the source, a command's text, \\text) leave every document well-formed")
    func controlsInMath() throws {
        let folder = try TemporaryFolder()
        try folder.write("kb/a.md", "# 公式\n\n行内 $a\u{1}b$、$\\text{x\u{2}y}$ 与 $\\mathrm{\u{1B}}$。\n\n$$\nc\u{7} \\tag{\u{1}}\n$$\n")
        var checked = 0
        for entry in try ZipEntries(try BookBuilder.epub(folder.url.appendingPathComponent("kb"))).entries where entry.name.hasSuffix(".xhtml") {
            #expect(XHTMLGoldenTests.isWellFormedXML(entry.text), "\(entry.name) is not well-formed XML")
            #expect(!entry.bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }, "\(entry.name) holds a control character")
            checked += 1
        }
        #expect(checked >= 3)
    }
}

extension ZipEntries.Entry {
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
