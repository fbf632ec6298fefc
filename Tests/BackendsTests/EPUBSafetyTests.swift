import Foundation
import Testing
import TestSupport

/// Article text cannot put code into the book or pull in files from outside the knowledge base.
@Suite("EPUB safety")
struct EPUBSafetyTests {
    @Test("scripts, event handlers, javascript: URLs and outside paths leave no trace in the markup")
    func hostileArticle() throws {
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

            """)
        let entries = try ZipEntries(try BookBuilder.epub(folder.url.appendingPathComponent("kb")))
        var markup = ""
        for entry in entries.entries {
            #expect(!String(decoding: entry.bytes, as: UTF8.self).contains("TOPSECRET"), "\(entry.name) holds a file from outside the knowledge base")
            if entry.name.hasSuffix(".xhtml") || entry.name.hasSuffix(".opf") || entry.name.hasSuffix(".ncx") { markup += entry.text }
        }
        let lowered = markup.lowercased()
        #expect(!lowered.contains("<script"))
        #expect(!lowered.contains("<iframe") && !lowered.contains("<object"))
        #expect(lowered.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "an event handler attribute")
        #expect(lowered.range(of: #"="[^"]*javascript:"#, options: .regularExpression) == nil, "a javascript: URL in an attribute")
        #expect(!lowered.contains("style=\""), "a style attribute from the article")
        #expect(!lowered.contains("secret/key.png"))
        #expect(markup.contains("id=\"ok\""), "safe attributes are kept")
        #expect(markup.contains("文字 <span>庚</span>"), "the text around removed markup is kept")
    }
}

extension ZipEntries.Entry {
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
