/// Turns raw HTML (parsed by libxml2) into ordinary IR: paragraphs, headings, lists, tables,
/// containers, links, images, spans. Only what a book can hold survives: scripts, styles, frames,
/// forms, media players and event handlers are removed with a warning, unsafe URLs are dropped, and
/// Vue components (`<Badge>`, `<LinkCard>`, `<RepoCard>`, `<Card>`, `<CardGrid>`) become their
/// text and links. Backends therefore never see raw markup.
struct HTMLConverter {
    /// Problems found, as (message, code); the caller locates them.
    private(set) var problems: [(message: String, code: String)] = []
    let position: SourcePosition

    init(position: SourcePosition) {
        self.position = position
    }

    /// Elements removed with everything inside them.
    static let removed: Set<String> = [
        "script", "style", "iframe", "object", "embed", "applet", "form", "input", "button", "select", "textarea", "frame",
        "frameset", "noscript", "link", "meta", "base", "title", "head", "audio", "video", "canvas", "svg", "math",
        "dialog", "portal", "source", "track", "param",
    ]
    /// Block-level elements kept as a box (a `div`-like container).
    static let boxes: Set<String> = [
        "div", "section", "article", "aside", "header", "footer", "nav", "main", "center", "figure", "address", "hgroup",
        "card", "cardgrid", "cardmasonry", "imagecard", "clientonly", "vpcard", "home-box", "template",
    ]
    static let blockElements: Set<String> = boxes.union([
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "hr", "table", "details", "dl", "dt", "dd",
        "figcaption", "linkcard", "repocard",
    ])

    // MARK: Blocks

    mutating func blocks(fromHTML html: String) -> [Block] {
        blocks(from: HTMLFragmentParser.parse(html))
    }

    /// Block elements become blocks; runs of inline content between them become paragraphs.
    mutating func blocks(from nodes: [DOMNode]) -> [Block] {
        var result: [Block] = []
        var start = 0
        for (index, node) in nodes.enumerated() {
            guard case .element(let name, _) = node.kind, Self.blockElements.contains(name) || Self.removed.contains(name) else { continue }
            result += paragraph(from: Array(nodes[start..<index]))
            result += block(from: node, name: name)
            start = index + 1
        }
        result += paragraph(from: Array(nodes[start...]))
        return result
    }

    /// A paragraph of inline nodes, unless they are only whitespace.
    private mutating func paragraph(from nodes: [DOMNode]) -> [Block] {
        let content = Self.trimmed(inlines(from: nodes, slots: []))
        return content.isEmpty ? [] : [Block(.paragraph(content, hidden: false), position: position)]
    }

    private mutating func block(from node: DOMNode, name: String) -> [Block] {
        if Self.removed.contains(name) {
            problems.append(("raw HTML <\(name)> removed: a book cannot hold it", "html-removed"))
            return []
        }
        let attributes = safeAttributes(of: node)
        switch name {
        case "p", "dt", "figcaption":
            let content = Self.trimmed(inlines(from: node.children, slots: []))
            return content.isEmpty ? [] : [Block(.paragraph(content, hidden: false), attributes: attributes, position: position)]
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let level = UInt8(name.dropFirst()) ?? 1
            return [Block(.heading(content: Self.trimmed(inlines(from: node.children, slots: [])), level: UInt8(level)), attributes: attributes, position: position)]
        case "hr":
            return [Block(.thematicBreak, position: position)]
        case "pre":
            return [Block(.code(CodeBlock(code: Text(Self.text(of: node)), isFenced: false)), position: position)]
        case "blockquote":
            return [Block(.blockQuote(blocks(from: node.children)), attributes: attributes, position: position)]
        case "ul", "ol":
            let items = node.children.compactMap { child -> ListItem? in
                guard case .element("li", _) = child.kind else { return nil }
                return ListItem(blocks: blocks(from: child.children), position: position)
            }
            let start = name == "ol" ? (node.attribute("start").flatMap { Int($0) } ?? 1) : nil
            return items.isEmpty ? [] : [Block(.list(List(start: start, marker: name == "ol" ? UInt8(ascii: ".") : UInt8(ascii: "-"), isTight: false, items: items)), position: position)]
        case "li", "dd":
            return blocks(from: node.children)
        case "table":
            return table(from: node).map { [Block(.table($0), attributes: attributes, position: position)] } ?? []
        case "details":
            let summary = node.children.first { if case .element("summary", _) = $0.kind { true } else { false } }
            let title = summary.map { Self.trimmed(inlines(from: $0.children, slots: [])) }
            let body = blocks(from: node.children.filter { if case .element("summary", _) = $0.kind { false } else { true } })
            return [Block(.container(Container(kind: .details, title: title, body: body)), attributes: attributes, position: position)]
        case "linkcard":
            let href = node.attribute("href") ?? ""
            let title = node.attribute("title") ?? href
            var content: [Inline] = [safeLink(href: href, content: [.strong([.text(Text(title))], .none)])]
            if let description = node.attribute("description") { content += [.text(Text(" — " + description))] }
            return [Block(.paragraph(Inlines(content), hidden: false), attributes: Attributes(classes: ["link-card"]), position: position)] + blocks(from: node.children)
        case "repocard":
            let repository = node.attribute("repo") ?? ""
            let url = "https://github.com/" + repository
            return [Block(.paragraph([safeLink(href: url, content: [.text(Text(repository))])], hidden: false), attributes: Attributes(classes: ["repo-card"]), position: position)]
                + blocks(from: node.children)
        default:
            var boxAttributes = attributes
            if let title = node.attribute("title"), name.hasSuffix("card") { boxAttributes.pairs.append(("title", title)) }
            let body = blocks(from: node.children)
            guard !body.isEmpty else { return [] }
            let kind = ContainerKind(rawValue: name == "center" ? "center" : "html")
            let title = name.hasSuffix("card") ? node.attribute("title").map { Inlines(text: Text($0)) } : nil
            return [Block(.container(Container(kind: kind, title: title, body: body)), attributes: boxAttributes, position: position)]
        }
    }

    private mutating func table(from node: DOMNode) -> Table? {
        var rows: [[TableCell]] = []
        var header: [TableCell]?
        func collectRows(_ nodes: [DOMNode], inHead: Bool) {
            for child in nodes {
                guard case .element(let name, _) = child.kind else { continue }
                switch name {
                case "thead": collectRows(child.children, inHead: true)
                case "tbody", "tfoot": collectRows(child.children, inHead: false)
                case "tr":
                    var isHeaderRow = inHead
                    let cells = child.children.compactMap { cell -> TableCell? in
                        guard case .element(let cellName, _) = cell.kind, cellName == "td" || cellName == "th" else { return nil }
                        if cellName == "th", child.children.allSatisfy({ if case .element("td", _) = $0.kind { false } else { true } }) { isHeaderRow = true }
                        return TableCell(content: Self.trimmed(inlines(from: cell.children, slots: [])))
                    }
                    if isHeaderRow, header == nil { header = cells } else { rows.append(cells) }
                default: continue
                }
            }
        }
        collectRows(node.children, inHead: false)
        let columns = max(header?.count ?? 0, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return nil }
        func padded(_ cells: [TableCell]) -> [TableCell] { cells + Array(repeating: TableCell(content: []), count: max(0, columns - cells.count)) }
        return Table(alignments: Array(repeating: .none, count: columns), header: padded(header ?? []), rows: rows.map(padded))
    }

    // MARK: Inlines

    /// Inline content; `kbslot` elements stand for `slots` (Markdown inlines that sat between raw tags).
    mutating func inlines(from nodes: [DOMNode], slots: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for node in nodes {
            switch node.kind {
            case .text(let text):
                result.append(.text(Text(text)))
            case .element(let name, _):
                result += inline(from: node, name: name, slots: slots)
            }
        }
        return result
    }

    private mutating func inline(from node: DOMNode, name: String, slots: [Inline]) -> [Inline] {
        if Self.removed.contains(name) {
            problems.append(("raw HTML <\(name)> removed: a book cannot hold it", "html-removed"))
            return []
        }
        let children = { (converter: inout HTMLConverter) in converter.inlines(from: node.children, slots: slots) }
        let attributes = safeAttributes(of: node)
        switch name {
        case "kbslot":
            guard let index = node.attribute("data-n").flatMap({ Int($0) }), slots.indices.contains(index) else { return [] }
            return [slots[index]]
        case "br": return [.hardBreak]
        case "wbr": return []
        case "a":
            return [safeLink(href: node.attribute("href") ?? "", content: Inlines(children(&self)), title: node.attribute("title"), attributes: attributes)]
        case "img":
            return image(from: node, attributes: attributes)
        case "strong", "b": return [.strong(Inlines(children(&self)), attributes)]
        case "em", "i", "cite", "dfn", "var": return [.emphasis(Inlines(children(&self)), attributes)]
        case "code", "tt", "samp": return [.code(Self.text(of: node), attributes)]
        case "kbd":
            var keyAttributes = attributes
            keyAttributes.classes.append("kbd")
            return [.code(Self.text(of: node), keyAttributes)]
        case "s", "del", "strike": return [.strikethrough(Inlines(children(&self)), attributes)]
        case "mark": return [.mark(Inlines(children(&self)), attributes)]
        case "sub": return [.subscript(Inlines(children(&self)))]
        case "sup": return [.superscript(Inlines(children(&self)))]
        case "abbr":
            let term = Self.text(of: node)
            return node.attribute("title").map { [.abbreviation(term: term, title: $0)] } ?? [.text(Text(term))]
        case "q": return [.text("“")] + children(&self) + [.text("”")]
        case "u", "ins", "small", "big", "span", "font", "time", "label", "bdi", "bdo", "ruby", "rb", "rt", "rp":
            var spanAttributes = attributes
            if ["u", "ins", "small", "big", "rt"].contains(name) { spanAttributes.classes.append(name) }
            return [.span(Inlines(children(&self)), spanAttributes)]
        case "badge", "vpbadge":
            var badge = Attributes(classes: ["badge"] + (node.attribute("type").map { [$0] } ?? []))
            badge.id = nil
            let text = node.attribute("text") ?? ""
            return (text.isEmpty ? [] : [.span([.text(Text(text))], badge)]) + children(&self)
        case "icon", "vpicon", "iconify":
            return children(&self)
        default:
            // Block elements inside inline content, and unknown elements (Vue components): keep the content.
            return children(&self)
        }
    }

    private mutating func image(from node: DOMNode, attributes: Attributes) -> [Inline] {
        let source = node.attribute("src") ?? ""
        guard !source.isEmpty else { return [] }
        guard TextEscaping.isSafeLink(source) else {
            problems.append(("raw HTML image with an unsafe source removed", "html-unsafe-url"))
            return []
        }
        var imageAttributes = attributes
        for key in ["width", "height"] { if let value = node.attribute(key) { imageAttributes.pairs.append((key, value)) } }
        return [.image(Image(source: source, title: node.attribute("title"), alt: [.text(Text(node.attribute("alt") ?? ""))],
                             attributes: imageAttributes, position: position))]
    }

    private mutating func safeLink(href: String, content: Inlines, title: String? = nil, attributes: Attributes = .none) -> Inline {
        guard !href.isEmpty else { return .span(content, attributes) }
        guard TextEscaping.isSafeLink(href) else {
            problems.append(("raw HTML link to '\(href.prefix(40))' removed: unsafe URL", "html-unsafe-url"))
            return .span(content, attributes)
        }
        return .link(Link(destination: href, title: title, content: content, attributes: attributes, position: position))
    }

    /// `id`, `class`, `lang`, `dir`, `align` survive; event handlers are reported; the rest is dropped.
    private mutating func safeAttributes(of node: DOMNode) -> Attributes {
        guard case .element(let name, let attributes) = node.kind else { return .none }
        var result = Attributes()
        for (key, value) in attributes {
            switch key {
            case "id": result.id = value
            case "class": result.classes = value.split(separator: " ").map(String.init)
            case "lang", "dir", "align": result.pairs.append((key, value))
            default:
                if key.hasPrefix("on") { problems.append(("raw HTML event handler \(key) on <\(name)> removed", "html-removed")) }
            }
        }
        return result
    }

    /// All the text inside a node.
    static func text(of node: DOMNode) -> String {
        switch node.kind {
        case .text(let text): text
        case .element: node.children.map(text(of:)).joined()
        }
    }

    /// Leading and trailing whitespace-only text removed (HTML collapses it).
    static func trimmed(_ inlines: [Inline]) -> Inlines {
        var result = inlines
        while case .text(let text)? = result.first, text.string.allSatisfy({ $0.isWhitespace }) { result.removeFirst() }
        while case .text(let text)? = result.last, text.string.allSatisfy({ $0.isWhitespace }) { result.removeLast() }
        if case .text(let text)? = result.first { result[0] = .text(Text(String(text.string.drop(while: { $0.isWhitespace })))) }
        if case .text(let text)? = result.last {
            // Up to the last character that is not white space (a reversed copy and its generic
            // types cost more than the rest of the conversion).
            let string = text.string
            let end = string.lastIndex(where: { !$0.isWhitespace }).map { string.index(after: $0) } ?? string.startIndex
            result[result.count - 1] = .text(Text(String(string[..<end])))
        }
        return Inlines(result)
    }
}
