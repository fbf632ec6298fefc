import Foundation
import Testing
import TestSupport
@testable import Backends

/// The built-in styles and script are the ones in `templates/` (scripts/generate-stylesheets.sh embeds them).
@Suite("Built-in templates")
struct BuiltInTemplateTests {
    static func template(_ path: String) throws -> String {
        try String(contentsOf: SharedData.projectRoot.appendingPathComponent("templates/" + path), encoding: .utf8)
    }

    @Test("the built-in copies match templates/ (run scripts/generate-stylesheets.sh after an edit)")
    func upToDate() throws {
        #expect(BuiltInTemplates.epubStylesheet + "\n" == (try Self.template("epub/style.css")))
        #expect(BuiltInTemplates.htmlPageStylesheet + "\n" == (try Self.template("html/page.css")))
        #expect(BuiltInTemplates.latexBook + "\n" == (try Self.template("latex/book.tex")))
        #expect(BuiltInTemplates.htmlScript + "\n" == (try Self.template("html/book.js")))
    }
}
