import Testing
@testable import Compiler

/// Shiki's notation comments are removed from code and become line marks, as on the site.
@Suite("Code notation")
struct CodeNotationTests {
    @Test("markers in //, #, <!-- -->, /* */ comments; counts; unknown words stay")
    func extract() {
        let code = """
            let a = 1 // [!code ++]
            b = 2  # [!code hl:2]
            c = 3
            <p>x</p> <!-- [!code --] -->
            f(/* [!code focus] */ 1)
            // [!code word:Hello]
            plain
            """
        let (stripped, marks) = CodeNotation.extract(code)
        #expect(stripped == "let a = 1\nb = 2\nc = 3\n<p>x</p>\nf(1)\n// [!code word:Hello]\nplain")
        #expect(marks == [1: .added, 2: .highlighted, 3: .highlighted, 4: .removed, 5: .focused])
    }

    @Test("a fence in the book's options carries the marks; code without markers is untouched")
    func fence() throws {
        let block = FenceInfo.codeBlock(info: "ts {3}", code: "a // [!code error]\nb\n", plume: true, texts: TextArena(capacity: 0))
        #expect(block.code == "a\nb\n")
        #expect(block.lineMarks == [1: .error])
        #expect(block.highlightedLines == [3])
        #expect(FenceInfo.codeBlock(info: "ts", code: "x // [!code ++]\n", plume: false, texts: TextArena(capacity: 0)).code == "x // [!code ++]\n")
    }
}
