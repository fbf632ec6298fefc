import Compiler

extension LaTeXBodyWriter {
    /// Hint containers as coloured titled boxes; tabs as titled parts of one box; raw containers
    /// as code; steps and layout containers as their content.
    mutating func writeContainer(_ container: Container) {
        let kind = container.kind.canonical
        if ContainerKind.hints.contains(kind) {
            let title = titleText(container.title ?? kind.defaultTitle(language: language).map { [.text(Text($0))] })
            out += "\\begin{kbhint}{kb-\(kind.rawValue)}{\(title)}\n"
            boxDepth += 1
            write(container.body)
            boxDepth -= 1
            out += "\\end{kbhint}\n\n"
        } else if kind == .tabs || kind == .codeTabs {
            out += "\\begin{kbplainbox}\n"
            boxDepth += 1
            for tab in container.body {
                guard case .container(let inner) = tab.kind else {
                    write(tab)
                    continue
                }
                out += "\\textsf{\\textbf{\(titleText(inner.title))}}\\par\n"
                write(inner.body)
            }
            boxDepth -= 1
            out += "\\end{kbplainbox}\n\n"
        } else if let raw = container.rawBody {
            writeCode(Text(raw), title: container.title.map(\.plainText), colors: [:])
        } else {
            if let title = container.title, !title.isEmpty { out += "\\textbf{\(titleText(title))}\\par\n" }
            write(container.body)
        }
    }

    private func titleText(_ title: Inlines?) -> String {
        TeXText.escaped(title?.plainText ?? "")
    }
}
