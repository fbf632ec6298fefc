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
    /// Term → (document, term frequency) pairs, in document order.
    private(set) var postings: [String: [(document: Int, count: Int)]] = [:]

    mutating func add(title: String, href: String, text: String) {
        let number = documents.count
        documents.append(Document(title: title, href: href))
        var counts: [String: Int] = [:]
        for term in Self.terms(of: text + "\n" + title) { counts[term, default: 0] += 1 }
        for (term, count) in counts { postings[term, default: []].append((number, count)) }
    }

    /// Splits an article into sections at its level-2 and level-3 headings.
    mutating func add(_ article: Article, articleID: String, idPrefix: String) {
        var title = article.metadata.title
        var href = "#" + articleID
        var text = ""
        func flush() {
            if !text.isEmpty { add(title: title, href: href, text: text) }
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
    }

    /// The terms of a text: bigrams of CJK runs (a lone character is its own term) and words of
    /// letters and digits, lower-cased.
    static func terms(of text: String) -> [String] {
        var terms: [String] = []
        var run: [Unicode.Scalar] = []
        var word = ""
        func endRun() {
            if run.count == 1 { terms.append(String(run[0])) }
            if run.count > 1 { for index in 0..<(run.count - 1) { terms.append(String(run[index]) + String(run[index + 1])) } }
            run.removeAll(keepingCapacity: true)
        }
        func endWord() {
            if !word.isEmpty { terms.append(word) }
            word = ""
        }
        for scalar in text.unicodeScalars {
            if isCJK(scalar) {
                endWord()
                run.append(scalar)
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                endRun()
                word += String(scalar).lowercased()
            } else {
                endRun()
                endWord()
            }
        }
        endRun()
        endWord()
        return terms
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
        for (index, term) in postings.keys.sorted().enumerated() {
            if index > 0 { out += "," }
            var previous = 0
            let encoded = postings[term]!.map { posting -> String in
                defer { previous = posting.document }
                return String((posting.document - previous) * 8 + min(posting.count, 7))
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
