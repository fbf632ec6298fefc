import Compiler
import Testing
@testable import Backends

/// The text of a book written as one document, made a batch of articles at a time.
@Suite("Streamed body")
struct StreamedBodyTests {
    private func article(_ name: String) -> Article {
        Article(id: ArticleID(rawValue: name), path: name + ".md", metadata: ArticleMetadata(title: name))
    }

    @Test("articles and part headings come in book order, across batches and at their edges")
    func bookOrder() throws {
        // Part sizes put part headings on both sides of batch boundaries and fill a batch exactly.
        let sizes = [0, 1, Book.streamedBatchSize - 3, Book.streamedBatchSize, 2 * Book.streamedBatchSize + 5, 7]
        let front = (0..<3).map { article("front\($0)") }
        let parts = sizes.enumerated().map { number, size in
            Part(title: "P\(number)", path: "p\(number)", articles: (0..<size).map { article("p\(number)a\($0)") })
        }
        let book = Book(metadata: BookMetadata(title: "B", language: "en", identifier: "x"), frontArticles: front, parts: parts)
        let body = book.streamedBody(heading: { index, part in "[\(index) \(part.title)]" }) { "<\($0.metadata.title)>" }
        var expected = front.map { "<\($0.metadata.title)>" }.joined()
        for (index, part) in parts.enumerated() {
            expected += "[\(index) \(part.title)]" + part.articles.map { "<\($0.metadata.title)>" }.joined()
        }
        let written = try Artifact(path: "book.txt", pieces: [.text("start "), body, .text(" end")]).bytes
        #expect(String(decoding: written, as: UTF8.self) == "start " + expected + " end")
    }

    @Test("an empty book writes nothing")
    func emptyBook() throws {
        let book = Book(metadata: BookMetadata(title: "B", language: "en", identifier: "x"))
        let body = book.streamedBody(heading: { _, _ in [UInt8]("h".utf8) }) { _ in [UInt8]("a".utf8) }
        #expect(try Artifact(path: "book.txt", pieces: [body]).bytes.isEmpty)
    }
}
