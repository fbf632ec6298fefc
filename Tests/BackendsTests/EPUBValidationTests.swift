import Foundation
import Testing
import TestSupport

/// EPUBCheck 5.3 finds nothing to report in the books of the example and of the real corpora.
@Suite("EPUBCheck")
struct EPUBValidationTests {
    @Test("0 fatals, 0 errors, 0 warnings", arguments: ["examples/ml-notes", "seed/docs", "plume-docs"])
    func clean(_ knowledgeBase: String) throws {
        let source = knowledgeBase.hasPrefix("examples/")
            ? SharedData.projectRoot.appendingPathComponent(knowledgeBase) : SharedData.url("corpus/" + knowledgeBase)
        let epub = try BookBuilder.epub(source)
        let report = try EPUBCheck.check(epub, name: "book.epub")
        #expect(report.isClean, "\(knowledgeBase): \(report.output)")
    }
}
