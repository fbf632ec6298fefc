import Foundation
import TestSupport
import Testing
@testable import Compiler

/// markdown-it's own fixtures, written for `markdownit({html:true, langPrefix:'', typographer:true,
/// linkify:true})`: the XSS cases, the CommonMark extras, tables and strikethrough.
@Suite("markdown-it core fixtures")
struct MarkdownItCoreFixtureTests {
    static let files = ["xss", "commonmark_extras", "tables", "strikethrough", "fatal", "normalize"]

    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let line: Int
        let markdown: String
        let html: String
        var testDescription: String { "\(file) line \(line)" }
    }

    static let cases: [Case] = files.flatMap { file -> [Case] in
        guard let data = try? Data(contentsOf: SharedData.url("conformance/markdown-it/core/markdown-it--markdown-it_\(file).json")),
            let items = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return items.map { Case(file: file, line: $0["line"] as? Int ?? 0, markdown: $0["markdown"] as? String ?? "", html: $0["html"] as? String ?? "") }
    }

    /// Cases that need markdown-it's typographer (smart quotes, `---` → —), which VuePress leaves
    /// off and kbcompile does not implement, or punycode for internationalised host names.
    static let knownDifferences: [String: String] = {
        let typographer = "needs the typographer (smart quotes and dashes), off on VuePress sites"
        let punycode = "needs punycode conversion of international host names, not implemented"
        var cases = ["commonmark_extras line 53": typographer, "tables line 745": typographer, "strikethrough line 118": typographer,
                     "fatal line 26": typographer]
        for line in [27, 33, 49, 57, 73, 79, 85, 91] { cases["normalize line \(line)"] = punycode }
        return cases
    }()

    @Test("the fixture files are there")
    func loaded() { #expect(Self.cases.count == 13 + 67 + 38 + 15 + 5 + 13) }

    @Test("case", arguments: cases)
    func fixture(_ fixture: Case) {
        var options = MarkdownOptions()
        options.tables = true
        options.strikethrough = true
        options.autolinks = true
        var renderer = FragmentRenderer()
        renderer.languagePrefix = ""
        let html = renderer.render(MarkdownParser(options: options).parse(Array(fixture.markdown.utf8), file: "fixture.md"))
        if let reason = Self.knownDifferences[fixture.testDescription] {
            withKnownIssue(Comment(rawValue: reason)) { #expect(html == fixture.html) }
        } else {
            #expect(html == fixture.html, "markdown: \(fixture.markdown.debugDescription)")
        }
    }
}
