import Compiler

extension LaTeXBodyWriter {
    mutating func writeInlines(_ inlines: Inlines) {
        inlines.forEach { write($0) }
    }

    mutating func write(_ inline: Inline) {
        switch inline {
        case .text(let text): TeXText.appendEscaped(text, to: &out)
        case .softBreak: out += "\n"
        case .hardBreak: out += "\\hfill\\break\n"
        case .code(let code, _):
            out += "\\texttt{"
            out += Self.codeLine(code)
            out += "}"
        case .emphasis(let children, _): wrap("\\emph{", children)
        case .strong(let children, _): wrap("\\textbf{", children)
        case .strikethrough(let children, _): wrap("\\CJKsout{", children)
        case .mark(let children, _): wrap("\\kbmark{", children)
        case .subscript(let children): wrap("\\textsubscript{", children)
        case .superscript(let children): wrap("\\textsuperscript{", children)
        case .span(let children, _): writeInlines(children)
        case .link(let link): writeLink(link)
        case .image(let image): writeImage(image)
        case .math(let formula): out += inlineMath(formula)
        case .footnoteReference(let label): writeFootnote(label)
        case .abbreviation(let term, _): TeXText.appendEscaped(term, to: &out)
        case .html: break
        }
    }

    private mutating func wrap(_ open: String, _ children: Inlines) {
        out += open
        writeInlines(children)
        out += "}"
    }

    private mutating func writeLink(_ link: Link) {
        if let target = link.target {
            out += "\\hyperref["
            links.appendLabel(target.article, anchor: target.anchor, to: &out)
            out += "]{"
            writeInlines(link.content)
            out += "}"
        } else if ExternalURL.isAllowed(link.destination) {
            if link.isAutolink {
                out += "\\url{\(TeXText.url(link.destination))}"
            } else {
                out += "\\href{\(TeXText.url(link.destination))}{"
                writeInlines(link.content)
                out += "}"
            }
        } else {
            writeInlines(link.content)
        }
    }

    private mutating func writeImage(_ image: Image) {
        let alt = image.alt.plainText
        if let resource = image.resource, let path = links.imagePath(resource) {
            out += "\\includegraphics[max width=\\linewidth,max height=0.45\\textheight]{\(path)}"
        } else {
            out += "\\kbmissing{\(TeXText.escaped(alt.isEmpty ? image.source : alt))}"
        }
    }

    /// The first mark of a note prints it as a footnote; later marks refer to its number.
    private mutating func writeFootnote(_ label: String) {
        guard let footnote = footnote(label) else {
            TeXText.appendEscaped("[^\(label)]", to: &out)
            return
        }
        let noteLabel = links.footnoteLabel(article.id, number: footnote.number)
        if firstPrinting(of: label) {
            out += "\\footnote{\\label{\(noteLabel)}"
            out += footnoteText(footnote)
            out += "}"
        } else {
            out += "\\textsuperscript{\\ref{\(noteLabel)}}"
        }
    }
}
