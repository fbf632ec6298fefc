import Compiler

/// A writer: a function from the IR to artifacts (pandoc's Writer, mdBook's Renderer).
public protocol Backend: Sendable {
    var format: OutputFormat { get }
    func render(_ book: Book, context: RenderContext) throws -> [Artifact]
}

/// The one registry the command line selects writers from.
public enum BackendRegistry {
    /// The backends this build has. A format with none is reported to the user as not yet available.
    public static let available: [OutputFormat: any Backend] = [.epub: EPUBBackend(), .html: HTMLBackend(), .latex: LaTeXBackend(), .pdf: LaTeXBackend()]

    public static func backend(for format: OutputFormat) -> (any Backend)? { available[format] }

    /// The message for a format this build cannot write.
    public static func unavailableMessage(for format: OutputFormat) -> String {
        "--\(format.rawValue) is not available in this version of kbcompile: \(format.plannedIn) is still being built"
    }
}
