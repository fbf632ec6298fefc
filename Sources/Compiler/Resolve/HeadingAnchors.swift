/// Gives every heading of an article its anchor: the `{#id}` it was given, else VuePress's slug
/// of its text, made unique within the article.
enum HeadingAnchors {
    /// Sets each heading's `attributes.id` in place, in document order, and returns every id a
    /// link can point to in these blocks (the headings' and those other blocks were given).
    static func assign(to blocks: inout [Block]) -> Set<ExactText> {
        var slugger = Slugger()
        var otherIDs: Set<ExactText> = []
        visit(&blocks, slugger: &slugger, anchors: &otherIDs)
        // The headings' ids are the ones the slugger gave out.
        return otherIDs.isEmpty ? slugger.given : slugger.given.union(otherIDs)
    }

    /// Gives the headings in `blocks` their ids; collects the ids of other blocks in `anchors`.
    private static func visit(_ blocks: inout [Block], slugger: inout Slugger, anchors: inout Set<ExactText>) {
        for index in blocks.indices {
            if case .heading(let content, _) = blocks[index].kind {
                let id = blocks[index].attributes.id.map { slugger.reserve($0) } ?? slugger.uniqueSlug(content.anchorText)
                blocks[index].attributes.id = id
                continue
            }
            // Most blocks hold no heading: only their ids are collected, and nothing is rewritten.
            // One walk collects the ids up to the first heading; a block that holds one is then
            // visited below, which collects them all (a set: those seen are seen again).
            let holdsHeading = !blocks[index].visitBlocks { block in
                if case .heading = block.kind { return false }
                if let id = block.attributes.id { anchors.insert(ExactText(id)) }
                return true
            }
            guard holdsHeading else { continue }
            switch blocks[index].kind {
            case .blockQuote(var children):
                blocks[index].kind = .thematicBreak
                visit(&children, slugger: &slugger, anchors: &anchors)
                blocks[index].kind = .blockQuote(children)
            case .list(var list):
                blocks[index].kind = .thematicBreak
                for item in list.items.indices { visit(&list.items[item].blocks, slugger: &slugger, anchors: &anchors) }
                blocks[index].kind = .list(list)
            case .container(var container):
                blocks[index].kind = .thematicBreak
                visit(&container.body, slugger: &slugger, anchors: &anchors)
                blocks[index].kind = .container(container)
            case .paragraph, .heading, .thematicBreak, .code, .html, .table, .math, .tableOfContents:
                break
            }
        }
    }
}
