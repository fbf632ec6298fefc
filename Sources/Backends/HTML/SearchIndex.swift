import Compiler

/// The full-text index the HTML page searches offline, built at compile time: one document per
/// article section (split at `##` and `###`), CJK text indexed by character bigrams (and single
/// characters), other text by lower-cased words. The page's script tokenizes queries the same way
/// and takes result snippets from the page itself, so the index holds no copy of the text.
struct SearchIndex {
    /// A term of the sorted list the JSON writes.
    private enum Term {
        /// A CJK character or bigram: the first character's code point `<< 21 |` the second's
        /// (0 for a lone character).
        case cjk(UInt64)
        /// A word: its number in ``SearchIndex/wordTerms``.
        case word(Int)
    }

    /// The documents added since the JSON was last written out, as the JSON lists them:
    /// `[title,href]` each, with commas between.
    private var documentsJSON: [UInt8] = []
    private var documentCount = 0
    /// Each term's number in ``postings``: CJK terms (most terms of a Chinese book) keyed by
    /// number in a table of their own, words by their UTF-8.
    private var cjkTerms = CJKTermTable<Int32>(capacity: 1 << 14, empty: -1)
    private var wordTerms = WordTermTable<Int32>(capacity: 1 << 12, empty: -1)
    /// The postings of each term, by number: `(document − previous document) << 3 | min(count, 7)`
    /// each (the page keeps no more of the count), seven bits a byte, as ``PostingArena`` keeps
    /// them; most take one byte, where a `UInt32` each made the index of a 10,000-article book (7
    /// million postings) 30 MB. The JSON holds these bytes in base64.
    private let postings = PostingArena()

    /// One section of an article with the counts of its terms: made for each article on its own
    /// (on all cores), then added to the index in book order.
    struct Section: Sendable {
        var title: String
        var href: String
        var cjkTerms: [(key: UInt64, count: Int32)]
        var words: WordList
        /// The count of each of ``words``.
        var wordCounts: [Int32]
    }

    private init() {}

    /// Adds a section as the next document.
    private mutating func add(_ section: Section) {
        let document = UInt32(documentCount)
        if documentCount > 0 { documentsJSON.append(UInt8(ascii: ",")) }
        documentsJSON.append(UInt8(ascii: "["))
        Self.appendString(section.title, to: &documentsJSON)
        documentsJSON.append(UInt8(ascii: ","))
        Self.appendString(section.href, to: &documentsJSON)
        documentsJSON.append(UInt8(ascii: "]"))
        documentCount += 1
        for (key, count) in section.cjkTerms {
            let next = Int32(postings.count)
            let term = cjkTerms.update(key) { number in
                if number < 0 { number = next }
                return number
            }
            addPosting(term: term, document: document, count: count)
        }
        section.words.bytes.withUnsafeBufferPointer { bytes in
            for number in 0..<section.words.count {
                let next = Int32(postings.count)
                let word = UnsafeBufferPointer(rebasing: bytes[section.words.range(number)])
                let term = wordTerms.update(word, hash: section.words.hashes[number]) { number in
                    if number < 0 { number = next }
                    return number
                }
                addPosting(term: term, document: document, count: section.wordCounts[number])
            }
        }
    }

    /// Adds a posting to term number `term`, a new term when it is the next number.
    private func addPosting(term: Int32, document: UInt32, count: Int32) {
        if term == postings.count { postings.addTerm() }
        postings.add(term: Int(term), document: document, count: count)
    }

    /// The section of one text (a test's way in: an article's are made by ``sections(of:articleID:idPrefix:)``).
    static func section(title: String, href: String, text: String) -> Section {
        var counter = SectionTermCounter()
        counter.read(text)
        return counter.section(title: title, href: href)
    }

    /// An article's sections, split at its level-2 and level-3 headings.
    static func sections(of article: Article, articleID: String, idPrefix: String) -> [Section] {
        // No local function: one capturing `counter` put it in a box, checked for exclusive
        // access at each piece of text.
        var sections: [Section] = []
        var counter = SectionTermCounter()
        var title = article.metadata.title
        var href = "#" + articleID
        for block in article.blocks {
            if case .heading(let content, let level) = block.kind, (2...3).contains(level), let id = block.attributes.id {
                if counter.bytesRead > 0 { sections.append(counter.section(title: title, href: href)) }
                title = article.metadata.title + " › " + content.plainText
                href = "#" + URLText.fragment(idPrefix + id)
            }
            BlockText.forEachPiece(of: block) { counter.read($0) }
        }
        for footnote in article.footnotes {
            for block in footnote.blocks { BlockText.forEachPiece(of: block) { counter.read($0) } }
        }
        if counter.bytesRead > 0 { sections.append(counter.section(title: title, href: href)) }
        return sections
    }

    /// Whether a scalar is one the index counts in bigrams (kana, Han, Hangul syllables).
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool { SectionTermCounter.isCJK(scalar.value) }

    /// Runs per batch (what is made before it is written), and at most how many terms and how
    /// many bytes of postings a run (one task on one core) has: the commonest terms of a
    /// 10,000-article book (85,000 sections) have 60,000 to 75,000 postings each, so a run is cut
    /// at 64 KiB of postings, about 90 KB of JSON (or one term's, when that is more).
    private static let runsPerBatch = 4
    private static let termsPerRun = 256
    static let postingBytesPerRun = 1 << 16

    /// The index of the sections `batch` gives (batch 0 to `batchCount` − 1, in order; an array
    /// of sections per article) as JSON that is safe inside a `<script type="application/json">`
    /// element, in UTF-8:
    /// `{"docs":[[title, href], …], "terms":{"term":"postings", …}}`, terms sorted, each term's
    /// postings (see ``postings``) in base64. As decimal arrays the postings were three quarters of
    /// the JSON, and the page parsed millions of numbers when it opened; as base64 the terms take
    /// 56% of the room (13.5 MB, was 24.2, at 10,000 articles), and the page decodes only the
    /// terms a query looks up.
    ///
    /// A generated piece: the index is made when the piece is written (after the book's content),
    /// and only then held. Each batch's documents go into the file as they are added; the terms
    /// are then written on all cores, in runs of the sorted list, a few runs at a time. The JSON
    /// of a 10,000-article book is over 30 MB, its documents 10 MB of it; held, they were the HTML
    /// file's peak. (`postingBytesPerRun` is a test's way to cut the runs finer: the JSON is the same.)
    static func json(batchCount: Int, postingBytesPerRun: Int = Self.postingBytesPerRun,
                     batch: @escaping @Sendable (Int) -> [[Section]]) -> Artifact.Piece {
        .generated { output in
            var index = SearchIndex()
            var offset = try Array("{\"docs\":[".utf8).write(to: output, at: 0)
            for number in 0..<batchCount {
                // Added from the arrays as they are: a copy of a section (a flattened list, or the
                // loop's) retained and released its six arrays and strings.
                for sections in batch(number) {
                    sections.withUnsafeBufferPointer { sections in
                        for section in sections.indices { index.add(sections[section]) }
                    }
                }
                offset += try index.documentsJSON.flush(to: output, at: offset)
            }
            offset += try Array("],\"terms\":{".utf8).write(to: output, at: offset)
            let terms = index.sortedTerms()
            let runs = index.runs(of: terms, postingBytesPerRun: postingBytesPerRun)
            for batchStart in stride(from: 0, to: runs.count, by: Self.runsPerBatch) {
                let batch = Array(runs[batchStart..<min(batchStart + Self.runsPerBatch, runs.count)])
                for (number, run) in batch.parallelMap(index.json(of:)).enumerated() {
                    // The first term of all has no comma before it.
                    offset += try (batchStart + number == 0 ? Array(run.dropFirst()) : run).write(to: output, at: offset)
                }
            }
            offset += try Array("}}".utf8).write(to: output, at: offset)
            return offset
        }
    }

    /// A run of terms with their postings, each term after a comma.
    private func json(of run: ArraySlice<Term>) -> [UInt8] {
        var bytes: [UInt8] = []
        var termPostings: [UInt8] = []
        for term in run {
            bytes.append(UInt8(ascii: ","))
            switch term {
            case .cjk(let key):
                // CJK characters need no escaping.
                bytes.append(UInt8(ascii: "\""))
                for value in [UInt32(key >> 21), UInt32(key & 0x1F_FFFF)] where value != 0 {
                    UTF8.encode(Unicode.Scalar(value) ?? "\u{FFFD}") { bytes.append($0) }
                }
                bytes.append(UInt8(ascii: "\""))
            case .word(let word):
                wordTerms.words.bytes.withUnsafeBufferPointer { words in
                    Self.appendString(UnsafeBufferPointer(rebasing: words[wordTerms.words.range(word)]), to: &bytes)
                }
            }
            bytes += ":\"".utf8
            termPostings.removeAll(keepingCapacity: true)
            postings.appendPostings(of: number(of: term), to: &termPostings)
            termPostings.withUnsafeBufferPointer { Base64.append($0, to: &bytes) }
            bytes.append(UInt8(ascii: "\""))
        }
        return bytes
    }

    /// The sorted terms cut into runs of at most ``termsPerRun`` terms and about
    /// `postingBytesPerRun` bytes of postings.
    private func runs(of terms: [Term], postingBytesPerRun: Int) -> [ArraySlice<Term>] {
        var runs: [ArraySlice<Term>] = []
        var (start, postingBytes) = (0, 0)
        for index in terms.indices {
            postingBytes += postings.byteCount(of: number(of: terms[index]))
            if index + 1 - start == Self.termsPerRun || postingBytes >= postingBytesPerRun {
                runs.append(terms[start...index])
                (start, postingBytes) = (index + 1, 0)
            }
        }
        if start < terms.count { runs.append(terms[start...]) }
        return runs
    }

    /// A term's number in ``postings``.
    private func number(of term: Term) -> Int {
        switch term {
        case .cjk(let key): Int(cjkTerms[key]!)
        case .word(let word): Int(wordTerms.values[word])
        }
    }

    /// Every term in code point order: the CJK terms and the words each sorted (numbers, UTF-8),
    /// then merged by their first characters (a word never starts with a CJK character, since
    /// those end words).
    private func sortedTerms() -> [Term] {
        let cjk = cjkTerms.allKeys.sorted()
        let list = wordTerms.words
        let (words, firstScalars) = list.bytes.withUnsafeBufferPointer { bytes in
            let sorted = (0..<list.count).sorted { bytes[list.range($0)].lexicographicallyPrecedes(bytes[list.range($1)]) }
            return (sorted, sorted.map { UTF8Scalars.scalar(in: bytes, at: list.range($0).lowerBound).value })
        }
        var terms: [Term] = []
        terms.reserveCapacity(cjk.count + words.count)
        var (nextCJK, nextWord) = (0, 0)
        while nextCJK < cjk.count || nextWord < words.count {
            if nextWord == words.count || (nextCJK < cjk.count && UInt32(cjk[nextCJK] >> 21) < firstScalars[nextWord]) {
                terms.append(.cjk(cjk[nextCJK]))
                nextCJK += 1
            } else {
                terms.append(.word(words[nextWord]))
                nextWord += 1
            }
        }
        return terms
    }

    /// A JSON string literal with `<`, `>` and `&` escaped, so no text can close the script element.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString($0, to: &bytes) }
    }

    /// The same, of a text's UTF-8.
    static func appendString(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        defer { bytes.append(UInt8(ascii: "\"")) }
        // Most terms and titles have nothing to escape: their UTF-8 goes in as it is.
        guard needsEscaping(utf8) else { return bytes.append(contentsOf: utf8) }
        var position = 0
        while position < utf8.count {
            let (value, length) = UTF8Scalars.scalar(in: utf8, at: position)
            switch value {
            case 0x22: bytes += "\\\"".utf8
            case 0x5C: bytes += "\\\\".utf8
            case 0x0A: bytes += "\\n".utf8
            case 0x3C: bytes += "\\u003c".utf8
            case 0x3E: bytes += "\\u003e".utf8
            case 0x26: bytes += "\\u0026".utf8
            case 0x2028: bytes += "\\u2028".utf8
            case 0x2029: bytes += "\\u2029".utf8
            case ..<0x20:
                let hex = String(value, radix: 16)
                bytes += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            default:
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[position..<position + length]))
            }
            position += length
        }
    }

    /// Whether the UTF-8 holds what a JSON string inside a script element must escape: a control
    /// character, `"`, `\`, `<`, `>`, `&`, or U+2028 and U+2029 (which JavaScript once took for
    /// line ends; E2 80 A8 and E2 80 A9).
    private static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let specials = jsonSpecials
        for index in utf8.indices {
            let byte = utf8[index]
            if byte < 0x20 || specials.contains(byte) { return true }
            if byte == 0xE2, index + 2 < utf8.count, utf8[index + 1] == 0x80, utf8[index + 2] & 0xFE == 0xA8 { return true }
        }
        return false
    }

    private static let jsonSpecials = ASCIISet("\"\\<>&")
}
