import Foundation
import ArgumentParser
import Compiler

/// `kbcompile check`: read, parse and resolve everything, print diagnostics, write nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read and parse the whole knowledge base and print its diagnostics; write nothing.")

    @OptionGroup var options: SourceOptions

    @Flag(name: .long, help: "Print the book's outline: parts and articles in reading order, with their paths.")
    var outline = false

    func run() throws {
        let compilation = try options.compile()
        if outline { FileHandle.standardOutput.write(Data(OutlinePrinter.outline(of: compilation.book).utf8)) }
        let status = options.report(compilation, summary: compilation.outlineSummary)
        if status != ExitStatus.success { throw ExitCode(status) }
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
