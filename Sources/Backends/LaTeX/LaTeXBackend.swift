import Compiler
import Foundation

/// Writes the book as LaTeX for xelatex: `<name>.tex` from the template (`templates/latex/book.tex`,
/// or the config's `latex: { template: … }`), plus `<name>-images/` with the images it shows.
/// `latexmk -xelatex <name>.tex` in the output folder makes the PDF (`--pdf` runs it).
///
/// Parts are `\part`s, articles `\chapter`s, headings sections; containers are tcolorbox boxes;
/// math is the checked TeX of the formula's tree (never the source text); every other character
/// of the articles is escaped. PNG and JPEG images are used as they are, SVG through the context's
/// `svgToPDF` converter (rsvg-convert in the command line); GIF, WebP and SVG without a converter
/// show their alt text in a frame.
public struct LaTeXBackend: Backend {
    public var format: OutputFormat { .latex }

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
            case "image/svg+xml":
                guard let converter = context.svgToPDF, let pdf = converter(bytes) else { continue }
                bytes = pdf
                fileExtension = "pdf"
            default: continue
            }
            number += 1
            let path = "\(imageFolder)/image-\(String(format: "%03d", number)).\(fileExtension)"
            artifacts.append(Artifact(path: path, bytes: bytes))
            imagePaths[id] = path
        }
        let links = LaTeXLinkTargets(book: book, imagePaths: imagePaths)
        // The chapters are written on all cores, then joined in book order.
        var chapters = book.articles.parallelMap { article in
            var writer = LaTeXBodyWriter(article: article, links: links, language: article.metadata.language ?? metadata.language)
            return writer.writeArticle()
        }.makeIterator()
        var body = ""
        for _ in book.frontArticles { body += chapters.next()! }
        for part in book.parts {
            body += "\\part{\(TeXText.escaped(part.title))}\n\n"
            for _ in part.articles { body += chapters.next()! }
        }
        let values: [String: String] = [
            "title": TeXText.escaped(metadata.title),
            "subtitle": TeXText.escaped(metadata.subtitle ?? ""),
            "author": TeXText.escaped(metadata.authors.joined(separator: "、")),
            "date": BookDate.seconds(context, metadata).map(BookDate.day) ?? "",
            "language": metadata.language,
            "pdflanguage": metadata.language,
            "body": body,
        ]
        let tex = TemplateText.fill(context.customTemplate ?? BuiltInTemplates.latexBook, with: values)
        artifacts.insert(Artifact(path: context.baseName + ".tex", bytes: Array(tex.utf8)), at: 0)
        return artifacts
    }
}

/// The template language of `templates/`: `{{name}}` is replaced by the value of `name`; nothing
/// else is special, so a template is plain LaTeX (or CSS) with holes.
enum TemplateText {
    static func fill(_ template: String, with values: [String: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = String(rest[open.upperBound..<close.lowerBound])
            guard let value = values[name] else {
                // Not a hole (`{{{title}}}` is a brace, then a hole): keep one character, look again.
                let next = rest.index(after: open.lowerBound)
                out += rest[..<next]
                rest = rest[next...]
                continue
            }
            out += rest[..<open.lowerBound] + value
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
