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

    private(set) var documents: [Document] = []
    /// Term → postings in document order, each `document << 3 | min(count, 7)` (the JSON keeps
    /// no more of the count), four bytes a posting.
    private(set) var postings: [String: [UInt32]] = [:]

    /// One section of an article with the counts of its terms: made for each article on its own
    /// (on all cores), then added to the index in book order.
    struct Section: Sendable {
        var title: String
        var href: String
        var termCounts: [String: Int]
    }

    mutating func add(_ section: Section) {
        let number = documents.count
        documents.append(Document(title: section.title, href: section.href))
        for (term, count) in section.termCounts { postings[term, default: []].append(UInt32(number) << 3 | UInt32(min(count, 7))) }
    }

    static func section(title: String, href: String, text: String) -> Section {
        var counts: [String: Int] = [:]
        forEachTerm(of: text + "\n" + title) { counts[$0, default: 0] += 1 }
        return Section(title: title, href: href, termCounts: counts)
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
    /// term) and words of letters and digits, lower-cased. Read over UTF-8: a bigram is the bytes
    /// of its two characters, an ASCII word is lower-cased byte by byte.
    static func forEachTerm(of text: String, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var run: [Int] = []  // byte offsets of the CJK characters of the current run
            var runEnd = 0
            var wordStart = -1
            var wordIsASCII = true
            func endRun() {
                if run.count == 1 { body(String(decoding: bytes[run[0]..<runEnd], as: UTF8.self)) }
                if run.count > 1 {
                    for index in 0..<(run.count - 1) {
                        let end = index + 2 < run.count ? run[index + 2] : runEnd
                        body(String(decoding: bytes[run[index]..<end], as: UTF8.self))
                    }
                }
                run.removeAll(keepingCapacity: true)
            }
            func endWord(at end: Int) {
                guard wordStart >= 0 else { return }
                let word = bytes[wordStart..<end]
                body(wordIsASCII ? String(decoding: word.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
                                         : String(decoding: word, as: UTF8.self).lowercased())
                wordStart = -1
                wordIsASCII = true
            }
            var position = 0
            while position < bytes.count {
                let (value, length) = UTF8Scalars.scalar(in: bytes, at: position)
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                if isCJK(scalar) {
                    endWord(at: position)
                    run.append(position)
                    runEnd = position + length
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

    /// The index as JSON that is safe inside a `<script type="application/json">` element:
    /// `{"docs":[[title, href], …], "terms":{"term":[posting, …], …}}`, terms sorted; a posting is
    /// (document − previous document) × 8 + min(count, 7), so most postings are one or two digits.
    func json() -> String {
        var out = "{\"docs\":["
        for (index, document) in documents.enumerated() {
            if index > 0 { out += "," }
            out += "[" + Self.string(document.title) + "," + Self.string(document.href) + "]"
        }
        out += "],\"terms\":{"
        // Terms in the order of their UTF-8 bytes (the order of their code points; String's `<`
        // would normalize each CJK term before comparing).
        for (index, term) in postings.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            if index > 0 { out += "," }
            var previous: UInt32 = 0
            let encoded = postings[term]!.map { posting -> String in
                defer { previous = posting >> 3 }
                return String(posting - (previous << 3))
            }
            out += Self.string(term) + ":[" + encoded.joined(separator: ",") + "]"
        }
        return out + "}}"
    }

    /// A JSON string literal with `<`, `>` and `&` escaped, so no text can close the script element.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
