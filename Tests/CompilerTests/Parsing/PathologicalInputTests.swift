import Foundation
import TestSupport
import Testing
@testable import Compiler

/// Inputs that make naive parsers quadratic or overflow their stack (Tests/TestSupport/
/// PathologicalInputs.swift) compile — read, parse, resolve, sanitize — within a generous time
/// limit at sizes where quadratic work would take minutes. How time grows with the size is
/// measured by `kbcompile-pathological-bench`, not here.
@Suite("Pathological inputs")
struct PathologicalInputTests {
    /// Far above what linear work takes in a debug build (well under a second to a few seconds).
    static let limit = Duration.seconds(30)

    @Test("compiles in linear time", arguments: PathologicalInput.all.map(\.name))
    func linear(name: String) throws {
        let input = try #require(PathologicalInput.all.first { $0.name == name })
        let folder = try TemporaryFolder()
        try folder.write("kb/a.md", bytes: input.make(input.testCount))
        let clock = ContinuousClock()
        var result: KnowledgeBaseCompiler.Compilation?
        let elapsed = try clock.measure {
            result = try KnowledgeBaseCompiler().compile(source: folder.url.appendingPathComponent("kb"))
        }
        #expect(elapsed < Self.limit, "\(name): \(elapsed)")
        // Some inputs are all comments, definitions or blank lines: an article with no blocks.
        #expect(try #require(result).book.articles.count == 1)
    }

    @Test("nesting deeper than the limit is reported, not followed")
    func depthDiagnostic() throws {
        let input = try #require(PathologicalInput.all.first { $0.name == "10,000-deep block quotes" })
        let document = MarkdownParser(options: .book).parse(input.make(input.testCount), file: "deep.md")
        #expect(document.diagnostics.contains { $0.code == "nesting" })
    }
}
