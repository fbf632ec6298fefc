import Testing
@testable import Compiler

/// `colspan`/`rowspan` in table cells: the frontend fits them as @mdit/plugin-attrs does and the
/// IR says where each body cell starts, for backends that write a grid (LaTeX).
@Suite("Table spans")
struct TableSpanTests {
    static func table(_ text: String) throws -> Table {
        let document = MarkdownParser(options: .book).parse(Array(text.utf8), file: "a.md")
        guard case .table(let table)? = document.blocks.first?.kind else { throw Failure.noTable }
        return table
    }

    enum Failure: Error { case noTable }

    @Test("covered cells leave their rows; each cell knows its spans and its starting column")
    func grid() throws {
        let table = try Self.table("""
            | A | B | C | D |
            | - | - | - | - |
            | A1 | B1 | C1 | D1 {rowspan=3} |
            | A2 {colspan=2 rowspan=2} | B2 | C2 | D2 |
            | A3 | B3 | C3 | D3 |
            """)
        #expect(table.rows.map { $0.map(\.content.plainText) } == [["A1", "B1", "C1", "D1"], ["A2", "C2"], ["C3"]])
        #expect(table.rows[1][0].columnSpan == 2)
        #expect(table.rows[1][0].rowSpan == 2)
        #expect(table.rows[0][3].rowSpan == 3)
        #expect(table.bodyCellColumns == [[0, 1, 2, 3], [0, 2], [2]])
    }

    @Test("a span never runs past the last column or into a column a cell above covers")
    func fitting() throws {
        let wide = try Self.table("| A | B |\n|---|---|\n| 1 {colspan=3} |\n")
        #expect(wide.rows[0].count == 1)
        #expect(wide.rows[0][0].attributes["colspan"] == "2")
        let blocked = try Self.table("| A | B | C |\n|---|---|---|\n| A1 | B1 {rowspan=2} | C1 |\n| A2 {colspan=2} | B2 |\n")
        #expect(blocked.rows[1].map(\.columnSpan) == [1, 1])
        #expect(blocked.rows[1][0].attributes["colspan"] == "1")
        #expect(blocked.bodyCellColumns[1] == [0, 2])
    }

    @Test("a table with no spans is left as parsed; nonsense spans count as 1")
    func plain() throws {
        let table = try Self.table("| A | B |\n|---|---|\n| 1 {colspan=x} | 2 {rowspan=-4} |\n| 3 | 4 |\n")
        #expect(table.rows.map(\.count) == [2, 2])
        #expect(table.rows[0].map(\.columnSpan) == [1, 1])
        #expect(table.rows[0].map(\.rowSpan) == [1, 1])
        #expect(table.bodyCellColumns == [[0, 1], [0, 1]])
    }
}
