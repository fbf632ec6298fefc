import Foundation
import Testing
@testable import TeXMath

/// Our MathML against KaTeX 0.16.4's for 1,136 formulas, compared by meaning (``MathMLMeaning``).
/// The agreement rate is asserted; every formula must at least convert to well-formed MathML.
@Suite("MathML agreement with KaTeX")
struct KaTeXAgreementTests {
    struct Case: Decodable, Sendable {
        let name: String
        let tex: String
        let display: Bool
        let math: String?
        let error: String?
    }

    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/conformance/katex")

    static let cases: [Case] = ["katex-mathml.json", "katex-mathml-support-table.json"].flatMap { file -> [Case] in
        guard let data = try? Data(contentsOf: shared.appendingPathComponent(file)) else { return [] }
        return (try? JSONDecoder().decode([Case].self, from: data)) ?? []
    }

    @Test("every formula gives well-formed MathML; at least 95% mean what KaTeX's means")
    func agreement() throws {
        #expect(Self.cases.count == 137 + 999)
        var compared = 0
        var agreed = 0
        var report = ""
        for item in Self.cases {
            let ours = TeXMath.mathML(item.tex, display: item.display)
            let ourMeaning = try #require(MathMLMeaning.of(ours.markup), "not well-formed: \(item.tex)")
            guard let theirs = item.math, item.error == nil, let theirMeaning = MathMLMeaning.of(theirs) else { continue }
            compared += 1
            if ourMeaning == theirMeaning {
                agreed += 1
            } else {
                report += "\(item.name)\t\(item.tex)\n  katex: \(theirMeaning.joined(separator: " "))\n  ours:  \(ourMeaning.joined(separator: " "))\n  error: \(ours.error?.message ?? "-")\n"
            }
        }
        let rate = Double(agreed) / Double(max(compared, 1))
        if let path = ProcessInfo.processInfo.environment["KBCOMPILE_MATH_REPORT"] {
            try? report.write(toFile: path, atomically: true, encoding: .utf8)
        }
        print("MathML agreement with KaTeX: \(agreed)/\(compared) = \(String(format: "%.1f", rate * 100))%")
        #expect(rate >= 0.95, "agreement \(agreed)/\(compared)")
    }
}
