import ArgumentParser
import Backends
import Compiler
import Foundation

/// `kbcompile [build]`: compile the knowledge base into the requested formats.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Compile the knowledge base into books (the default command).",
        discussion: "Without a format flag, --epub is built. Output goes to ./out unless -o says otherwise.")

    @OptionGroup var options: SourceOptions

    @Flag(name: .long, help: "Write an EPUB3 book.") var epub = false
    @Flag(name: .long, help: "Write LaTeX source for xelatex.") var latex = false
    @Flag(name: .long, help: "Write one offline HTML file.") var html = false
    @Flag(name: .long, help: "Write LaTeX and run latexmk -xelatex to make a PDF.") var pdf = false
    @Flag(name: .long, help: "Write every format (EPUB, LaTeX, PDF, HTML).") var all = false

    @Option(name: .shortAndLong, help: "The output folder (default: ./out).")
    var output: String = "out"

    var requestedFormats: [OutputFormat] {
        if all { return OutputFormat.allCases }
        var formats: [OutputFormat] = []
        if epub { formats.append(.epub) }
        if latex { formats.append(.latex) }
        if html { formats.append(.html) }
        if pdf { formats.append(.pdf) }
        return formats.isEmpty ? [.epub] : formats
    }

    func run() throws {
        let formats = requestedFormats
        let compilation = try options.compile()
        let status = options.report(compilation, summary: compilation.outlineSummary)
        // Errors in the input (or warnings with --strict) stop the build before anything is written.
        if status != ExitStatus.success { throw ExitCode(status) }
        // zip stores local times: UTC makes the archive the same on every machine.
        setenv("TZ", "UTC", 1)
        tzset()
        let writer = ArtifactWriter(output: URL(fileURLWithPath: output).standardizedFileURL)
        let baseName = ArtifactWriter.baseName(for: options.sourceURL)
        var failed = false
        for format in formats {
            if let files = writer.build(format, backend: BackendRegistry.backend(for: format), compilation: compilation, baseName: baseName) {
                if !options.quiet {
                    for file in files { FileHandle.standardError.write(Data("kbcompile: wrote \(file.path)\n".utf8)) }
                }
            } else {
                failed = true
            }
        }
        if failed { throw ExitCode(ExitStatus.io) }
        ExitStatus.exitKeeping(compilation)
    }
}
