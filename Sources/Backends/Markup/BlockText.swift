import Compiler

/// The text a reader sees in blocks, without markup: what search indexes. It comes piece by piece
/// (the inline texts, with a line feed after each paragraph and a space between table cells), so
/// the search index reads a section without a string being made of it.
enum BlockText {
    static func text(of blocks: [Block]) -> String {
        var out = ""
        for block in blocks { forEachPiece(of: block) { out += $0 } }
        return out
    }

    /// Calls `body` with each piece of the block's text, in order.
    static func forEachPiece(of block: Block, _ body: (String) -> Void) {
        switch block.kind {
        case .paragraph(let content, _), .heading(let content, _):
            line(content, body)
        case .thematicBreak, .html, .tableOfContents:
            break
        case .blockQuote(let blocks):
            for block in blocks { forEachPiece(of: block, body) }
        case .list(let list):
            for item in list.items {
                for block in item.blocks { forEachPiece(of: block, body) }
            }
        case .code(let code):
            body(code.code.string)
            body("\n")
        case .table(let table):
            for row in [table.header] + table.rows {
                for (index, cell) in row.enumerated() {
                    if index > 0 { body(" ") }
                    cell.content.forEachPlainTextPiece(body)
                }
                body("\n")
            }
        case .container(let container):
            if let title = container.title { line(title, body) }
            if let raw = container.rawBody {
                body(raw)
                body("\n")
            }
            for block in container.body { forEachPiece(of: block, body) }
        case .math(let formula):
            body(formula.tex)
            body("\n")
        }
    }

    /// The plain text of `inlines`, then a line feed.
    private static func line(_ inlines: Inlines, _ body: (String) -> Void) {
        inlines.forEachPlainTextPiece(body)
        body("\n")
    }
}
