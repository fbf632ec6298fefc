import Compiler

/// Labels and image paths of the LaTeX book. Labels are generated from numbers (`a3`, `a3h5`,
/// `a3fn2`), so no article text reaches `\label`.
struct LaTeXLinkTargets: Sendable {
    private var articleNumbers: [ArticleID: Int] = [:]
    private var anchorNumbers: [ArticleID: [String: Int]] = [:]
    private var imagePaths: [ResourceID: String] = [:]

    init(book: Book, imagePaths: [ResourceID: String]) {
        for (index, article) in book.articles.enumerated() {
            articleNumbers[article.id] = index + 1
            var anchors: [String: Int] = [:]
            article.blocks.forEachBlock { block in
                if let id = block.attributes.id, anchors[id] == nil { anchors[id] = anchors.count + 1 }
            }
            anchorNumbers[article.id] = anchors
        }
        self.imagePaths = imagePaths
    }

    func label(_ article: ArticleID, anchor: String?) -> String {
        let base = "a\(articleNumbers[article] ?? 0)"
        guard let anchor, let number = anchorNumbers[article]?[anchor] else { return base }
        return base + "h\(number)"
    }

    func footnoteLabel(_ article: ArticleID, number: Int) -> String {
        "a\(articleNumbers[article] ?? 0)fn\(number)"
    }

    func imagePath(_ resource: ResourceID) -> String? { imagePaths[resource] }
}
