import Compiler

/// A writer: a function from the IR to artifacts (pandoc's Writer, mdBook's Renderer).
public protocol Backend: Sendable {
    var format: OutputFormat { get }
    func render(_ book: Book, context: RenderContext) throws -> [Artifact]
}

/// The one registry the command line selects writers from.
public enum BackendRegistry {
    /// The writer of each format (`--pdf` is the LaTeX writer followed by latexmk in the command line).
    public static func backend(for format: OutputFormat) -> any Backend {
        switch format {
        case .epub: EPUBBackend()
        case .html: HTMLBackend()
        case .latex, .pdf: LaTeXBackend()
        }
    }
}
