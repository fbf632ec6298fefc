import Compiler

/// The navigation document (`nav.xhtml`: table of contents and landmarks) and, for older
/// readers, `toc.ncx`. Both list parts → articles → headings down to `tocDepth`.
struct EPUBNavigation: Sendable {
    /// One entry of the table of contents.
    struct Entry: Sendable {
        var title: String
        var href: String
        var children: [Entry]
    }

    let entries: [Entry]
    /// The bytes of the entries' titles and links, how many entries there are and how deep they
    /// nest: what sizes the navigation documents.
    private let textSize: Int
    private let entryCount: Int
    private let depth: Int

    /// `tocDepth` is the deepest heading level listed under an article (1: articles only).
    init(book: Book, layout: EPUBLayout, tocDepth: Int) {
        @Sendable func articleEntry(_ article: Article) -> Entry {
            let file = layout.path(of: article.id) ?? ""
            let headings = tocDepth >= 2 ? article.headings(levels: 2...tocDepth) : []
            return Entry(title: article.metadata.title, href: file, children: Self.nest(headings.map { heading in
                // A link's text is in the plain text, a footnote mark is not: as without links.
                (heading.level, Entry(title: heading.content.plainText, href: file + "#" + URLText.fragment(heading.id), children: []))
            }))
        }
        // Each article's entries (its headings, their anchors) are made on all cores.
        var entries = book.frontArticles.parallelMap(articleEntry)
        for document in layout.documents {
            if case .part(let part) = document.content {
                entries.append(Entry(title: part.title, href: document.path, children: part.articles.parallelMap(articleEntry)))
            }
        }
        self.entries = entries
        (textSize, entryCount, depth) = Self.measure(entries)
    }

    private static func measure(_ entries: [Entry]) -> (textSize: Int, count: Int, depth: Int) {
        var textSize = 0
        var count = 0
        var depth = 0
        for entry in entries {
            let children = measure(entry.children)
            textSize += entry.title.utf8.count + entry.href.utf8.count + children.textSize
            count += 1 + children.count
            depth = max(depth, 1 + children.depth)
        }
        return (textSize, count, depth)
    }

    /// Turns a flat list of (level, entry) into a tree: each entry goes under the nearest
    /// shallower one before it.
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

    /// `nav.xhtml`, as UTF-8 (written into one array of about its size: for a big book it is
    /// one of the largest files).
    func navDocument(metadata: BookMetadata, firstChapter: String?) -> [UInt8] {
        let chinese = metadata.language.lowercased().hasPrefix("zh")
        let tocTitle = chinese ? "目录" : "Contents"
        var landmarks = "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<ol>\n"
        landmarks += "<li><a epub:type=\"cover\" href=\"text/cover.xhtml\">\(chinese ? "封面" : "Cover")</a></li>\n"
        landmarks += "<li><a epub:type=\"titlepage\" href=\"text/title.xhtml\">\(chinese ? "书名页" : "Title page")</a></li>\n"
        landmarks += "<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">\(XMLText.escaped(tocTitle))</a></li>\n"
        if let firstChapter { landmarks += "<li><a epub:type=\"bodymatter\" href=\"\(firstChapter)\">\(chinese ? "正文" : "Start")</a></li>\n" }
        landmarks += "</ol>\n</nav>\n"
        // An entry's markup, `<li><a href="">…</a></li>` and the list around it, is under 40 bytes.
        let size = textSize + 40 * entryCount + landmarks.utf8.count + 200
        return EPUBDocuments.xhtml(title: tocTitle, language: metadata.language, bodyClass: "navigation",
                                   stylesheet: EPUBDocuments.stylesheetPath, bodySize: size) { body in
            body.append("<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\">\n<h1>")
            XMLText.appendEscaped(tocTitle, attribute: false, to: &body)
            body.append("</h1>\n")
            list(entries, into: &body)
            body.append("</nav>\n")
            body.appendUTF8(landmarks)
        }
    }

    private func list(_ entries: [Entry], into bytes: inout [UInt8]) {
        bytes.append("<ol>\n")
        for entry in entries {
            bytes.append("<li><a href=\"")
            XMLText.appendEscaped(entry.href, attribute: true, to: &bytes)
            bytes.append("\">")
            XMLText.appendEscaped(entry.title.isEmpty ? "—" : entry.title, attribute: false, to: &bytes)
            bytes.append("</a>")
            if !entry.children.isEmpty {
                bytes.append("\n")
                list(entry.children, into: &bytes)
            }
            bytes.append("</li>\n")
        }
        bytes.append("</ol>\n")
    }

    /// `toc.ncx` (EPUB 2's table of contents), as UTF-8, written into one array of about its size.
    func ncx(metadata: BookMetadata) -> [UInt8] {
        let head = """
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

            """
        let tail = "  </navMap>\n</ncx>\n"
        // An entry's markup is under 130 bytes besides its three indents of up to 2 × depth + 4 spaces.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(head.utf8.count + textSize + (130 + 3 * (2 * depth + 4)) * entryCount + tail.utf8.count)
        bytes.appendUTF8(head)
        var counter = 0
        func points(_ entries: [Entry], indent: Int) {
            for entry in entries {
                counter += 1
                bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
                bytes.append("<navPoint id=\"nav-")
                bytes.append(decimal: counter)
                bytes.append("\" playOrder=\"")
                bytes.append(decimal: counter)
                bytes.append("\">\n")
                bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2))
                bytes.append("<navLabel><text>")
                XMLText.appendEscaped(entry.title.isEmpty ? "—" : entry.title, attribute: false, to: &bytes)
                bytes.append("</text></navLabel>\n")
                bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2))
                bytes.append("<content src=\"")
                XMLText.appendEscaped(entry.href, attribute: true, to: &bytes)
                bytes.append("\"/>\n")
                points(entry.children, indent: indent + 2)
                bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
                bytes.append("</navPoint>\n")
            }
        }
        points(entries, indent: 4)
        bytes.appendUTF8(tail)
        return bytes
    }
}
