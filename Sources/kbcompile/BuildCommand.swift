import Backends
import Compiler
import Foundation

/// `kbcompile [build]`: compile the knowledge base into the requested formats.
struct BuildCommand {
    static let spec = CommandSpec(
        name: "build",
        abstract: "Compile the knowledge base into books (the default command).",
        discussion: "Without a format flag, --epub is built. Output goes to ./out unless -o says otherwise.",
        positional: SourceOptions.positional,
        options: SourceOptions.options + [
            .init(long: "epub", help: "Write an EPUB3 book."),
            .init(long: "latex", help: "Write LaTeX source for xelatex."),
            .init(long: "html", help: "Write one offline HTML file."),
            .init(long: "pdf", help: "Write LaTeX and run latexmk -xelatex to make a PDF."),
            .init(long: "all", help: "Write every format (EPUB, LaTeX, PDF, HTML)."),
            .init(long: "output", short: "o", value: "output", help: "The output folder (default: ./out)."),
        ])

    let options: SourceOptions
    let epub, latex, html, pdf, all: Bool
    let output: String

    init(_ arguments: ParsedArguments) throws(ParsedArguments.UsageError) {
        options = try SourceOptions(arguments, command: Self.spec)
        epub = arguments.flag("epub")
        latex = arguments.flag("latex")
        html = arguments.flag("html")
        pdf = arguments.flag("pdf")
        all = arguments.flag("all")
        output = arguments.value("output") ?? "out"
    }

    var requestedFormats: [OutputFormat] {
        if all { return OutputFormat.allCases }
        var formats: [OutputFormat] = []
        if epub { formats.append(.epub) }
        if latex { formats.append(.latex) }
        if html { formats.append(.html) }
        if pdf { formats.append(.pdf) }
        return formats.isEmpty ? [.epub] : formats
    }

    /// Builds the books; returns the exit status (a successful build exits without returning).
    func run() -> Int32 {
        let formats = requestedFormats
        guard let compilation = options.compile() else { return ExitStatus.io }
        let status = options.report(compilation, summary: compilation.outlineSummary)
        // Errors in the input (or warnings with --strict) stop the build before anything is written.
        if status != ExitStatus.success { return status }
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
        if failed { return ExitStatus.io }
        ExitStatus.exitKeeping(compilation)
    }
}
