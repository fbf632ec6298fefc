import ArgumentParser
import Compiler
import Foundation

/// The `kbcompile` command: compiles a VuePress 2 + Plume knowledge base into books.
struct KBCompile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kbcompile",
        abstract: "Compile a VuePress 2 + Plume knowledge base into an EPUB, a LaTeX/PDF book or one offline HTML file.",
        discussion: """
            Exit codes: 0 success (warnings allowed), 1 errors in the input (or warnings with --strict), \
            2 usage error, 3 I/O failure.
            """,
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, FragmentCommand.self],
        defaultSubcommand: BuildCommand.self
    )
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
