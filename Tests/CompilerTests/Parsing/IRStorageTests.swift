import Testing

@testable import Compiler

/// How the IR stores its texts, tables and code blocks compactly, read back through its API.
@Suite("IR texts")
struct IRTextTests {
    @Test("texts from an arena and from strings compare and hash alike; a prefix or suffix shares the storage and reads its own bytes")
    func texts() {
        // Room for fewer bytes than the texts: the storage grows under them, then is trimmed.
        let arena = TextArena(capacity: 4)
        let first = arena.text("知识库 knowledge")
        let second = arena.text("base {.c}")
        arena.finish()
        #expect(first.string == "知识库 knowledge" && second.string == "base {.c}")
        #expect(first == Text("知识库 knowledge") && first.hashValue == Text("知识库 knowledge").hashValue)
        #expect(first != second && first != Text("知识库 knowledgE") && first != Text("知识库"))
        #expect(second.prefix(utf8Count: 4) == "base" && second.dropFirst(utf8Count: 5) == "{.c}")
        #expect(second.prefix(utf8Count: 0) == Text("") && second.prefix(utf8Count: 0).isEmpty)
        #expect(first.firstByte == 0xE7 && second.lastByte == UInt8(ascii: "}") && Text("").firstByte == nil)
        #expect(first.utf8Count == "知识库 knowledge".utf8.count)
    }

    @Test("a text built of pieces holds them in order; trimmed, it shares the storage; none is the empty text")
    func pieces() {
        let arena = TextArena(capacity: 0)
        let built = arena.text(capacity: 16) { bytes in
            bytes.append(contentsOf: Array("  代码 ".utf8))
            bytes.append(contentsOf: Array("x\n".utf8))
        }
        #expect(built == Text("  代码 x\n") && built.minimalSpacesTrimmed == "代码 x")
        #expect(arena.text(capacity: 4) { _ in } == .empty && arena.text(capacity: 4) { _ in }.isEmpty)
    }

    /// Sizes the IR and the parser were made to fit: an enum holding a text takes its cases from
    /// the spare values of the text's storage reference (an optional storage made a run 17 bytes).
    @Test("a text and a run of inlines are 16 bytes, a block 40, a token 48")
    func sizes() {
        #expect(MemoryLayout<Text>.size == 16 && MemoryLayout<Inlines>.size == 16)
        #expect(MemoryLayout<Block>.size == 40 && MemoryLayout<Token>.size == 48)
    }
}

@Suite("Table rows")
struct TableRowTests {
    private static func cell(_ text: String) -> TableCell {
        TableCell(content: Inlines(text: Text(text)))
    }

    @Test("a table's rows come back as they were made, as wide as the header or not")
    func rows() {
        let header = [Self.cell("h1"), Self.cell("h2")]
        let uniform = [[Self.cell("a"), Self.cell("b")], [Self.cell("c"), Self.cell("d")]]
        let table = Table(alignments: [.none, .none], header: header, rows: uniform)
        #expect(table.rows == uniform && table.bodyCells == uniform.flatMap { $0 })
        let ragged = [[Self.cell("a")], [], [Self.cell("b"), Self.cell("c"), Self.cell("d")]]
        #expect(Table(alignments: [.none, .none], header: header, rows: ragged).rows == ragged)
        #expect(Table(alignments: [], header: [], rows: [[], []]).rows == [[], []])
        #expect(Table(alignments: [.none, .none], header: header, rows: []).rows.isEmpty)
    }
}

@Suite("Code block notes")
struct CodeBlockNoteTests {
    @Test("a code block's title, marked lines and numbering read back as set; cleared, the block equals one that never had them")
    func notes() {
        let plain = CodeBlock(info: "ts", language: "ts", code: "x\n", isFenced: true)
        var block = plain
        block.title = "a.ts"
        block.highlightedLines = [1]
        block.lineMarks = [1: .error]
        block.lineNumbers = false
        #expect(block.title == "a.ts" && block.highlightedLines == [1] && block.lineMarks == [1: .error] && block.lineNumbers == false)
        #expect(block != plain && plain.title == nil && plain.highlightedLines.isEmpty)
        var copy = block
        copy.title = "b.ts"
        #expect(block.title == "a.ts" && copy.title == "b.ts" && copy.lineMarks == [1: .error])
        block.title = nil
        block.highlightedLines = []
        block.lineMarks = [:]
        block.lineNumbers = nil
        #expect(block == plain && block.hashValue == plain.hashValue)
        #expect(CodeBlock(info: "ts", title: "t", highlightedLines: [2], lineNumbers: true, code: "", isFenced: true).title == "t")
    }
}
