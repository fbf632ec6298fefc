import Compiler

extension XHTMLBodyWriter {
    /// Containers as titled boxes with the kind as class: hints (details shown open), steps (the
    /// numbered list inside gets step styling), tabs as one titled section per tab, raw containers
    /// as preformatted text, layout containers as their content.
    mutating func writeContainer(_ container: Container, attributes: Attributes) {
        let kind = container.kind.canonical
        let kindClass = Self.className(kind.rawValue)
        let title = container.title ?? kind.defaultTitle(language: options.language).map { [.text(Text($0))] }
        if ContainerKind.hints.contains(kind) {
            out.append("<div")
            writeAttributes(attributes, classes: ["hint", kindClass])
            out.append(" role=\"note\">\n")
            writeContainerTitle(title, opening: "<p class=\"hint-title\">")
            write(container.body)
            out.append("</div>\n")
        } else if kind == .tabs || kind == .codeTabs {
            writeOpening("div", attributes, classes: kind == .tabs ? ["tabs"] : ["tabs", kindClass])
            out.append("\n")
            for tab in container.body {
                guard case .container(let inner) = tab.kind else {
                    write(tab)
                    continue
                }
                writeOpening("section", tab.attributes, classes: ["tab"])
                out.append("\n")
                writeContainerTitle(inner.title, opening: "<p class=\"tab-title\">")
                write(inner.body)
                out.append("</section>\n")
            }
            out.append("</div>\n")
        } else if let raw = container.rawBody {
            writeOpening("div", attributes, classes: ["raw", kindClass])
            out.append("\n")
            writeContainerTitle(container.title, opening: "<p class=\"raw-title\">")
            out.append("<pre>")
            writeEscaped(raw)
            out.append("</pre>\n</div>\n")
        } else {
            writeOpening("div", attributes, classes: ["container", kindClass])
            out.append("\n")
            writeContainerTitle(container.title, opening: "<p class=\"container-title\">")
            write(container.body)
            out.append("</div>\n")
        }
    }

    /// The title in a paragraph that `opening` opens.
    private mutating func writeContainerTitle(_ title: Inlines?, opening: StaticString) {
        guard let title, !title.isEmpty else { return }
        out.append(opening)
        writeInlines(title)
        out.append("</p>\n")
    }
}
