import Compiler

extension XHTMLBodyWriter {
    mutating func writeInlines(_ inlines: [Inline]) {
        for inline in inlines { write(inline) }
    }

    mutating func write(_ inline: Inline) {
        switch inline {
        case .text(let text):
            out += XMLText.escaped(text)
        case .softBreak:
            out += "\n"
        case .hardBreak:
            out += "<br />\n"
        case .code(let code, let attributes):
            out += "<code\(attributeText(attributes))>\(XMLText.escaped(code))</code>"
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
            out += formula.mathML
        case .footnoteReference(let label):
            writeFootnoteReference(label)
        case .abbreviation(let term, let title):
            out += "<abbr title=\"\(XMLText.escapedAttribute(title))\">\(XMLText.escaped(term))</abbr>"
        case .html:
            // Raw HTML is converted to IR by the book's parser options; what remains was reported and left out.
            break
        }
    }

    private mutating func wrap(_ tag: String, _ children: [Inline], _ attributes: Attributes) {
        out += "<\(tag)\(attributeText(attributes))>"
        writeInlines(children)
        out += "</\(tag)>"
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
        let title = link.title.map { " title=\"\(XMLText.escapedAttribute($0))\"" } ?? ""
        let external = link.target == nil ? ["external"] : []
        out += "<a href=\"\(XMLText.escapedAttribute(href))\"\(title)\(attributeText(link.attributes, classes: external))>"
        insideLink = true
        writeInlines(link.content)
        insideLink = false
        out += "</a>"
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
                out += "<img src=\""
                out += XMLText.escapedAttribute(source)
                out += "\""
            case .firstUse(let source, let id):
                out += "<img id=\"\(id)\" src=\""
                out += XMLText.escapedAttribute(source)
                out += "\""
            case .copy(let id):
                out += "<img data-copy-of=\"\(id)\""
            }
            out += " alt=\"\(XMLText.escapedAttribute(alt))\""
            if let title = image.title { out += " title=\"\(XMLText.escapedAttribute(title))\"" }
            for name in ["width", "height"] {
                if let value = image.attributes[name], let pixels = Int(value.hasSuffix("px") ? String(value.dropLast(2)) : value), pixels > 0 {
                    out += " \(name)=\"\(pixels)\""
                }
            }
            var attributes = image.attributes
            if case .firstUse = reference { attributes.id = nil }
            out += attributeText(attributes)
            out += " />"
        } else if ExternalURL.isAllowed(image.source) && !insideLink {
            out += "<a class=\"remote-image\" href=\"\(XMLText.escapedAttribute(URLText.external(image.source)))\">"
            out += "[\(XMLText.escaped(alt.isEmpty ? image.source : alt))]</a>"
        } else {
            let kind = ExternalURL.isAllowed(image.source) ? "remote-image" : "missing-image"
            out += "<span class=\"\(kind)\">[\(XMLText.escaped(alt.isEmpty ? image.source : alt))]</span>"
        }
    }
}
