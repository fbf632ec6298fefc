import Compiler

/// The text a reader sees in blocks, without markup: what search indexes.
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
            out += content.plainText + "\n"
        case .thematicBreak, .html, .tableOfContents:
            break
        case .blockQuote(let blocks):
            append(blocks, to: &out)
        case .list(let list):
            for item in list.items { append(item.blocks, to: &out) }
        case .code(let code):
            out += code.code + "\n"
        case .table(let table):
            for row in [table.header] + table.rows {
                out += row.map(\.content.plainText).joined(separator: " ") + "\n"
            }
        case .container(let container):
            if let title = container.title { out += title.plainText + "\n" }
            if let raw = container.rawBody { out += raw + "\n" }
            append(container.body, to: &out)
        case .math(let formula):
            out += formula.tex + "\n"
        }
    }
}
