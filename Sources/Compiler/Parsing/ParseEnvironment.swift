/// What parsing one document collects besides tokens: link references, footnotes, abbreviations
/// and diagnostics (markdown-it's `env`).
final class ParseEnvironment {
    /// The article path, for diagnostics.
    let file: String
    /// The file line of the document's first line (after the frontmatter).
    let firstLine: Int
    var references: [String: (href: String, title: String?)] = [:]
    /// Defined footnote labels → the 0-based line of the (last) definition.
    var footnoteLabels: [String: Int] = [:]
    /// Labels in order of first reference, with reference counts.
    var footnoteReferenceOrder: [String] = []
    var footnoteReferenceCounts: [String: Int] = [:]
    /// Inline footnotes `^[…]`: their parsed content, by generated label.
    var inlineFootnotes: [String: [Token]] = [:]
    var abbreviations: [String: String] = [:]
    var diagnostics: [Diagnostic] = []

    init(file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
    }

    /// A location from a 0-based document line and 1-based byte column.
    func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: firstLine + line, column: column)
    }

    func warn(_ message: String, line: Int, column: Int = 1, code: String) {
        diagnostics.append(.warning(message, at: location(line: line, column: column), code: code))
    }
}
