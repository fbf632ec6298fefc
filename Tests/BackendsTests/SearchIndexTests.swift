import Foundation
import Testing
@testable import Backends

/// The offline search index of the HTML file: its terms and its JSON.
@Suite("Search index")
struct SearchIndexTests {
    private func terms(_ text: String) -> [String] {
        var terms: [String] = []
        SearchIndex.forEachTerm(of: text) { terms.append($0.text) }
        return terms
    }

    @Test("CJK runs give bigrams (a lone character itself), other text lower-cased words")
    func termsOfText() {
        #expect(terms("中文分词abc Déjà 一、Ab1 𠀀𠀁") == ["中文", "文分", "分词", "abc", "déjà", "一", "ab1", "𠀀𠀁"])
        #expect(terms("") == [])
        #expect(terms("ひらがな") == ["ひら", "らが", "がな"])
    }

    @Test("JSON strings decode to their text, with nothing that could end the script element")
    func jsonStrings() throws {
        let pieces = ["a", "中文", "—", "…", "\u{2028}", "\u{2029}", "\"", "\\", "<", ">", "&", "\n", "\t", "\u{1}", "\u{1F}", "é", "😀", "</script>"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var bytes: [UInt8] = []
            SearchIndex.appendString(text, to: &bytes)
            #expect(!bytes.contains(UInt8(ascii: "<")) && !bytes.contains(UInt8(ascii: ">")) && !bytes.contains(UInt8(ascii: "&")))
            #expect(!String(decoding: bytes, as: UTF8.self).contains("\u{2028}"))
            let decoded = try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed) as? String
            #expect(decoded == text, "\(text.debugDescription)")
        }
    }

    @Test("the JSON lists documents, then terms in code point order with delta-coded postings")
    func json() throws {
        var index = SearchIndex()
        for (number, text) in ["中文 abc", "abc 一 \"q\"", "Zeta 中文 中文 <b>"].enumerated() {
            index.add(SearchIndex.section(title: "T\(number)", href: "#s\(number)", text: text))
        }
        let json = String(decoding: try Artifact(path: "index.json", pieces: [index.json()]).bytes, as: UTF8.self)
        // Postings: document × 8 + count (at most 7), each after the first as the difference
        // from the previous document × 8. The titles are indexed too.
        #expect(json == ##"{"docs":[["T0","#s0"],["T1","#s1"],["T2","#s2"]],"terms":{"abc":[1,9],"b":[17],"q":[9],"t0":[1],"t1":[9],"t2":[17],"zeta":[17],"一":[9],"中文":[1,18]}}"##)
    }

    @Test("postings far apart (deltas of one to three bytes) and counts past 7 come out as added")
    func distantPostings() throws {
        var index = SearchIndex()
        let documents: Set = [0, 15, 16, 2_047, 2_048, 20_000]
        for number in 0...20_000 {
            let text = documents.contains(number) ? Array(repeating: "far", count: number % 11 + 1).joined(separator: " ") : ""
            index.add(SearchIndex.section(title: "", href: "", text: text))
        }
        let bytes = try Artifact(path: "index.json", pieces: [index.json()]).bytes
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let postings = try #require((json["terms"] as? [String: [Int]])?["far"])
        var previous = 0
        var expected: [Int] = []
        for number in documents.sorted() {
            expected.append((number - previous) * 8 + min(number % 11 + 1, 7))
            previous = number
        }
        #expect(postings == expected)
    }

    @Test("the JSON of an index with more terms than a batch writes holds every term once, in order")
    func jsonOfManyTerms() throws {
        var index = SearchIndex()
        // 30,000 words in three documents (word w appears in documents w % 3 and (w + 1) % 3, w % 5 + 1 times each).
        let words = (0..<30_000).map { "w\($0)" }
        for document in 0..<3 {
            let text = words.indices.filter { $0 % 3 == document || ($0 + 1) % 3 == document }
                .map { Array(repeating: words[$0], count: $0 % 5 + 1).joined(separator: " ") }.joined(separator: " ")
            index.add(SearchIndex.section(title: "", href: "#d\(document)", text: text))
        }
        let bytes = try Artifact(path: "index.json", pieces: [index.json()]).bytes
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let terms = try #require(json["terms"] as? [String: [Int]])
        #expect(terms.count == words.count)
        for (number, word) in words.enumerated() {
            let documents = [number % 3, (number + 1) % 3].sorted()
            let count = number % 5 + 1
            #expect(terms[word] == [documents[0] * 8 + count, (documents[1] - documents[0]) * 8 + count], "\(word)")
        }
        // Sorted by UTF-8 bytes, as the page's script searches them.
        let text = String(decoding: bytes, as: UTF8.self)
        let order = words.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var previous = text.startIndex
        for word in order.prefix(2_000) {
            let found = try #require(text.range(of: "\"\(word)\":", range: previous..<text.endIndex))
            previous = found.upperBound
        }
    }
}

/// The CJK term table against a `Dictionary` fed the same keys.
@Suite("CJK term table")
struct CJKTermTableTests {
    @Test("counts, lookups and growth agree with a Dictionary")
    func agreesWithDictionary() {
        var table = CJKTermTable<Int32>(capacity: 4, empty: 0)
        var reference: [UInt64: Int32] = [:]
        var generator = SystemRandomNumberGenerator()
        // Keys as the index packs them (CJK code points), with repeats, so the table grows many times.
        for _ in 0..<50_000 {
            let key = UInt64(UInt32.random(in: 0x4E00...0x4F00, using: &generator)) << 21 | UInt64(UInt32.random(in: 0...0x4E10, using: &generator))
            table.update(key) { $0 += 1 }
            reference[key, default: 0] += 1
        }
        #expect(table.count == reference.count)
        var seen: [UInt64: Int32] = [:]
        table.forEach { seen[$0] = $1 }
        #expect(seen == reference)
        #expect(Set(table.allKeys) == Set(reference.keys))
        for (key, count) in reference.prefix(1000) { #expect(table[key] == count) }
        #expect(table[0x1234 << 21] == nil)
    }
}
