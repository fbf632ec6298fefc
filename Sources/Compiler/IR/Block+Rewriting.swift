extension Block {
    /// This block with `transform` applied to every inline node, children before parents.
    public func mapInlines(_ transform: (Inline) -> Inline) -> Block {
        var block = self
        switch kind {
        case .paragraph(let content, let hidden): block.kind = .paragraph(content.mapInlines(transform), hidden: hidden)
        case .heading(let level, let content): block.kind = .heading(level: level, content: content.mapInlines(transform))
        case .blockQuote(let children): block.kind = .blockQuote(children.map { $0.mapInlines(transform) })
        case .list(var list):
            for index in list.items.indices { list.items[index].blocks = list.items[index].blocks.map { $0.mapInlines(transform) } }
            block.kind = .list(list)
        case .table(var table):
            func mapCells(_ cells: [TableCell]) -> [TableCell] {
                cells.map { TableCell(content: $0.content.mapInlines(transform), attributes: $0.attributes) }
            }
            table.header = mapCells(table.header)
            table.rows = table.rows.map(mapCells)
            block.kind = .table(table)
        case .container(var container):
            container.title = container.title?.mapInlines(transform)
            container.body = container.body.map { $0.mapInlines(transform) }
            block.kind = .container(container)
        case .thematicBreak, .code, .html, .math, .tableOfContents:
            break
        }
        return block
    }
}

extension Array where Element == Inline {
    /// These inlines with `transform` applied to every node, children before parents.
    public func mapInlines(_ transform: (Inline) -> Inline) -> [Inline] {
        map { inline in
            let mapped: Inline
            switch inline {
            case .emphasis(let children, let attributes): mapped = .emphasis(children.mapInlines(transform), attributes)
            case .strong(let children, let attributes): mapped = .strong(children.mapInlines(transform), attributes)
            case .strikethrough(let children, let attributes): mapped = .strikethrough(children.mapInlines(transform), attributes)
            case .mark(let children, let attributes): mapped = .mark(children.mapInlines(transform), attributes)
            case .subscript(let children): mapped = .subscript(children.mapInlines(transform))
            case .superscript(let children): mapped = .superscript(children.mapInlines(transform))
            case .span(let children, let attributes): mapped = .span(children.mapInlines(transform), attributes)
            case .link(var link):
                link.content = link.content.mapInlines(transform)
                mapped = .link(link)
            case .image(var image):
                image.alt = image.alt.mapInlines(transform)
                mapped = .image(image)
            case .text, .softBreak, .hardBreak, .code, .math, .footnoteReference, .abbreviation, .html:
                mapped = inline
            }
            return transform(mapped)
        }
    }
}
