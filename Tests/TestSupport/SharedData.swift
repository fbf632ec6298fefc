import Foundation

/// Finds `../shared/` (the conformance suites and the corpora) beside the project checkout.
public enum SharedData {
    /// The project root: two folders up from this file's folder (Tests/TestSupport).
    public static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared`, or `$KBCOMPILE_SHARED` when set.
    public static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["KBCOMPILE_SHARED"] { return URL(fileURLWithPath: path) }
        return projectRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Decodes a JSON file of `shared/`; a missing file fails the test that needs it.
    public static func load<T: Decodable>(_ relative: String, as type: T.Type) throws -> T {
        let data = try Data(contentsOf: url(relative))
        return try JSONDecoder().decode(T.self, from: data)
    }
}

