import Compiler

/// A heading of an article with its resolved anchor: what tables of contents list.
struct HeadingEntry {
    var level: Int
    var id: String
    var content: Inlines
}

extension Article {
    /// The headings whose level is in `levels`, in reading order (those without an anchor are skipped).
    func headings(levels: ClosedRange<Int>) -> [HeadingEntry] {
        var entries: [HeadingEntry] = []
        forEachHeading(levels: levels) { level, id, content in entries.append(HeadingEntry(level: level, id: id, content: content)) }
        return entries
    }

    /// Calls `body` with the level, anchor and content of each heading that ``headings(levels:)``
    /// lists, in the same order, without making the list.
    func forEachHeading(levels: ClosedRange<Int>, _ body: (_ level: Int, _ id: String, _ content: Inlines) -> Void) {
        blocks.forEachBlock { block in
            if case .heading(let content, let level) = block.kind, levels.contains(Int(level)), let id = block.attributes.id {
                body(Int(level), id, content)
            }
        }
    }
}

extension Inlines {
    /// The inlines with links replaced by their content and footnote marks removed: for a heading
    /// shown inside a link (a table of contents), where a nested link or note would be invalid.
    var withoutLinks: Inlines {
        Inlines(flatMap { inline -> [Inline] in
            switch inline {
            case .link(let link): return link.content.withoutLinks.array
            case .footnoteReference: return []
            case .emphasis(let children, let attributes): return [.emphasis(children.withoutLinks, attributes)]
            case .strong(let children, let attributes): return [.strong(children.withoutLinks, attributes)]
            case .strikethrough(let children, let attributes): return [.strikethrough(children.withoutLinks, attributes)]
            case .mark(let children, let attributes): return [.mark(children.withoutLinks, attributes)]
            case .span(let children, let attributes): return [.span(children.withoutLinks, attributes)]
            case .subscript(let children): return [.subscript(children.withoutLinks)]
            case .superscript(let children): return [.superscript(children.withoutLinks)]
            default: return [inline]
            }
        })
    }
}
