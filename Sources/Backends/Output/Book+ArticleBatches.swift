import Compiler

extension Book {
    /// The articles in book order, in runs of at most `size` that do not cross a part: slices of
    /// the book's own arrays, without a copy of every article.
    func articleBatches(size: Int) -> [ArraySlice<Article>] {
        ([frontArticles] + parts.map(\.articles)).flatMap { articles in
            stride(from: 0, to: articles.count, by: size).map { articles[$0..<min($0 + size, articles.count)] }
        }
    }
}
