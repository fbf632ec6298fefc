import Foundation
import Testing
import TestSupport
@testable import Compiler

/// The byte matcher of `<!-- @include: … -->` lines against the plugin's regular expression, run by
/// `NSRegularExpression` (ICU, whose classes are those of the site's JavaScript for these lines).
@Suite("Include directives")
struct IncludeDirectiveTests {
    private static let pattern = try! NSRegularExpression(
        pattern: #"^( *)<!-{2,}\s*@include:\s*([^<>|:"*?]+(?:\.[a-zA-Z0-9]+))(?:#([\w-]+))?(?:\{(\d+)?-(\d+)?\})?\s*-{2,}>\s*$"#)

    /// What the expression makes of `line`.
    private func expected(_ line: String) -> IncludeDirective? {
        guard let result = Self.pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { return nil }
        func group(_ index: Int) -> String? { Range(result.range(at: index), in: line).map { String(line[$0]) } }
        return IncludeDirective(indent: group(1)?.unicodeScalars.count ?? 0, path: group(2) ?? "", region: group(3),
                                lineStart: group(4).flatMap { Int($0) }, lineEnd: group(5).flatMap { Int($0) })
    }

    /// Lines shaped like directives, each part drawn from good and broken variants (good first).
    private static func lines(count: Int) -> [String] {
        var generator = SeededGenerator(seed: 0x1234_5678)
        let indents = ["", " ", "    ", "\t", "\u{3000}"]
        let openers = ["<!--", "<!---", "<!-", "<!", "<!-- --", "<--"]
        let spaces = ["", " ", "  ", "\t", "\u{3000}", "\u{A0}", "\u{2028}", "\u{85}", "\u{0B}", "\r", "\u{200B}"]
        let keywords = ["@include:", "@include", "@Include:", "@include::", "@include: @include:"]
        let paths = ["./a", "a b", "../x/y.snippet", "", "中文/文件", "a#b", "a{1-2}", "a-->", "a|b", "a:b", "a.b", "a.", "./.", "é\u{301}", "a--"]
        let extensions = [".md", ".ts", ".MD2", ".", "", ".m_d", ".md.", ".中"]
        let regions = ["", "#reg", "#reg-", "#r--", "#--", "#-", "#区域", "#a_b", "#", "#a.b", "#a\u{301}", "#a\u{200D}b", "#١"]
        let ranges = ["", "{1-2}", "{-3}", "{4-}", "{-}", "{}", "{1}", "{１-２}", "{99999999999999999999-1}", "{1-2", "{a-b}"]
        let closers = ["-->", "--->", "->", ">", "-- >", "--", "-->-->", "--><", "—>"]
        let trailers = ["", " ", "\r", "\u{2029}", "\u{85}", "\u{0B}", " x", "\t\t"]
        // The first variant (a good one) half of the time.
        func pick(_ options: [String]) -> String {
            generator.next() % 2 == 0 ? options[0] : options[Int(generator.next() % UInt64(options.count))]
        }
        var lines: [String] = []
        for _ in 0..<count {
            lines.append(pick(indents) + pick(openers) + pick(spaces) + pick(keywords) + pick(spaces) + pick(paths) + pick(extensions)
                + pick(regions) + pick(ranges) + pick(spaces) + pick(closers) + pick(trailers))
        }
        return lines
    }

    @Test("matches what the plugin's expression matches, with the same groups, on 40,000 lines")
    func agreesWithTheExpression() {
        var matched = 0
        var mismatches: [String] = []
        for line in Self.lines(count: 40_000) {
            let expected = expected(line)
            if expected != nil { matched += 1 }
            let actual = IncludeDirective.match(Array(line.utf8))
            if actual != expected, mismatches.count < 10 { mismatches.append("\(line.debugDescription): \(String(describing: actual)) ≠ \(String(describing: expected))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        // The generator makes both kinds in numbers.
        #expect(matched > 2_000 && matched < 38_000, "\(matched) of 40,000 lines are directives")
    }

    @Test("reads the directives of the corpora")
    func corpusDirectives() throws {
        let lines = [
            "<!-- @include: ../../snippet/whitespace.snippet.md{17-23} -->",
            "  <!-- @include: ./foo.md#snippet -->",
            "<!-- @include: ./a b/c.ts{3-} -->",
        ]
        for line in lines {
            let directive = try #require(IncludeDirective.match(Array(line.utf8)))
            #expect(directive == expected(line))
        }
        #expect(IncludeDirective.match(Array("- 详情：是否使用 `<!-- @include: xxx -->` 代替".utf8)) == nil)
    }
}

/// What includes put into the article: selections, frontmatter, dedent and indent, line endings.
@Suite("Include expansion")
struct IncludeExpansionTests {
    private func expand(_ article: String, files: [String: String]) throws -> (text: String, map: SourceMap, codes: [String]) {
        let folder = try TemporaryFolder()
        try folder.write(".vuepress/config.ts", "")
        for (path, text) in files { try folder.write(path, text) }
        let (layout, _, _) = try SourceLayout.locate(source: folder.url, configFile: nil)
        let output = IncludeExpander(layout: layout).expand(Array(article.utf8), article: "a.md", firstLine: 1)
        return (String(decoding: output.bytes, as: UTF8.self), output.sourceMap, output.diagnostics.map(\.code))
    }

    @Test("a line range, a region, the frontmatter left out, dedented then indented like the directive")
    func selections() throws {
        let files = [
            "s.md": "---\ntitle: S\n---\n    one\n\n      two\n",
            "code.ts": "a\nb\n// #region r\n  c\n  d\n// #endregion r\ne\n",
        ]
        let expanded = try expand("x\n  <!-- @include: ./s.md -->\n<!-- @include: ./code.ts{2-3} -->\n<!-- @include: ./code.ts#r -->\ny\n", files: files)
        #expect(expanded.text == "x\n  one\n\n    two\n\nb\n// #region r\nc\nd\ny\n")
        #expect(expanded.codes.isEmpty)
        // `y` is line 5 of a.md; `two` is line 6 of s.md.
        #expect(expanded.map.origin(of: 9) == ("a.md", 5, nil))
        #expect(expanded.map.origin(of: 3).file == "s.md" && expanded.map.origin(of: 3).line == 6)
    }

    @Test("CRLF line endings, in the article and in the included file")
    func carriageReturns() throws {
        let expanded = try expand("x\r\n<!-- @include: ./s.md -->\r\ny\r\n", files: ["s.md": "one\r\ntwo\r\n"])
        #expect(expanded.text == "x\r\none\ntwo\n\ny\r\n")
        #expect(expanded.codes.isEmpty)
    }
}
