import Foundation
import Testing
import TestSupport
@testable import Backends

/// The built-in stylesheets are the ones in `templates/` (scripts/generate-stylesheets.sh embeds them).
@Suite("Default stylesheets")
struct DefaultStylesheetTests {
    @Test("the EPUB stylesheet matches templates/epub/style.css")
    func epub() throws {
        let template = try String(contentsOf: SharedData.projectRoot.appendingPathComponent("templates/epub/style.css"), encoding: .utf8)
        #expect(DefaultStylesheets.epub + "\n" == template, "run scripts/generate-stylesheets.sh")
    }
}
