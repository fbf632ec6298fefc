import Foundation
import Testing
@testable import Backends

/// The offline search index of the HTML file: its terms and its JSON.
@Suite("Search index")
struct SearchIndexTests {
    /// The terms of a section read in `pieces`, with their counts.
    private func terms(_ pieces: [String], title: String = "") -> [String: Int32] {
        var counter = SectionTermCounter()
        for piece in pieces { counter.read(piece) }
        let section = counter.section(title: title, href: "")
        var terms: [String: Int32] = [:]
        for (key, count) in section.cjkTerms {
            let scalars = [key >> 21, key & 0x1F_FFFF].filter { $0 != 0 }.map { Character(Unicode.Scalar(UInt32($0))!) }
            terms[String(scalars)] = count
        }
        for number in 0..<section.words.count {
            terms[String(decoding: section.words.bytes[section.words.range(number)], as: UTF8.self)] = section.wordCounts[number]
        }
        return terms
    }

    /// The same terms, counted the plain way: characters of the whole text, bigrams of CJK runs,
    /// words of letters and digits.
    private func referenceTerms(_ text: String) -> [String: Int32] {
        var terms: [String: Int32] = [:]
        var run: [Unicode.Scalar] = []
        var word = ""
        func endRun() {
            if run.count == 1 { terms[String(run[0]), default: 0] += 1 }
            run = []
        }
        func endWord() {
            if !word.isEmpty { terms[word.lowercased(), default: 0] += 1 }
            word = ""
        }
        for scalar in text.unicodeScalars {
            if SearchIndex.isCJK(scalar) {
                endWord()
                if let last = run.last { terms[String(last) + String(scalar), default: 0] += 1 }
                run.append(scalar)
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                endRun()
                word.unicodeScalars.append(scalar)
            } else {
                endRun()
                endWord()
            }
        }
        endRun()
        endWord()
        return terms
    }

    @Test("CJK runs give bigrams (a lone character itself), other text lower-cased words")
    func termsOfText() {
        #expect(terms(["中文分词abc Déjà 一、Ab1 𠀀𠀁"]) == ["中文": 1, "文分": 1, "分词": 1, "abc": 1, "déjà": 1, "一": 1, "ab1": 1, "𠀀𠀁": 1])
        #expect(terms([""]).isEmpty)
        #expect(terms(["ひらがな"]) == ["ひら": 1, "らが": 1, "がな": 1])
        #expect(terms(["ΣΑΣ Abc abc ABC"]) == ["ΣΑΣ".lowercased(): 1, "abc": 3])
    }

    @Test("runs and words go on across pieces; the title is a text of its own")
    func termsAcrossPieces() {
        #expect(terms(["中", "文", "ab", "C1"]) == ["中文": 1, "abc1": 1])
        #expect(terms(["中文"], title: "文章") == ["中文": 1, "文章": 1])
        #expect(terms(["中"], title: "文") == ["中": 1, "文": 1])
        let pieces = ["中文", "分", "词", "abc", "Déjà", " ", "一", "、", "Ab", "1", "𠀀", "𠀁", "ΣΑΣ", "\n", "x", "é", "のひ", "한국", "😀", "—"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let split = (0..<Int.random(in: 0..<10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            #expect(terms(split) == referenceTerms(split.joined()), "\(split)")
        }
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
        var sections: [SearchIndex.Section] = []
        for (number, text) in ["中文 abc", "abc 一 \"q\"", "Zeta 中文 中文 <b>"].enumerated() {
            sections.append(SearchIndex.section(title: "T\(number)", href: "#s\(number)", text: text))
        }
        let bytes = try Artifact(path: "index.json", pieces: [SearchIndex.json(batchCount: 1) { [sections] _ in [sections] }]).bytes
        let json = String(decoding: bytes, as: UTF8.self)
        #expect(json.hasPrefix(##"{"docs":[["T0","#s0"],["T1","#s1"],["T2","#s2"]],"terms":{"abc":""##) && json.hasSuffix("\"}}"))
        // Postings: document × 8 + count (at most 7), each after the first as the difference
        // from the previous document × 8. The titles are indexed too.
        let expected: KeyValuePairs = ["abc": [1, 9], "b": [17], "q": [9], "t0": [1], "t1": [9], "t2": [17], "zeta": [17], "一": [9], "中文": [1, 18]]
        #expect(try Self.terms(ofJSON: bytes) == Dictionary(uniqueKeysWithValues: expected.map { ($0, $1) }))
        // In code point order.
        let positions = try expected.map { term, _ in try #require(json.range(of: "\"\(term)\":\"")).lowerBound }
        #expect(positions == positions.sorted())
    }

    /// The terms of the index's JSON with their postings, read as the page's script reads them:
    /// base64 of numbers seven bits a byte, low bits first, the high bit on all bytes but a number's last.
    static func terms(ofJSON bytes: [UInt8]) throws -> [String: [Int]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let terms = try #require(json["terms"] as? [String: String])
        return try terms.mapValues { base64 in
            var (postings, value, shift) = ([Int](), 0, 0)
            for byte in try #require(Data(base64Encoded: base64)) {
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 {
                    postings.append(value)
                    (value, shift) = (0, 0)
                } else {
                    shift += 7
                }
            }
            #expect(shift == 0, "a number cut short")
            return postings
        }
    }

    @Test("postings far apart (deltas of one to three bytes) and counts past 7 come out as added")
    func distantPostings() throws {
        var sections: [SearchIndex.Section] = []
        let documents: Set = [0, 15, 16, 2_047, 2_048, 20_000]
        for number in 0...20_000 {
            let text = documents.contains(number) ? Array(repeating: "far", count: number % 11 + 1).joined(separator: " ") : ""
            sections.append(SearchIndex.section(title: "", href: "", text: text))
        }
        let bytes = try Artifact(path: "index.json", pieces: [SearchIndex.json(batchCount: 1) { [sections] _ in [sections] }]).bytes
        let postings = try #require(try Self.terms(ofJSON: bytes)["far"])
        var previous = 0
        var expected: [Int] = []
        for number in documents.sorted() {
            expected.append((number - previous) * 8 + min(number % 11 + 1, 7))
            previous = number
        }
        #expect(postings == expected)
    }

    @Test("the JSON is the same whatever bytes of postings a run is cut at, and in whatever batches the sections come")
    func runsCutByPostingBytes() throws {
        var sections: [SearchIndex.Section] = []
        // Terms with a few postings, and a few with thousands, so runs end at their bytes too.
        for document in 0..<3_000 {
            var text = "common 常见 \(document % 7 == 0 ? "seventh" : "")"
            if document % 500 == 0 { text += " w\(document) 字\(document)" }
            sections.append(SearchIndex.section(title: "", href: "#d\(document)", text: text))
        }
        let whole = try Artifact(path: "index.json", pieces: [SearchIndex.json(batchCount: 1) { [sections] _ in [sections] }]).bytes
        for budget in [1, 7, 300, 5_000] {
            let piece = SearchIndex.json(batchCount: 1, postingBytesPerRun: budget) { [sections] _ in [sections] }
            #expect(try Artifact(path: "index.json", pieces: [piece]).bytes == whole, "\(budget)")
        }
        // The documents of each batch are written as it is added.
        for size in [1, 7, 1_000] {
            let piece = SearchIndex.json(batchCount: (sections.count + size - 1) / size) { [sections] batch in
                [Array(sections[(batch * size)..<min(batch * size + size, sections.count)])]
            }
            #expect(try Artifact(path: "index.json", pieces: [piece]).bytes == whole, "batches of \(size)")
        }
        let terms = try Self.terms(ofJSON: whole)
        #expect(terms["common"]?.count == 3_000 && terms["常见"]?.count == 3_000 && terms["seventh"]?.count == 429)
    }

    @Test("the JSON of an index with more terms than a batch writes holds every term once, in order")
    func jsonOfManyTerms() throws {
        var sections: [SearchIndex.Section] = []
        // 30,000 words in three documents (word w appears in documents w % 3 and (w + 1) % 3, w % 5 + 1 times each).
        let words = (0..<30_000).map { "w\($0)" }
        for document in 0..<3 {
            let text = words.indices.filter { $0 % 3 == document || ($0 + 1) % 3 == document }
                .map { Array(repeating: words[$0], count: $0 % 5 + 1).joined(separator: " ") }.joined(separator: " ")
            sections.append(SearchIndex.section(title: "", href: "#d\(document)", text: text))
        }
        let bytes = try Artifact(path: "index.json", pieces: [SearchIndex.json(batchCount: 1) { [sections] _ in [sections] }]).bytes
        let terms = try Self.terms(ofJSON: bytes)
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
        var order: [UInt64] = []
        var generator = SystemRandomNumberGenerator()
        // Keys as the index packs them (CJK code points), with repeats, so the table grows many times.
        for _ in 0..<50_000 {
            let key = UInt64(UInt32.random(in: 0x4E00...0x4F00, using: &generator)) << 21 | UInt64(UInt32.random(in: 0...0x4E10, using: &generator))
            table.update(key) { $0 += 1 }
            if reference[key] == nil { order.append(key) }
            reference[key, default: 0] += 1
        }
        #expect(table.count == reference.count)
        var seen: [UInt64: Int32] = [:]
        table.forEach { seen[$0] = $1 }
        #expect(seen == reference)
        #expect(table.allKeys == order)
        for (key, count) in reference.prefix(1000) { #expect(table[key] == count) }
        #expect(table[0x1234 << 21] == nil)
        table.removeAll()
        #expect(table.count == 0 && table.allKeys.isEmpty && table[order[0]] == nil)
        table.update(order[0]) { $0 += 5 }
        #expect(table[order[0]] == 5 && table.allKeys == [order[0]])
    }
}

/// The word table against a `Dictionary` fed the same words.
@Suite("Word term table")
struct WordTermTableTests {
    @Test("counts, order and growth agree with a Dictionary; emptied, it starts over")
    func agreesWithDictionary() {
        var table = WordTermTable<Int32>(capacity: 2, empty: 0)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<3 {
            var reference: [String: Int32] = [:]
            var order: [String] = []
            for _ in 0..<20_000 {
                // Short words of few letters, so most come again; some share a hash's low bits.
                var word = String((0..<Int.random(in: 1...4, using: &generator)).map { _ in "abcé"[...].randomElement(using: &generator)! })
                if round == 2 { word += "\(Int.random(in: 0..<100, using: &generator))" }
                word.withUTF8 { bytes in table.update(bytes, hash: WordList.hash(bytes)) { $0 += 1 } }
                if reference[word] == nil { order.append(word) }
                reference[word, default: 0] += 1
            }
            let words = (0..<table.count).map { String(decoding: table.words.bytes[table.words.range($0)], as: UTF8.self) }
            #expect(words == order)
            #expect(Dictionary(uniqueKeysWithValues: zip(words, table.values)) == reference)
            table.removeAll()
            #expect(table.count == 0 && table.values.isEmpty && table.words.bytes.isEmpty)
        }
    }
}
