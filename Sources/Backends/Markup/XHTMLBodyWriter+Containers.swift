import Compiler

extension XHTMLBodyWriter {
    /// Containers as titled boxes with the kind as class: hints (details shown open), steps (the
    /// numbered list inside gets step styling), tabs as one titled section per tab, raw containers
    /// as preformatted text, layout containers as their content.
    mutating func writeContainer(_ container: Container, attributes: Attributes) {
        let kind = container.kind.canonical
        let kindClass = Self.className(kind.rawValue)
        let title = container.title ?? kind.defaultTitle(language: options.language).map { [.text($0)] }
        if ContainerKind.hints.contains(kind) {
            out += "<div\(attributeText(attributes, classes: ["hint", kindClass])) role=\"note\">\n"
            writeContainerTitle(title, kind: "hint-title")
            write(container.body)
            out += "</div>\n"
        } else if kind == .tabs || kind == .codeTabs {
            out += "<div\(attributeText(attributes, classes: kind == .tabs ? ["tabs"] : ["tabs", kindClass]))>\n"
            for tab in container.body {
                guard case .container(let inner) = tab.kind else {
                    write(tab)
                    continue
                }
                out += "<section\(attributeText(tab.attributes, classes: ["tab"]))>\n"
                writeContainerTitle(inner.title, kind: "tab-title")
                write(inner.body)
                out += "</section>\n"
            }
            out += "</div>\n"
        } else if let raw = container.rawBody {
            out += "<div\(attributeText(attributes, classes: ["raw", kindClass]))>\n"
            writeContainerTitle(container.title, kind: "raw-title")
            out += "<pre>\(XMLText.escaped(raw))</pre>\n</div>\n"
        } else {
            out += "<div\(attributeText(attributes, classes: ["container", kindClass]))>\n"
            writeContainerTitle(container.title, kind: "container-title")
            write(container.body)
            out += "</div>\n"
        }
    }

    private mutating func writeContainerTitle(_ title: [Inline]?, kind: String) {
        guard let title, !title.isEmpty else { return }
        out += "<p class=\"\(kind)\">"
        writeInlines(title)
        out += "</p>\n"
    }
}
