import Foundation
import TestSupport
import Testing
@testable import Compiler

/// Article text that tries to run code in a reader or reach files outside the knowledge base
/// leaves no trace in the IR a backend receives.
@Suite("Hostile articles")
struct HostileInputTests {
    static let article = """
        # 攻击

        <script>alert(1)</script>

        <img src="x" onerror="alert(2)"> <a href="javascript:alert(3)">链接</a> [md](javascript:alert(4))
        <svg onload="alert(5)"><circle/></svg>

        ![passwd](../../../../etc/passwd.png) ![abs](/../../etc/hosts.png)
        <!-- @include: ../../../../etc/passwd.md -->

        [x](<javascript:alert(6)>) <div style="background:url(javascript:alert(7))">框</div>

        ## 标题 {onclick=alert(8) style=x .ok}
        """

    static func book() throws -> Book {
        let folder = try TemporaryFolder()
        try folder.write("kb/a.md", article)
        return try KnowledgeBaseCompiler().compile(source: folder.url.appendingPathComponent("kb")).book
    }

    @Test("no raw HTML, script, handler or javascript: URL survives")
    func noActiveContent() throws {
        let blocks = try Self.book().articles[0].blocks
        var destinations: [String] = []
        var attributes: [Attributes] = []
        var rawHTML = 0
        var texts: [String] = []
        blocks.forEachBlock { block in
            if case .html = block.kind { rawHTML += 1 }
            attributes.append(block.attributes)
        }
        blocks.forEachInline { inline in
            switch inline {
            case .html: rawHTML += 1
            case .link(let link): destinations.append(link.destination); attributes.append(link.attributes)
            case .image(let image): destinations.append(image.source); attributes.append(image.attributes)
            case .span(_, let spanAttributes): attributes.append(spanAttributes)
            case .text(let text): texts.append(text.string)
            default: break
            }
        }
        #expect(rawHTML == 0)
        // What markdown-it does not take for a link stays visible text, to be escaped by every writer.
        #expect(texts.joined().contains("[md](javascript:alert(4))"))
        #expect(!texts.joined().contains("alert(1)") && !texts.joined().contains("alert(5)"))
        #expect(!destinations.contains { $0.lowercased().contains("javascript") })
        let names = attributes.flatMap { $0.pairs.map(\.name) }
        #expect(!names.contains { $0.hasPrefix("on") || $0 == "style" })
        #expect(attributes.contains { $0.classes == ["ok"] })
    }

    @Test("no file outside the knowledge base becomes a resource or an include")
    func nothingOutside() throws {
        let book = try Self.book()
        #expect(book.resources.isEmpty)
        var texts = ""
        book.articles[0].blocks.forEachInline { if case .text(let text) = $0 { texts += text.string } }
        #expect(!texts.contains("root:"))
    }
}
