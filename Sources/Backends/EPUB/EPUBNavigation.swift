import Compiler

/// The navigation document (`nav.xhtml`: table of contents and landmarks) and, for older
/// readers, `toc.ncx`. Both list parts → articles → headings down to `tocDepth`.
///
/// Both are written into a ``DeflateStream`` an article at a time, each article's entries made
/// as it is reached: at 10,000 articles the two documents are 28 MB, and their entries as
/// strings as much again, which held whole were a tenth of the EPUB's peak memory.
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
            // Nested as the entries are, without their text.
            let nested = Self.nest(article.headings(levels: headingLevels).map { ($0.level, Entry(title: "", href: "", children: [])) })
            return 1 + Self.depth(of: nested)
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

    private static func depth(of entries: [Entry]) -> Int {
        entries.map { 1 + depth(of: $0.children) }.max() ?? 0
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

    /// Calls `open` and `close` around each section's entries, and `body` for each article's entry
    /// (then deflates what was written, once there is enough of it).
    private func forEachEntry(in stream: DeflateStream, open: (_ title: String, _ href: String, _ isEmpty: Bool) -> Void,
                              close: (_ isEmpty: Bool) -> Void, body: (Entry) -> Void) throws {
        for section in sections {
            switch section {
            case .article(let article):
                body(entry(of: article))
            case .part(let title, let href, let articles):
                open(title, href, articles.isEmpty)
                for article in articles {
                    body(entry(of: article))
                    try stream.deflatePending()
                }
                close(articles.isEmpty)
            }
            try stream.deflatePending()
        }
    }

    /// Writes `nav.xhtml`: the table of contents, then the landmarks.
    func writeNavDocument(metadata: BookMetadata, firstChapter: String?, to stream: DeflateStream) throws {
        let chinese = metadata.language.lowercased().hasPrefix("zh")
        let tocTitle = chinese ? "目录" : "Contents"
        var landmarks = "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<ol>\n"
        landmarks += "<li><a epub:type=\"cover\" href=\"text/cover.xhtml\">\(chinese ? "封面" : "Cover")</a></li>\n"
        landmarks += "<li><a epub:type=\"titlepage\" href=\"text/title.xhtml\">\(chinese ? "书名页" : "Title page")</a></li>\n"
        landmarks += "<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">\(XMLText.escaped(tocTitle))</a></li>\n"
        if let firstChapter { landmarks += "<li><a epub:type=\"bodymatter\" href=\"\(firstChapter)\">\(chinese ? "正文" : "Start")</a></li>\n" }
        landmarks += "</ol>\n</nav>\n"
        let (head, tail) = EPUBDocuments.xhtmlFrame(title: tocTitle, language: metadata.language, bodyClass: "navigation",
                                                    stylesheet: EPUBDocuments.stylesheetPath)
        stream.pending.appendUTF8(head)
        stream.pending.append("<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\">\n<h1>")
        XMLText.appendEscaped(tocTitle, attribute: false, to: &stream.pending)
        stream.pending.append("</h1>\n<ol>\n")
        try forEachEntry(in: stream) { title, href, isEmpty in
            Self.openItem(title: title, href: href, into: &stream.pending)
            if !isEmpty { stream.pending.append("\n<ol>\n") }
        } close: { isEmpty in
            stream.pending.append(isEmpty ? "</li>\n" : "</ol>\n</li>\n")
        } body: { entry in
            Self.item(entry, into: &stream.pending)
        }
        stream.pending.append("</ol>\n</nav>\n")
        stream.pending.appendUTF8(landmarks)
        stream.pending.appendUTF8(tail)
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

    /// Writes `toc.ncx`, the EPUB 2 navigation.
    func writeNCX(metadata: BookMetadata, to stream: DeflateStream) throws {
        stream.pending.appendUTF8("""
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

            """)
        var counter = 0
        func openPoint(title: String, href: String, indent: Int) {
            counter += 1
            stream.pending.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
            stream.pending.append("<navPoint id=\"nav-")
            stream.pending.append(decimal: counter)
            stream.pending.append("\" playOrder=\"")
            stream.pending.append(decimal: counter)
            stream.pending.append("\">\n")
            stream.pending.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2))
            stream.pending.append("<navLabel><text>")
            XMLText.appendEscaped(title.isEmpty ? "—" : title, attribute: false, to: &stream.pending)
            stream.pending.append("</text></navLabel>\n")
            stream.pending.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2))
            stream.pending.append("<content src=\"")
            XMLText.appendEscaped(href, attribute: true, to: &stream.pending)
            stream.pending.append("\"/>\n")
        }
        func closePoint(indent: Int) {
            stream.pending.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
            stream.pending.append("</navPoint>\n")
        }
        func point(_ entry: Entry, indent: Int) {
            openPoint(title: entry.title, href: entry.href, indent: indent)
            for child in entry.children { point(child, indent: indent + 2) }
            closePoint(indent: indent)
        }
        var inPart = false
        try forEachEntry(in: stream) { title, href, _ in
            openPoint(title: title, href: href, indent: 4)
            inPart = true
        } close: { _ in
            closePoint(indent: 4)
            inPart = false
        } body: { entry in
            point(entry, indent: inPart ? 6 : 4)
        }
        stream.pending.appendUTF8("  </navMap>\n</ncx>\n")
    }
}
