import Compiler

/// Text a streamed body writes: bytes, or a string's UTF-8.
protocol StreamedText: Sendable {
    /// Writes the text at `offset` and returns how many bytes it took.
    func write(to output: ArtifactOutput, at offset: Int) throws -> Int
}

extension Array: StreamedText where Element == UInt8 {
    func write(to output: ArtifactOutput, at offset: Int) throws -> Int {
        try withUnsafeBytes { try output.write($0, at: offset) }
        return count
    }

    /// Writes the bytes at `offset` once there are at least `size` of them, and empties the array
    /// (keeping its room); returns how many it wrote. A text of megabytes made in small steps is
    /// written a buffer at a time this way, never held whole.
    mutating func flush(to output: ArtifactOutput, at offset: Int, atLeast size: Int = 0) throws -> Int {
        guard count >= size else { return 0 }
        let written = try write(to: output, at: offset)
        removeAll(keepingCapacity: true)
        return written
    }
}

extension String: StreamedText {
    func write(to output: ArtifactOutput, at offset: Int) throws -> Int {
        var text = self
        return try text.withUTF8 { bytes in
            try output.write(UnsafeRawBufferPointer(bytes), at: offset)
            return bytes.count
        }
    }
}

/// What a streamed body writes next: a part's heading or an article.
private enum BookSlot: Sendable {
    case heading(Int, Part)
    /// The article at `index` of a part's articles, or of the front articles (`part` nil): an
    /// article's place, not a copy of it (10,000 copies were 2 MB).
    case article(part: Int?, index: Int)
}

extension Book {
    /// Articles written per batch: enough that the cores share a batch evenly, few enough that a
    /// batch's text is a small part of the book's.
    static let streamedBatchSize = 64

    /// The text of a book written as one document (LaTeX, the single HTML file): what is written for
    /// each article, in book order, with each part's heading before its articles.
    ///
    /// It is one generated piece, written into the book's file as it is made: a batch of articles
    /// at a time on all cores, so only one batch's text is held at once. A 10,000-article book's
    /// text is over 100 MB, and held whole beside the IR it was most of the peak memory.
    func streamedBody<Chunk: StreamedText>(
        heading: @escaping @Sendable (_ index: Int, _ part: Part) -> Chunk,
        article: @escaping @Sendable (Article) -> Chunk
    ) -> Artifact.Piece {
        var slots = frontArticles.indices.map { BookSlot.article(part: nil, index: $0) }
        for (number, part) in parts.enumerated() {
            slots.append(.heading(number, part))
            slots += part.articles.indices.map { BookSlot.article(part: number, index: $0) }
        }
        return .generated { [slots, self] output in
            var offset = 0
            for start in stride(from: 0, to: slots.count, by: Self.streamedBatchSize) {
                let batch = Array(slots[start..<min(start + Self.streamedBatchSize, slots.count)])
                let texts = batch.parallelMap { slot -> Chunk in
                    switch slot {
                    case .heading(let index, let part): heading(index, part)
                    case .article(let part, let index): article(part.map { parts[$0].articles[index] } ?? frontArticles[index])
                    }
                }
                for text in texts { offset += try text.write(to: output, at: offset) }
            }
            return offset
        }
    }
}
