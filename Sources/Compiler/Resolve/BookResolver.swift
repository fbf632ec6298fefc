import Foundation

/// The resolve pass over the whole collection: links between articles (by permalink or by
/// file) as ``InternalTarget``s, images as ``Resource``s under the source root. Problems are
/// warnings at the link or image; nothing outside the root is read.
///
/// The tables (routes, anchors, files) are built once from all articles; each article is then
/// resolved on its own (``ArticleReferences``), on all cores, and what they found is gathered in
/// article order.
struct BookResolver: Sendable {
    let layout: SourceLayout
    /// Routes (permalinks and file-based paths) → articles.
    private var routes: [String: ArticleID] = [:]
    /// The ids links can point to in each article.
    private let anchors: [ArticleID: Set<ExactText>]
    /// Article paths (relative to the root) → articles, for file links.
    private var articlesByPath: [String: ArticleID] = [:]

    /// What resolving found: warnings, and the files the articles show.
    struct Findings: Sendable {
        var diagnostics: [Diagnostic] = []
        var resources: [ResourceID: Resource] = [:]

        mutating func add(_ other: Findings) {
            diagnostics += other.diagnostics
            resources.merge(other.resources) { first, _ in first }
        }
    }

    /// The tables for `articles`, which must be all the book holds (links to others are
    /// reported); `anchors` are the ids each has (see ``HeadingAnchors``).
    init(layout: SourceLayout, articles: [Article], anchors: [ArticleID: Set<ExactText>]) {
        self.layout = layout
        self.anchors = anchors
        for article in articles { register(article) }
    }

    /// Sets the targets of every link and the resources of every image, in place.
    func resolve(_ articles: inout [Article]) -> Findings {
        let found = articles.parallelUpdate { article in
            var references = ArticleReferences(resolver: self, referrer: article.id)
            references.resolve(&article)
            return references.findings
        }
        var findings = Findings()
        for articleFindings in found { findings.add(articleFindings) }
        return findings
    }

    /// Resolves a cover image (a site path or a path relative to the source root) to a resource;
    /// `file` is where it was named.
    func resolveCover(_ path: String, file: String) -> (ResourceID?, Findings) {
        var references = ArticleReferences(resolver: self, referrer: ArticleID(rawValue: file))
        let cover = references.cover(path)
        return (cover, references.findings)
    }

    private mutating func register(_ article: Article) {
        articlesByPath[article.path] = article.id
        if let permalink = article.metadata.permalink { routes[permalink] = article.id }
        var route = "/" + article.path
        routes[route] = article.id
        route.removeLast(3)
        routes[route + ".html"] = article.id
        routes[route] = article.id
        routes[route + "/"] = article.id
        let name = SourcePath.fileName(of: article.path).lowercased()
        if name == "readme.md" || name == "index.md" {
            routes[String(route.dropLast(name.count - 3))] = article.id
        }
    }

    /// The article at a path relative to the root.
    func article(atPath path: String) -> ArticleID? { articlesByPath[path] }

    /// The ids a link can point to in `article`.
    func anchors(of article: ArticleID) -> Set<ExactText>? { anchors[article] }

    /// A route lookup that accepts `/a/b/`, `/a/b`, `/a/b.html` and `/a/b.md` spellings.
    func route(_ path: String) -> ArticleID? {
        if let id = routes[path] { return id }
        if path.hasSuffix("/"), let id = routes[String(path.dropLast())] { return id }
        if !path.hasSuffix("/"), let id = routes[path + "/"] { return id }
        if path.hasSuffix(".html"), let id = routes[String(path.dropLast(5)) + "/"] { return id }
        return nil
    }
}
