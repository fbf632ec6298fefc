import Compiler
import Foundation

/// The one HTML document: head (CSP, inline style), header with search and theme toggle, the
/// sidebar table of contents, the title block, the articles, the search index and the script.
struct HTMLPage {
    var metadata: BookMetadata
    /// The edition's date, `YYYY-MM-DD`.
    var date: String?
    /// The table of contents in the sidebar, made as the file is written
    /// (``writeSidebar(_:links:tocDepth:to:)``).
    var sidebar: Artifact.Piece
    /// The articles and part pages, in book order, written as the file is (`Book.streamedBody`).
    var content: Artifact.Piece
    /// The search index's JSON, in UTF-8, written as the file is (`SearchIndex.json()`).
    var searchIndex: Artifact.Piece
    var stylesheet: String
    var script: String

    /// Nothing may be fetched: images are `data:` URLs, style and script are inline.
    static let contentSecurityPolicy =
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'"

    /// The document's pieces, in order: the articles and the search index of a large book are
    /// each tens of megabytes, so they are written as they are, not joined.
    func pieces() -> [Artifact.Piece] {
        [.text(prologue()), sidebar, .text(titleBlock()), content, .text(Self.searchIndexStart), searchIndex, .text(epilogue())]
    }

    /// Everything before the sidebar's table of contents.
    private func prologue() -> String {
        let chinese = metadata.language.lowercased().hasPrefix("zh")
        let title = XMLText.escaped(metadata.title)
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

            """
    }

    /// From the end of the sidebar to the articles: the title block.
    private func titleBlock() -> String {
        var text = "</nav>\n<main id=\"top\">\n<header class=\"title-page\">\n<h1 class=\"book-title\">\(XMLText.escaped(metadata.title))</h1>\n"
        if let subtitle = metadata.subtitle { text += "<p class=\"book-subtitle\">\(XMLText.escaped(subtitle))</p>\n" }
        if !metadata.authors.isEmpty { text += "<p class=\"book-author\">\(XMLText.escaped(metadata.authors.joined(separator: "、")))</p>\n" }
        if let date { text += "<p class=\"book-date\">\(date)</p>\n" }
        return text + "</header>\n"
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

    /// Parts → articles → headings down to `tocDepth`, as nested lists of in-page links, in
    /// UTF-8, written into `output` 64 KiB at a time: a big book's is megabytes (10 MB at 10,000
    /// articles, and made whole it was the HTML file's peak). Returns how many bytes it wrote.
    static func writeSidebar(_ book: Book, links: HTMLLinkTargets, tocDepth: Int, to output: ArtifactOutput) throws -> Int {
        var bytes: [UInt8] = []
        var written = 0
        func articleItem(_ article: Article) throws {
            bytes.append("<li><a href=\"#")
            bytes.appendUTF8(links.articleID(article.id))
            bytes.append("\">")
            XMLText.appendEscaped(article.metadata.title, attribute: false, to: &bytes)
            bytes.append("</a>")
            let headings = tocDepth >= 2 ? article.headings(levels: 2...tocDepth) : []
            if !headings.isEmpty {
                bytes.append("\n<ol>\n")
                let prefix = links.idPrefix(article.id)
                for heading in headings {
                    bytes.append("<li class=\"toc-h")
                    bytes.append(decimal: heading.level)
                    bytes.append("\"><a href=\"#")
                    XMLText.appendEscaped(URLText.fragment(prefix + heading.id), attribute: true, to: &bytes)
                    bytes.append("\">")
                    XMLText.appendEscaped(heading.content.plainText, attribute: false, to: &bytes)
                    bytes.append("</a></li>\n")
                }
                bytes.append("</ol>\n")
            }
            bytes.append("</li>\n")
            written += try bytes.flush(to: output, at: written, atLeast: 1 << 16)
        }
        bytes.append("<ol class=\"kb-toc\">\n")
        for article in book.frontArticles { try articleItem(article) }
        for (index, part) in book.parts.enumerated() {
            bytes.append("<li class=\"toc-part\"><a href=\"#part-")
            bytes.append(decimal: index + 1)
            bytes.append("\">")
            XMLText.appendEscaped(part.title, attribute: false, to: &bytes)
            bytes.append("</a>\n<ol>\n")
            for article in part.articles { try articleItem(article) }
            bytes.append("</ol>\n</li>\n")
        }
        bytes.append("</ol>\n")
        return written + (try bytes.flush(to: output, at: written))
    }

    /// Style or script text that cannot end its element early (`</` becomes `<\/`, the same to CSS and JavaScript).
    static func inline(_ text: String) -> String {
        text.replacingOccurrences(of: "</", with: "<\\/")
    }
}
