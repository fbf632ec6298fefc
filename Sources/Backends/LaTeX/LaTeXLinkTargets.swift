import Compiler

/// Labels and image paths of the LaTeX book. Labels are generated from numbers (`a3`, `a3h5`,
/// `a3fn2`), so no article text reaches `\label`.
struct LaTeXLinkTargets: Sendable {
    private var articleNumbers: [ArticleID: Int] = [:]
    /// Keyed by exact text: a heading's id is mostly CJK, and a `String` key is hashed through
    /// its Unicode normalization.
    private var anchorNumbers: [ArticleID: [ExactText: Int]] = [:]
    private var imagePaths: [ResourceID: String] = [:]

    init(book: Book, imagePaths: [ResourceID: String]) {
        for (index, article) in book.articles.enumerated() {
            articleNumbers[article.id] = index + 1
            var anchors: [ExactText: Int] = [:]
            article.blocks.forEachBlock { block in
                if let id = block.attributes.id, anchors[ExactText(id)] == nil { anchors[ExactText(id)] = anchors.count + 1 }
            }
            anchorNumbers[article.id] = anchors
        }
        self.imagePaths = imagePaths
    }

    /// Appends the label of `article`, or of its `anchor` (the article's when it has no such anchor).
    func appendLabel(_ article: ArticleID, anchor: String?, to out: inout [UInt8]) {
        out.append("a")
        out.append(decimal: articleNumbers[article] ?? 0)
        guard let anchor, let number = anchorNumbers[article]?[ExactText(anchor)] else { return }
        out.append("h")
        out.append(decimal: number)
    }

    func footnoteLabel(_ article: ArticleID, number: Int) -> String {
        "a\(articleNumbers[article] ?? 0)fn\(number)"
    }

    func imagePath(_ resource: ResourceID) -> String? { imagePaths[resource] }
}
