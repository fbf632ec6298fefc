import Foundation
import TestSupport
import Testing
@testable import Compiler

/// Broken frontmatter and non-UTF-8 files are located errors; the rest of the book still compiles.
@Suite("Bad input in a collection")
struct BadInputTests {
    @Test("broken YAML is an error at its line; the article compiles with defaults")
    func brokenFrontmatter() throws {
        let folder = try TemporaryFolder()
        try folder.write("good.md", "# 好文章\n\n正文。\n")
        try folder.write("bad.md", "---\ntitle: 坏的\ntags: [a, b\ncreateTime: 2024/01/01\n---\n# 标题来自正文\n\n内容\n")
        let compilation = try KnowledgeBaseCompiler().compile(source: folder.url)
        let errors = compilation.diagnostics.diagnostics.filter { $0.severity == .error }
        try #require(errors.count == 1)
        #expect(errors[0].location.file == "bad.md")
        #expect(errors[0].location.position.line == 4, "the scanner stops on the line after the open '['")
        #expect(errors[0].code == "yaml")
        let titles = Set(compilation.book.articles.map(\.metadata.title))
        #expect(titles == ["好文章", "标题来自正文"])
    }

    @Test("a file that is not UTF-8 is an error located at the bad byte; other articles compile")
    func notUTF8() throws {
        let folder = try TemporaryFolder()
        try folder.write("ok.md", "正常的文章\n")
        // "第二行" in GBK on line 2: the first byte 0xB5 is not UTF-8.
        try folder.write("gbk.md", bytes: Array("line one\nab".utf8) + [0xB5, 0xDA, 0xB6, 0xFE] + Array("\n".utf8))
        let compilation = try KnowledgeBaseCompiler().compile(source: folder.url)
        let errors = compilation.diagnostics.diagnostics.filter { $0.severity == .error }
        try #require(errors.count == 1)
        #expect(errors[0].location == SourceLocation(file: "gbk.md", line: 2, column: 3))
        #expect(errors[0].code == "encoding")
        #expect(compilation.book.articles.map(\.path) == ["ok.md"])
    }

    @Test("FIFOs named like an article, an include or an image are refused without waiting for a writer")
    func fifos() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", "# A\n\n![图](./pic.png)\n\n<!-- @include: ./part.md -->\n")
        for name in ["b.md", "pic.png", "part.md"] { #expect(mkfifo(folder.url.appendingPathComponent(name).path, 0o600) == 0) }
        let compilation = try KnowledgeBaseCompiler().compile(source: folder.url)
        let codes = compilation.diagnostics.diagnostics.map { "\($0.location.file) \($0.code)" }
        #expect(Set(codes) == ["a.md image-missing", "a.md include-missing", "b.md io", "part.md io"], "\(codes)")
        #expect(compilation.book.articles.map(\.path) == ["a.md"])
    }

    @Test("frontmatter values of the wrong type are warnings")
    func wrongTypes() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", "---\ntitle: [not, text]\ncreateTime: yesterday\n---\nbody\n")
        let compilation = try KnowledgeBaseCompiler().compile(source: folder.url)
        let warnings = compilation.diagnostics.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map(\.location.position.line) == [2, 3])
        #expect(compilation.book.articles.first?.metadata.title == "a")
    }

    @Test("a missing source folder throws; nothing is read")
    func missingSource() {
        #expect(throws: SourceLayout.Failure.self) {
            try KnowledgeBaseCompiler().compile(source: URL(fileURLWithPath: "/nonexistent/kb"))
        }
    }

    @Test("unknown kbcompile.yml keys are warnings at their line")
    func unknownConfigKey() throws {
        let folder = try TemporaryFolder()
        try folder.write("kbcompile.yml", "title: T\ntitel: typo\n")
        try folder.write("a.md", "x\n")
        let compilation = try KnowledgeBaseCompiler().compile(source: folder.url)
        let warning = try #require(compilation.diagnostics.diagnostics.first { $0.code == "config" })
        #expect(warning.location == SourceLocation(file: "kbcompile.yml", line: 2, column: 1))
        #expect(compilation.book.metadata.title == "T")
    }
}
