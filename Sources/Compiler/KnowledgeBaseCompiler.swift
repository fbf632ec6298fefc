import Dispatch
import Foundation

/// The frontend's entry point: reads a knowledge base and builds the ``Book`` that backends render.
///
/// Steps: locate the source (``SourceLayout``), scan for articles, read and parse them in
/// parallel (each with its heading anchors), drop drafts and home pages, resolve links and images (``BookResolver``),
/// order the articles into parts, and fill in the book's metadata.
public struct KnowledgeBaseCompiler: Sendable {
    public var parserOptions: MarkdownOptions

    public init(parserOptions: MarkdownOptions = .book) {
        self.parserOptions = parserOptions
    }

    /// What a compilation produced: the book (always, possibly empty) and every diagnostic.
    public struct Compilation: Sendable {
        public var layout: SourceLayout
        public var configuration: Configuration
        public var book: Book
        public var diagnostics: DiagnosticLog
    }

    /// Compiles the knowledge base at `source`. Throws ``SourceLayout/Failure`` only when the
    /// source cannot be read at all; every problem in the input is a diagnostic.
    public func compile(source: URL, configFile: URL? = nil) throws -> Compilation {
        let (layout, config, configProblems) = try SourceLayout.locate(source: source, configFile: configFile)
        var log = DiagnosticLog()
        log.add(contentsOf: configProblems)

        let scan = CollectionScanner(layout: layout, config: config).scan()
        for locale in scan.otherLocales {
            log.add(.note("'\(locale)/' is another language of the site; build its book with 'locale: \(locale)' in kbcompile.yml",
                          at: SourceLocation(file: locale + "/", line: 0, column: 0), code: "locale"))
        }
        let reader = ArticleReader(layout: layout, parser: MarkdownParser(options: parserOptions))
        var outputs = scan.files.parallelMap { reader.read(path: $0) }
        var articles: [Article] = []
        var anchors: [ArticleID: Set<ExactText>] = [:]
        var homeTitle: String?
        for output in outputs {
            log.add(contentsOf: output.diagnostics)
            guard let article = output.article else { continue }
            if article.metadata.isHome {
                if homeTitle == nil, article.path.split(separator: "/").count <= 2 { homeTitle = article.metadata.title }
                continue
            }
            if article.metadata.draft { continue }
            articles.append(article)
            anchors[article.id] = output.anchors
        }
        // The articles are now only in `articles`, so resolving changes them in place.
        outputs = []
        let resolver = BookResolver(layout: layout, articles: articles, anchors: anchors)
        var findings = resolver.resolve(&articles)
        let prefix = layout.localeFolder == layout.root ? "" : (config.locale ?? "") + "/"
        let (front, parts) = BookAssembler(config: config, prefix: prefix).assemble(articles)
        let ordered = front + parts.flatMap(\.articles)
        var cover: ResourceID?
        if let path = config.cover {
            let (resolved, coverFindings) = resolver.resolveCover(path, file: layout.configFile?.lastPathComponent ?? "kbcompile.yml")
            cover = resolved
            findings.add(coverFindings)
        }
        log.add(contentsOf: findings.diagnostics)

        let title = config.title ?? homeTitle ?? Self.folderTitle(layout.root)
        let metadata = BookMetadata(
            title: title, subtitle: config.subtitle, authors: config.authors,
            language: config.language ?? LanguageDetector.detect(ordered),
            identifier: config.identifier ?? "urn:uuid:" + StableIdentifier.uuid(from: title + "\u{0}" + ordered.map(\.path).joined(separator: "\n")),
            publisher: config.publisher, cover: cover,
            modified: ordered.compactMap(\.metadata.createTime).max())
        let book = Book(metadata: metadata, frontArticles: front, parts: parts, resources: findings.resources)
        return Compilation(layout: layout, configuration: config, book: book, diagnostics: log)
    }

    /// The name of the source folder, or of its parent when the folder is a conventional `docs`/`src`.
    private static func folderTitle(_ root: URL) -> String {
        let name = root.lastPathComponent
        if ["docs", "src", "source"].contains(name.lowercased()) { return root.deletingLastPathComponent().lastPathComponent }
        return name
    }
}
