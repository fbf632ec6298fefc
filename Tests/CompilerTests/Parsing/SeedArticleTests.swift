import Foundation
import TestSupport
import Testing
@testable import Compiler

/// The article the project started from, read as the site reads it.
@Suite("The seed article")
struct SeedArticleTests {
    static func article() throws -> Article {
        let compilation = try KnowledgeBaseCompiler().compile(source: SharedData.url("corpus/seed/docs"))
        return try #require(compilation.book.articles.first)
    }

    @Test(":::details holds the ::: steps list; the text after the single ::: is outside both")
    func nestedContainers() throws {
        let blocks = try Self.article().blocks
        let details = try #require(blocks.firstIndex { if case .container(let c) = $0.kind { c.kind == .details } else { false } })
        guard case .container(let container) = blocks[details].kind else { return }
        #expect(container.title?.plainText == "什么是迭代？")
        guard case .paragraph(let lead, _)? = container.body.first?.kind else { Issue.record("details does not start with a paragraph"); return }
        #expect(lead.plainText == "一次迭代一般包含以下三个步骤：")
        guard case .container(let steps)? = container.body.last?.kind else { Issue.record("details does not end with steps"); return }
        #expect(steps.kind == .steps)
        guard case .list(let list)? = steps.body.first?.kind else { Issue.record("steps holds no list"); return }
        #expect(list.isOrdered && list.items.count == 3)
        // The next block after details is the heading that follows the closing `:::`.
        guard case .heading(let heading, 3) = blocks[details + 1].kind else { Issue.record("no heading after details"); return }
        #expect(heading.first == .text("训练算法的目标 ") && heading.last == .footnoteReference(label: "paper"))
    }

    @Test("11 formulas, 6 footnote references to 4 notes, the YOLO abbreviation where it stands alone")
    func counts() throws {
        let article = try Self.article()
        var formulas: [String] = []
        var references: [String] = []
        var abbreviations: [String] = []
        var texts: [String] = []
        article.blocks.forEachInline { inline in
            switch inline {
            case .math(let formula):
                formulas.append(formula.tex)
                #expect(formula.error == nil, "\(formula.tex): \(formula.error?.message ?? "")")
            case .footnoteReference(let label): references.append(label)
            case .abbreviation(let term, let title): abbreviations.append("\(term)=\(title)")
            case .text(let text): texts.append(text.string)
            default: break
            }
        }
        #expect(formulas.count == 11)
        #expect(formulas.first == "z^{(l)} = W^{(l)}a^{(l-1)}+b^{(l)}")
        #expect(formulas.contains("New Parameter= Old Parameter−\\alpha \\times Gradient"))
        #expect(references.count == 6)
        #expect(Set(references).count == 4)
        #expect(article.footnotes.map(\.label) == ["relation-figure", "model-category", "model-training", "paper"])
        #expect(article.footnotes.map(\.referenceCount) == [1, 1, 1, 3])
        // "3. YOLO" and "YOLO 是一种…": both stand alone; no other text holds the term by itself.
        #expect(abbreviations == ["YOLO=You Only Look Once", "YOLO=You Only Look Once"])
        #expect(article.abbreviations == ["YOLO": "You Only Look Once"])
    }
}
