import Foundation

/// The resolve pass over the whole collection: links between articles (by
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

    /// Resolves every article; the articles must be all the book holds (links to others are
    /// reported), `anchors` the ids each has (see ``HeadingAnchors``).
    mutating func resolve(_ articles: [Article], anchors: [ArticleID: Set<String>]) -> [Article] {
        self.anchors = anchors
        for article in articles { register(article) }
        var resolved = articles
        for index in resolved.indices { resolveReferences(&resolved[index]) }
        return resolved
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

    /// Sets the targets of the article's links and the resources of its images, in place.
    private mutating func resolveReferences(_ article: inout Article) {
        var used: [ResourceID] = []
        let referrer = article.id
        func isReference(_ inline: Inline) -> Bool {
            switch inline {
            case .link, .image: true
            default: false
            }
        }
        func resolve(_ inline: inout Inline) {
            switch inline {
            case .link(var link):
                inline = .softBreak
                link.target = target(of: link, in: referrer)
                inline = .link(link)
            case .image(var image):
                inline = .softBreak
                image.resource = resource(of: image, in: referrer)
                if let resource = image.resource, !used.contains(resource) { used.append(resource) }
                inline = .image(image)
            default:
                break
            }
        }
        article.blocks.updateInlines(where: isReference, resolve)
        for index in article.footnotes.indices {
            article.footnotes[index].blocks.updateInlines(where: isReference, resolve)
        }
        article.resources = used
    }

    private mutating func warn(_ message: String, _ article: ArticleID, _ position: SourcePosition, code: String) {
        diagnostics.append(.warning(message, at: SourceLocation(file: article.rawValue, position: position), code: code))
    }

    private mutating func target(of link: Link, in article: ArticleID) -> InternalTarget? {
        let destination = link.destination
        if destination.isEmpty || SourcePath.hasScheme(destination) { return nil }
        let (path, fragment) = SourcePath.split(destination)
        var targetID: ArticleID?
        if path.isEmpty {
            targetID = article
        } else if path.hasPrefix("/"), let routed = route(path) {
            targetID = routed
        } else {
            switch SourcePath.resolve(path, from: article.rawValue, siteRoot: layout.root, layout: layout) {
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
                case .file = SourcePath.resolve(path, from: article.rawValue, siteRoot: layout.publicFolder, layout: layout)
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

    private mutating func resource(of image: Image, in article: ArticleID) -> ResourceID? {
        let source = image.source
        if source.lowercased().hasPrefix("data:") { return nil }
        if SourcePath.hasScheme(source) {
            warn("remote image '\(source)' is not fetched; the book shows a link to it", article, image.position, code: "image-remote")
            return nil
        }
        let (path, _) = SourcePath.split(source)
        switch SourcePath.resolve(path, from: article.rawValue, siteRoot: layout.publicFolder, layout: layout) {
        case .file(let relative):
            return register(resource: relative, at: SourceLocation(file: article.rawValue, position: image.position), source: source)
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
