import Compiler

/// The navigation document (`nav.xhtml`: table of contents and landmarks) and, for older
/// readers, `toc.ncx`. Both list parts → articles → headings down to `tocDepth`.
///
/// Both are written in one pass, each into a ``DeflateStream``, an article at a time, each
/// article's entries written as its headings are met: at 10,000 articles the two documents are 28 MB, and
/// held whole with their entries' strings they were 26 MB of the EPUB's peak memory.
struct EPUBNavigation: Sendable {
    /// What the top level lists: front articles, and parts with their articles.
    private enum Section: Sendable {
        case article(Article)
        case part(title: String, href: String, articles: [Article])
    }

    private let sections: [Section]
    private let layout: EPUBLayout
    private let tocDepth: Int
    /// The deepest nesting of entries (the NCX states it before its entries).
    private let depth: Int

    init(book: Book, layout: EPUBLayout, tocDepth: Int) {
        var sections = book.frontArticles.map(Section.article)
        for document in layout.documents {
            if case .part(let part) = document.content {
                sections.append(.part(title: part.title, href: document.path, articles: part.articles))
            }
        }
        self.sections = sections
        self.layout = layout
        self.tocDepth = tocDepth
        let headingLevels = tocDepth >= 2 ? 2...tocDepth : nil
        func articleDepth(_ article: Article) -> Int {
            guard let headingLevels else { return 1 }
            // Nested as the entries are (each heading under the nearest one before it of a higher
            // rank), from the levels alone: the levels open at each heading, no entries made.
            var open: [Int] = []
            var deepest = 0
            article.forEachHeading(levels: headingLevels) { level, _, _ in
                while let last = open.last, last >= level { open.removeLast() }
                open.append(level)
                deepest = max(deepest, open.count)
            }
            return 1 + deepest
        }
        depth = sections.map { section in
            switch section {
            case .article(let article): articleDepth(article)
            case .part(_, _, let articles): 1 + (articles.map(articleDepth).max() ?? 0)
            }
        }.max() ?? 0
    }

    /// Writes an article's entry, with its headings nested under it (each under the nearest
    /// heading before it of a higher rank), into both documents in one walk of its blocks: the
    /// entries open are a stack, and no tree of them is made.
    private func writeEntries(of article: Article, indent: Int, counter: inout Int, nav: inout [UInt8], ncx: inout [UInt8]) {
        let file = layout.path(of: article.id) ?? ""
        Self.openItem(title: article.metadata.title, href: file, into: &nav)
        Self.openPoint(title: article.metadata.title, href: file, indent: indent, counter: &counter, into: &ncx)
        // The open entries, the article's first: each one's heading level and whether its list of children was begun.
        var open: [(level: Int, hasChildren: Bool)] = [(level: 0, hasChildren: false)]
        if tocDepth >= 2 {
            article.forEachHeading(levels: 2...tocDepth) { level, id, content in
                while open.count > 1, open[open.count - 1].level >= level {
                    Self.closeEntry(open.removeLast(), indent: indent + 2 * open.count, nav: &nav, ncx: &ncx)
                }
                if !open[open.count - 1].hasChildren {
                    open[open.count - 1].hasChildren = true
                    nav.append("\n<ol>\n")
                }
                // A link's text is in the plain text, a footnote mark is not: as without links.
                let title = content.plainText
                let href = file + "#" + URLText.fragment(id)
                Self.openItem(title: title, href: href, into: &nav)
                Self.openPoint(title: title, href: href, indent: indent + 2 * open.count, counter: &counter, into: &ncx)
                open.append((level: level, hasChildren: false))
            }
        }
        while let last = open.popLast() {
            Self.closeEntry(last, indent: indent + 2 * open.count, nav: &nav, ncx: &ncx)
        }
    }

    /// Ends an entry in both documents: its list of children, if it has one, and its item; its `navPoint`.
    private static func closeEntry(_ entry: (level: Int, hasChildren: Bool), indent: Int, nav: inout [UInt8], ncx: inout [UInt8]) {
        if entry.hasChildren { nav.append("</ol>\n") }
        nav.append("</li>\n")
        closePoint(indent: indent, into: &ncx)
    }

    /// Writes `nav.xhtml` (the table of contents, then the landmarks) into `nav` and `toc.ncx`
    /// (the EPUB 2 navigation) into `ncx`, an article at a time, both from one walk of its
    /// blocks. Returns the last bytes of each, for the streams to finish with.
    func write(metadata: BookMetadata, firstChapter: String?, nav: DeflateStream, ncx: DeflateStream) throws -> (nav: [UInt8], ncx: [UInt8]) {
        var navBytes = navHead(metadata: metadata)
        var ncxBytes = ncxHead(metadata: metadata)
        var counter = 0
        for section in sections {
            switch section {
            case .article(let article):
                writeEntries(of: article, indent: 4, counter: &counter, nav: &navBytes, ncx: &ncxBytes)
            case .part(let title, let href, let articles):
                Self.openItem(title: title, href: href, into: &navBytes)
                Self.openPoint(title: title, href: href, indent: 4, counter: &counter, into: &ncxBytes)
                if !articles.isEmpty { navBytes.append("\n<ol>\n") }
                for article in articles {
                    writeEntries(of: article, indent: 6, counter: &counter, nav: &navBytes, ncx: &ncxBytes)
                    try nav.deflate(&navBytes)
                    try ncx.deflate(&ncxBytes)
                }
                navBytes.append(articles.isEmpty ? "</li>\n" : "</ol>\n</li>\n")
                Self.closePoint(indent: 4, into: &ncxBytes)
            }
            try nav.deflate(&navBytes)
            try ncx.deflate(&ncxBytes)
        }
        navBytes += navTail(metadata: metadata, firstChapter: firstChapter)
        ncxBytes.append("  </navMap>\n</ncx>\n")
        return (navBytes, ncxBytes)
    }

    /// `nav.xhtml` up to its first entry.
    private func navHead(metadata: BookMetadata) -> [UInt8] {
        var bytes = Array(EPUBDocuments.xhtmlHead(title: Self.tocTitle(metadata), language: metadata.language, bodyClass: "navigation",
                                                  stylesheet: EPUBDocuments.stylesheetPath).utf8)
        bytes.append("<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\">\n<h1>")
        XMLText.appendEscaped(Self.tocTitle(metadata), attribute: false, to: &bytes)
        bytes.append("</h1>\n<ol>\n")
        return bytes
    }

    /// `nav.xhtml` after its last entry: the end of the contents, the landmarks.
    private func navTail(metadata: BookMetadata, firstChapter: String?) -> [UInt8] {
        let chinese = metadata.language.lowercased().hasPrefix("zh")
        var landmarks = "</ol>\n</nav>\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<ol>\n"
        landmarks += "<li><a epub:type=\"cover\" href=\"text/cover.xhtml\">\(chinese ? "封面" : "Cover")</a></li>\n"
        landmarks += "<li><a epub:type=\"titlepage\" href=\"text/title.xhtml\">\(chinese ? "书名页" : "Title page")</a></li>\n"
        landmarks += "<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">\(XMLText.escaped(Self.tocTitle(metadata)))</a></li>\n"
        if let firstChapter { landmarks += "<li><a epub:type=\"bodymatter\" href=\"\(firstChapter)\">\(chinese ? "正文" : "Start")</a></li>\n" }
        landmarks += "</ol>\n</nav>\n"
        return Array((landmarks + EPUBDocuments.xhtmlTail).utf8)
    }

    private static func tocTitle(_ metadata: BookMetadata) -> String {
        metadata.language.lowercased().hasPrefix("zh") ? "目录" : "Contents"
    }

    private static func openItem(title: String, href: String, into bytes: inout [UInt8]) {
        bytes.append("<li><a href=\"")
        XMLText.appendEscaped(href, attribute: true, to: &bytes)
        bytes.append("\">")
        XMLText.appendEscaped(title.isEmpty ? "—" : title, attribute: false, to: &bytes)
        bytes.append("</a>")
    }

    /// `toc.ncx` up to its first entry.
    private func ncxHead(metadata: BookMetadata) -> [UInt8] {
        Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="\(metadata.language)">
              <head>
                <meta name="dtb:uid" content="\(XMLText.escapedAttribute(metadata.identifier))"/>
                <meta name="dtb:depth" content="\(depth)"/>
                <meta name="dtb:totalPageCount" content="0"/>
                <meta name="dtb:maxPageNumber" content="0"/>
              </head>
              <docTitle><text>\(XMLText.escaped(metadata.title))</text></docTitle>
              <navMap>

            """.utf8)
    }

    /// A `navPoint`'s start, numbered by `counter` (its play order).
    private static func openPoint(title: String, href: String, indent: Int, counter: inout Int, into bytes: inout [UInt8]) {
        counter += 1
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
        bytes.append("<navPoint id=\"nav-")
        bytes.append(decimal: counter)
        bytes.append("\" playOrder=\"")
        bytes.append(decimal: counter)
        bytes.append("\">\n")
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2))
        bytes.append("<navLabel><text>")
        XMLText.appendEscaped(title.isEmpty ? "—" : title, attribute: false, to: &bytes)
        bytes.append("</text></navLabel>\n")
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2))
        bytes.append("<content src=\"")
        XMLText.appendEscaped(href, attribute: true, to: &bytes)
        bytes.append("\"/>\n")
    }

    private static func closePoint(indent: Int, into bytes: inout [UInt8]) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
        bytes.append("</navPoint>\n")
    }
}
