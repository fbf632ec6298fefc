import Compiler
import Foundation

/// `kbcompile check`: read, parse and resolve everything, print diagnostics, write nothing.
struct CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Read and parse the whole knowledge base and print its diagnostics; write nothing.",
        positional: SourceOptions.positional,
        options: SourceOptions.options + [
            .init(long: "outline", help: "Print the book's outline: parts and articles in reading order, with their paths."),
        ])

    let options: SourceOptions
    let outline: Bool

    init(_ arguments: ParsedArguments) throws(ParsedArguments.UsageError) {
        options = try SourceOptions(arguments, command: Self.spec)
        outline = arguments.flag("outline")
    }

    /// Checks the knowledge base; returns the exit status (a clean check exits without returning).
    func run() -> Int32 {
        guard let compilation = options.compile() else { return ExitStatus.io }
        if outline { FileHandle.standardOutput.write(Data(OutlinePrinter.outline(of: compilation.book).utf8)) }
        let status = options.report(compilation, summary: compilation.outlineSummary)
        if status != ExitStatus.success { return status }
        ExitStatus.exitKeeping(compilation)
    }
}

/// The book's structure as text: `# Part` lines and indented `title  (path)` lines.
enum OutlinePrinter {
    static func outline(of book: Book) -> String {
        var out = "\(book.metadata.title) [\(book.metadata.language)]\n"
        for article in book.frontArticles { out += "  \(article.metadata.title)  (\(article.path))\n" }
        for part in book.parts {
            out += "# \(part.title)  (\(part.path)/)\n"
            for article in part.articles { out += "  \(article.metadata.title)  (\(article.path))\n" }
        }
        return out
    }
}
