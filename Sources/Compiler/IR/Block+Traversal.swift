extension Block {
    /// The blocks directly inside this one (quotes, list items, containers, tabs).
    public var children: [Block] {
        switch kind {
        case .blockQuote(let blocks): blocks
        case .list(let list): list.items.flatMap(\.blocks)
        case .container(let container): container.body
        case .paragraph, .heading, .thematicBreak, .code, .html, .table, .math, .tableOfContents: []
        }
    }

    /// The inline runs that belong to this block itself (not to its children).
    public var ownInlines: [[Inline]] {
        switch kind {
        case .paragraph(let content, _), .heading(_, let content): [content]
        case .table(let table): (table.header + table.rows.flatMap { $0 }).map(\.content)
        case .container(let container): container.title.map { [$0] } ?? []
        case .blockQuote, .list, .thematicBreak, .code, .html, .math, .tableOfContents: []
        }
    }
}

extension Array where Element == Block {
    /// Every block, depth first, parents before their children.
    public func forEachBlock(_ body: (Block) -> Void) {
        for block in self {
            body(block)
            block.children.forEachBlock(body)
        }
    }

    /// Every inline node in these blocks, depth first, including nested spans, link texts and alt texts.
    public func forEachInline(_ body: (Inline) -> Void) {
        forEachBlock { block in
            for run in block.ownInlines { run.forEachInline(body) }
        }
    }
}

extension Array where Element == Inline {
    /// Every inline node, depth first, parents before their children.
    public func forEachInline(_ body: (Inline) -> Void) {
        for inline in self {
            body(inline)
            switch inline {
            case .emphasis(let children, _), .strong(let children, _), .strikethrough(let children, _), .mark(let children, _),
                .subscript(let children), .superscript(let children), .span(let children, _):
                children.forEachInline(body)
            case .link(let link): link.content.forEachInline(body)
            case .image(let image): image.alt.forEachInline(body)
            case .text, .softBreak, .hardBreak, .code, .math, .footnoteReference, .abbreviation, .html: break
            }
        }
    }
}
