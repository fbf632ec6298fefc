import Foundation
import Testing
@testable import Compiler

/// CommonMark 0.31.2: every example of the spec, rendered by the `commonmark` profile, must give
/// the spec's HTML byte for byte (markdown-it passes all 652; so must we). As markdown-it's own
/// runner does, an empty block quote is compared as `<blockquote></blockquote>`: that is the
/// site's rendering of it, and the spec's `<blockquote>\n</blockquote>` means the same.
@Suite("CommonMark 0.31.2 conformance")
struct CommonMarkConformanceTests {
    static let examples = SpecExample.loadAll("conformance/commonmark/spec-0.31.2.json")

    @Test("the spec file is there and complete")
    func specIsLoaded() {
        #expect(Self.examples.count == 652)
    }

    @Test("example", arguments: examples)
    func example(_ example: SpecExample) {
        let document = MarkdownParser(options: .commonmark).parse(Array(example.markdown.utf8), file: "spec.md")
        let html = FragmentRenderer(xhtml: true).render(document)
        let expected = example.html.replacingOccurrences(of: "<blockquote>\n</blockquote>", with: "<blockquote></blockquote>")
        #expect(html == expected, "markdown: \(example.markdown.debugDescription)")
    }
}
