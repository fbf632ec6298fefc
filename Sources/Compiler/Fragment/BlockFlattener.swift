/// Turns IR blocks into the render-token sequence markdown-it and its plugins would produce.
struct BlockFlattener {
    let language: String
    let xhtml: Bool
    let languagePrefix: String
    let alertMarkup: FragmentRenderer.AlertMarkup
    let taskListMarkup: FragmentRenderer.TaskListMarkup
    let mathRenderer: (@Sendable (String, Bool) -> String)?

    func flatten<Sink: RenderTokenSink>(_ blocks: [Block], into tokens: inout Sink, inline: inout InlineHTMLRenderer) {
        for block in blocks { flatten(block, into: &tokens, inline: &inline) }
    }

    private func flatten<Sink: RenderTokenSink>(_ block: Block, into tokens: inout Sink, inline: inout InlineHTMLRenderer) {
        let idAttrs = Self.htmlAttributes(block.attributes)
        switch block.kind {
        case .paragraph(let content, let hidden):
            tokens.append(.open("p", idAttrs, hidden: hidden))
            tokens.append(.inline(inline.render(content)))
            tokens.append(.close("p", hidden: hidden))
        case .heading(let content, let level):
            tokens.append(.open("h\(level)", idAttrs))
            tokens.append(.inline(inline.render(content)))
            tokens.append(.close("h\(level)"))
        case .thematicBreak:
            tokens.append(.leaf("hr", idAttrs))
        case .blockQuote(let children):
            tokens.append(.open("blockquote", idAttrs))
            flatten(children, into: &tokens, inline: &inline)
            tokens.append(.close("blockquote"))
        case .list(let list):
            let tag = list.isOrdered ? "ol" : "ul"
            var attributes = block.attributes
            if taskListMarkup == .plugin, list.items.contains(where: { $0.task != nil }) { attributes.classes.insert("task-list-container", at: 0) }
            let start: [(String, String)] = list.start.flatMap { $0 == 1 ? nil : [("start", String($0))] } ?? []
            tokens.append(.open(tag, start + Self.htmlAttributes(attributes)))
            for item in list.items {
                if let task = item.task {
                    flattenTask(item, checked: task, into: &tokens, inline: &inline)
                } else {
                    tokens.append(.open("li", Self.htmlAttributes(item.attributes)))
                    flatten(item.blocks, into: &tokens, inline: &inline)
                }
                tokens.append(.close("li"))
            }
            tokens.append(.close(tag))
        case .code(let code):
            let escaped = TextEscaping.escapeHTML(code.code.string)
            // A fence's attributes (`{.c #id}` in its info) go on `<pre>`, as @mdit/plugin-attrs puts them.
            let pre = "<pre" + idAttrs.map { " \($0.0)=\"\(TextEscaping.escapeHTML($0.1))\"" }.joined() + ">"
            if code.isFenced, let language = code.language {
                tokens.append(.raw("\(pre)<code class=\"\(TextEscaping.escapeHTML(languagePrefix + language))\">\(escaped)</code></pre>\n"))
            } else {
                tokens.append(.raw("\(pre)<code>\(escaped)</code></pre>\n"))
            }
        case .html(let html):
            tokens.append(.raw(html))
        case .math(let formula):
            tokens.append(.raw(mathRenderer?(formula.tex, true) ?? formula.mathML + "\n"))
        case .tableOfContents:
            tokens.append(.raw("<nav class=\"table-of-contents\"></nav>\n"))
        case .table(let table):
            tokens.append(.open("table", idAttrs))
            tokens.append(.open("thead"))
            flattenRow(table.header, columns: Array(table.header.indices), tag: "th", alignments: table.alignments, into: &tokens, inline: &inline)
            tokens.append(.close("thead"))
            let rows = table.rows
            if !rows.isEmpty {
                tokens.append(.open("tbody"))
                for (row, columns) in zip(rows, table.bodyCellColumns) {
                    flattenRow(row, columns: columns, tag: "td", alignments: table.alignments, into: &tokens, inline: &inline)
                }
                tokens.append(.close("tbody"))
            }
            tokens.append(.close("table"))
        case .container(let container):
            flattenContainer(container, attributes: block.attributes, into: &tokens, inline: &inline)
        }
    }

    /// A task item: cmark-gfm's `<input … disabled="" />` or the plugin's checkbox with an id and a label.
    private func flattenTask<Sink: RenderTokenSink>(_ item: ListItem, checked: Bool, into tokens: inout Sink, inline: inout InlineHTMLRenderer) {
        let end = xhtml ? " />" : ">"
        var rest = item.blocks
        var content = ""
        if case .paragraph(let runs, _)? = rest.first?.kind {
            content = inline.render(runs)
        }
        switch taskListMarkup {
        case .gfm:
            tokens.append(.open("li", Self.htmlAttributes(item.attributes)))
            let checkbox = "<input type=\"checkbox\"" + (checked ? " checked=\"\"" : "") + " disabled=\"\"" + end
            if case .paragraph(_, let hidden)? = rest.first?.kind {
                tokens.append(.open("p", hidden: hidden))
                tokens.append(.inline(checkbox + content))
                tokens.append(.close("p", hidden: hidden))
                rest.removeFirst()
            } else {
                tokens.append(.raw(checkbox, block: false))
            }
        case .plugin:
            tokens.append(.open("li", Self.htmlAttributes(Attributes(classes: ["task-list-item"]).merging(item.attributes), classFirst: true)))
            let id = "task-item-\(inline.nextTaskNumber())"
            let checkbox = "<input type=\"checkbox\" class=\"task-list-item-checkbox\" id=\"\(id)\"" + (checked ? " checked=\"checked\"" : "")
                + " disabled=\"disabled\"" + end
            let labelled = checkbox + "<label class=\"task-list-item-label\" for=\"\(id)\">" + content + "</label>"
            if case .paragraph(_, let hidden)? = rest.first?.kind {
                tokens.append(.open("p", hidden: hidden))
                tokens.append(.inline(labelled))
                tokens.append(.close("p", hidden: hidden))
                rest.removeFirst()
            } else {
                tokens.append(.raw(checkbox, block: false))
            }
        }
        flatten(rest, into: &tokens, inline: &inline)
    }

    /// `id`, `class` and the other attributes, in markdown-it-attrs' order: as first written in the
    /// source (`class` first for a container's `div` and a task item's `li`, whose plugins add their
    /// class before; `id` then `class` for attributes made by code).
    static func htmlAttributes(_ attributes: Attributes, classFirst: Bool = false) -> [(String, String)] {
        var result: [(String, String)] = []
        let classes: [(String, String)] = attributes.classes.isEmpty ? [] : [("class", attributes.classes.joined(separator: " "))]
        let id: [(String, String)] = attributes.id.map { [("id", $0)] } ?? []
        let pairs = attributes.pairs.filter { $0.name != "alert-title" }.map { ($0.name, $0.value) }
        if classFirst || attributes.writtenOrder.isEmpty {
            result = classFirst ? classes + id : id + classes
            return result + pairs
        }
        for name in attributes.writtenOrder {
            switch name {
            case "id": result += id
            case "class": result += classes
            default: result += pairs.filter { $0.0 == name }
            }
        }
        // What was set after parsing (a heading's anchor from the resolver) keeps the default place.
        let written = Set(attributes.writtenOrder)
        if !written.contains("id") { result = id + result }
        if !written.contains("class") { result += classes }
        return result + pairs.filter { !written.contains($0.0) }
    }

    /// A row; `columns` is the column each cell starts in, whose alignment it takes (a cell after a
    /// span is no longer at its index).
    private func flattenRow<Sink: RenderTokenSink>(_ cells: [TableCell], columns: [Int], tag: String, alignments: [Table.Alignment],
                                                   into tokens: inout Sink, inline: inout InlineHTMLRenderer) {
        tokens.append(.open("tr"))
        for (cell, column) in zip(cells, columns) {
            let alignment = column < alignments.count ? alignments[column] : .none
            let style: [(String, String)] = switch alignment {
            case .none: []
            case .left: [("style", "text-align:left")]
            case .center: [("style", "text-align:center")]
            case .right: [("style", "text-align:right")]
            }
            tokens.append(.open(tag, style + Self.htmlAttributes(cell.attributes)))
            tokens.append(.inline(inline.render(cell.content)))
            tokens.append(.close(tag))
        }
        tokens.append(.close("tr"))
    }

    /// Hint boxes as @vuepress/plugin-markdown-hint writes them, alerts as @mdit/plugin-alert,
    /// steps as Plume's `vp-steps`, everything else as a `div` with the name as class.
    private func flattenContainer<Sink: RenderTokenSink>(_ container: Container, attributes: Attributes, into tokens: inout Sink,
                                  inline: inout InlineHTMLRenderer) {
        let kind = container.kind.canonical
        let title = container.title.map { inline.render($0) }
        if let alertTitle = attributes["alert-title"], alertMarkup == .github {
            let name = TextEscaping.escapeHTML(container.kind.rawValue)
            var open = RenderToken.raw("<div class=\"markdown-alert markdown-alert-\(name)\">\n<p class=\"markdown-alert-title\">\(TextEscaping.escapeHTML(alertTitle))</p>\n")
            open.newlineAfterHidden = true
            tokens.append(open)
            flatten(container.body, into: &tokens, inline: &inline)
            tokens.append(.raw("</div>\n"))
            return
        }
        if let raw = container.rawBody {
            tokens.append(.raw("<div class=\"\(TextEscaping.escapeHTML(container.kind.rawValue))\"><pre>\(TextEscaping.escapeHTML(raw))</pre></div>\n"))
            return
        }
        if kind == .details {
            let summary = title ?? TextEscaping.escapeHTML(kind.defaultTitle(language: language) ?? "")
            tokens.append(.raw("<details class=\"hint-container details\"><summary>\(summary)</summary>\n"))
            flatten(container.body, into: &tokens, inline: &inline)
            tokens.append(.raw("</details>\n"))
        } else if ContainerKind.hints.contains(kind) {
            let heading = title ?? TextEscaping.escapeHTML(kind.defaultTitle(language: language) ?? "")
            tokens.append(.raw("<div class=\"hint-container \(kind.rawValue)\">\n<p class=\"hint-container-title\">\(heading)</p>\n"))
            flatten(container.body, into: &tokens, inline: &inline)
            tokens.append(.raw("</div>\n"))
        } else {
            let className = kind == .steps ? "vp-steps" : kind.rawValue
            // The container's own attributes (`::: warning {.custom #id}`), classes before its name, as @mdit/plugin-attrs writes them.
            var own = attributes
            own.classes.append(className)
            tokens.append(.open("div", Self.htmlAttributes(own, classFirst: true)))
            if let title, kind.rawValue == "tab" { tokens.append(.raw("<p class=\"tab-title\">\(title)</p>\n")) }
            flatten(container.body, into: &tokens, inline: &inline)
            tokens.append(.close("div"))
        }
    }
}
