import Foundation
import Testing
@testable import Compiler

/// The named character references the parser knows, against Python's copy of the WHATWG list
/// (`html.entities.html5`, the names ending in `;`).
@Suite("HTML entity table")
struct HTMLEntityTableTests {
    @Test("every named reference decodes to the WHATWG code points")
    func matchesWHATWG() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            from html.entities import html5
            for name, text in sorted(html5.items()):
                if name.endswith(';'): print(name[:-1], ','.join('%X' % ord(c) for c in text))
            """]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        var expected: [String: String] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            let scalars = fields[1].split(separator: ",").map { Unicode.Scalar(UInt32($0, radix: 16)!)! }
            expected[String(fields[0])] = String(String.UnicodeScalarView(scalars))
        }
        #expect(expected.count == 2125)
        // The lookup is a binary search: the table must be in byte order of the names, each once.
        let names = htmlEntityData.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
        #expect(zip(names, names.dropFirst()).allSatisfy { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(Set(names) == Set(expected.keys))
        for (name, text) in expected { #expect(HTMLEntities.value(named: Array(name.utf8)[...]) == text, "\(name)") }
        for missing in ["", "am", "ampx", "zzzz", "AElig1", "amP"] { #expect(HTMLEntities.value(named: Array(missing.utf8)[...]) == nil) }
        #expect(HTMLEntities.value(named: Array("ngE".utf8)[...])?.unicodeScalars.map(\.value) == [0x2267, 0x338])
    }
}
