import Compiler

/// The text a reader sees in blocks, without markup: what search indexes. It comes piece by piece
/// as UTF-8 (the inline texts, with a line feed after each paragraph and a space between table
/// cells), so the search index reads a section without a string being made of it.
enum BlockText {
    static func text(of blocks: [Block]) -> String {
        var bytes: [UInt8] = []
        for block in blocks { forEachPiece(of: block) { bytes.append(contentsOf: $0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Calls `body` with each piece of the block's text, in order (valid only during the call).
    static func forEachPiece(of block: Block, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
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
            code.code.withUTF8(body)
            utf8("\n", body)
        case .table(let table):
            // The body's rows as slices of its cells: no array is made of each row.
            for row in [table.header[...]] + table.rowRanges.map({ table.bodyCells[$0] }) {
                for (index, cell) in row.enumerated() {
                    if index > 0 { utf8(" ", body) }
                    cell.content.forEachPlainTextPiece(body)
                }
                utf8("\n", body)
            }
        case .container(let container):
            if let title = container.title { line(title, body) }
            if let raw = container.rawBody {
                utf8(raw, body)
                utf8("\n", body)
            }
            for block in container.body { forEachPiece(of: block, body) }
        case .math(let formula):
            utf8(formula.tex, body)
            utf8("\n", body)
        }
    }

    /// The plain text of `inlines`, then a line feed.
    private static func line(_ inlines: Inlines, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        inlines.forEachPlainTextPiece(body)
        utf8("\n", body)
    }

    private static func utf8(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var string = string
        string.withUTF8(body)
    }
}
