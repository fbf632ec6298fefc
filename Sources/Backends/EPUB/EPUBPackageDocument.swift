import Compiler
import Foundation

/// The package document (`EPUB/package.opf`, EPUB 3.3): metadata, manifest and spine.
struct EPUBPackageDocument {
    /// A file of the manifest.
    struct Item {
        var id: String
        var href: String
        var mediaType: String
        var properties: [String] = []
    }

    var metadata: BookMetadata
    /// `dcterms:modified`, `YYYY-MM-DDThh:mm:ssZ`.
    var modified: String
    var subjects: [String]
    var items: [Item]
    /// Ids of the items read in order; those in `nonLinear` are reachable only by links.
    var spine: [String]
    var nonLinear: Set<String>
    var accessibility: EPUBAccessibility

    func xml() -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="\(metadata.language)">
              <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:identifier id="book-id">\(XMLText.escaped(metadata.identifier))</dc:identifier>
                <dc:title id="title">\(XMLText.escaped(metadata.title))</dc:title>
                <meta refines="#title" property="title-type">main</meta>

            """
        if let subtitle = metadata.subtitle {
            text += "    <dc:title id=\"subtitle\">\(XMLText.escaped(subtitle))</dc:title>\n"
            text += "    <meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>\n"
        }
        text += "    <dc:language>\(metadata.language)</dc:language>\n"
        for (index, author) in metadata.authors.enumerated() {
            text += "    <dc:creator id=\"creator-\(index + 1)\">\(XMLText.escaped(author))</dc:creator>\n"
            text += "    <meta refines=\"#creator-\(index + 1)\" property=\"role\" scheme=\"marc:relators\">aut</meta>\n"
        }
        if let publisher = metadata.publisher { text += "    <dc:publisher>\(XMLText.escaped(publisher))</dc:publisher>\n" }
        text += "    <dc:date>\(modified)</dc:date>\n"
        for subject in subjects { text += "    <dc:subject>\(XMLText.escaped(subject))</dc:subject>\n" }
        text += "    <meta property=\"dcterms:modified\">\(modified)</meta>\n"
        if let cover = items.first(where: { $0.properties.contains("cover-image") }) {
            text += "    <meta name=\"cover\" content=\"\(cover.id)\"/>\n"
        }
        text += accessibility.metadata()
        text += "  </metadata>\n  <manifest>\n"
        for item in items {
            let properties = item.properties.isEmpty ? "" : " properties=\"\(item.properties.joined(separator: " "))\""
            text += "    <item id=\"\(item.id)\" href=\"\(XMLText.escapedAttribute(item.href))\" media-type=\"\(item.mediaType)\"\(properties)/>\n"
        }
        text += "  </manifest>\n  <spine toc=\"ncx\">\n"
        for id in spine {
            text += "    <itemref idref=\"\(id)\"\(nonLinear.contains(id) ? " linear=\"no\"" : "")/>\n"
        }
        text += "  </spine>\n</package>\n"
        return text
    }
}

/// The schema.org accessibility metadata, stated only where it is true of this book.
struct EPUBAccessibility {
    var hasImages: Bool
    /// Every image has a non-empty alt text.
    var imagesDescribed: Bool
    var hasMath: Bool

    func metadata() -> String {
        var modes = ["textual"]
        if hasImages { modes.append("visual") }
        var sufficient = [modes.joined(separator: ",")]
        if hasImages && imagesDescribed { sufficient.append("textual") }
        var features = ["tableOfContents", "structuralNavigation", "readingOrder"]
        if hasMath { features.append("MathML") }
        if hasImages && imagesDescribed { features.append("alternativeText") }
        var summary = "A table of contents and headings give structural navigation; footnotes link to their notes and back."
        if hasMath { summary += " Formulas are MathML with their TeX source as alternative text." }
        if hasImages { summary += imagesDescribed ? " Every image has alternative text." : " Some images have no alternative text." }
        var text = ""
        for mode in modes { text += "    <meta property=\"schema:accessMode\">\(mode)</meta>\n" }
        for mode in sufficient { text += "    <meta property=\"schema:accessModeSufficient\">\(mode)</meta>\n" }
        for feature in features { text += "    <meta property=\"schema:accessibilityFeature\">\(feature)</meta>\n" }
        text += "    <meta property=\"schema:accessibilityHazard\">none</meta>\n"
        text += "    <meta property=\"schema:accessibilitySummary\">\(XMLText.escaped(summary))</meta>\n"
        return text
    }
}
