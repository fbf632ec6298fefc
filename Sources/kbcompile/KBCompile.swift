import Compiler
import Foundation

/// The `kbcompile` command: compiles a VuePress 2 + Plume knowledge base into books. Reads the
/// subcommand (`build`, the default, `check` or `fragment`) and hands it the rest of the line.
enum KBCompile {
    static let version = "0.1.0"
    static let abstract = "Compile a VuePress 2 + Plume knowledge base into an EPUB, a LaTeX/PDF book or one offline HTML file."
    static let exitCodes = "Exit codes: 0 success (warnings allowed), 1 errors in the input (or warnings with --strict), 2 usage error, 3 I/O failure."
    static let commands = [BuildCommand.spec, CheckCommand.spec, FragmentCommand.spec]

    /// Runs the command line `arguments` (without the program's name); returns the exit status.
    static func run(_ arguments: ArraySlice<String>) -> Int32 {
        var rest = arguments
        var command = BuildCommand.spec
        switch rest.first {
        case "--version":
            print(version)
            return ExitStatus.success
        case "-h", "--help":
            print(help)
            return ExitStatus.success
        case "help":
            let name = rest.dropFirst().first
            print(commands.first { $0.name == name }?.help ?? help)
            return ExitStatus.success
        default:
            // A subcommand's name, or the default command's first argument.
            if let name = rest.first, let named = commands.first(where: { $0.name == name }) {
                command = named
                rest = rest.dropFirst()
            }
        }
        do {
            let parsed = try command.parse(rest)
            switch parsed.request {
            case .help?:
                print(command.help)
                return ExitStatus.success
            case .version?:
                print(version)
                return ExitStatus.success
            case nil:
                break
            }
            switch command.name {
            case CheckCommand.spec.name: return try CheckCommand(parsed).run()
            case FragmentCommand.spec.name: return try FragmentCommand(parsed).run()
            default: return try BuildCommand(parsed).run()
            }
        } catch {
            let text = "Error: \(error.message)\nUsage: \(error.command.usage)\n  See 'kbcompile \(error.command.name) --help' for more information.\n"
            FileHandle.standardError.write(Data(text.utf8))
            return ExitStatus.usage
        }
    }

    /// The text `kbcompile --help` prints.
    static var help: String {
        var text = HelpLayout.wrapped("OVERVIEW: " + abstract) + "\n\n" + HelpLayout.wrapped(exitCodes) + "\n\n"
        text += "USAGE: kbcompile <subcommand>\n\nOPTIONS:\n" + HelpLayout.standardOptions
        text += "\nSUBCOMMANDS:\n"
        for command in commands {
            text += HelpLayout.entry(command.name + (command.name == BuildCommand.spec.name ? " (default)" : ""), command.abstract)
        }
        text += "\n  See 'kbcompile help <subcommand>' for detailed help."
        return text
    }
}

/// kbcompile's exit codes (documented in `--help` and the README).
enum ExitStatus {
    static let success: Int32 = 0
    /// Errors in the input, or warnings with `--strict`.
    static let inputErrors: Int32 = 1
    static let usage: Int32 = 2
    /// The source could not be read or the output could not be written.
    static let io: Int32 = 3

    /// Ends a successful run at once, `compilation` still alive: its IR is not freed node by node
    /// (a quarter of a second on one core for 10,000 articles, after the books are written), the
    /// system takes the memory back in one go — as compilers do (clang's `-disable-free`).
    static func exitKeeping(_ compilation: KnowledgeBaseCompiler.Compilation) -> Never {
        withExtendedLifetime(compilation) { exit(success) }
    }
}
