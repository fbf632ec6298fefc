import Foundation
import TestSupport
import Testing
@testable import Compiler

/// Discovery and ordering on the real corpora and on the example knowledge base.
@Suite("Reading collections")
struct CorpusCollectionTests {
    static let plumeDocs = SharedData.url("corpus/plume-docs")
    static let example = SharedData.projectRoot.appendingPathComponent("examples/ml-notes")

    @Test("plume-docs: 161 Chinese articles in 4 parts, en/ left for its own book, no errors")
    func plumeDocs() throws {
        let compilation = try KnowledgeBaseCompiler().compile(source: Self.plumeDocs)
        let book = compilation.book
        #expect(!compilation.diagnostics.hasErrors, "\(compilation.diagnostics.sorted.map { $0.formatted(colored: false) })")
        #expect(book.articles.count == 161)
        #expect(book.parts.map(\.path) == ["blog", "config", "guide", "tools"])
        #expect(book.parts.map(\.title) == ["blog", "config", "guide", "tools"])
        #expect(book.metadata.language == "zh-CN")
        #expect(book.metadata.title == "Vuepress Theme Plume")
        // Root files first, by createTime (no numeric prefixes there).
        #expect(book.frontArticles.map(\.path).contains("changelog.md"))
        #expect(!book.articles.contains { $0.path.hasPrefix("en/") || $0.path.hasSuffix(".snippet.md") || $0.metadata.isHome })
        // Numeric prefixes order the blog's folders: 1.示例 before 2.preview before 3.更新说明 before 4.教程.
        let blogFolders = book.parts[0].articles.map { $0.path.split(separator: "/")[1] }
        var seen: [Substring] = []
        for folder in blogFolders where seen.last != folder { seen.append(folder) }
        #expect(seen == ["1.示例", "2.preview", "3.更新说明", "4.教程"])
        #expect(compilation.diagnostics.diagnostics.contains { $0.code == "locale" && $0.location.file == "en/" })
    }

    /// Every warning plume-docs gives is a real problem of its text (links to files not in the corpus,
    /// remote images, a nested `:::` closed by its parent's closer…). The counts are pinned so that a
    /// parser change that adds or loses one shows up here.
    @Test("plume-docs: no errors, and only the known warnings")
    func plumeDocsDiagnostics() throws {
        let log = try KnowledgeBaseCompiler().compile(source: Self.plumeDocs).diagnostics
        var counts: [String: Int] = [:]
        for diagnostic in log.diagnostics { counts[diagnostic.code, default: 0] += 1 }
        #expect(log.count(.error) == 0)
        #expect(counts == [
            // link-unknown was 12 before annotations: `[+vuepress]:` was read as a link definition.
            "image-remote": 19, "import-missing": 13, "link-unknown": 10, "link-outside": 11, "anchor-unknown": 4,
            "include-outside": 2, "unclosed-container": 2, "locale": 1, "image-missing": 1,
        ])
    }

    @Test("plume-docs with 'locale: en' is the English book")
    func plumeDocsEnglish() throws {
        let folder = try TemporaryFolder()
        try folder.write("kbcompile.yml", "source: \(Self.plumeDocs.path)\nlocale: en\n")
        let compilation = try KnowledgeBaseCompiler().compile(source: folder.url)
        #expect(compilation.book.articles.count == 138)
        #expect(compilation.book.articles.allSatisfy { $0.path.hasPrefix("en/") })
        #expect(compilation.book.metadata.language == "en")
    }

    @Test("the seed article is found under docs/ with its frontmatter")
    func seed() throws {
        let compilation = try KnowledgeBaseCompiler().compile(source: SharedData.url("corpus/seed"))
        let articles = compilation.book.articles
        try #require(articles.count == 1)
        #expect(articles[0].metadata.title == "大模型概述")
        #expect(articles[0].metadata.tags == ["大模型"])
        #expect(articles[0].metadata.permalink == "/article/v2of2fi5/")
        #expect(articles[0].metadata.createTime == FrontmatterReader.parseDate("2023/08/30 11:04:56"))
        #expect(compilation.book.metadata.language == "zh-CN")
    }

    @Test("the example knowledge base: 7 articles in 3 parts, in the configured order")
    func example() throws {
        let compilation = try KnowledgeBaseCompiler().compile(source: Self.example)
        let book = compilation.book
        #expect(!compilation.diagnostics.hasErrors)
        #expect(book.frontArticles.isEmpty)
        #expect(book.parts.map(\.title) == ["第一部分 · 基础", "第二部分 · 深度学习", "附录"])
        #expect(book.articles.map(\.metadata.title) == [
            "什么是机器学习", "线性回归", "梯度下降", "神经网络", "Transformers in brief", "参考资料", "术语表",
        ])
        #expect(book.metadata.title == "机器学习笔记")
        #expect(book.metadata.authors == ["kbcompile 示例作者"])
        #expect(book.metadata.identifier == "urn:uuid:6f0b7c9e-3f7a-4c55-9a49-0d2f8e6b1a01")
    }
}
