import Foundation

/// The one place where a run's diagnostics are collected, counted and printed.
public struct DiagnosticLog: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public mutating func add(contentsOf more: some Sequence<Diagnostic>) { diagnostics.append(contentsOf: more) }

    public func count(_ severity: Diagnostic.Severity) -> Int {
        diagnostics.lazy.filter { $0.severity == severity }.count
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The diagnostics in source order (file, line, column), stable for equal locations.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
    }

    /// `N errors, M warnings` (notes are counted only when present).
    public var summary: String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        var parts = [plural(count(.error), "error"), plural(count(.warning), "warning")]
        let notes = count(.note)
        if notes > 0 { parts.append(plural(notes, "note")) }
        return parts.joined(separator: ", ")
    }
}

extension Diagnostic {
    /// `path:line:col: severity: message [code]`, with ANSI colours when `colored`.
    public func formatted(colored: Bool) -> String {
        var where_ = location.file
        if location.position.line > 0 {
            where_ += ":\(location.position.line):\(max(location.position.column, 1))"
        }
        guard colored else { return "\(where_): \(severity.rawValue): \(message) [\(code)]" }
        let color = switch severity {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;35m"
        case .note: "\u{1B}[1;36m"
        }
        let reset = "\u{1B}[0m"
        return "\u{1B}[1m\(where_):\(reset) \(color)\(severity.rawValue):\(reset) \(message) [\(code)]"
    }

    /// A JSON object for `--diagnostics json`.
    public var jsonObject: [String: Any] {
        [
            "severity": severity.rawValue, "file": location.file, "line": location.position.line,
            "column": location.position.column, "message": message, "code": code,
        ]
    }
}
