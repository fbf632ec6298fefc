import Foundation
import TestSupport
import Testing
@testable import Compiler

/// Every kind of problem the frontend reports, at its file, line and column.
@Suite("Frontend diagnostics")
struct FrontendDiagnosticsTests {
    /// Compiles a one-article knowledge base (plus extra files) and returns its diagnostics.
    static func diagnostics(_ article: String, files: [String: String] = [:]) throws -> [Diagnostic] {
        let folder = try TemporaryFolder()
        try folder.write("docs/.vuepress/public/ok.png", "not really a png")
        try folder.write("docs/a.md", article)
        for (path, text) in files { try folder.write("docs/" + path, text) }
        return try KnowledgeBaseCompiler().compile(source: folder.url.appendingPathComponent("docs")).diagnostics.sorted
    }

    static func find(_ code: String, in diagnostics: [Diagnostic]) -> Diagnostic? {
        diagnostics.first { $0.code == code }
    }

    @Test("unclosed container, math and fence")
    func unclosed() throws {
        let found = try Self.diagnostics("# T\n\n::: tip\ntext\n\n$$\nx = 1\n")
        #expect(Self.find("unclosed-container", in: found)?.location == SourceLocation(file: "a.md", line: 3, column: 1))
        #expect(Self.find("unclosed-math", in: found)?.location.position.line == 6)
        let fence = try Self.diagnostics("text\n\n```js\nlet x\n")
        #expect(Self.find("unclosed-fence", in: fence)?.location.position.line == 3)
    }

    @Test("undefined and unused footnotes")
    func footnotes() throws {
        let found = try Self.diagnostics("见[^nope]和[^used]。\n\n[^used]: 用到了\n[^spare]: 没用到\n")
        // Columns count UTF-8 bytes: 见 takes three.
        #expect(Self.find("footnote-undefined", in: found)?.location == SourceLocation(file: "a.md", line: 1, column: 4))
        #expect(Self.find("footnote-unused", in: found)?.location.position.line == 4)
    }

    @Test("includes: missing, cyclic, outside the root; included lines report their own file")
    func includes() throws {
        let found = try Self.diagnostics(
            "<!-- @include: ./missing.md -->\n<!-- @include: ./loop.snippet.md -->\n<!-- @include: ../../etc/passwd.md -->\n",
            files: ["loop.snippet.md": "x\n<!-- @include: ./loop.snippet.md -->\n::: tip\n"])
        #expect(Self.find("include-missing", in: found)?.location.position.line == 1)
        #expect(Self.find("include-cycle", in: found)?.location == SourceLocation(file: "loop.snippet.md", line: 2, column: 1))
        #expect(Self.find("include-outside", in: found)?.location.position.line == 3)
        #expect(Self.find("unclosed-container", in: found)?.location.file == "loop.snippet.md")
    }

    @Test("missing images and link targets, unknown permalinks and anchors")
    func references() throws {
        let found = try Self.diagnostics(
            "# 标题\n\n![ok](/ok.png) ![gone](/gone.png)\n\n[x](/article/nowhere/) [y](./b.md#nope) ![bad](../../../etc/passwd.png)\n",
            files: ["b.md": "# B\n\n## 真的\n"])
        #expect(Self.find("image-missing", in: found)?.location == SourceLocation(file: "a.md", line: 3, column: 16))
        #expect(Self.find("link-unknown", in: found)?.location == SourceLocation(file: "a.md", line: 5, column: 1))
        #expect(Self.find("anchor-unknown", in: found)?.location == SourceLocation(file: "a.md", line: 5, column: 24))
        #expect(Self.find("image-outside", in: found) != nil)
        #expect(found.filter { $0.code.hasPrefix("image") }.count == 2)
    }

    @Test("unsafe HTML is removed with a warning")
    func unsafeHTML() throws {
        let found = try Self.diagnostics("text <span onclick=\"x()\">a</span>\n\n<iframe src=\"https://x\"></iframe>\n")
        #expect(found.filter { $0.code == "html-removed" }.map(\.location.position.line) == [1, 3])
    }
}
