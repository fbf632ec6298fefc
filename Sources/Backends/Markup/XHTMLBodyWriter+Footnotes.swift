import Compiler

extension XHTMLBodyWriter {
    /// A numbered mark linking to the note; each mark of a note cited several times has its own id.
    mutating func writeFootnoteReference(_ label: String) {
        guard let footnote = footnotesByLabel[label], let noteID = footnoteIDs[label] else {
            out += XMLText.escaped("[^\(label)]")
            return
        }
        let count = (referenceCounts[label] ?? 0) + 1
        referenceCounts[label] = count
        var id = count == 1 ? "fnref-\(footnote.number)" : "fnref-\(footnote.number)-\(count)"
        while !writtenIDs.insert(ExactText(id)).inserted { id += "-" }
        if firstReferenceIDs[label] == nil { firstReferenceIDs[label] = id }
        let semantics = options.epubSemantics ? " epub:type=\"noteref\"" : ""
        out += "<sup class=\"footnote-ref\"><a id=\"\(XMLText.escapedAttribute(options.idPrefix + id))\" href=\"#\(URLText.fragment(options.idPrefix + noteID))\"\(semantics) role=\"doc-noteref\">\(footnote.number)</a></sup>"
    }

    /// The notes, one per definition, each with a link back to its first mark.
    mutating func writeFootnotes() {
        guard !article.footnotes.isEmpty else { return }
        let semantics = options.epubSemantics ? " epub:type=\"footnote\"" : ""
        out += "<section class=\"footnotes\">\n<hr />\n"
        for footnote in article.footnotes {
            guard let id = footnoteIDs[footnote.label] else { continue }
            writtenIDs.insert(ExactText(id))
            out += "<aside id=\"\(XMLText.escapedAttribute(options.idPrefix + id))\" class=\"footnote\"\(semantics) role=\"doc-footnote\">\n"
            var number = "<span class=\"footnote-number\">\(footnote.number).</span> "
            if let reference = firstReferenceIDs[footnote.label] {
                number = "<a class=\"footnote-back\" href=\"#\(URLText.fragment(options.idPrefix + reference))\" role=\"doc-backlink\">\(footnote.number).</a> "
            }
            var blocks = footnote.blocks
            if case .paragraph(let content, _)? = blocks.first?.kind {
                blocks.removeFirst()
                out += "<p>" + number
                writeInlines(content)
                out += "</p>\n"
            } else {
                out += "<p>" + number + "</p>\n"
            }
            write(blocks)
            out += "</aside>\n"
        }
        out += "</section>\n"
    }
}
