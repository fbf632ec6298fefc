import Foundation
import Testing
@testable import Compiler

/// GitHub's extension examples (cmark-gfm 0.29), parsed with the `gfm` profile.
///
/// The site renders with markdown-it, whose markup differs from cmark-gfm's where the meaning is
/// the same; the expected HTML is mapped onto markdown-it's markup before comparing:
/// `<del>` → `<s>`, `align="x"` → `style="text-align:x"` (task lists are rendered in cmark-gfm's
/// markup by the `gfm` profile). Where markdown-it *means* something else, the example is a known
/// issue, with why.
@Suite("GFM extensions conformance")
struct GFMConformanceTests {
    static let files = ["tables", "strikethrough", "autolinks", "tasklists", "tagfilter"]
    /// Upstream's `disabled` examples (repeats of extension-file examples with older markup) are
    /// not run, as upstream does not run them; `<IGNORE>` examples only check that nothing crashes.
    static let allExamples = files.flatMap { file in SpecExample.loadAll("conformance/gfm/\(file).json").map { GFMExample(file: file, example: $0) } }
    static let examples = allExamples.filter { $0.example.disabled != true }

    /// Examples where markdown-it (the site) differs from cmark-gfm on purpose.
    static let knownDifferences: [String: String] = [
        "strikethrough #17": "markdown-it strikes only with `~~`; a single `~` is subscript in the Plume dialect",
        "strikethrough #18": "markdown-it strikes only with `~~` and splits `~~~~~` runs differently from cmark-gfm",
        "tagfilter #652": "markdown-it has no tag filter; the book's HTML sanitiser removes these elements instead",
        "tagfilter #22": "markdown-it has no tag filter; the book's HTML sanitiser removes these elements instead",
    ]

    @Test("the GFM files are there")
    func filesAreLoaded() {
        #expect(Self.allExamples.count == 24 + 4 + 14 + 5 + 2)
        #expect(Self.examples.count == Self.allExamples.count - 2)
    }

    @Test("example", arguments: examples)
    func example(_ case_: GFMExample) {
        let document = MarkdownParser(options: .gfm).parse(Array(case_.example.markdown.utf8), file: "gfm.md")
        var renderer = FragmentRenderer(xhtml: true)
        renderer.taskListMarkup = .gfm
        let html = renderer.render(document)
        let expected = Self.markdownItMarkup(case_.example.html)
        if expected == "<IGNORE>\n" {
            #expect(!html.isEmpty)
        } else if let reason = Self.knownDifferences[case_.testDescription] {
            withKnownIssue(Comment(rawValue: reason)) { #expect(html == expected) }
        } else {
            #expect(html == expected, "markdown: \(case_.example.markdown.debugDescription)")
        }
    }

    static func markdownItMarkup(_ html: String) -> String {
        var out = html.replacingOccurrences(of: "<del>", with: "<s>").replacingOccurrences(of: "</del>", with: "</s>")
        for alignment in ["left", "center", "right"] {
            out = out.replacingOccurrences(of: " align=\"\(alignment)\"", with: " style=\"text-align:\(alignment)\"")
        }
        return out
    }
}

/// A GFM example with the file it came from.
struct GFMExample: Sendable, CustomTestStringConvertible {
    let file: String
    let example: SpecExample
    var testDescription: String { "\(file) #\(example.example)" }
}
