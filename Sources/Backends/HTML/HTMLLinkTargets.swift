import Compiler
import Foundation

/// Links inside the one HTML file: every article is `#a<N>`, its ids are prefixed `a<N>-`;
/// images are `data:` URLs, each stored once (later uses refer to the first `<img>`).
final class HTMLLinkTargets: LinkTargets {
    private let articleNumbers: [ArticleID: Int]
    private let images: [ResourceID: (source: String, uses: Int)]
    private var firstUses: [ResourceID: String] = [:]

    init(book: Book) throws {
        var numbers: [ArticleID: Int] = [:]
        for (index, article) in book.articles.enumerated() { numbers[article.id] = index + 1 }
        articleNumbers = numbers
        var uses: [ResourceID: Int] = [:]
        for article in book.articles {
            article.allBlocks.forEachInline { inline in
                if case .image(let image) = inline, let id = image.resource { uses[id, default: 0] += 1 }
            }
        }
        var images: [ResourceID: (String, Int)] = [:]
        for id in uses.keys.sorted() {
            guard let resource = book.resources[id] else { continue }
            let bytes = try ImageLoader.bytes(of: resource)
            images[id] = ("data:\(resource.mediaType);base64," + Data(bytes).base64EncodedString(), uses[id] ?? 0)
        }
        self.images = images
    }

    /// The id of an article's `<article>` element.
    func articleID(_ id: ArticleID) -> String { "a\(articleNumbers[id] ?? 0)" }

    /// What an article's own ids are prefixed with.
    func idPrefix(_ id: ArticleID) -> String { articleID(id) + "-" }

    func href(for target: InternalTarget) -> String {
        guard let anchor = target.anchor else { return "#" + articleID(target.article) }
        return "#" + URLText.fragment(idPrefix(target.article) + anchor)
    }

    func image(_ resource: ResourceID) -> ImageReference? {
        guard let image = images[resource] else { return nil }
        if image.uses < 2 { return .source(image.source) }
        if let first = firstUses[resource] { return .copy(of: first) }
        let id = "img-\(firstUses.count + 1)"
        firstUses[resource] = id
        return .firstUse(source: image.source, id: id)
    }
}
