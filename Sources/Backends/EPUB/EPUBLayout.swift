import Compiler

/// Where everything lives inside the EPUB: one XHTML file per article and per part, one file per
/// image, all under `EPUB/`. Names are numbered in reading order, so the same book always gets
/// the same names.
struct EPUBLayout: LinkTargets, Sendable {
    /// A document of the spine.
    struct Document: Sendable {
        enum Content: Sendable {
            case part(Part)
            case article(Article)
        }

        var path: String
        var id: String
        var content: Content
    }

    /// An image file and its place in the package.
    struct ImageFile {
        var resource: Resource
        var path: String
        var id: String
    }

    static let textFolder = "text"
    static let imageFolder = "images"

    private(set) var documents: [Document] = []
    private(set) var images: [ImageFile] = []
    private var articlePaths: [ArticleID: String] = [:]
    private var imagePaths: [ResourceID: String] = [:]
    private var chapterCount = 0

    init(book: Book) {
        for article in book.frontArticles { addArticle(article) }
        for (index, part) in book.parts.enumerated() {
            let number = Self.number(index + 1, digits: 2)
            documents.append(Document(path: "\(Self.textFolder)/part-\(number).xhtml", id: "part-\(number)", content: .part(part)))
            for article in part.articles { addArticle(article) }
        }
        var seen: Set<ResourceID> = []
        let cover = book.metadata.cover.map { [$0] } ?? []
        for id in cover + book.articles.flatMap(\.resources) where seen.insert(id).inserted {
            guard let resource = book.resources[id] else { continue }
            let number = Self.number(images.count + 1, digits: 3)
            let path = "\(Self.imageFolder)/image-\(number).\(resource.fileExtension)"
            images.append(ImageFile(resource: resource, path: path, id: "image-\(number)"))
            imagePaths[id] = path
        }
    }

    private mutating func addArticle(_ article: Article) {
        chapterCount += 1
        let number = Self.number(chapterCount, digits: 3)
        let path = "\(Self.textFolder)/chapter-\(number).xhtml"
        documents.append(Document(path: path, id: "chapter-\(number)", content: .article(article)))
        articlePaths[article.id] = path
    }

    /// The path of an article's file, relative to the package folder.
    func path(of article: ArticleID) -> String? { articlePaths[article] }

    /// The path of an image, relative to the package folder.
    func path(of resource: ResourceID) -> String? { imagePaths[resource] }

    // MARK: LinkTargets (from a file in `text/`)

    func href(for target: InternalTarget) -> String {
        let file = articlePaths[target.article].map { String($0.dropFirst(Self.textFolder.count + 1)) } ?? ""
        return file + (target.anchor.map { "#" + URLText.fragment($0) } ?? "")
    }

    func image(_ resource: ResourceID) -> ImageReference? {
        imagePaths[resource].map { .source("../" + $0) }
    }

    private static func number(_ value: Int, digits: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
