import Compiler
import Foundation

/// Links inside the one HTML file: every article is `#a<N>`, its ids are prefixed `a<N>-`;
/// images are `data:` URLs, each stored once: an image shown more than once keeps its bytes in
/// its first `<img>` (`img-<N>`, numbered in book order) and later uses refer to it.
///
/// Made once for the book and never changed, so articles are written on all cores, each through
/// its own ``HTMLArticleLinks``.
struct HTMLLinkTargets: Sendable {
    private struct Image: Sendable {
        var source: String
        /// For an image shown more than once: the id of its first `<img>` and the article holding it.
        var shared: (id: String, article: ArticleID)?
    }

    private let articleNumbers: [ArticleID: Int]
    private let images: [ResourceID: Image]

    init(book: Book) throws {
        var numbers: [ArticleID: Int] = [:]
        var uses: [ResourceID: (count: Int, firstArticle: ArticleID)] = [:]
        var firstShown: [ResourceID] = []
        // The resolve pass listed each article's images (and those it shows twice): the articles
        // are not walked again.
        for (index, article) in book.articles.enumerated() {
            numbers[article.id] = index + 1
            for id in article.resources {
                if let seen = uses[id] {
                    uses[id] = (seen.count + 1, seen.firstArticle)
                } else {
                    uses[id] = (article.repeatedResources.contains(id) ? 2 : 1, article.id)
                    firstShown.append(id)
                }
            }
        }
        articleNumbers = numbers
        // Shared images are numbered in the order the book first shows them.
        let sharedIDs = Dictionary(uniqueKeysWithValues: firstShown.filter { uses[$0]!.count > 1 }.enumerated().map { ($1, "img-\($0 + 1)") })
        // Each image read and encoded on its own core (the images of a book are many megabytes).
        let shown = firstShown.compactMap { id in book.resources[id].map { (id, $0) } }
        let sources = shown.parallelMap { id, resource in
            Result { DataURL.make(mediaType: resource.mediaType, bytes: try ImageLoader.bytes(of: resource)) }
        }
        var images: [ResourceID: Image] = [:]
        for ((id, _), source) in zip(shown, sources) {
            images[id] = Image(source: try source.get(), shared: sharedIDs[id].map { ($0, uses[id]!.firstArticle) })
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

    /// How `article` shows `resource` the `isFirstInArticle` time it shows it.
    fileprivate func image(_ resource: ResourceID, in article: ArticleID, isFirstInArticle: Bool) -> ImageReference? {
        guard let image = images[resource] else { return nil }
        guard let shared = image.shared else { return .source(image.source) }
        return shared.article == article && isFirstInArticle ? .firstUse(source: image.source, id: shared.id) : .copy(of: shared.id)
    }
}

/// The links of one article of the HTML file: the book's, plus which shared images it has shown.
final class HTMLArticleLinks: LinkTargets {
    private let book: HTMLLinkTargets
    private let article: ArticleID
    private var shown: Set<ResourceID> = []

    init(_ book: HTMLLinkTargets, article: ArticleID) {
        self.book = book
        self.article = article
    }

    func href(for target: InternalTarget) -> String { book.href(for: target) }

    func image(_ resource: ResourceID) -> ImageReference? {
        book.image(resource, in: article, isFirstInArticle: shown.insert(resource).inserted)
    }
}
