import Compiler
import Foundation

/// Writes the book as one EPUB 3.3 file, zipped with libzip.
///
/// Options (`epub:` in kbcompile.yml): `toc-depth` (1–6, default 2: articles and their `##`
/// headings), `contents-page` (`true` by default: the table of contents is also a page of the
/// book, after the title page), `stylesheet` (a CSS file in the knowledge base that replaces
/// `templates/epub/style.css`).
public struct EPUBBackend: Backend {
    public var format: OutputFormat { .epub }

    public init() {}

    public func render(_ book: Book, context: RenderContext) throws -> [Artifact] {
        let metadata = book.metadata
        let layout = EPUBLayout(book: book)
        let tocDepth = context.options["toc-depth"].flatMap(Int.init).map { min(max($0, 1), 6) } ?? 2
        let contentsPage = context.options["contents-page"].map { !["false", "no", "0"].contains($0.lowercased()) } ?? true
        let seconds = BookDate.seconds(context, metadata) ?? Self.fallbackDate

        var zip = ZipWriter(modified: seconds)
        zip.add("mimetype", text: "application/epub+zip", compressed: false)
        zip.add("META-INF/container.xml", text: Self.container)

        var items: [EPUBPackageDocument.Item] = [
            .init(id: "nav", href: "nav.xhtml", mediaType: "application/xhtml+xml", properties: ["nav"]),
            .init(id: "ncx", href: "toc.ncx", mediaType: "application/x-dtbncx+xml"),
            .init(id: "style", href: EPUBDocuments.stylesheetPath, mediaType: "text/css"),
        ]
        var spine: [String] = []
        var files: [(path: String, bytes: [UInt8])] = []

        // Cover: the configured image, else one drawn from the title.
        var coverImagePath: String
        if let cover = metadata.cover, let path = layout.path(of: cover) {
            coverImagePath = path
        } else {
            coverImagePath = "\(EPUBLayout.imageFolder)/cover.svg"
            files.append((coverImagePath, Array(GeneratedCover.svg(metadata).utf8)))
            items.append(.init(id: "cover-image", href: coverImagePath, mediaType: "image/svg+xml", properties: ["cover-image"]))
        }
        files.append(("text/cover.xhtml", Array(EPUBDocuments.cover(imagePath: coverImagePath, title: metadata.title, language: metadata.language).utf8)))
        items.append(.init(id: "cover", href: "text/cover.xhtml", mediaType: "application/xhtml+xml"))
        spine.append("cover")
        files.append(("text/title.xhtml", Array(EPUBDocuments.titlePage(metadata).utf8)))
        items.append(.init(id: "title-page", href: "text/title.xhtml", mediaType: "application/xhtml+xml"))
        spine.append("title-page")
        spine.append("nav")

        // The chapters are written on all cores; they are independent. Each is kept as bytes only,
        // with what the package document says of it.
        let chapters = layout.documents.parallelMap { document -> (text: [UInt8], hasMath: Bool, imagesDescribed: Bool) in
            switch document.content {
            case .part(let part):
                (Array(EPUBDocuments.partPage(part, language: metadata.language).utf8), false, true)
            case .article(let article):
                (Array(EPUBDocuments.chapter(article, layout: layout, bookLanguage: metadata.language).utf8),
                 article.containsMath, article.imagesDescribed)
            }
        }
        var hasMath = false
        for (document, chapter) in Swift.zip(layout.documents, chapters) {
            hasMath = hasMath || chapter.hasMath
            files.append((document.path, chapter.text))
            items.append(.init(id: document.id, href: document.path, mediaType: "application/xhtml+xml", properties: chapter.hasMath ? ["mathml"] : []))
            spine.append(document.id)
        }
        for image in layout.images {
            files.append((image.path, try ImageLoader.bytes(of: image.resource)))
            let isCover = image.resource.id == metadata.cover
            items.append(.init(id: isCover ? "cover-image" : image.id, href: image.path, mediaType: image.resource.mediaType,
                               properties: isCover ? ["cover-image"] : []))
        }

        let navigation = EPUBNavigation(book: book, layout: layout, tocDepth: tocDepth)
        let firstChapter = layout.documents.first.map(\.path)
        let package = EPUBPackageDocument(
            metadata: metadata, modified: BookDate.timestamp(seconds), subjects: Self.subjects(of: book), items: items,
            spine: spine, nonLinear: contentsPage ? [] : ["nav"],
            accessibility: EPUBAccessibility(hasImages: !layout.images.isEmpty, imagesDescribed: chapters.allSatisfy(\.imagesDescribed), hasMath: hasMath))

        zip.add("EPUB/package.opf", text: package.xml())
        zip.add("EPUB/nav.xhtml", text: navigation.navDocument(metadata: metadata, firstChapter: firstChapter))
        zip.add("EPUB/toc.ncx", text: navigation.ncx(metadata: metadata))
        zip.add("EPUB/\(EPUBDocuments.stylesheetPath)", text: context.customTemplate ?? BuiltInTemplates.epubStylesheet)
        for file in files {
            // Images are compressed already.
            zip.add("EPUB/" + file.path, file.bytes, compressed: !file.path.hasPrefix(EPUBLayout.imageFolder + "/") || file.path.hasSuffix(".svg"))
        }
        let archive: [UInt8]
        do {
            archive = try zip.archive()
        } catch {
            throw BackendFailure(message: "cannot write the EPUB archive: \(error)")
        }
        return [Artifact(path: context.baseName + ".epub", bytes: archive)]
    }

    /// The date used when neither `SOURCE_DATE_EPOCH` nor any article's `createTime` gives one: 2000-01-01.
    static let fallbackDate = 946_684_800

    static let container = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles>
            <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
          </rootfiles>
        </container>

        """

    /// The tags of every article, each once, in order of first use.
    static func subjects(of book: Book) -> [String] {
        var seen: Set<String> = []
        return book.articles.flatMap(\.metadata.tags).filter { seen.insert($0).inserted }
    }

}

extension Article {
    /// Whether the article (footnotes included) has a formula: its document then needs the `mathml` property.
    var containsMath: Bool {
        let blocks = allBlocks
        return blocks.containsBlock { if case .math = $0.kind { true } else { false } }
            || blocks.containsInline { if case .math = $0 { true } else { false } }
    }

    /// Whether every image the article shows has an alt text.
    var imagesDescribed: Bool {
        !allBlocks.containsInline { inline in
            guard case .image(let image) = inline else { return false }
            return image.resource != nil && image.alt.plainText.isEmpty
        }
    }
}
