import Compiler
import Foundation

/// Writes the whole book as one offline HTML file: images as `data:` URLs, the stylesheet and
/// the script inline, a Content-Security-Policy that forbids every network load, a sidebar table
/// of contents, and a full-text search index built at compile time. The text reads with scripts
/// off; search, the theme toggle and position tracking need them.
///
/// Options (`html:` in kbcompile.yml): `toc-depth` (1–6, default 2), `stylesheet` (a CSS file in
/// the knowledge base that replaces the built-in one).
public struct HTMLBackend: Backend {
    public var format: OutputFormat { .html }

    public init() {}

    public func render(_ book: Book, context: RenderContext) throws -> [Artifact] {
        let metadata = book.metadata
        let links = try HTMLLinkTargets(book: book)
        let tocDepth = context.options["toc-depth"].flatMap(Int.init).map { min(max($0, 1), 6) } ?? 2
        // The search index's sections are made when its piece is written, on all cores, up to 256
        // articles of a part at a time (so only their term counts are held at once), and added in
        // book order.
        let batches = book.articleBatches(size: 256)
        let searchIndex = SearchIndex.json(batchCount: batches.count) { batch in
            Array(batches[batch]).parallelMap { article in
                SearchIndex.sections(of: article, articleID: links.articleID(article.id), idPrefix: links.idPrefix(article.id))
            }
        }
        let language = metadata.language
        let content = book.streamedBody(heading: { index, part in
            Array("<section class=\"part\" id=\"part-\(index + 1)\">\n<h1 class=\"part-title\">\(XMLText.escaped(part.title))</h1>\n</section>\n".utf8)
        }) { article in Self.html(of: article, links: links, bookLanguage: language) }
        let page = HTMLPage(metadata: metadata, date: BookDate.seconds(context, metadata).map(BookDate.day), sidebar: .generated { try HTMLPage.writeSidebar(book, links: links, tocDepth: tocDepth, to: $0) },
                            content: content, searchIndex: searchIndex, stylesheet: context.customTemplate ?? BuiltInTemplates.htmlStylesheet,
                            script: BuiltInTemplates.htmlScript)
        return [Artifact(path: context.baseName + ".html", pieces: page.pieces())]
    }

    /// One article as an `<article>` element.
    private static func html(of article: Article, links: HTMLLinkTargets, bookLanguage: String) -> [UInt8] {
        let prefix = links.idPrefix(article.id)
        let language = article.metadata.language ?? bookLanguage
        var writer = XHTMLBodyWriter(article: article, links: HTMLArticleLinks(links, article: article.id),
                                     options: .init(epubSemantics: false, idPrefix: prefix, language: language))
        let lang = article.metadata.language.map { " lang=\"\($0)\"" } ?? ""
        var bytes: [UInt8] = []
        bytes.appendUTF8("<article id=\"\(links.articleID(article.id))\" class=\"chapter\"\(lang)>\n")
        bytes += writer.writeArticle()
        bytes.append("</article>\n")
        return bytes
    }
}
