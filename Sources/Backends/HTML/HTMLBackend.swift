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
        // The search index's sections are made on all cores, then added in book order.
        let articleIDs = book.articles.map { (links.articleID($0.id), links.idPrefix($0.id)) }
        let sections = zip(book.articles, articleIDs).map { $0 }.parallelMap { article, ids in
            SearchIndex.sections(of: article, articleID: ids.0, idPrefix: ids.1)
        }
        var search = SearchIndex()
        for section in sections.joined() { search.add(section) }
        var content = ""
        func write(_ article: Article) {
            let id = links.articleID(article.id)
            let prefix = links.idPrefix(article.id)
            let language = article.metadata.language ?? metadata.language
            var writer = XHTMLBodyWriter(article: article, links: links, options: .init(epubSemantics: false, idPrefix: prefix, language: language))
            let lang = article.metadata.language.map { " lang=\"\($0)\"" } ?? ""
            content += "<article id=\"\(id)\" class=\"chapter\"\(lang)>\n" + writer.writeArticle() + "</article>\n"
        }
        for article in book.frontArticles { write(article) }
        for (index, part) in book.parts.enumerated() {
            content += "<section class=\"part\" id=\"part-\(index + 1)\">\n<h1 class=\"part-title\">\(XMLText.escaped(part.title))</h1>\n</section>\n"
            for article in part.articles { write(article) }
        }
        let page = HTMLPage(metadata: metadata, date: BookDate.seconds(context, metadata).map(BookDate.day), sidebar: HTMLPage.sidebar(book, links: links, tocDepth: tocDepth),
                            content: content, searchIndex: search.json(), stylesheet: context.customTemplate ?? BuiltInTemplates.htmlStylesheet,
                            script: BuiltInTemplates.htmlScript)
        return [Artifact(path: context.baseName + ".html", bytes: Array(page.html().utf8))]
    }
}
