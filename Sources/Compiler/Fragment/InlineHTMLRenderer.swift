/// Inline IR as markdown-it's default rules render it.
struct InlineHTMLRenderer {
    let footnoteNumbers: [String: Int]
    let xhtml: Bool
    let mathRenderer: (@Sendable (String, Bool) -> String)?
    /// How many references to each footnote were rendered so far (for `footnote-ref1:1` ids).
    private var footnoteReferencesSeen: [String: Int] = [:]
    /// Task items rendered so far (their checkboxes are numbered through the document).
    private var taskCount = 0

    /// The number of the next task item's checkbox.
    mutating func nextTaskNumber() -> Int {
        defer { taskCount += 1 }
        return taskCount
    }

    init(footnoteNumbers: [String: Int], xhtml: Bool, mathRenderer: (@Sendable (String, Bool) -> String)?) {
        self.footnoteNumbers = footnoteNumbers
        self.xhtml = xhtml
        self.mathRenderer = mathRenderer
    }

    private var voidEnd: String { xhtml ? " />" : ">" }

    mutating func render(_ inlines: Inlines) -> String {
        var out = ""
        inlines.forEach { render($0, into: &out) }
        return out
    }

    private static func attributes(_ attributes: Attributes) -> String {
        var out = ""
        if let id = attributes.id { out += " id=\"\(TextEscaping.escapeHTML(id))\"" }
        if !attributes.classes.isEmpty { out += " class=\"\(TextEscaping.escapeHTML(attributes.classes.joined(separator: " ")))\"" }
        for (name, value) in attributes.pairs { out += " \(name)=\"\(TextEscaping.escapeHTML(value))\"" }
        return out
    }

    private mutating func wrap(_ tag: String, _ children: Inlines, _ attributes: Attributes, into out: inout String) {
        out += "<\(tag)\(Self.attributes(attributes))>"
        out += render(children)
        out += "</\(tag)>"
    }

    private mutating func render(_ inline: Inline, into out: inout String) {
        switch inline {
        case .text(let text): out += TextEscaping.escapeHTML(text.string)
        case .softBreak: out += "\n"
        case .hardBreak: out += "<br\(voidEnd)\n"
        case .code(let code, let attributes): out += "<code\(Self.attributes(attributes))>\(TextEscaping.escapeHTML(code))</code>"
        case .emphasis(let children, let attributes): wrap("em", children, attributes, into: &out)
        case .strong(let children, let attributes): wrap("strong", children, attributes, into: &out)
        case .strikethrough(let children, let attributes): wrap("s", children, attributes, into: &out)
        case .mark(let children, let attributes): wrap("mark", children, attributes, into: &out)
        case .subscript(let children): wrap("sub", children, .none, into: &out)
        case .superscript(let children): wrap("sup", children, .none, into: &out)
        case .span(let children, let attributes): wrap("span", children, attributes, into: &out)
        case .link(let link):
            out += "<a href=\"\(TextEscaping.escapeHTML(link.destination))\""
            if let title = link.title { out += " title=\"\(TextEscaping.escapeHTML(title))\"" }
            out += Self.attributes(link.attributes) + ">"
            out += render(link.content)
            out += "</a>"
        case .image(let image):
            out += "<img src=\"\(TextEscaping.escapeHTML(image.source))\" alt=\"\(TextEscaping.escapeHTML(Self.altText(image.alt)))\""
            if let title = image.title { out += " title=\"\(TextEscaping.escapeHTML(title))\"" }
            out += Self.attributes(image.attributes) + voidEnd
        case .math(let formula): out += mathRenderer?(formula.tex, false) ?? formula.mathML
        case .footnoteReference(let label):
            let number = footnoteNumbers[label] ?? 0
            let seen = footnoteReferencesSeen[label, default: 0]
            footnoteReferencesSeen[label] = seen + 1
            let refID = seen > 0 ? "footnote-ref\(number):\(seen)" : "footnote-ref\(number)"
            let mark = seen > 0 ? "\(number):\(seen)" : "\(number)"
            out += "<sup class=\"footnote-ref\"><a href=\"#footnote\(number)\">[\(mark)]</a><a class=\"footnote-anchor\" id=\"\(refID)\"></a></sup>"
        case .abbreviation(let term, let title):
            out += "<abbr title=\"\(TextEscaping.escapeHTML(title))\">\(TextEscaping.escapeHTML(term))</abbr>"
        case .html(let html): out += html
        }
    }

    /// markdown-it 15's `renderInlineAsText`: text, code, nested image alts, raw HTML and line breaks.
    static func altText(_ inlines: Inlines) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let text): out += text.string
            case .code(let text, _): out += text
            case .softBreak, .hardBreak: out += "\n"
            case .html(let html): out += html
            case .image(let image): out += altText(image.alt)
            case .emphasis(let children, _), .strong(let children, _), .strikethrough(let children, _), .mark(let children, _),
                .subscript(let children), .superscript(let children), .span(let children, _):
                out += altText(children)
            case .link(let link): out += altText(link.content)
            case .abbreviation(let term, _): out += term
            case .math, .footnoteReference: break
            }
        }
        return out
    }
}

/// markdown-it-footnote's footnote list (as @mdit/plugin-footnote names its ids).
enum FootnoteSectionRenderer {
    static func render(_ footnotes: [Footnote], flattener: BlockFlattener, inline: inout InlineHTMLRenderer) -> String {
        var out = "<hr class=\"footnotes-sep\"\(inline.xhtml ? " />" : ">")\n<section class=\"footnotes\">\n<ol class=\"footnotes-list\">\n"
        for footnote in footnotes {
            let number = footnote.number
            var anchors = ""
            for sub in 0..<max(footnote.referenceCount, 1) {
                let id = sub > 0 ? "footnote-ref\(number):\(sub)" : "footnote-ref\(number)"
                anchors += " <a href=\"#\(id)\" class=\"footnote-backref\">\u{21A9}\u{FE0E}</a>"
            }
            var tokens: [RenderToken] = [.raw("<li id=\"footnote\(number)\" class=\"footnote-item\">")]
            flattener.flatten(footnote.blocks, into: &tokens, inline: &inline)
            // The back-links go inside a closing paragraph, else after the content.
            if let last = tokens.indices.last, tokens[last].nesting == -1, tokens[last].tag == "p" {
                tokens.insert(.raw(anchors, block: false), at: last)
            } else {
                tokens.append(.raw(anchors, block: false))
            }
            tokens.append(.raw("</li>\n"))
            out += RenderToken.serialize(tokens, xhtml: inline.xhtml)
        }
        return out + "</ol>\n</section>\n"
    }
}
