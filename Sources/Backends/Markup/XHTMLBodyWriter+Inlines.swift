import Compiler

extension XHTMLBodyWriter {
    mutating func writeInlines(_ inlines: Inlines) {
        inlines.forEach { write($0) }
    }

    mutating func write(_ inline: Inline) {
        switch inline {
        case .text(let text):
            writeEscaped(text)
        case .softBreak:
            out.append("\n")
        case .hardBreak:
            out.append("<br />\n")
        case .code(let code, let attributes):
            writeOpening("code", attributes)
            writeEscaped(code)
            out.append("</code>")
        case .emphasis(let children, let attributes):
            wrap("em", children, attributes)
        case .strong(let children, let attributes):
            wrap("strong", children, attributes)
        case .strikethrough(let children, let attributes):
            wrap("s", children, attributes)
        case .mark(let children, let attributes):
            wrap("mark", children, attributes)
        case .subscript(let children):
            wrap("sub", children, .none)
        case .superscript(let children):
            wrap("sup", children, .none)
        case .span(let children, let attributes):
            wrap("span", children, attributes)
        case .link(let link):
            writeLink(link)
        case .image(let image):
            writeImage(image)
        case .math(let formula):
            formula.appendMathML(to: &out)
            wroteMath = true
        case .footnoteReference(let label):
            writeFootnoteReference(label)
        case .abbreviation(let term, let title):
            out.append("<abbr title=\"")
            writeEscapedAttribute(title)
            out.append("\">")
            writeEscaped(term)
            out.append("</abbr>")
        case .html:
            // Raw HTML is converted to IR by the book's parser options; what remains was reported and left out.
            break
        }
    }

    private mutating func wrap(_ tag: StaticString, _ children: Inlines, _ attributes: Attributes) {
        writeOpening(tag, attributes)
        writeInlines(children)
        out.append("</")
        out.append(tag)
        out.append(">")
    }

    /// A link to a chapter or heading of the book, or to the web; any other destination (a site
    /// path that matched no article, `javascript:`) keeps only its text.
    private mutating func writeLink(_ link: Link) {
        let href: String
        if let target = link.target {
            href = links.href(for: target)
        } else if ExternalURL.isAllowed(link.destination) {
            href = URLText.external(link.destination)
        } else {
            writeInlines(link.content)
            return
        }
        out.append("<a href=\"")
        writeEscapedAttribute(href)
        out.append("\"")
        if let title = link.title {
            out.append(" title=\"")
            writeEscapedAttribute(title)
            out.append("\"")
        }
        writeAttributes(link.attributes, classes: link.target == nil ? ["external"] : [])
        out.append(">")
        insideLink = true
        writeInlines(link.content)
        insideLink = false
        out.append("</a>")
    }

    /// An image of the book; a remote image becomes a link with its alt text (nothing is fetched;
    /// inside a link, just the alt text), a missing one a visible placeholder.
    private mutating func writeImage(_ image: Image) {
        let alt = image.alt.plainText
        if let resource = image.resource, let reference = links.image(resource) {
            // Written piece by piece into the output: in one HTML file the source is the image's
            // bytes as a data URL, often megabytes.
            switch reference {
            case .source(let source):
                out.append("<img src=\"")
                writeEscapedAttribute(source)
                out.append("\"")
            case .firstUse(let source, let id):
                out.append("<img id=\"")
                out.appendUTF8(id)
                out.append("\" src=\"")
                writeEscapedAttribute(source)
                out.append("\"")
            case .copy(let id):
                out.append("<img data-copy-of=\"")
                out.appendUTF8(id)
                out.append("\"")
            }
            out.append(" alt=\"")
            writeEscapedAttribute(alt)
            if alt.isEmpty { imagesDescribed = false }
            out.append("\"")
            if let title = image.title {
                out.append(" title=\"")
                writeEscapedAttribute(title)
                out.append("\"")
            }
            for (name, attribute) in [("width", " width=\"" as StaticString), ("height", " height=\"")] {
                if let value = image.attributes[name], let pixels = Int(value.hasSuffix("px") ? String(value.dropLast(2)) : value), pixels > 0 {
                    out.append(attribute)
                    out.append(decimal: pixels)
                    out.append("\"")
                }
            }
            var attributes = image.attributes
            if case .firstUse = reference { attributes.id = nil }
            writeAttributes(attributes)
            out.append(" />")
        } else if ExternalURL.isAllowed(image.source) && !insideLink {
            out.append("<a class=\"remote-image\" href=\"")
            writeEscapedAttribute(URLText.external(image.source))
            out.append("\">[")
            writeEscaped(alt.isEmpty ? image.source : alt)
            out.append("]</a>")
        } else {
            out.append(ExternalURL.isAllowed(image.source) ? "<span class=\"remote-image\">[" : "<span class=\"missing-image\">[")
            writeEscaped(alt.isEmpty ? image.source : alt)
            out.append("]</span>")
        }
    }
}
