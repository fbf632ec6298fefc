import Compiler

/// The XHTML documents of the book besides the chapters' bodies: the shell every content
/// document shares, the cover, the title page and the part pages.
enum EPUBDocuments {
    static let stylesheetPath = "styles/book.css"

    /// A complete XHTML5 content document, as UTF-8; `stylesheet` is relative to the document
    /// (which is in `text/` unless said otherwise). `body` writes the content of `<body>`, about
    /// `bodySize` bytes: the document is made in one array of about its size, with no copies.
    static func xhtml(title: String, language: String, bodyClass: String, stylesheet: String = "../" + stylesheetPath,
                      bodySize: Int, body: (inout [UInt8]) -> Void) -> [UInt8] {
        let head = xhtmlHead(title: title, language: language, bodyClass: bodyClass, stylesheet: stylesheet)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(head.utf8.count + bodySize + xhtmlTail.utf8.count)
        bytes += head.utf8
        body(&bytes)
        bytes += xhtmlTail.utf8
        return bytes
    }

    /// What comes after the body of an XHTML5 content document.
    static let xhtmlTail = "</body>\n</html>\n"

    /// What comes before the body of an XHTML5 content document.
    static func xhtmlHead(title: String, language: String, bodyClass: String, stylesheet: String) -> String {
        """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="\(language)" xml:lang="\(language)">
            <head>
            <meta charset="UTF-8" />
            <title>\(XMLText.escaped(title))</title>
            <link rel="stylesheet" type="text/css" href="\(stylesheet)" />
            </head>
            <body class="\(bodyClass)">

            """
    }

    /// A complete XHTML5 content document whose body is `body`.
    static func xhtml(title: String, language: String, bodyClass: String, body: String, stylesheet: String = "../" + stylesheetPath) -> [UInt8] {
        xhtml(title: title, language: language, bodyClass: bodyClass, stylesheet: stylesheet, bodySize: body.utf8.count) { $0 += body.utf8 }
    }

    static func cover(imagePath: String, title: String, language: String) -> [UInt8] {
        let body = "<section class=\"cover\" epub:type=\"cover\">\n<img role=\"doc-cover\" src=\"../\(imagePath)\" alt=\"\(XMLText.escapedAttribute(title))\" />\n</section>\n"
        return xhtml(title: title, language: language, bodyClass: "cover-page", body: body)
    }

    static func titlePage(_ metadata: BookMetadata) -> [UInt8] {
        var body = "<section class=\"title-page\" epub:type=\"titlepage\">\n<h1 class=\"book-title\">\(XMLText.escaped(metadata.title))</h1>\n"
        if let subtitle = metadata.subtitle { body += "<p class=\"book-subtitle\">\(XMLText.escaped(subtitle))</p>\n" }
        for author in metadata.authors { body += "<p class=\"book-author\">\(XMLText.escaped(author))</p>\n" }
        if let publisher = metadata.publisher { body += "<p class=\"book-publisher\">\(XMLText.escaped(publisher))</p>\n" }
        body += "</section>\n"
        return xhtml(title: metadata.title, language: metadata.language, bodyClass: "front-matter", body: body)
    }

    static func partPage(_ part: Part, language: String) -> [UInt8] {
        let body = "<section class=\"part\" epub:type=\"part\" role=\"doc-part\">\n<h1 class=\"part-title\">\(XMLText.escaped(part.title))</h1>\n</section>\n"
        return xhtml(title: part.title, language: language, bodyClass: "part-page", body: body)
    }

    /// A chapter's document, with what its writer saw: whether it holds MathML, whether every
    /// image has an alt text.
    struct Chapter {
        var bytes: [UInt8]
        var hasMath: Bool
        var imagesDescribed: Bool
    }

    static func chapter(_ article: Article, layout: EPUBLayout, bookLanguage: String) -> Chapter {
        let language = article.metadata.language ?? bookLanguage
        var writer = XHTMLBodyWriter(article: article, links: layout,
                                     options: .init(epubSemantics: true, idPrefix: "", language: language))
        let content = writer.writeArticle()
        let open: StaticString = "<section class=\"chapter\" epub:type=\"chapter\" role=\"doc-chapter\">\n"
        let close: StaticString = "</section>\n"
        let bytes = xhtml(title: article.metadata.title, language: language, bodyClass: "chapter-page",
                          bodySize: open.utf8CodeUnitCount + content.count + close.utf8CodeUnitCount) { bytes in
            bytes.append(open)
            bytes += content
            bytes.append(close)
        }
        return Chapter(bytes: bytes, hasMath: writer.wroteMath, imagesDescribed: writer.imagesDescribed)
    }
}
