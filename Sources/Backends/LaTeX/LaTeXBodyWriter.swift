import Compiler

/// Writes one article as LaTeX: a `\chapter`, its sections, and every IR node with escaped text.
/// Labels are generated (`a3h5`), never taken from article text, so they are always valid.
struct LaTeXBodyWriter {
    let article: Article
    let links: LaTeXLinkTargets
    let language: String
    /// The LaTeX written so far, as UTF-8.
    var out: [UInt8] = []
    private var footnotesByLabel: [String: Footnote]
    /// Footnotes already printed (a second mark refers to the first by number).
    private var printedFootnotes: Set<String> = []
    /// How many boxes (tcolorbox) the writer is inside; a longtable cannot be in one.
    var boxDepth = 0

    init(article: Article, links: LaTeXLinkTargets, language: String) {
        self.article = article
        self.links = links
        self.language = language
        footnotesByLabel = Dictionary(article.footnotes.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func writeArticle() -> [UInt8] {
        var blocks = article.blocks
        if case .heading(_, 1)? = blocks.first?.kind { blocks.removeFirst() }
        let title = TeXText.escaped(article.metadata.title)
        out += "\\chapter{"
        out += title
        out += "}\\label{"
        links.appendLabel(article.id, anchor: nil, to: &out)
        out += "}\n\n"
        // Each top-level block is preceded by its source line, so that `--pdf` can say where in
        // the articles an xelatex error comes from (TeX skips the rest of a line after `%`).
        let path = String(article.path.map { $0.isNewline ? "?" : $0 })
        for block in blocks {
            // Piece by piece: the strings the writer interpolated, one for each block among them,
            // were 8% of a LaTeX build's instructions.
            out += LaTeXBackend.sourceMarker
            out += path
            out += ":"
            out.append(decimal: block.position.line)
            out += "\n"
            write(block)
        }
        return out
    }

    mutating func write(_ blocks: [Block]) {
        for block in blocks { write(block) }
    }

    mutating func write(_ block: Block) {
        switch block.kind {
        case .paragraph(let content, _):
            writeInlines(content)
            out += "\n\n"
        case .heading(let content, let level):
            let command = ["section", "section", "subsection", "subsubsection", "paragraph", "subparagraph"][min(max(Int(level), 1), 6) - 1]
            // A heading's bookmark is its plain text; the printed heading keeps its markup.
            // Braced, so a `]` in the heading cannot end the optional argument.
            out += "\\"
            out += command
            out += "[{"
            out += TeXText.escaped(content.plainText)
            out += "}]{"
            writeInlines(content.withoutLinks)
            out += "}"
            if let id = block.attributes.id {
                out += "\\label{"
                links.appendLabel(article.id, anchor: id, to: &out)
                out += "}"
            }
            out += "\n\n"
        case .thematicBreak:
            out += "\\par\\noindent\\rule{\\linewidth}{0.4pt}\\par\n\n"
        case .blockQuote(let blocks):
            out += "\\begin{quote}\n"
            write(blocks)
            out += "\\end{quote}\n\n"
        case .list(let list):
            writeList(list)
        case .code(let code):
            var colors: [Int: String] = [:]
            for line in code.highlightedLines { colors[line] = "yellow!30" }
            for (line, mark) in code.lineMarks { colors[line] = Self.colors[mark] }
            writeCode(code.code, title: code.title, colors: colors)
        case .html, .tableOfContents:
            // Raw HTML was converted by the frontend; the book's own table of contents replaces `[[TOC]]`.
            break
        case .table(let table):
            writeTable(table)
        case .container(let container):
            writeContainer(container)
        case .math(let formula):
            out += displayMath(formula) + "\n\n"
        }
    }

    private mutating func writeList(_ list: List) {
        let environment = list.isOrdered ? "enumerate" : "itemize"
        out += "\\begin{"
        out += environment
        out += "}"
        if let start = list.start, start != 1 { out += "[start=\(start)]" }
        out += "\n"
        for item in list.items {
            switch item.task {
            case true?: out += "\\item[$\\boxtimes$] "
            case false?: out += "\\item[$\\square$] "
            // `{}` stops `\item` from reading text that starts with `[` as its label.
            case nil: out += "\\item{} "
            }
            write(item.blocks)
        }
        out += "\\end{"
        out += environment
        out += "}\n\n"
    }

    /// The shade of a line marked by a notation comment.
    static let colors: [CodeLineMark: String] = [
        .highlighted: "yellow!30", .focused: "yellow!30", .warning: "yellow!30", .added: "green!15", .removed: "red!12", .error: "red!12",
    ]

    /// Code as escaped lines in a box; `colors` shades lines (1-based).
    mutating func writeCode(_ code: Text, title: String?, colors: [Int: String]) {
        out += "\\begin{kbcode}{\(title.map(TeXText.escaped) ?? "")}\n"
        // The whole block is written as UTF-8 and made a string once.
        var writer = CodeLineWriter(capacity: code.utf8Count * 3 / 2 + 64)
        code.withUTF8 { bytes in
            // Split at line feeds, as a split at the character "\n" would: a CR LF pair is one
            // character, not a line break.
            var lines: [Range<Int>] = []
            var lineStart = 0
            for index in bytes.indices where bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) {
                lines.append(lineStart..<index)
                lineStart = index + 1
            }
            lines.append(lineStart..<bytes.count)
            if lines.last?.isEmpty == true { lines.removeLast() }
            for (index, line) in lines.enumerated() {
                if let color = colors[index + 1] {
                    writer.appendMarkup("\\kbmarkedline{")
                    writer.appendMarkup(color)
                    writer.appendMarkup("}{")
                } else {
                    writer.appendMarkup("\\kbline{")
                }
                writer.addLine(UnsafeBufferPointer(rebasing: bytes[line]))
                writer.appendMarkup("}\n")
            }
        }
        out += writer.bytes
        out += "\\end{kbcode}\n\n"
    }

    /// A line of code: escaped, each space a fixed space so indentation survives; a long line may
    /// wrap after a space, after `/ , ; . = ( ) - _ : > ]`, and inside any run of 20 characters without
    /// such a place (a `----…` rule in a table's source would otherwise run off the page).
    static func codeLine(_ line: String) -> [UInt8] {
        var writer = CodeLineWriter(capacity: line.utf8.count + line.utf8.count / 2)
        var line = line
        line.withUTF8 { writer.addLine($0) }
        return writer.bytes
    }

    /// A table as a `longtable` (it breaks across pages, its header repeated) with paragraph
    /// columns sized by their content, so long CJK cells wrap; inside a box, where a longtable
    /// cannot go, the same columns in a `tabular`.
    private mutating func writeTable(_ table: Table) {
        let columns = table.columnCount
        guard columns > 0 else { return }
        // Each column as wide as its widest cell (cells spanning columns count for none of them).
        var widths = [Int](repeating: 0, count: columns)
        let rows = table.rows
        for (rowIndex, (row, starts)) in zip([table.header] + rows, [Array(table.header.indices)] + table.bodyCellColumns).enumerated() {
            for (cell, start) in zip(row, starts) where start < columns && (rowIndex == 0 || cell.columnSpan == 1) {
                widths[start] = max(widths[start], Self.displayWidth(cell.content))
            }
        }
        widths = widths.map { min(max($0, 3), 40) }
        let layout = TableLayout(alignments: table.alignments, widths: widths)
        let environment = boxDepth > 0 ? "tabular" : "longtable"
        out += "\\begin{"
        out += environment
        out += "}{"
        for column in 0..<columns { layout.appendColumnSpec(column, to: &out) }
        out += "}\n\\toprule\n"
        writeRow(table.header, columns: Array(table.header.indices), layout: layout, header: true)
        out += "\\midrule\n"
        if environment == "longtable" { out += "\\endhead\n" }
        for (row, starts) in zip(rows, table.bodyCellColumns) { writeRow(row, columns: starts, layout: layout, header: false) }
        out += "\\bottomrule\n\\end{\(environment)}\n\n"
    }

    /// Roughly how many Latin letters wide a cell is: CJK characters count two, a formula a third
    /// of its TeX source.
    static func displayWidth(_ inlines: Inlines) -> Int {
        var width = 0
        inlines.forEach { inline in
            if case .math(let formula) = inline { return width += max(2, formula.tex.count / 3) }
            inline.forEachPlainTextPiece { bytes in
                var index = 0
                while index < bytes.count {
                    let (value, length) = UTF8Scalars.scalar(in: bytes, at: index)
                    width += (0x2E80...0x9FFF).contains(value) || (0xAC00...0xD7AF).contains(value) || (0xFF00...0xFFEF).contains(value) ? 2 : 1
                    index += length
                }
            }
        }
        return width
    }

    /// A row of the grid: each cell at the column it starts in (`starts`), a cell spanning columns
    /// as a `\multicolumn`, and empty places where a cell of a row above reaches down (the text
    /// of a `rowspan` cell stands in its first row; booktabs draws no rule between body rows).
    /// Header cells are bold and never span (the site fits spans in the body only).
    private mutating func writeRow(_ row: [TableCell], columns starts: [Int], layout: TableLayout, header bold: Bool) {
        // `{}` stops the previous row's `\\` from reading a cell that starts with `[` as its optional
        // argument; a `\multicolumn` must come first in its cell and starts with no `[`.
        let firstSpans = !bold && starts.first == 0 && (row.first?.columnSpan ?? 1) > 1 && layout.columns > 1
        if !firstSpans { out += "{}" }
        var column = 0
        for (cell, start) in zip(row, starts) where start < layout.columns {
            while column < start {
                if column > 0 { out += " & " }
                column += 1
            }
            if column > 0 { out += " & " }
            let span = bold ? 1 : min(cell.columnSpan, layout.columns - start)
            if span > 1 {
                out += "\\multicolumn{"
                out.append(decimal: span)
                out += "}{"
                layout.appendColumnSpec(start, span: span, to: &out)
                out += "}{"
            }
            if bold { out += "\\textbf{" }
            writeInlines(Inlines(cell.content.filter { if case .footnoteReference = $0 { false } else { true } }))
            if bold { out += "}" }
            if span > 1 { out += "}" }
            column = start + span
        }
        while column < layout.columns {
            if column > 0 { out += " & " }
            column += 1
        }
        out += " \\\\\n"
    }

    func displayMath(_ formula: Formula) -> String {
        guard let node = formula.node else { return "\\begin{center}\\texttt{\(TeXText.escaped(formula.tex))}\\end{center}" }
        // The tag as the reader sees it, parentheses included (`\tag*` adds none).
        let tag = formula.tag.map { "\\tag*{\(TeXText.escaped($0))}" } ?? ""
        // `\[ … \]` is the wrapping the TeXMath tests typeset every accepted formula in.
        return "\\[ \(TeXMath.tex(node: node))\(tag) \\]"
    }

    /// The footnote's text as one paragraph run (footnotes cannot hold boxes or code environments).
    mutating func footnoteText(_ footnote: Footnote) -> [UInt8] {
        var writer = LaTeXBodyWriter(article: article, links: links, language: language)
        writer.printedFootnotes = printedFootnotes.union([footnote.label])
        for (index, block) in footnote.blocks.enumerated() {
            if index > 0 { writer.out += "\\par " }
            writer.writeFootnoteBlock(block)
        }
        printedFootnotes.formUnion(writer.printedFootnotes)
        return writer.out
    }

    private mutating func writeFootnoteBlock(_ block: Block) {
        switch block.kind {
        case .paragraph(let content, _), .heading(let content, _): writeInlines(content)
        case .code(let code):
            out += "\\texttt{"
            out += Self.codeLine(code.code.string.replacingOccurrences(of: "\n", with: " "))
            out += "}"
        case .math(let formula): out += inlineMath(formula)
        default: TeXText.appendEscaped(BlockText.text(of: [block]).replacingOccurrences(of: "\n", with: " "), to: &out)
        }
    }

    func inlineMath(_ formula: Formula) -> String {
        guard let node = formula.node else { return "\\texttt{\(TeXText.escaped(formula.tex))}" }
        return "$" + TeXMath.tex(node: node) + "$"
    }

    /// Marks a footnote as printed; false when it already was.
    mutating func firstPrinting(of label: String) -> Bool {
        printedFootnotes.insert(label).inserted
    }

    func footnote(_ label: String) -> Footnote? { footnotesByLabel[label] }
}

extension Array where Element == UInt8 {
    /// Appends a string's UTF-8: the LaTeX writer's markup, as it would append to a string.
    static func += (bytes: inout [UInt8], text: String) {
        bytes.appendUTF8(text)
    }
}
