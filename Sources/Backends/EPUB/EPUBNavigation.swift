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

    /// `tocDepth` is the deepest heading level listed under an article (1: articles only).
    init(book: Book, layout: EPUBLayout, tocDepth: Int) {
        @Sendable func articleEntry(_ article: Article) -> Entry {
            let file = layout.path(of: article.id) ?? ""
            let headings = tocDepth >= 2 ? article.headings(levels: 2...tocDepth) : []
            return Entry(title: article.metadata.title, href: file, children: Self.nest(headings.map { heading in
                (heading.level, Entry(title: heading.content.withoutLinks.plainText, href: file + "#" + URLText.fragment(heading.id), children: []))
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

    func navDocument(metadata: BookMetadata, firstChapter: String?) -> String {
        let chinese = metadata.language.lowercased().hasPrefix("zh")
        let tocTitle = chinese ? "目录" : "Contents"
        var body = "<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\">\n<h1>\(XMLText.escaped(tocTitle))</h1>\n"
        list(entries, into: &body)
        body += "</nav>\n"
        body += "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<ol>\n"
        body += "<li><a epub:type=\"cover\" href=\"text/cover.xhtml\">\(chinese ? "封面" : "Cover")</a></li>\n"
        body += "<li><a epub:type=\"titlepage\" href=\"text/title.xhtml\">\(chinese ? "书名页" : "Title page")</a></li>\n"
        body += "<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">\(XMLText.escaped(tocTitle))</a></li>\n"
        if let firstChapter { body += "<li><a epub:type=\"bodymatter\" href=\"\(firstChapter)\">\(chinese ? "正文" : "Start")</a></li>\n" }
        body += "</ol>\n</nav>\n"
        return EPUBDocuments.xhtml(title: tocTitle, language: metadata.language, bodyClass: "navigation", body: body,
                                   stylesheet: EPUBDocuments.stylesheetPath)
    }

    private func list(_ entries: [Entry], into text: inout String) {
        text += "<ol>\n"
        for entry in entries {
            text += "<li><a href=\""
            text += XMLText.escapedAttribute(entry.href)
            text += "\">"
            text += XMLText.escaped(entry.title.isEmpty ? "—" : entry.title)
            text += "</a>"
            if !entry.children.isEmpty {
                text += "\n"
                list(entry.children, into: &text)
            }
            text += "</li>\n"
        }
        text += "</ol>\n"
    }

    func ncx(metadata: BookMetadata) -> String {
        var counter = 0
        var map = ""
        func points(_ entries: [Entry], indent: String) {
            for entry in entries {
                counter += 1
                map += indent
                map += "<navPoint id=\"nav-\(counter)\" playOrder=\"\(counter)\">\n"
                map += indent
                map += "  <navLabel><text>"
                map += XMLText.escaped(entry.title.isEmpty ? "—" : entry.title)
                map += "</text></navLabel>\n"
                map += indent
                map += "  <content src=\""
                map += XMLText.escapedAttribute(entry.href)
                map += "\"/>\n"
                points(entry.children, indent: indent + "  ")
                map += indent
                map += "</navPoint>\n"
            }
        }
        points(entries, indent: "    ")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="\(metadata.language)">
              <head>
                <meta name="dtb:uid" content="\(XMLText.escapedAttribute(metadata.identifier))"/>
                <meta name="dtb:depth" content="\(depth(entries))"/>
                <meta name="dtb:totalPageCount" content="0"/>
                <meta name="dtb:maxPageNumber" content="0"/>
              </head>
              <docTitle><text>\(XMLText.escaped(metadata.title))</text></docTitle>
              <navMap>
            \(map)  </navMap>
            </ncx>

            """
    }

    private func depth(_ entries: [Entry]) -> Int {
        entries.map { 1 + depth($0.children) }.max() ?? 0
    }
}
