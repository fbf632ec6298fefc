import Compiler

/// The text a reader sees in blocks, without markup: what search indexes. Inline text is appended
/// piece by piece (no string made for a paragraph, then another with its line feed).
enum BlockText {
    static func text(of blocks: [Block]) -> String {
        var out = ""
        append(blocks, to: &out)
        return out
    }

    static func append(_ blocks: [Block], to out: inout String) {
        for block in blocks { append(block, to: &out) }
    }

    static func append(_ block: Block, to out: inout String) {
        switch block.kind {
        case .paragraph(let content, _), .heading(_, let content):
            appendLine(content, to: &out)
        case .thematicBreak, .html, .tableOfContents:
            break
        case .blockQuote(let blocks):
            append(blocks, to: &out)
        case .list(let list):
            for item in list.items { append(item.blocks, to: &out) }
        case .code(let code):
            out += code.code
            out += "\n"
        case .table(let table):
            for row in [table.header] + table.rows {
                for (index, cell) in row.enumerated() {
                    if index > 0 { out += " " }
                    cell.content.forEachPlainTextPiece { out += $0 }
                }
                out += "\n"
            }
        case .container(let container):
            if let title = container.title { appendLine(title, to: &out) }
            if let raw = container.rawBody {
                out += raw
                out += "\n"
            }
            append(container.body, to: &out)
        case .math(let formula):
            out += formula.tex
            out += "\n"
        }
    }

    /// The plain text of `inlines`, then a line feed.
    private static func appendLine(_ inlines: [Inline], to out: inout String) {
        inlines.forEachPlainTextPiece { out += $0 }
        out += "\n"
    }
}
