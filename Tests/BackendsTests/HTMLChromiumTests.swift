import Backends
import Compiler
import Foundation
import Testing
import TestSupport

/// The single HTML file in real headless Chromium, with the network cut: it asks for nothing,
/// shows every formula as MathML and every image from a `data:` URL, and its search finds words.
@Suite("HTML in Chromium")
struct HTMLChromiumTests {
    static let example = SharedData.projectRoot.appendingPathComponent("examples/ml-notes")

    static func html(_ source: URL) throws -> (html: String, book: Book, folder: TemporaryFolder) {
        let compilation = try BookBuilder.compile(source)
        let artifacts = try HTMLBackend().render(compilation.book, context: RenderContext(baseName: "book", sourceDateEpoch: 1_700_000_000))
        #expect(artifacts.map(\.path) == ["book.html"], "exactly one file")
        let folder = try TemporaryFolder()
        try folder.write("book.html", bytes: artifacts[0].bytes)
        return (String(decoding: try artifacts[0].bytes, as: UTF8.self), compilation.book, folder)
    }

    @Test("the net log sees a request a page makes (the check below can fail)")
    func control() throws {
        let folder = try TemporaryFolder()
        try folder.write("leak.html", "<!DOCTYPE html><html><body><img src=\"https://kbcompile-control.invalid/x.png\" alt=\"x\"></body></html>")
        let load = try HeadlessChromium.load(folder.url.appendingPathComponent("leak.html").absoluteString)
        #expect(load.pageRequests.contains { $0.contains("kbcompile-control.invalid") })
    }

    @Test("no request; every formula is MathML; every image is a data: URL", arguments: ["examples/ml-notes", "seed/docs", "plume-docs"])
    func offline(_ knowledgeBase: String) throws {
        let source = knowledgeBase.hasPrefix("examples/") ? SharedData.projectRoot.appendingPathComponent(knowledgeBase) : SharedData.url("corpus/" + knowledgeBase)
        let (html, book, folder) = try Self.html(source)
        // Nothing in the file points outside it: every tag's src is data:, no <link>, no url() in the style but data:.
        #expect(html.range(of: #"<[a-zA-Z][^>]*\ssrc="(?!data:)"#, options: .regularExpression) == nil)
        #expect(html.range(of: #"<link\s"#, options: .regularExpression) == nil)
        let style = try #require(html.range(of: "<style>")).upperBound..<(try #require(html.range(of: "</style>"))).lowerBound
        #expect(html[style].range(of: #"url\((?!"?data:)"#, options: .regularExpression) == nil)
        let load = try HeadlessChromium.load(folder.url.appendingPathComponent("book.html").absoluteString)
        #expect(load.pageRequests.isEmpty, "\(load.pageRequests)")
        var formulas = 0, images = 0
        for article in book.articles {
            let blocks = article.allBlocks
            blocks.forEachBlock { if case .math = $0.kind { formulas += 1 } }
            blocks.forEachInline { inline in
                if case .math = inline { formulas += 1 }
                if case .image(let image) = inline, image.resource != nil { images += 1 }
            }
        }
        #expect(Self.count("<math ", in: load.dom) == formulas)
        #expect(Self.count("<img src=\"data:", in: load.dom) + Self.count("<img data-copy-of=\"img-", in: load.dom) == images)
        #expect(load.dom.range(of: #"<img data-copy-of="[^"]*"(?![^>]*src="data:)"#, options: .regularExpression) == nil,
                "the script gave every copy its image")
        #expect(load.dom.contains("id=\"kb-search\" role=\"search\">"), "the search box is shown when scripts run")
    }

    @Test("search finds a Chinese word and an English word in the right articles", arguments: [
        ("梯度", "梯度下降"), ("attention", "Transformers in brief"), ("线性回归", "线性回归"),
    ])
    func search(_ query: (String, String)) throws {
        let (_, _, folder) = try Self.html(Self.example)
        var components = URLComponents(url: folder.url.appendingPathComponent("book.html"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "q", value: query.0)]
        let load = try HeadlessChromium.load(components.url!.absoluteString)
        let firstResult = try #require(load.dom.range(of: "<span class=\"kb-result-title\">"))
        let title = load.dom[firstResult.upperBound...].prefix { $0 != "<" }
        #expect(title.hasPrefix(query.1), "first result for \(query.0): \(title)")
        #expect(load.dom.contains("<mark>"), "the snippet marks the match")
        // A formula in a snippet reads as shown, not as the TeX its MathML keeps in an annotation.
        let snippets = load.dom.components(separatedBy: "<span class=\"kb-result-snippet\">").dropFirst()
            .map { $0.prefix(upTo: $0.range(of: "</span>")?.lowerBound ?? $0.endIndex) }
        #expect(!snippets.isEmpty && !snippets.contains { $0.contains("\\") }, "\(snippets)")
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}

/// The HTML file without a browser: reproducible, and each image's bytes stored once.
@Suite("HTML file")
struct HTMLFileTests {
    @Test("the same input and SOURCE_DATE_EPOCH give the same bytes")
    func reproducible() throws {
        let first = try HTMLChromiumTests.html(HTMLChromiumTests.example).html
        let second = try HTMLChromiumTests.html(HTMLChromiumTests.example).html
        #expect(first == second)
    }

    @Test("an image shown three times is stored once, and one shown twice in one article; the page starts with a CSP that forbids network loads")
    func imageStoredOnce() throws {
        let folder = try TemporaryFolder()
        try folder.write("kb/.vuepress/config.ts", "")
        try folder.write("kb/.vuepress/public/dot.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"><circle cx=\"2\" cy=\"2\" r=\"2\"/></svg>")
        try folder.write("kb/.vuepress/public/square.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"><rect width=\"4\" height=\"4\"/></svg>")
        try folder.write("kb/a.md", "# A\n\n![一](/dot.svg) ![二](/dot.svg)\n")
        try folder.write("kb/b.md", "# B\n\n![三](/dot.svg)\n")
        try folder.write("kb/c.md", "# C\n\n![四](/square.svg)\n\n> ![五](/square.svg)\n")
        let (html, _, output) = try HTMLChromiumTests.html(folder.url.appendingPathComponent("kb"))
        #expect(HTMLChromiumTests.count("data:image/svg+xml;base64,", in: html) == 2)
        #expect(HTMLChromiumTests.count("data-copy-of=\"img-1\"", in: html) == 2)
        #expect(HTMLChromiumTests.count("data-copy-of=\"img-2\"", in: html) == 1)
        let load = try HeadlessChromium.load(output.url.appendingPathComponent("book.html").absoluteString)
        #expect(HTMLChromiumTests.count("src=\"data:image/svg+xml;base64,", in: load.dom) == 5, "the copies show the image")
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:;"))
    }
}
