import Backends
import CLibXML2
import Foundation
import Testing
import TestSupport

/// The XHTML of every node kind, against files checked by eye (screenshots) and by EPUBCheck.
/// `KBCOMPILE_UPDATE_GOLDEN=1 swift test --filter XHTMLGoldenTests` rewrites them after a deliberate change.
@Suite("XHTML golden files")
struct XHTMLGoldenTests {
    static let fixture = SharedData.projectRoot.appendingPathComponent("Tests/BackendsTests/Fixtures/every-node")
    static let golden = SharedData.projectRoot.appendingPathComponent("Tests/BackendsTests/Golden/every-node")

    @Test("each chapter matches its golden file", arguments: ["chapter-001.xhtml", "chapter-002.xhtml", "nav.xhtml", "toc.ncx", "package.opf"])
    func chapter(_ name: String) throws {
        let entries = try ZipEntries(try BookBuilder.epub(Self.fixture))
        let path = name.hasPrefix("chapter") ? "EPUB/text/" + name : "EPUB/" + name
        let actual = try #require(entries.text(path))
        let file = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["KBCOMPILE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: file)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from \(file.path)")
        #expect(Self.isWellFormedXML(actual), "\(name) is not well-formed XML")
    }

    @Test("the fixture book passes EPUBCheck")
    func validated() throws {
        let report = try EPUBCheck.check(try BookBuilder.epub(Self.fixture), name: "every-node.epub")
        #expect(report.isClean, "\(report.output)")
    }

    /// Parses with libxml2 (no network, no entity loading): well-formed or not.
    static func isWellFormedXML(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), "golden.xhtml", "UTF-8", options)
            }
        }) else { return false }
        xmlFreeDoc(document)
        return true
    }
}
