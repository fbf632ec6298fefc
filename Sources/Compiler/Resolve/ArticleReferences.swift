import Foundation

/// Resolves the links and images of one article against the book's tables (``BookResolver``),
/// collecting its warnings and the resources it shows.
struct ArticleReferences {
    let resolver: BookResolver
    /// The article being resolved (its path): where relative paths start and warnings point.
    let referrer: ArticleID
    private(set) var findings = BookResolver.Findings()

    init(resolver: BookResolver, referrer: ArticleID) {
        self.resolver = resolver
        self.referrer = referrer
    }

    private var layout: SourceLayout { resolver.layout }

    /// Sets the targets of the article's links and the resources of its images, in place.
    mutating func resolve(_ article: inout Article) {
        var used: [ResourceID] = []
        var repeated: Set<ResourceID> = []
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
                link.target = target(of: link)
                inline = .link(link)
            case .image(var image):
                inline = .softBreak
                image.resource = resource(of: image)
                if let resource = image.resource {
                    if used.contains(resource) { repeated.insert(resource) } else { used.append(resource) }
                }
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
        article.repeatedResources = repeated
    }

    /// A cover image (a site path or a path relative to the source root) as a resource.
    mutating func cover(_ path: String) -> ResourceID? {
        let (decoded, _) = SourcePath.split(path)
        let resolution = SourcePath.resolve(decoded, from: "", siteRoot: .publicFolder, layout: layout)
        let location = SourceLocation(file: referrer.rawValue, line: 0, column: 0)
        guard case .file(let relative) = resolution else {
            findings.diagnostics.append(.warning("cover '\(path)' not found under the source folder", at: location, code: "cover-missing"))
            return nil
        }
        return register(resource: relative, at: location, source: path)
    }

    private mutating func warn(_ message: String, _ position: SourcePosition, code: String) {
        findings.diagnostics.append(.warning(message, at: SourceLocation(file: referrer.rawValue, position: position), code: code))
    }

    private mutating func target(of link: Link) -> InternalTarget? {
        let destination = link.destination
        if destination.isEmpty || SourcePath.hasScheme(destination) { return nil }
        let (path, fragment) = SourcePath.split(destination)
        var targetID: ArticleID?
        if path.isEmpty {
            targetID = referrer
        } else if path.hasPrefix("/"), let routed = resolver.route(path) {
            targetID = routed
        } else {
            switch SourcePath.resolve(path, from: referrer.rawValue, siteRoot: .source, layout: layout) {
            case .file(let relative):
                targetID = resolver.article(atPath: relative)
                if targetID == nil, relative.hasSuffix(".md") {
                    warn("link to '\(path)', which is not in this book (a draft, a home page or another locale)", link.position, code: "link-excluded")
                    return nil
                }
            case .folder(let relative):
                targetID = resolver.article(atPath: relative + "/README.md") ?? resolver.article(atPath: relative + "/index.md")
            case .outside:
                warn("link to '\(path)' leads outside the knowledge base", link.position, code: "link-outside")
                return nil
            case .missing, .external:
                break
            }
            // A site path may also be a file of the public folder (a PDF, say): not a page, not a problem.
            if targetID == nil, path.hasPrefix("/"),
                case .file = SourcePath.resolve(path, from: referrer.rawValue, siteRoot: .publicFolder, layout: layout)
            {
                return nil
            }
            if targetID == nil {
                warn("link to '\(path)': no article has this permalink or path", link.position, code: "link-unknown")
                return nil
            }
        }
        guard let targetID else { return nil }
        guard let fragment, !fragment.isEmpty else { return InternalTarget(article: targetID) }
        if resolver.anchors(of: targetID)?.contains(ExactText(fragment)) == true { return InternalTarget(article: targetID, anchor: fragment) }
        let slugged = Slugger.slug(fragment)
        if resolver.anchors(of: targetID)?.contains(ExactText(slugged)) == true { return InternalTarget(article: targetID, anchor: slugged) }
        warn("link to '#\(fragment)' in \(targetID.rawValue): no such heading; linking to the article", link.position, code: "anchor-unknown")
        return InternalTarget(article: targetID)
    }

    private mutating func resource(of image: Image) -> ResourceID? {
        let source = image.source
        if source.lowercased().hasPrefix("data:") { return nil }
        if SourcePath.hasScheme(source) {
            warn("remote image '\(source)' is not fetched; the book shows a link to it", image.position, code: "image-remote")
            return nil
        }
        let (path, _) = SourcePath.split(source)
        switch SourcePath.resolve(path, from: referrer.rawValue, siteRoot: .publicFolder, layout: layout) {
        case .file(let relative):
            return register(resource: relative, at: SourceLocation(file: referrer.rawValue, position: image.position), source: source)
        case .folder, .missing, .external:
            let place = path.hasPrefix("/") ? "in the public folder" : "next to the article"
            warn("image '\(path)' not found \(place); the book shows its alt text", image.position, code: "image-missing")
        case .outside:
            warn("image '\(path)' is outside the knowledge base; it is not read", image.position, code: "image-outside")
        }
        return nil
    }

    private mutating func register(resource relative: String, at location: SourceLocation, source: String) -> ResourceID? {
        guard let mediaType = MediaType.forImage(path: relative) else {
            findings.diagnostics.append(.warning("image '\(source)' is not PNG, JPEG, GIF, SVG or WebP; the book shows its alt text", at: location, code: "image-format"))
            return nil
        }
        let id = ResourceID(rawValue: relative)
        if findings.resources[id] == nil {
            findings.resources[id] = Resource(id: id, path: layout.filePath(relative), mediaType: mediaType)
        }
        return id
    }
}
