extension Array where Element == Block {
    /// Every block, depth first, parents before their children (quotes, list items, containers, tabs).
    public func forEachBlock(_ body: (Block) -> Void) {
        _ = visitBlocks { body($0); return true }
    }

    /// Every inline node in these blocks, depth first, including nested spans, link texts and alt texts.
    public func forEachInline(_ body: (Inline) -> Void) {
        _ = visitInlines { body($0); return true }
    }

    /// Whether a block here or inside one satisfies `matches`; stops at the first.
    public func containsBlock(where matches: (Block) -> Bool) -> Bool {
        !visitBlocks { !matches($0) }
    }

    /// Whether an inline node anywhere in these blocks satisfies `matches`; stops at the first.
    public func containsInline(where matches: (Inline) -> Bool) -> Bool {
        !visitInlines { !matches($0) }
    }

    /// Visits blocks as ``forEachBlock(_:)`` does while `body` returns `true`; `false` if it stopped.
    /// Nothing is allocated on the way (the walk runs once per article in every backend).
    func visitBlocks(_ body: (Block) -> Bool) -> Bool {
        allSatisfy { $0.visitBlocks(body) }
    }

    /// Visits inline nodes as ``forEachInline(_:)`` does while `body` returns `true`.
    func visitInlines(_ body: (Inline) -> Bool) -> Bool {
        allSatisfy { $0.visitInlines(body) }
    }
}

extension Block {
    /// Whether an inline node in this block or the blocks inside it satisfies `matches`.
    public func containsInline(where matches: (Inline) -> Bool) -> Bool {
        !visitInlines { !matches($0) }
    }

    /// This block, then the blocks inside it, while `body` returns `true`; `false` if it stopped.
    func visitBlocks(_ body: (Block) -> Bool) -> Bool {
        guard body(self) else { return false }
        switch kind {
        case .blockQuote(let children):
            return children.visitBlocks(body)
        case .list(let list):
            return list.items.indices.allSatisfy { list.items[$0].allBlocksSatisfy { $0.visitBlocks(body) } }
        case .container(let container):
            return container.body.visitBlocks(body)
        case .paragraph, .heading, .thematicBreak, .code, .html, .table, .math, .tableOfContents:
            return true
        }
    }

    /// The inline nodes of this block and the blocks inside it, while `body` returns `true`.
    func visitInlines(_ body: (Inline) -> Bool) -> Bool {
        visitBlocks { block in
            switch block.kind {
            case .paragraph(let content, _), .heading(let content, _):
                return content.visitInlines(body)
            case .table(let table):
                return table.header.allSatisfy { $0.content.visitInlines(body) }
                    && table.bodyCells.allSatisfy { $0.content.visitInlines(body) }
            case .container(let container):
                return container.title?.visitInlines(body) ?? true
            case .blockQuote, .list, .thematicBreak, .code, .html, .math, .tableOfContents:
                return true
            }
        }
    }
}

extension Inlines {
    /// Every inline node, depth first, parents before their children.
    public func forEachInline(_ body: (Inline) -> Void) {
        _ = visitInlines { body($0); return true }
    }

    /// Whether an inline node here or nested satisfies `matches`; stops at the first.
    public func containsInline(where matches: (Inline) -> Bool) -> Bool {
        !visitInlines { !matches($0) }
    }

    /// Visits inline nodes as ``forEachInline(_:)`` does while `body` returns `true`; `false` if it stopped.
    func visitInlines(_ body: (Inline) -> Bool) -> Bool {
        allSatisfy { inline in body(inline) && (inline.nestedInlines?.visitInlines(body) ?? true) }
    }
}

extension Inline {
    /// The inline run nested in this node: an emphasis's or span's children, a link's text, an
    /// image's alt text; `nil` for leaves.
    public var nestedInlines: Inlines? {
        switch self {
        case .emphasis(let children, _), .strong(let children, _), .strikethrough(let children, _), .mark(let children, _),
            .subscript(let children), .superscript(let children), .span(let children, _):
            children
        case .link(let link): link.content
        case .image(let image): image.alt
        case .text, .softBreak, .hardBreak, .code, .math, .footnoteReference, .abbreviation, .html: nil
        }
    }
}
