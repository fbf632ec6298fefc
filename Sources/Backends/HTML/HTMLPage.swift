import Compiler
import Foundation

/// The one HTML document: head (CSP, inline style), header with search and theme toggle, the
/// sidebar table of contents, the title block, the articles, the search index and the script.
struct HTMLPage {
    var metadata: BookMetadata
    /// The edition's date, `YYYY-MM-DD`.
    var date: String?
    var sidebar: String
    /// The articles and part pages, in book order.
    var content: [Artifact.Piece]
    /// The search index's JSON, in UTF-8.
    var searchIndex: [UInt8]
    var stylesheet: String
    var script: String

    /// Nothing may be fetched: images are `data:` URLs, style and script are inline.
    static let contentSecurityPolicy =
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'"

    /// The document's pieces, in order: the articles and the search index of a large book are
    /// each tens of megabytes, so they are written as they are, not joined.
    func pieces() -> [Artifact.Piece] {
        [.text(prologue())] + content + [.text(Self.searchIndexStart), .bytes(searchIndex), .text(epilogue())]
    }

    /// Everything before the articles.
    private func prologue() -> String {
        let chinese = metadata.language.lowercased().hasPrefix("zh")
        let title = XMLText.escaped(metadata.title)
        var titleBlock = "<header class=\"title-page\">\n<h1 class=\"book-title\">\(title)</h1>\n"
        if let subtitle = metadata.subtitle { titleBlock += "<p class=\"book-subtitle\">\(XMLText.escaped(subtitle))</p>\n" }
        if !metadata.authors.isEmpty { titleBlock += "<p class=\"book-author\">\(XMLText.escaped(metadata.authors.joined(separator: "、")))</p>\n" }
        if let date { titleBlock += "<p class=\"book-date\">\(date)</p>\n" }
        titleBlock += "</header>\n"
        return """
            <!DOCTYPE html>
            <html lang="\(metadata.language)">
            <head>
            <meta charset="utf-8" />
            <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta name="generator" content="kbcompile" />
            <title>\(title)</title>
            <style>
            \(Self.inline(stylesheet))
            </style>
            </head>
            <body>
            <header class="kb-bar">
            <button type="button" id="kb-toc-toggle" class="kb-button" aria-controls="kb-sidebar" aria-expanded="true" hidden="hidden">☰</button>
            <a class="kb-bar-title" href="#top">\(title)</a>
            <form id="kb-search" role="search" hidden="hidden">
            <input type="search" id="kb-search-input" placeholder="\(chinese ? "搜索（按 / 键）" : "Search (press /)")" aria-label="\(chinese ? "搜索" : "Search")" autocomplete="off" />
            </form>
            <button type="button" id="kb-theme-toggle" class="kb-button" aria-label="\(chinese ? "切换深色/浅色" : "Toggle dark/light")" hidden="hidden">◐</button>
            </header>
            <div id="kb-search-results" role="region" aria-live="polite" hidden="hidden"></div>
            <nav id="kb-sidebar" aria-label="\(chinese ? "目录" : "Contents")">
            \(sidebar)</nav>
            <main id="top">
            \(titleBlock)
            """
    }

    /// Between the articles and the search index.
    private static let searchIndexStart = "</main>\n<script type=\"application/json\" id=\"kb-search-index\">"

    /// Everything after the search index.
    private func epilogue() -> String {
        """
        </script>
        <script>
        \(Self.inline(script))
        </script>
        </body>
        </html>

        """
    }

    /// Parts → articles → headings down to `tocDepth`, as nested lists of in-page links.
    static func sidebar(_ book: Book, links: HTMLLinkTargets, tocDepth: Int) -> String {
        func articleItem(_ article: Article) -> String {
            var item = "<li><a href=\"#\(links.articleID(article.id))\">\(XMLText.escaped(article.metadata.title))</a>"
            let headings = tocDepth >= 2 ? article.headings(levels: 2...tocDepth) : []
            if !headings.isEmpty {
                item += "\n<ol>\n"
                for heading in headings {
                    let href = "#" + URLText.fragment(links.idPrefix(article.id) + heading.id)
                    item += "<li class=\"toc-h\(heading.level)\"><a href=\"\(XMLText.escapedAttribute(href))\">\(XMLText.escaped(heading.content.plainText))</a></li>\n"
                }
                item += "</ol>\n"
            }
            return item + "</li>\n"
        }
        var text = "<ol class=\"kb-toc\">\n"
        for article in book.frontArticles { text += articleItem(article) }
        for (index, part) in book.parts.enumerated() {
            text += "<li class=\"toc-part\"><a href=\"#part-\(index + 1)\">\(XMLText.escaped(part.title))</a>\n<ol>\n"
            for article in part.articles { text += articleItem(article) }
            text += "</ol>\n</li>\n"
        }
        return text + "</ol>\n"
    }

    /// Style or script text that cannot end its element early (`</` becomes `<\/`, the same to CSS and JavaScript).
    static func inline(_ text: String) -> String {
        text.replacingOccurrences(of: "</", with: "<\\/")
    }
}
