import Compiler

/// Writes one article as the content of an XHTML `<body>`: every IR node has a rendering here,
/// shared by the EPUB chapters and the single-file HTML. The output is well-formed XML whatever
/// the article holds: text is escaped, only safe attributes are written, ids are unique.
///
/// The markup is written as UTF-8 bytes, literal by literal and escaped in place: appending to a
/// `String` (and making one for each interpolated tag) was about a tenth of an EPUB build.
struct XHTMLBodyWriter {
    /// What differs between the formats that share this writer.
    struct Options {
        /// Write EPUB's `epub:type` semantics (noteref, footnote) beside the ARIA roles.
        var epubSemantics: Bool
        /// Put before every id (one HTML file holds every article; an EPUB chapter is its own file).
        var idPrefix: String
        /// The language of the article, for container titles.
        var language: String
    }

    let article: Article
    let links: any LinkTargets
    let options: Options
    var out: [UInt8] = []
    /// Ids written so far (without the prefix): a repeated `{#id}` is dropped.
    var writtenIDs: Set<ExactText> = []
    /// The id of each footnote's aside, by label.
    var footnoteIDs: [String: String] = [:]
    /// The id of each footnote's first reference, for the back-link.
    var firstReferenceIDs: [String: String] = [:]
    /// How many marks of each footnote were written.
    var referenceCounts: [String: Int] = [:]
    /// Inside a link's text, where another link cannot be.
    var insideLink = false
    let footnotesByLabel: [String: Footnote]
    /// Whether a formula was written: an EPUB chapter with MathML declares the `mathml` property.
    var wroteMath = false
    /// Whether every image written has an alt text (the EPUB's accessibility metadata says so).
    var imagesDescribed = true

    init(article: Article, links: any LinkTargets, options: Options) {
        self.article = article
        self.links = links
        self.options = options
        footnotesByLabel = Dictionary(article.footnotes.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
        guard !article.footnotes.isEmpty else { return }
        // A footnote's id must not be one a block of the article was given.
        var reserved: Set<ExactText> = []
        article.blocks.forEachBlock { block in if let id = block.attributes.id { reserved.insert(ExactText(id)) } }
        for footnote in article.footnotes {
            var id = "fn-\(footnote.number)"
            while reserved.contains(ExactText(id)) { id = "note-" + id }
            reserved.insert(ExactText(id))
            footnoteIDs[footnote.label] = id
        }
    }

    /// The article: a level-1 title (the first heading when it is one, else the frontmatter title),
    /// the blocks, then the footnotes.
    mutating func writeArticle() -> [UInt8] {
        // A slice of the blocks: dropping the first heading copies nothing.
        var blocks = article.blocks[...]
        if case .heading(_, 1)? = blocks.first?.kind {
            write(blocks.removeFirst())
        } else {
            out.append("<h1>")
            writeEscaped(article.metadata.title)
            out.append("</h1>\n")
        }
        for block in blocks { write(block) }
        writeFootnotes()
        return out
    }

    /// `text`, escaped for XML text.
    mutating func writeEscaped(_ text: String) {
        XMLText.appendEscaped(text, attribute: false, to: &out)
    }

    /// An IR text, escaped for element content.
    mutating func writeEscaped(_ text: Text) {
        text.withUTF8 { XMLText.appendEscaped($0, .text, to: &out) }
    }

    /// `text`, escaped for an attribute value in double quotes.
    mutating func writeEscapedAttribute(_ text: String) {
        XMLText.appendEscaped(text, attribute: true, to: &out)
    }

    /// `<tag` and the attributes a book keeps (see ``writeAttributes(_:classes:)``), then `>`.
    mutating func writeOpening(_ tag: StaticString, _ attributes: Attributes, classes: [String] = []) {
        out.append("<")
        out.append(tag)
        writeAttributes(attributes, classes: classes)
        out.append(">")
    }

    mutating func write(_ blocks: [Block]) {
        for block in blocks { write(block) }
    }

    mutating func write(_ block: Block) {
        let attributes = block.attributes
        switch block.kind {
        case .paragraph(let content, let hidden):
            if hidden && attributes.isEmpty {
                writeInlines(content)
                out.append("\n")
            } else {
                writeOpening("p", attributes)
                writeInlines(content)
                out.append("</p>\n")
            }
        case .heading(let content, let level):
            out.append("<h")
            out.append(decimal: Int(level))
            writeAttributes(attributes)
            out.append(">")
            writeInlines(content)
            out.append("</h")
            out.append(decimal: Int(level))
            out.append(">\n")
        case .thematicBreak:
            out.append("<hr")
            writeAttributes(attributes)
            out.append(" />\n")
        case .blockQuote(let blocks):
            writeOpening("blockquote", attributes)
            out.append("\n")
            write(blocks)
            out.append("</blockquote>\n")
        case .list(let list):
            writeList(list, attributes: attributes)
        case .code(let code):
            writeCode(code, attributes: attributes)
        case .html:
            // The book's parser options turn raw HTML into IR; what could not be converted was reported and left out.
            break
        case .table(let table):
            writeTable(table, attributes: attributes)
        case .container(let container):
            writeContainer(container, attributes: attributes)
        case .math(let formula):
            writeOpening("div", attributes, classes: ["math-display"])
            formula.appendMathML(to: &out)
            wroteMath = true
            out.append("</div>\n")
        case .tableOfContents:
            writeTableOfContents(attributes: attributes)
        }
    }

    private mutating func writeList(_ list: List, attributes: Attributes) {
        let taskList = list.items.contains { $0.task != nil }
        out.append(list.isOrdered ? "<ol" : "<ul")
        writeAttributes(attributes, classes: taskList ? ["task-list"] : [])
        if let start = list.start, start != 1 {
            out.append(" start=\"")
            out.append(decimal: start)
            out.append("\"")
        }
        out.append(">\n")
        for item in list.items {
            writeOpening("li", item.attributes, classes: item.task == nil ? [] : ["task"])
            if let done = item.task {
                // The item's text keeps the space after `[x]`.
                out.append(done ? "<span class=\"task-box done\">☑</span>" : "<span class=\"task-box\">☐</span>")
            }
            write(item.blocks)
            out.append("</li>\n")
        }
        out.append(list.isOrdered ? "</ol>\n" : "</ul>\n")
    }

    private mutating func writeCode(_ code: CodeBlock, attributes: Attributes) {
        if let title = code.title {
            out.append("<figure class=\"code\">\n<figcaption>")
            writeEscaped(title)
            out.append("</figcaption>\n")
        }
        let language = code.language.map { ["language-" + Self.className($0)] } ?? []
        let numbered = code.lineNumbers == true
        writeOpening("pre", attributes, classes: numbered ? ["line-numbers"] : [])
        out.append("<code")
        writeClasses(language)
        out.append(">")
        if code.highlightedLines.isEmpty && code.lineMarks.isEmpty && !numbered {
            writeEscaped(code.code)
        } else {
            let highlighted = Set(code.highlightedLines)
            code.code.withUTF8 { bytes in
                for (index, line) in Self.lineRanges(of: bytes).enumerated() {
                    var classes = "line"
                    if highlighted.contains(index + 1) { classes += " highlighted" }
                    if let mark = code.lineMarks[index + 1] { classes += " " + mark.rawValue }
                    out.append("<span class=\"")
                    out.appendUTF8(classes)
                    out.append("\">")
                    XMLText.appendEscaped(UnsafeBufferPointer(rebasing: bytes[line]), .text, to: &out)
                    out.append("</span>\n")
                }
            }
        }
        out.append("</code></pre>\n")
        if code.title != nil { out.append("</figure>\n") }
    }

    /// The byte ranges of a code block's lines, found over its UTF-8 (by `Character` they took a
    /// tenth of a chapter's time): split at each line feed, except one after a carriage return,
    /// which makes one character with it; an empty last line (after a final line break) is dropped.
    static func lineRanges(of bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) {
            lines.append(start..<index)
            start = index + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        return lines
    }

    private mutating func writeTable(_ table: Table, attributes: Attributes) {
        writeOpening("table", attributes)
        out.append("\n")
        if !table.header.isEmpty {
            out.append("<thead>\n")
            writeRow(table.header, header: true, alignments: table.alignments)
            out.append("</thead>\n")
        }
        let rows = table.rows
        if !rows.isEmpty {
            out.append("<tbody>\n")
            for (index, (row, columns)) in zip(rows, table.bodyCellColumns).enumerated() {
                writeRow(row, header: false, alignments: table.alignments, columns: columns, rowsLeft: rows.count - index)
            }
            out.append("</tbody>\n")
        }
        out.append("</table>\n")
    }

    /// A row of `th` (`header`) or `td` cells; `columns` is the column each cell starts in (body
    /// cells may span, header cells do not).
    private mutating func writeRow(_ row: [TableCell], header: Bool, alignments: [Table.Alignment], columns: [Int]? = nil, rowsLeft: Int = 1) {
        out.append("<tr>")
        for (index, cell) in row.enumerated() {
            let column = columns?[index] ?? index
            let alignment = column < alignments.count ? alignments[column] : .none
            let align: [String] = switch alignment {
            case .none: []
            case .left: ["align-left"]
            case .center: ["align-center"]
            case .right: ["align-right"]
            }
            out.append(header ? "<th" : "<td")
            writeAttributes(cell.attributes, classes: align)
            if columns != nil {
                if cell.columnSpan > 1 {
                    out.append(" colspan=\"")
                    out.append(decimal: cell.columnSpan)
                    out.append("\"")
                }
                if min(cell.rowSpan, rowsLeft) > 1 {
                    out.append(" rowspan=\"")
                    out.append(decimal: min(cell.rowSpan, rowsLeft))
                    out.append("\"")
                }
            }
            out.append(">")
            writeInlines(cell.content)
            out.append(header ? "</th>" : "</td>")
        }
        out.append("</tr>\n")
    }

    /// `[[TOC]]`: the article's level-2 and level-3 headings as a nested list of links.
    private mutating func writeTableOfContents(attributes: Attributes) {
        let entries = article.headings(levels: 2...3)
        guard !entries.isEmpty else { return }
        // Level-3 headings nest under the level-2 heading before them.
        var groups: [(entry: HeadingEntry, children: [HeadingEntry])] = []
        for entry in entries {
            if entry.level == 3, !groups.isEmpty { groups[groups.count - 1].children.append(entry) } else { groups.append((entry, [])) }
        }
        writeOpening("div", attributes, classes: ["article-toc"])
        out.append("\n<ul>\n")
        for group in groups {
            writeTableOfContentsLink(id: group.entry.id, content: group.entry.content)
            if !group.children.isEmpty {
                out.append("\n<ul>\n")
                for child in group.children {
                    writeTableOfContentsLink(id: child.id, content: child.content)
                    out.append("</li>\n")
                }
                out.append("</ul>\n")
            }
            out.append("</li>\n")
        }
        out.append("</ul>\n</div>\n")
    }

    private mutating func writeTableOfContentsLink(id: String, content: Inlines) {
        out.append("<li><a href=\"#")
        writeEscapedAttribute(URLText.fragment(options.idPrefix + id))
        out.append("\">")
        writeInlines(content.withoutLinks)
        out.append("</a>")
    }
}
