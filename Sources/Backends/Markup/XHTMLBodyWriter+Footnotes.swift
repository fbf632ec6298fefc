import Compiler

extension XHTMLBodyWriter {
    /// A numbered mark linking to the note; each mark of a note cited several times has its own id.
    mutating func writeFootnoteReference(_ label: String) {
        guard let footnote = footnotesByLabel[label], let noteID = footnoteIDs[label] else {
            writeEscaped("[^\(label)]")
            return
        }
        let count = (referenceCounts[label] ?? 0) + 1
        referenceCounts[label] = count
        var id = count == 1 ? "fnref-\(footnote.number)" : "fnref-\(footnote.number)-\(count)"
        while !writtenIDs.insert(ExactText(id)).inserted { id += "-" }
        if firstReferenceIDs[label] == nil { firstReferenceIDs[label] = id }
        out.append("<sup class=\"footnote-ref\"><a id=\"")
        writeEscapedAttribute(options.idPrefix + id)
        out.append("\" href=\"#")
        writeEscapedAttribute(URLText.fragment(options.idPrefix + noteID))
        out.append(options.epubSemantics ? "\" epub:type=\"noteref\" role=\"doc-noteref\">" : "\" role=\"doc-noteref\">")
        out.append(decimal: footnote.number)
        out.append("</a></sup>")
    }

    /// The notes, one per definition, each with a link back to its first mark.
    mutating func writeFootnotes() {
        guard !article.footnotes.isEmpty else { return }
        out.append("<section class=\"footnotes\">\n<hr />\n")
        for footnote in article.footnotes {
            guard let id = footnoteIDs[footnote.label] else { continue }
            writtenIDs.insert(ExactText(id))
            out.append("<aside id=\"")
            writeEscapedAttribute(options.idPrefix + id)
            out.append(options.epubSemantics ? "\" class=\"footnote\" epub:type=\"footnote\" role=\"doc-footnote\">\n" : "\" class=\"footnote\" role=\"doc-footnote\">\n")
            var blocks = footnote.blocks
            out.append("<p>")
            if let reference = firstReferenceIDs[footnote.label] {
                out.append("<a class=\"footnote-back\" href=\"#")
                writeEscapedAttribute(URLText.fragment(options.idPrefix + reference))
                out.append("\" role=\"doc-backlink\">")
                out.append(decimal: footnote.number)
                out.append(".</a> ")
            } else {
                out.append("<span class=\"footnote-number\">")
                out.append(decimal: footnote.number)
                out.append(".</span> ")
            }
            if case .paragraph(let content, _)? = blocks.first?.kind {
                blocks.removeFirst()
                writeInlines(content)
            }
            out.append("</p>\n")
            write(blocks)
            out.append("</aside>\n")
        }
        out.append("</section>\n")
    }
}
