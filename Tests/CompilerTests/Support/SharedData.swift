import Foundation
import Testing

/// Finds `../shared/` (the conformance suites and the corpora) beside the project checkout.
enum SharedData {
    /// The project root: three folders up from this file (Tests/CompilerTests/Support).
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared`, or `$KBCOMPILE_SHARED` when set.
    static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["KBCOMPILE_SHARED"] { return URL(fileURLWithPath: path) }
        return projectRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Decodes a JSON file of `shared/`; a missing file fails the test that needs it.
    static func load<T: Decodable>(_ relative: String, as type: T.Type) throws -> T {
        let data = try Data(contentsOf: url(relative))
        return try JSONDecoder().decode(T.self, from: data)
    }
}

/// One example of a spec-style suite (CommonMark, GFM): Markdown in, HTML out.
struct SpecExample: Decodable, Sendable, CustomTestStringConvertible {
    let markdown: String
    let html: String
    let example: Int
    let section: String
    let disabled: Bool?

    var testDescription: String { "\(section) #\(example)" }

    static func loadAll(_ relative: String) -> [SpecExample] {
        (try? SharedData.load(relative, as: [SpecExample].self)) ?? []
    }
}
