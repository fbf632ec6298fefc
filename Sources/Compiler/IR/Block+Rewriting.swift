extension Array where Element == Block {
    /// Applies `update` in place to every inline node that `matches`, children before parents.
    ///
    /// Only the paths to matching nodes are rewritten: a block or span with none inside is not
    /// touched, so resolving a few links costs no copy of the article.
    public mutating func updateInlines(where matches: (Inline) -> Bool, _ update: (inout Inline) -> Void) {
        for index in indices where self[index].containsInline(where: matches) {
            self[index].updateInlines(where: matches, update)
        }
    }
}

extension Block {
    /// ``Swift/Array/updateInlines(where:_:)`` for one block (which must hold a matching node).
    mutating func updateInlines(where matches: (Inline) -> Bool, _ update: (inout Inline) -> Void) {
        // Each case takes its payload out and puts a placeholder in, so the payload is uniquely
        // referenced while it is changed, then puts it back.
        switch kind {
        case .paragraph(var content, let hidden):
            kind = .thematicBreak
            content.updateInlines(where: matches, update)
            kind = .paragraph(content, hidden: hidden)
        case .heading(var content, let level):
            kind = .thematicBreak
            content.updateInlines(where: matches, update)
            kind = .heading(content: content, level: level)
        case .blockQuote(var children):
            kind = .thematicBreak
            children.updateInlines(where: matches, update)
            kind = .blockQuote(children)
        case .list(var list):
            kind = .thematicBreak
            for index in list.items.indices { list.items[index].blocks.updateInlines(where: matches, update) }
            kind = .list(list)
        case .table(var table):
            kind = .thematicBreak
            for index in table.header.indices { table.header[index].content.updateInlines(where: matches, update) }
            for index in table.bodyCells.indices {
                table.bodyCells[index].content.updateInlines(where: matches, update)
            }
            kind = .table(table)
        case .container(var container):
            kind = .thematicBreak
            container.title?.updateInlines(where: matches, update)
            container.body.updateInlines(where: matches, update)
            kind = .container(container)
        case .thematicBreak, .code, .html, .math, .tableOfContents:
            break
        }
    }
}

extension Inlines {
    /// Applies `update` in place to every inline node that `matches`, children before parents;
    /// spans with no matching node inside are not touched.
    public mutating func updateInlines(where matches: (Inline) -> Bool, _ update: (inout Inline) -> Void) {
        for index in indices {
            if self[index].nestedInlines?.containsInline(where: matches) == true {
                self[index].updateNestedInlines { $0.updateInlines(where: matches, update) }
            }
            if matches(self[index]) { update(&self[index]) }
        }
    }
}

extension Inline {
    /// Lets `body` change the inline run nested in this node (an emphasis's children, a link's
    /// text, an image's alt text) in place; nodes without one are left alone.
    mutating func updateNestedInlines(_ body: (inout Inlines) -> Void) {
        switch self {
        case .emphasis(var children, let attributes):
            self = .softBreak
            body(&children)
            self = .emphasis(children, attributes)
        case .strong(var children, let attributes):
            self = .softBreak
            body(&children)
            self = .strong(children, attributes)
        case .strikethrough(var children, let attributes):
            self = .softBreak
            body(&children)
            self = .strikethrough(children, attributes)
        case .mark(var children, let attributes):
            self = .softBreak
            body(&children)
            self = .mark(children, attributes)
        case .subscript(var children):
            self = .softBreak
            body(&children)
            self = .subscript(children)
        case .superscript(var children):
            self = .softBreak
            body(&children)
            self = .superscript(children)
        case .span(var children, let attributes):
            self = .softBreak
            body(&children)
            self = .span(children, attributes)
        case .link(var link):
            self = .softBreak
            body(&link.content)
            self = .link(link)
        case .image(var image):
            self = .softBreak
            body(&image.alt)
            self = .image(image)
        case .text, .softBreak, .hardBreak, .code, .math, .footnoteReference, .abbreviation, .html:
            break
        }
    }
}
