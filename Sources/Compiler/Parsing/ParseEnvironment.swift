/// What parsing one document collects besides tokens: link references, footnotes, abbreviations
/// and diagnostics (markdown-it's `env`).
final class ParseEnvironment {
    /// The article path, for diagnostics.
    let file: String
    /// Where each line of the (include-expanded) document came from.
    let sourceMap: SourceMap
    /// Reads a file that the article imports (`@[code](…)`), by a path relative to the article.
    let importer: FileImporter?
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
    /// The storage of the document's texts in the IR.
    let texts: TextArena
    /// The storage of the tokens' contents (``Token/content``): dropped with the tokens, once the
    /// IR is built. A block's content and the text tokens parsed from it are in it, so it starts
    /// with room for twice the document.
    let tokenTexts: TextArena

    /// `textCapacity`: room for that many bytes of text to start with (the document's size).
    init(file: String, sourceMap: SourceMap, importer: FileImporter?, textCapacity: Int = 0) {
        self.file = file
        texts = TextArena(capacity: textCapacity)
        tokenTexts = TextArena(capacity: 2 * textCapacity)
        self.sourceMap = sourceMap
        self.importer = importer
    }

    /// A location from a 0-based document line and 1-based byte column, in the file the line came from.
    func location(line: Int, column: Int = 1) -> SourceLocation {
        let origin = sourceMap.origin(of: line)
        return SourceLocation(file: origin.file, line: origin.line, column: column)
    }

    /// A position in the article for an IR node on document line `line`: included text is placed
    /// at the line of its `@include`.
    func articlePosition(line: Int, column: Int = 1) -> SourcePosition {
        let origin = sourceMap.origin(of: line)
        if let includedAt = origin.includedAt { return SourcePosition(line: includedAt, column: 1) }
        return SourcePosition(line: origin.line, column: column)
    }

    func warn(_ message: String, line: Int, column: Int = 1, code: String) {
        diagnostics.append(.warning(message, at: location(line: line, column: column), code: code))
    }
}
