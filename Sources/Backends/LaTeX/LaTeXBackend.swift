import Compiler
import Foundation
import Mustache

/// Writes the book as LaTeX for xelatex: `<name>.tex` from the template (`templates/latex/book.tex`,
/// or the config's `latex: { template: … }`), plus `<name>-images/` with the images it shows.
/// `latexmk -xelatex <name>.tex` in the output folder makes the PDF (`--pdf` runs it).
///
/// Parts are `\part`s, articles `\chapter`s, headings sections; containers are tcolorbox boxes;
/// math is the checked TeX of the formula's tree (never the source text); every other character
/// of the articles is escaped. PNG and JPEG images are used as they are; SVG, WebP and GIF go
/// through the context's `convertImage` (rsvg-convert → PDF, dwebp → PNG, netpbm → PNG of the
/// first frame, in the command line); an image it cannot convert shows its alt text in a frame.
public struct LaTeXBackend: Backend {
    public var format: OutputFormat { .latex }

    /// The start of the comment line before each top-level block of an article, with the block's
    /// source: `%kb: guide/intro.md:12`. `--pdf` maps an xelatex error back through it.
    public static let sourceMarker = "%kb: "
    /// The source marker's text after the last article (no article path lacks `.md`).
    public static let endOfArticles = "end"

    public init() {}

    public func render(_ book: Book, context: RenderContext) throws -> [Artifact] {
        let metadata = book.metadata
        let imageFolder = context.baseName + "-images"
        var artifacts: [Artifact] = []
        var imagePaths: [ResourceID: String] = [:]
        var number = 0
        for id in Set(book.articles.flatMap(\.resources)).sorted() {
            guard let resource = book.resources[id] else { continue }
            var bytes = try ImageLoader.bytes(of: resource)
            var fileExtension = resource.fileExtension
            switch resource.mediaType {
            case "image/png", "image/jpeg": break
            default:
                guard let converter = context.convertImage, let converted = converter(bytes, resource.mediaType) else { continue }
                bytes = converted.bytes
                fileExtension = converted.fileExtension
            }
            number += 1
            let path = "\(imageFolder)/image-\(String(format: "%03d", number)).\(fileExtension)"
            artifacts.append(Artifact(path: path, bytes: bytes))
            imagePaths[id] = path
        }
        let links = LaTeXLinkTargets(book: book, imagePaths: imagePaths)
        let bookLanguage = metadata.language
        let body = book.streamedBody(heading: { _, part in Array("\\part{\(TeXText.escaped(part.title))}\n\n".utf8) }) { article in
            var writer = LaTeXBodyWriter(article: article, links: links, language: article.metadata.language ?? bookLanguage)
            return writer.writeArticle()
        }
        let values: [String: String] = [
            "title": TeXText.escaped(metadata.title),
            "subtitle": TeXText.escaped(metadata.subtitle ?? ""),
            "author": TeXText.escaped(metadata.authors.joined(separator: "、")),
            "date": BookDate.seconds(context, metadata).map(BookDate.day) ?? "",
            "language": metadata.language,
            "pdflanguage": metadata.language,
            "body": Self.bodyPlaceholder,
        ]
        let tex = try BookTemplate.render(context.customTemplate ?? BuiltInTemplates.latexBook,
                                          name: context.options["template"] ?? "templates/latex/book.tex", with: values)
        // Where the articles end: an error after this line is the template's.
        let end = Artifact.Piece.text(Self.sourceMarker + Self.endOfArticles + "\n")
        artifacts.insert(Artifact(path: context.baseName + ".tex", pieces: Self.pieces(of: tex, body: [body, end])), at: 0)
        return artifacts
    }

    /// Stands for the body while the template is rendered: a book's body is a hundred megabytes and
    /// more, so it is put in once, as the bytes are written, instead of going through the template.
    private static let bodyPlaceholder = "\u{1}kbcompile-body\u{1}"

    /// The rendered template with each placeholder replaced by the body's pieces, as the pieces
    /// of the file (the body is not copied).
    private static func pieces(of tex: String, body: [Artifact.Piece]) -> [Artifact.Piece] {
        let template = Array(tex.utf8)
        let placeholder = Array(bodyPlaceholder.utf8)
        var pieces: [Artifact.Piece] = []
        var start = 0
        var index = 0
        while index + placeholder.count <= template.count {
            if template[index] == placeholder[0], template[index..<(index + placeholder.count)].elementsEqual(placeholder) {
                pieces.append(.bytes(Array(template[start..<index])))
                pieces += body
                index += placeholder.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(.bytes(Array(template[start...])))
        return pieces
    }
}

/// The LaTeX book template: Mustache (swift-mustache), with no escaping of its own since every
/// value is already TeX. Empty values are left out, so `<<#subtitle>>…<</subtitle>>` (with the
/// template's `<< >>` delimiters) keeps its lines only for a book with a subtitle.
enum BookTemplate {
    /// `name` (the template's path, for messages) is where a syntax error is reported.
    static func render(_ template: String, name: String, with values: [String: String]) throws -> String {
        do {
            // The pragma's own line is dropped from the output, and from error line numbers below.
            let parsed = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + template)
            return parsed.render(values.filter { !$0.value.isEmpty })
        } catch let error as MustacheTemplate.ParserError {
            throw BackendFailure(message: "\(name):\(error.context.lineNumber - 1):\(error.context.columnNumber): error: \(error.error)")
        }
    }
}
