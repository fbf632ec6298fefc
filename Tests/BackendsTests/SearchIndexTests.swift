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

    @Test("the JSON lists documents, then terms in code point order with delta-coded postings")
    func json() {
        var index = SearchIndex()
        for (number, text) in ["中文 abc", "abc 一 \"q\"", "Zeta 中文 中文 <b>"].enumerated() {
            index.add(SearchIndex.section(title: "T\(number)", href: "#s\(number)", text: text))
        }
        let json = String(decoding: index.json(), as: UTF8.self)
        // Postings: document × 8 + count (at most 7), each after the first as the difference
        // from the previous document × 8. The titles are indexed too.
        #expect(json == ##"{"docs":[["T0","#s0"],["T1","#s1"],["T2","#s2"]],"terms":{"abc":[1,9],"b":[17],"q":[9],"t0":[1],"t1":[9],"t2":[17],"zeta":[17],"一":[9],"中文":[1,18]}}"##)
    }
}
