import Compiler
import Foundation

/// How diagnostics are shown: text (colour on a terminal) or JSON for CI.
enum DiagnosticFormat: String, CaseIterable {
    case text, json
}

/// The options every command that reads a knowledge base shares.
struct SourceOptions {
    /// The positional argument and options ``init(_:command:)`` reads.
    static let positional = CommandSpec.Positional(
        name: "source", help: "The VuePress source folder (the one that holds .vuepress/) or a folder with a kbcompile.yml.",
        defaultValue: ".")
    static let options: [CommandSpec.Option] = [
        .init(long: "config", value: "config", help: "A kbcompile.yml to use instead of SOURCE/kbcompile.yml."),
        .init(long: "strict", help: "Treat warnings as errors (exit code 1)."),
        .init(long: "quiet", help: "Print errors only, and no summary."),
        .choice("diagnostics", default: DiagnosticFormat.text, help: "Diagnostics as 'text' (default) or 'json' (on standard output)."),
    ]

    let source: String
    let config: String?
    let strict: Bool
    let quiet: Bool
    let diagnostics: DiagnosticFormat

    init(_ arguments: ParsedArguments, command: CommandSpec) throws(ParsedArguments.UsageError) {
        source = arguments.positional ?? Self.positional.defaultValue
        config = arguments.value("config")
        strict = arguments.flag("strict")
        quiet = arguments.flag("quiet")
        diagnostics = try arguments.choice("diagnostics", in: command)
    }

    var sourceURL: URL { URL(fileURLWithPath: source).standardizedFileURL }
    var configURL: URL? { config.map { URL(fileURLWithPath: $0).standardizedFileURL } }

    /// Compiles the knowledge base, or prints why it cannot be read and returns nil (exit code 3).
    func compile() -> KnowledgeBaseCompiler.Compilation? {
        do {
            return try KnowledgeBaseCompiler().compile(source: sourceURL, configFile: configURL)
        } catch {
            let reason = (error as? SourceLayout.Failure)?.description ?? "\(error)"
            FileHandle.standardError.write(Data("kbcompile: error: \(reason)\n".utf8))
            return nil
        }
    }

    /// Prints the diagnostics and a summary; returns the exit status they call for.
    func report(_ compilation: KnowledgeBaseCompiler.Compilation, summary: String) -> Int32 {
        let log = compilation.diagnostics
        let prefix = Self.pathPrefix(root: compilation.layout.root, source: sourceURL)
        let failed = log.hasErrors || (strict && log.count(.warning) > 0)
        switch diagnostics {
        case .json:
            let objects = log.sorted.map { diagnostic -> [String: Any] in
                var object = diagnostic.jsonObject
                object["file"] = prefix + diagnostic.location.file
                return object
            }
            let document: [String: Any] = [
                "diagnostics": objects, "errors": log.count(.error), "warnings": log.count(.warning), "notes": log.count(.note),
            ]
            if let data = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys]) {
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            }
        case .text:
            let colored = isatty(STDERR_FILENO) != 0
            var text = ""
            for diagnostic in log.sorted where !quiet || diagnostic.severity == .error {
                var located = diagnostic
                located.location.file = prefix + diagnostic.location.file
                text += located.formatted(colored: colored) + "\n"
            }
            if !quiet { text += "kbcompile: \(log.summary)\(summary.isEmpty ? "" : "; " + summary)\n" }
            FileHandle.standardError.write(Data(text.utf8))
        }
        return failed ? ExitStatus.inputErrors : ExitStatus.success
    }

    /// Diagnostics name files relative to SOURCE; article paths are relative to the source root.
    static func pathPrefix(root: URL, source: URL) -> String {
        let rootPath = root.resolvingSymlinksInPath().path
        let sourcePath = source.resolvingSymlinksInPath().path
        guard rootPath != sourcePath, rootPath.hasPrefix(sourcePath + "/") else { return "" }
        return String(rootPath.dropFirst(sourcePath.count + 1)) + "/"
    }
}

extension KnowledgeBaseCompiler.Compilation {
    /// `12 articles in 3 parts`.
    var outlineSummary: String {
        let count = book.articles.count
        return "\(count) article\(count == 1 ? "" : "s") in \(book.parts.count) part\(book.parts.count == 1 ? "" : "s")"
    }
}
