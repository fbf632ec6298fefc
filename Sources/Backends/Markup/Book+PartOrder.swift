import Compiler

extension Book {
    /// What was written for each article (one piece each, in ``Book/articles`` order), with each
    /// part's heading before its articles: the order of a book written as one document.
    func withPartHeadings<Piece>(_ written: [Piece], heading: (_ index: Int, _ part: Part) -> Piece) -> [Piece] {
        var pieces = Array(written.prefix(frontArticles.count))
        var next = frontArticles.count
        for (index, part) in parts.enumerated() {
            pieces.append(heading(index, part))
            pieces += written[next..<(next + part.articles.count)]
            next += part.articles.count
        }
        return pieces
    }
}
