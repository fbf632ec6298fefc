import Foundation
import TestSupport
import Testing
@testable import Compiler

/// Every formula of the real knowledge bases converts: no `<merror>`, no diagnostic.
@Suite("Formulas of the corpora")
struct CorpusFormulaTests {
    static func formulas(in book: Book) -> [Formula] {
        var formulas: [Formula] = []
        for article in book.articles {
            let blocks = article.blocks + article.footnotes.flatMap(\.blocks)
            blocks.forEachBlock { if case .math(let formula) = $0.kind { formulas.append(formula) } }
            blocks.forEachInline { if case .math(let formula) = $0 { formulas.append(formula) } }
        }
        return formulas
    }

    @Test("seed, plume-docs (both languages) and the example: every formula reads and becomes MathML without merror")
    func allFormulasConvert() throws {
        let folder = try TemporaryFolder()
        try folder.write("kbcompile.yml", "source: \(SharedData.url("corpus/plume-docs").path)\nlocale: en\n")
        let sources = [SharedData.url("corpus/seed"), SharedData.url("corpus/plume-docs"), folder.url,
                       SharedData.projectRoot.appendingPathComponent("examples/ml-notes")]
        var counts: [Int] = []
        for source in sources {
            let formulas = Self.formulas(in: try KnowledgeBaseCompiler().compile(source: source).book)
            counts.append(formulas.count)
            for formula in formulas {
                #expect(formula.error == nil, "\(formula.tex): \(formula.error?.message ?? "")")
                #expect(!formula.mathML.contains("<merror>"), "\(formula.tex)")
            }
        }
        #expect(counts[0] == 11)
        #expect(counts[1] == 13 && counts[2] == 1 && counts[3] == 27, "\(counts)")
        print("formulas: seed \(counts[0]), plume-docs zh \(counts[1]), en \(counts[2]), example \(counts[3])")
    }
}
