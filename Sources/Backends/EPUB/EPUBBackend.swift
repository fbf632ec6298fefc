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
        zip.add("mimetype", text: "application/epub+zip", method: .stored)
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
        files.append(("text/cover.xhtml", EPUBDocuments.cover(imagePath: coverImagePath, title: metadata.title, language: metadata.language)))
        items.append(.init(id: "cover", href: "text/cover.xhtml", mediaType: "application/xhtml+xml"))
        spine.append("cover")
        files.append(("text/title.xhtml", EPUBDocuments.titlePage(metadata)))
        items.append(.init(id: "title-page", href: "text/title.xhtml", mediaType: "application/xhtml+xml"))
        spine.append("title-page")
        spine.append("nav")

        let navigation = EPUBNavigation(book: book, layout: layout, tocDepth: tocDepth)
        let firstChapter = layout.documents.first.map(\.path)
        var written = try Self.writeDeflated(layout: layout, metadata: metadata) { nav, ncx in
            try navigation.write(metadata: metadata, firstChapter: firstChapter, nav: nav, ncx: ncx)
        }
        let hasMath = written.chapters.contains { $0.hasMath.contains(true) }
        for (document, chapterHasMath) in Swift.zip(layout.documents, written.chapters.flatMap(\.hasMath)) {
            items.append(.init(id: document.id, href: document.path, mediaType: "application/xhtml+xml", properties: chapterHasMath ? ["mathml"] : []))
            spine.append(document.id)
        }
        // SVG is read (to be sanitized) and deflated; other images are compressed already, and the
        // archive copies them straight from their files.
        var images: [(path: String, filePath: String, svg: [UInt8]?)] = []
        for image in layout.images {
            let svg = image.resource.mediaType == "image/svg+xml" ? try ImageLoader.bytes(of: image.resource) : nil
            images.append((image.path, image.resource.path, svg))
            let isCover = image.resource.id == metadata.cover
            items.append(.init(id: isCover ? "cover-image" : image.id, href: image.path, mediaType: image.resource.mediaType,
                               properties: isCover ? ["cover-image"] : []))
        }

        let package = EPUBPackageDocument(
            metadata: metadata, modified: BookDate.timestamp(seconds), subjects: Self.subjects(of: book), items: items,
            spine: spine, nonLinear: contentsPage ? [] : ["nav"],
            accessibility: EPUBAccessibility(hasImages: !layout.images.isEmpty, imagesDescribed: written.chapters.allSatisfy(\.imagesDescribed), hasMath: hasMath))

        zip.add("EPUB/package.opf", text: package.xml())
        zip.add(written.navigation)
        zip.add("EPUB/\(EPUBDocuments.stylesheetPath)", text: context.customTemplate ?? BuiltInTemplates.epubStylesheet)
        for file in files { zip.add("EPUB/" + file.path, file.bytes) }
        for batch in written.chapters { zip.add(batch.deflated) }
        // Only the archive holds the compressed chapters now, so it can free them once the book is written.
        written = (chapters: [], navigation: .empty)
        for image in images {
            if let svg = image.svg {
                zip.add("EPUB/" + image.path, svg)
            } else {
                zip.add("EPUB/" + image.path, compressedFileAt: image.filePath)
            }
        }
        // Only the archive holds the SVG images now.
        images = []
        // The archive is written as the book's file is, straight into it.
        let archive = zip
        return [Artifact(path: context.baseName + ".epub", pieces: [.generated { output in
            var zip = archive
            do {
                return try zip.write(to: output)
            } catch {
                throw BackendFailure(message: "cannot write the EPUB archive: \(error)")
            }
        }])]
    }

    /// Chapters written and deflated together: whether each has math, whether all images have alt text.
    private struct ChapterBatch: Sendable {
        var hasMath: [Bool] = []
        var imagesDescribed = true
        var deflated = ZipWriter.DeflatedBatch.empty
    }

    /// Writes and deflates on all cores, in batches of neighbours, the chapters and part pages
    /// (which are independent) and the navigation documents (`writeNavigation` writes
    /// `nav.xhtml` and `toc.ncx` into their streams, as they are the largest files of a big book, and
    /// gives their last bytes). Only compressed bytes are kept (in a ``SpillFile`` when one can be made), with what
    /// the package document says of each chapter; the navigation documents come out as one batch.
    private static func writeDeflated(
        layout: EPUBLayout, metadata: BookMetadata, writeNavigation: @Sendable (_ nav: DeflateStream, _ ncx: DeflateStream) throws -> (nav: [UInt8], ncx: [UInt8])
    ) throws -> (chapters: [ChapterBatch], navigation: ZipWriter.DeflatedBatch) {
        enum Work: Sendable {
            case documents(Range<Int>)
            case navigation
        }
        let documents = layout.documents
        // The deflated documents wait in a temporary file (in memory when none can be made).
        let spill = SpillFile()
        // Batches small enough (32 a core) that the last ones to finish leave no core idle for long.
        let batchSize = max(16, documents.count / (32 * ProcessInfo.processInfo.activeProcessorCount) + 1)
        // The navigation documents first, one after the other: the largest single piece of work
        // (19 MB of NCX for 10,000 articles).
        let work = [Work.navigation]
            + stride(from: 0, to: documents.count, by: batchSize).map { Work.documents($0..<min($0 + batchSize, documents.count)) }
        let written = work.parallelMap { work -> Result<ChapterBatch, Error> in
            Result {
                var batch = ChapterBatch()
                switch work {
                case .navigation:
                    batch.deflated = try ZipWriter.deflateStreaming(paths: ["EPUB/nav.xhtml", "EPUB/toc.ncx"], spill: spill) { streams in
                        let (nav, ncx) = try writeNavigation(streams[0], streams[1])
                        return [nav, ncx]
                    }
                case .documents(let range):
                    // Each document is written when it is deflated, so one at a time is held.
                    batch.deflated = try ZipWriter.deflate(count: range.count, spill: spill) { number in
                        let document = documents[range.lowerBound + number]
                        switch document.content {
                        case .part(let part):
                            batch.hasMath.append(false)
                            return ("EPUB/" + document.path, EPUBDocuments.partPage(part, language: metadata.language))
                        case .article(let article):
                            let chapter = EPUBDocuments.chapter(article, layout: layout, bookLanguage: metadata.language)
                            batch.hasMath.append(chapter.hasMath)
                            batch.imagesDescribed = batch.imagesDescribed && chapter.imagesDescribed
                            return ("EPUB/" + document.path, chapter.bytes)
                        }
                    }
                }
                return batch
            }
        }
        var batches: [ChapterBatch] = []
        for result in written {
            do { batches.append(try result.get()) } catch { throw BackendFailure(message: "cannot write the EPUB archive: \(error)") }
        }
        return (Array(batches.dropFirst()), batches[0].deflated)
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
