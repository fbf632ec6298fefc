/// A problem found in the input, located at a file, line and column.
///
/// Diagnostics are values: every pass returns them, the driver collects them in a
/// ``DiagnosticLog`` and prints them once, in source order.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// A short stable name for the kind of problem, e.g. `frontmatter-yaml` (printed as `[code]`).
    public var code: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, code: String) {
        self.severity = severity
        self.location = location
        self.message = message
        self.code = code
    }

    public static func error(_ message: String, at location: SourceLocation, code: String) -> Diagnostic {
        Diagnostic(.error, at: location, message, code: code)
    }

    public static func warning(_ message: String, at location: SourceLocation, code: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message, code: code)
    }

    public static func note(_ message: String, at location: SourceLocation, code: String) -> Diagnostic {
        Diagnostic(.note, at: location, message, code: code)
    }
}
