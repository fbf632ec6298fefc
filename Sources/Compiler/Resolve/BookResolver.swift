import Foundation

/// The resolve pass over the whole collection: heading anchors, links between articles (by
/// permalink or by file) as ``InternalTarget``s, images as ``Resource``s under the source root.
/// Problems are warnings at the link or image; nothing outside the root is read.
struct BookResolver {
    let layout: SourceLayout
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var resources: [ResourceID: Resource] = [:]
    /// Routes (permalinks and file-based paths) → articles.
    private var routes: [String: ArticleID] = [:]
    private var anchors: [ArticleID: Set<String>] = [:]
    /// Article paths (relative to the root) → articles, for file links.
    private var articlesByPath: [String: ArticleID] = [:]

    init(layout: SourceLayout) {
        self.layout = layout
    }

    /// Resolves every article; the articles must be all the book holds (links to others are reported).
    mutating func resolve(_ articles: [Article]) -> [Article] {
        var anchored = articles
        // Heading anchors are each article's own: made on all cores.
        let assigned = articles.parallelMap { HeadingAnchors.assign(to: $0.blocks) }
        for index in anchored.indices {
            let (blocks, ids) = assigned[index]
            anchored[index].blocks = blocks
            anchors[anchored[index].id] = ids
            register(anchored[index])
        }
        for index in anchored.indices { anchored[index] = resolveReferences(anchored[index]) }
        return anchored
    }

    /// Resolves a cover image (a site path or a path relative to the source root) to a resource.
    mutating func resolveCover(_ path: String, file: String) -> ResourceID? {
        let (decoded, _) = SourcePath.split(path)
        let resolution = SourcePath.resolve(decoded, from: "", siteRoot: layout.publicFolder, layout: layout)
        guard case .file(let relative) = resolution else {
            diagnostics.append(.warning("cover '\(path)' not found under the source folder", at: SourceLocation(file: file, line: 0, column: 0), code: "cover-missing"))
            return nil
        }
        return register(resource: relative, at: SourceLocation(file: file, line: 0, column: 0), source: path)
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
        let name = (article.path as NSString).lastPathComponent.lowercased()
        if name == "readme.md" || name == "index.md" {
            routes[String(route.dropLast(name.count - 3))] = article.id
        }
    }

    private mutating func resolveReferences(_ article: Article) -> Article {
        var article = article
        var used: [ResourceID] = []
        func transform(_ inline: Inline) -> Inline {
            switch inline {
            case .link(var link):
                link.target = self.target(of: link, in: article)
                return .link(link)
            case .image(var image):
                image.resource = self.resource(of: image, in: article)
                if let resource = image.resource, !used.contains(resource) { used.append(resource) }
                return .image(image)
            default:
                return inline
            }
        }
        article.blocks = article.blocks.map { $0.mapInlines(transform) }
        for index in article.footnotes.indices {
            article.footnotes[index].blocks = article.footnotes[index].blocks.map { $0.mapInlines(transform) }
        }
        article.resources = used
        return article
    }

    private mutating func warn(_ message: String, _ article: Article, _ position: SourcePosition, code: String) {
        diagnostics.append(.warning(message, at: SourceLocation(file: article.path, position: position), code: code))
    }

    private mutating func target(of link: Link, in article: Article) -> InternalTarget? {
        let destination = link.destination
        if destination.isEmpty || SourcePath.hasScheme(destination) { return nil }
        let (path, fragment) = SourcePath.split(destination)
        var targetID: ArticleID?
        if path.isEmpty {
            targetID = article.id
        } else if path.hasPrefix("/"), let routed = route(path) {
            targetID = routed
        } else {
            switch SourcePath.resolve(path, from: article.path, siteRoot: layout.root, layout: layout) {
            case .file(let relative):
                targetID = articlesByPath[relative]
                if targetID == nil, relative.hasSuffix(".md") {
                    warn("link to '\(path)', which is not in this book (a draft, a home page or another locale)", article, link.position, code: "link-excluded")
                    return nil
                }
            case .folder(let relative):
                targetID = articlesByPath[relative + "/README.md"] ?? articlesByPath[relative + "/index.md"]
            case .outside:
                warn("link to '\(path)' leads outside the knowledge base", article, link.position, code: "link-outside")
                return nil
            case .missing, .external:
                break
            }
            // A site path may also be a file of the public folder (a PDF, say): not a page, not a problem.
            if targetID == nil, path.hasPrefix("/"),
                case .file = SourcePath.resolve(path, from: article.path, siteRoot: layout.publicFolder, layout: layout)
            {
                return nil
            }
            if targetID == nil {
                warn("link to '\(path)': no article has this permalink or path", article, link.position, code: "link-unknown")
                return nil
            }
        }
        guard let targetID else { return nil }
        guard let fragment, !fragment.isEmpty else { return InternalTarget(article: targetID) }
        if anchors[targetID]?.contains(fragment) == true { return InternalTarget(article: targetID, anchor: fragment) }
        let slugged = Slugger.slug(fragment)
        if anchors[targetID]?.contains(slugged) == true { return InternalTarget(article: targetID, anchor: slugged) }
        warn("link to '#\(fragment)' in \(targetID.rawValue): no such heading; linking to the article", article, link.position, code: "anchor-unknown")
        return InternalTarget(article: targetID)
    }

    /// A route lookup that accepts `/a/b/`, `/a/b`, `/a/b.html` and `/a/b.md` spellings.
    private func route(_ path: String) -> ArticleID? {
        if let id = routes[path] { return id }
        if path.hasSuffix("/"), let id = routes[String(path.dropLast())] { return id }
        if !path.hasSuffix("/"), let id = routes[path + "/"] { return id }
        if path.hasSuffix(".html"), let id = routes[String(path.dropLast(5)) + "/"] { return id }
        return nil
    }

    private mutating func resource(of image: Image, in article: Article) -> ResourceID? {
        let source = image.source
        if source.lowercased().hasPrefix("data:") { return nil }
        if SourcePath.hasScheme(source) {
            warn("remote image '\(source)' is not fetched; the book shows a link to it", article, image.position, code: "image-remote")
            return nil
        }
        let (path, _) = SourcePath.split(source)
        switch SourcePath.resolve(path, from: article.path, siteRoot: layout.publicFolder, layout: layout) {
        case .file(let relative):
            return register(resource: relative, at: SourceLocation(file: article.path, position: image.position), source: source)
        case .folder, .missing, .external:
            let place = path.hasPrefix("/") ? "in the public folder" : "next to the article"
            warn("image '\(path)' not found \(place); the book shows its alt text", article, image.position, code: "image-missing")
        case .outside:
            warn("image '\(path)' is outside the knowledge base; it is not read", article, image.position, code: "image-outside")
        }
        return nil
    }

    private mutating func register(resource relative: String, at location: SourceLocation, source: String) -> ResourceID? {
        guard let mediaType = MediaType.forImage(path: relative) else {
            diagnostics.append(.warning("image '\(source)' is not PNG, JPEG, GIF, SVG or WebP; the book shows its alt text", at: location, code: "image-format"))
            return nil
        }
        let id = ResourceID(rawValue: relative)
        if resources[id] == nil {
            resources[id] = Resource(id: id, url: layout.root.appendingPathComponent(relative), mediaType: mediaType)
        }
        return id
    }
}
