import Foundation

/// Reads one Markdown file into an ``Article``: checks the encoding, reads the frontmatter,
/// expands includes, parses the body (with a reader for the files it imports) and gives its
/// headings their anchors. Problems are diagnostics; only an unreadable or non-UTF-8 file yields no article.
struct ArticleReader {
    let layout: SourceLayout
    let parser: MarkdownParser

    struct Output {
        var article: Article?
        /// The ids links can point to in the article (see ``HeadingAnchors``).
        var anchors: Set<ExactText> = []
        var diagnostics: [Diagnostic]
    }

    func read(path: String) -> Output {
        guard var bytes = FileBytes.read(atPath: layout.filePath(path)) else {
            return Output(article: nil, diagnostics: [.error("cannot read the file", at: SourceLocation(file: path, line: 0, column: 0), code: "io")])
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = firstInvalidUTF8Offset(bytes) {
            let position = lineAndColumn(of: bad, in: bytes)
            let message = String(format: "the file is not UTF-8 (byte 0x%02X); the article is left out", bytes[bad])
            return Output(article: nil, diagnostics: [.error(message, at: SourceLocation(file: path, position: position), code: "encoding")])
        }
        return parse(bytes: bytes, path: path, isValidUTF8: true)
    }

    /// `isValidUTF8`: `bytes` were checked (``read(path:)`` has); else the parser repairs them.
    func parse(bytes: [UInt8], path: String, isValidUTF8: Bool = false) -> Output {
        let frontmatter = Frontmatter.split(bytes)
        let (fields, frontmatterProblems) = FrontmatterReader(file: path).read(frontmatter)
        let expanded = IncludeExpander(layout: layout).expand(Array(bytes[frontmatter.bodyOffset...]), article: path, firstLine: frontmatter.bodyLine)
        // Included files are checked as they are read.
        var document = parser.parse(expanded.bytes, file: path, sourceMap: expanded.sourceMap, importer: importer(for: path), isValidUTF8: isValidUTF8)
        let title = fields.title ?? document.firstHeadingText ?? Self.displayName(ofFile: path)
        let metadata = ArticleMetadata(
            title: title, createTime: fields.createTime, tags: fields.tags, permalink: fields.permalink,
            cover: fields.cover, draft: fields.draft, sticky: fields.sticky, isHome: fields.isHome, language: fields.language)
        let anchors = HeadingAnchors.assign(to: &document.blocks)
        let article = Article(id: ArticleID(rawValue: path), path: path, metadata: metadata, blocks: document.blocks,
                              footnotes: document.footnotes, abbreviations: document.abbreviations)
        return Output(article: article, anchors: anchors, diagnostics: frontmatterProblems + expanded.diagnostics + document.diagnostics)
    }

    /// Reads files the article imports: relative to it (or to the root for `/` paths), never outside the root.
    private func importer(for article: String) -> FileImporter {
        let layout = layout
        return FileImporter { path in
            switch SourcePath.resolve(SourcePath.split(path).path, from: article, siteRoot: .source, layout: layout) {
            case .file(let relative):
                guard let bytes = FileBytes.read(atPath: layout.filePath(relative)), firstInvalidUTF8Offset(bytes) == nil
                else { return .notText }
                return .text(String(decoding: bytes, as: UTF8.self), file: relative)
            case .outside:
                return .outside
            case .folder, .missing, .external:
                return .missing
            }
        }
    }

    /// `1.guide/01.intro.md` → `intro`.
    static func displayName(ofFile path: String) -> String {
        var name = String(SourcePath.fileName(of: path))
        if name.hasSuffix(".md") { name.removeLast(3) }
        return SidebarName(name).title
    }
}
