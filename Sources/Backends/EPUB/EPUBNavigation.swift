import Compiler

/// The navigation document (`nav.xhtml`: table of contents and landmarks) and, for older
/// readers, `toc.ncx`. Both list parts → articles → headings down to `tocDepth`.
///
/// Both are written in one pass, each into a ``DeflateStream``, an article at a time, each
/// article's entries made as it is reached: at 10,000 articles the two documents are 28 MB, and
/// held whole with their entries' strings they were 26 MB of the EPUB's peak memory.
struct EPUBNavigation: Sendable {
    /// One entry of the table of contents.
    private struct Entry {
        var title: String
        var href: String
        var children: [Entry]
    }

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
            var open: [UInt8] = []
            var deepest = 0
            article.blocks.forEachBlock { block in
                if case .heading(_, let level) = block.kind, headingLevels.contains(Int(level)), block.attributes.id != nil {
                    while let last = open.last, last >= level { open.removeLast() }
                    open.append(level)
                    deepest = max(deepest, open.count)
                }
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

    /// An article's entry, with its headings under it.
    private func entry(of article: Article) -> Entry {
        let file = layout.path(of: article.id) ?? ""
        let headings = tocDepth >= 2 ? article.headings(levels: 2...tocDepth) : []
        return Entry(title: article.metadata.title, href: file, children: Self.nest(headings.map { heading in
            // A link's text is in the plain text, a footnote mark is not: as without links.
            (heading.level, Entry(title: heading.content.plainText, href: file + "#" + URLText.fragment(heading.id), children: []))
        }))
    }

    /// Headings as a tree: each under the nearest heading before it of a higher rank.
    private static func nest(_ items: [(level: Int, entry: Entry)]) -> [Entry] {
        var result: [Entry] = []
        var index = 0
        func children(deeperThan level: Int) -> [Entry] {
            var list: [Entry] = []
            while index < items.count, items[index].level > level {
                var entry = items[index].entry
                let ownLevel = items[index].level
                index += 1
                entry.children = children(deeperThan: ownLevel)
                list.append(entry)
            }
            return list
        }
        while index < items.count {
            result += children(deeperThan: items[index].level - 1)
        }
        return result
    }

    /// Writes `nav.xhtml` (the table of contents, then the landmarks) into `nav` and `toc.ncx`
    /// (the EPUB 2 navigation) into `ncx`, an article at a time: each article's entry is made
    /// once for both. Returns the last bytes of each, for the streams to finish with.
    func write(metadata: BookMetadata, firstChapter: String?, nav: DeflateStream, ncx: DeflateStream) throws -> (nav: [UInt8], ncx: [UInt8]) {
        var navBytes = navHead(metadata: metadata)
        var ncxBytes = ncxHead(metadata: metadata)
        var counter = 0
        for section in sections {
            switch section {
            case .article(let article):
                let entry = entry(of: article)
                Self.item(entry, into: &navBytes)
                Self.point(entry, indent: 4, counter: &counter, into: &ncxBytes)
            case .part(let title, let href, let articles):
                Self.openItem(title: title, href: href, into: &navBytes)
                Self.openPoint(title: title, href: href, indent: 4, counter: &counter, into: &ncxBytes)
                if !articles.isEmpty { navBytes.append("\n<ol>\n") }
                for article in articles {
                    let entry = entry(of: article)
                    Self.item(entry, into: &navBytes)
                    Self.point(entry, indent: 6, counter: &counter, into: &ncxBytes)
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

    private static func item(_ entry: Entry, into bytes: inout [UInt8]) {
        openItem(title: entry.title, href: entry.href, into: &bytes)
        if !entry.children.isEmpty {
            bytes.append("\n<ol>\n")
            for child in entry.children { item(child, into: &bytes) }
            bytes.append("</ol>\n")
        }
        bytes.append("</li>\n")
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

    private static func point(_ entry: Entry, indent: Int, counter: inout Int, into bytes: inout [UInt8]) {
        openPoint(title: entry.title, href: entry.href, indent: indent, counter: &counter, into: &bytes)
        for child in entry.children { point(child, indent: indent + 2, counter: &counter, into: &bytes) }
        closePoint(indent: indent, into: &bytes)
    }
}
