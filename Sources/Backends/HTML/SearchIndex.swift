import Compiler

/// The full-text index the HTML page searches offline, built at compile time: one document per
/// article section (split at `##` and `###`), CJK text indexed by character bigrams (and single
/// characters), other text by lower-cased words. The page's script tokenizes queries the same way
/// and takes result snippets from the page itself, so the index holds no copy of the text.
struct SearchIndex {
    struct Document {
        var title: String
        var href: String
    }

    /// A term: a CJK character or bigram as a number (most terms of a Chinese book: a number is
    /// counted in a ``CJKTermTable`` at a fraction of a CJK String's cost in a `Dictionary`), or a word.
    enum Term: Sendable {
        /// The first character's code point `<< 21 |` the second's (0 for a lone character).
        case cjk(UInt64)
        case word(String)

        init(cjk first: UInt32, _ second: UInt32 = 0) { self = .cjk(UInt64(first) << 21 | UInt64(second)) }

        /// The code points, as the JSON's key spells them.
        var text: String {
            switch self {
            case .cjk(let key):
                var text = String.UnicodeScalarView()
                for value in [UInt32(key >> 21), UInt32(key & 0x1F_FFFF)] where value != 0 {
                    text.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                }
                return String(text)
            case .word(let word):
                return word
            }
        }

    }

    private(set) var documents: [Document] = []
    /// Term → postings in document order: CJK terms in a table of their own.
    private var cjkPostings = CJKTermTable<Postings>(capacity: 1 << 16, empty: Postings())
    private var wordPostings: [String: Postings] = [:]

    /// A term's postings as the JSON writes them, `(document − previous document) << 3 |
    /// min(count, 7)` (the JSON keeps no more of the count), each in as few bytes as it needs,
    /// seven bits a byte (LEB128): most take one byte, where a `UInt32` each made the index of a
    /// 10,000-article book (7 million postings) 30 MB.
    struct Postings: Sendable {
        private(set) var bytes: [UInt8] = []
        private var lastDocument: UInt32 = 0

        mutating func add(document: UInt32, count: Int) {
            var value = (document - lastDocument) << 3 | UInt32(min(count, 7))
            lastDocument = document
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        /// Each posting, in order.
        func forEach(_ body: (UInt32) -> Void) {
            var value: UInt32 = 0
            var shift: UInt32 = 0
            for byte in bytes {
                value |= UInt32(byte & 0x7F) << shift
                if byte < 0x80 {
                    body(value)
                    (value, shift) = (0, 0)
                } else {
                    shift += 7
                }
            }
        }
    }

    /// One section of an article with the counts of its terms: made for each article on its own
    /// (on all cores), then added to the index in book order.
    struct Section: Sendable {
        var title: String
        var href: String
        var cjkCounts: CJKTermTable<Int32>
        var wordCounts: [String: Int]
    }

    mutating func add(_ section: Section) {
        let document = UInt32(documents.count)
        documents.append(Document(title: section.title, href: section.href))
        section.cjkCounts.forEach { term, count in cjkPostings.update(term) { $0.add(document: document, count: Int(count)) } }
        for (word, count) in section.wordCounts { wordPostings[word, default: Postings()].add(document: document, count: count) }
    }

    static func section(title: String, href: String, text: String) -> Section {
        // Room for a distinct term every 16 bytes: a section of Chinese text has one every 8 to 10
        // bytes, most others far fewer, and the table grows the few times it must. Sized for the
        // worst case (a term every 3 bytes), every section's table was zeroed and scanned at four
        // times the size.
        var cjkCounts = CJKTermTable<Int32>(capacity: text.utf8.count / 16 + 8, empty: 0)
        // Room for a word every 24 bytes or so (most text is CJK): the dictionary rehashed its
        // words as it grew, a tenth of the index's time.
        var wordCounts: [String: Int] = [:]
        wordCounts.reserveCapacity(text.utf8.count / 24 + 4)
        for part in [text, title] {
            // A closure literal, not a local function: its captures are then checked for
            // exclusive access when compiled, not at every term.
            forEachTerm(of: part) { term in
                switch term {
                case .cjk(let key): cjkCounts.update(key) { $0 += 1 }
                case .word(let word): wordCounts[word, default: 0] += 1
                }
            }
        }
        return Section(title: title, href: href, cjkCounts: cjkCounts, wordCounts: wordCounts)
    }

    /// An article's sections, split at its level-2 and level-3 headings.
    static func sections(of article: Article, articleID: String, idPrefix: String) -> [Section] {
        var sections: [Section] = []
        var title = article.metadata.title
        var href = "#" + articleID
        var text = ""
        func flush() {
            if !text.isEmpty { sections.append(section(title: title, href: href, text: text)) }
            text = ""
        }
        for block in article.blocks {
            if case .heading(let level, let content) = block.kind, (2...3).contains(level), let id = block.attributes.id {
                flush()
                title = article.metadata.title + " › " + content.plainText
                href = "#" + URLText.fragment(idPrefix + id)
            }
            BlockText.append(block, to: &text)
        }
        BlockText.append(article.footnotes.flatMap(\.blocks), to: &text)
        flush()
        return sections
    }

    /// Calls `body` with each term of a text: bigrams of CJK runs (a lone character is its own
    /// term) and words of letters and digits, lower-cased. Read over UTF-8: an ASCII word is
    /// lower-cased byte by byte.
    static func forEachTerm(of text: String, _ body: (Term) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var previousCJK: UInt32 = 0  // the last CJK character of the current run, 0 outside one
            var runLength = 0
            var wordStart = -1
            var wordIsASCII = true
            func endRun() {
                if runLength == 1 { body(Term(cjk: previousCJK)) }
                previousCJK = 0
                runLength = 0
            }
            func endWord(at end: Int) {
                guard wordStart >= 0 else { return }
                let word = bytes[wordStart..<end]
                body(.word(wordIsASCII ? lowercasedASCII(word) : String(decoding: word, as: UTF8.self).lowercased()))
                wordStart = -1
                wordIsASCII = true
            }
            var position = 0
            while position < bytes.count {
                let (value, length) = UTF8Scalars.scalar(in: bytes, at: position)
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                if isCJK(scalar) {
                    endWord(at: position)
                    if runLength > 0 { body(Term(cjk: previousCJK, scalar.value)) }
                    previousCJK = scalar.value
                    runLength += 1
                } else if isWordScalar(scalar) {
                    endRun()
                    if wordStart < 0 { wordStart = position }
                    if length > 1 { wordIsASCII = false }
                } else {
                    endRun()
                    endWord(at: position)
                }
                position += length
            }
            endRun()
            endWord(at: bytes.count)
        }
    }

    /// An ASCII word lower-cased straight into its string (no array in between).
    private static func lowercasedASCII(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(unsafeUninitializedCapacity: word.count) { buffer in
            for (index, byte) in word.enumerated() { buffer[index] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
            return word.count
        }
    }

    /// Letters and digits: ASCII by value (most of the text), the rest by Unicode's properties.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        return scalar.properties.isAlphabetic
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }

    /// Terms per run (one task on one core) and runs per batch (what is made before it is
    /// written): a 10,000-article book's 13,000 terms make 13 batches of 2–3 MB of JSON.
    private static let runsPerBatch = 4
    private static let termsPerRun = 256

    /// The index as JSON that is safe inside a `<script type="application/json">` element, in
    /// UTF-8: `{"docs":[[title, href], …], "terms":{"term":[posting, …], …}}`, terms sorted; a
    /// posting is (document − previous document) × 8 + min(count, 7), so most postings are one or
    /// two digits.
    ///
    /// A generated piece: the terms are written on all cores, in runs of the sorted list, a few
    /// runs at a time straight into the book's file. The JSON of a 10,000-article book is over
    /// 30 MB; made whole, it and its runs were held at once beside the index.
    func json() -> Artifact.Piece {
        let index = self
        return .generated { output in
            var offset = try index.documentsJSON().write(to: output, at: 0)
            let terms = index.sortedTerms()
            let runs = stride(from: 0, to: terms.count, by: Self.termsPerRun).map { terms[$0..<min($0 + Self.termsPerRun, terms.count)] }
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

    private func documentsJSON() -> [UInt8] {
        var out: [UInt8] = []
        out += "{\"docs\":[".utf8
        for (index, document) in documents.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            Self.appendString(document.title, to: &out)
            out.append(UInt8(ascii: ","))
            Self.appendString(document.href, to: &out)
            out.append(UInt8(ascii: "]"))
        }
        out += "],\"terms\":{".utf8
        return out
    }

    /// A run of terms with their postings, each term after a comma.
    private func json(of run: ArraySlice<Term>) -> [UInt8] {
        var bytes: [UInt8] = []
        for term in run {
            bytes.append(UInt8(ascii: ","))
            Self.appendString(term.text, to: &bytes)
            bytes += ":[".utf8
            let postings = switch term {
            case .cjk(let key): cjkPostings[key]!
            case .word(let word): wordPostings[word]!
            }
            var first = true
            postings.forEach { posting in
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                Self.appendDecimal(posting, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
        return bytes
    }

    /// Every term in code point order: the CJK terms and the words each sorted (numbers, UTF-8),
    /// then merged by their first characters (a word never starts with a CJK character, since
    /// those end words).
    private func sortedTerms() -> [Term] {
        let cjk = cjkPostings.allKeys.sorted()
        let words = wordPostings.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var terms: [Term] = []
        terms.reserveCapacity(cjk.count + words.count)
        var (nextCJK, nextWord) = (0, 0)
        while nextCJK < cjk.count || nextWord < words.count {
            if nextWord == words.count || (nextCJK < cjk.count && UInt32(cjk[nextCJK] >> 21) < words[nextWord].unicodeScalars.first!.value) {
                terms.append(.cjk(cjk[nextCJK]))
                nextCJK += 1
            } else {
                terms.append(.word(words[nextWord]))
                nextWord += 1
            }
        }
        return terms
    }

    /// Most postings are one or two digits: those are appended without a loop.
    private static func appendDecimal(_ value: UInt32, to bytes: inout [UInt8]) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
        } else if value < 100 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / 10))
            bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
        } else {
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            var rest = value
            withUnsafeMutableBytes(of: &digits) { buffer in
                while rest > 0 {
                    buffer[9 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                    count += 1
                }
                bytes.append(contentsOf: buffer[(10 - count)...])
            }
        }
    }

    /// A JSON string literal with `<`, `>` and `&` escaped, so no text can close the script element.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        defer { bytes.append(UInt8(ascii: "\"")) }
        // Most terms and titles have nothing to escape: their UTF-8 goes in as it is. (0xE2 starts
        // U+2028 and U+2029, which JavaScript once took for line ends.)
        var text = text
        let copied = text.withUTF8 { utf8 -> Bool in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == 0xE2 || Self.jsonSpecials.contains($0) }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied { return }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": bytes += "\\\"".utf8
            case "\\": bytes += "\\\\".utf8
            case "\n": bytes += "\\n".utf8
            case "<": bytes += "\\u003c".utf8
            case ">": bytes += "\\u003e".utf8
            case "&": bytes += "\\u0026".utf8
            case "\u{2028}": bytes += "\\u2028".utf8
            case "\u{2029}": bytes += "\\u2029".utf8
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    bytes += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
                } else {
                    UTF8.encode(scalar) { bytes.append($0) }
                }
            }
        }
    }

    private static let jsonSpecials = ASCIISet("\"\\<>&")
}
