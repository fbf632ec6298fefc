/// Gives every heading of an article its anchor: the `{#id}` it was given, else VuePress's slug
/// of its text, made unique within the article.
enum HeadingAnchors {
    static func assign(to blocks: [Block]) -> (blocks: [Block], anchors: Set<String>) {
        var slugger = Slugger()
        var anchors: Set<String> = []
        func visit(_ blocks: [Block]) -> [Block] {
            blocks.map { block in
                var block = block
                switch block.kind {
                case .heading(_, let content):
                    let id = block.attributes.id.map { slugger.reserve($0) } ?? slugger.uniqueSlug(content.anchorText)
                    block.attributes.id = id
                    anchors.insert(id)
                case .blockQuote(let children): block.kind = .blockQuote(visit(children))
                case .list(var list):
                    for index in list.items.indices { list.items[index].blocks = visit(list.items[index].blocks) }
                    block.kind = .list(list)
                case .container(var container):
                    container.body = visit(container.body)
                    block.kind = .container(container)
                default:
                    if let id = block.attributes.id { anchors.insert(id) }
                }
                return block
            }
        }
        let result = visit(blocks)
        return (result, anchors)
    }
}
