import Compiler
import Foundation

/// Which extensions `fragment` turns on.
enum Profile: String, CaseIterable {
    case commonmark, gfm, plume

    /// The site's markup for Plume; GitHub's reference markup for the others.
    var renderer: FragmentRenderer {
        var renderer = FragmentRenderer(xhtml: self != .plume)
        if self != .plume { renderer.taskListMarkup = .gfm }
        return renderer
    }

    var options: MarkdownOptions {
        switch self {
        case .commonmark: .commonmark
        case .gfm: .gfm
        case .plume: .plume
        }
    }
}

/// `kbcompile fragment`: one Markdown document on standard input → its HTML on standard output,
/// as the site would render it. A conformance and debugging tool.
struct FragmentCommand {
    static let spec = CommandSpec(
        name: "fragment",
        abstract: "Render one Markdown document from standard input as HTML, as the site would.",
        options: [
            .choice("profile", default: Profile.plume,
                    help: "commonmark (no extensions), gfm (GitHub's) or plume (the whole dialect, default)."),
        ])

    let profile: Profile

    init(_ arguments: ParsedArguments) throws(ParsedArguments.UsageError) {
        profile = try arguments.choice("profile", in: Self.spec)
    }

    func run() -> Int32 {
        let input = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        let document = MarkdownParser(options: profile.options).parse(input, file: "<stdin>")
        FileHandle.standardOutput.write(Data(profile.renderer.render(document).utf8))
        let colored = isatty(STDERR_FILENO) != 0
        let text = document.diagnostics.map { $0.formatted(colored: colored) + "\n" }.joined()
        FileHandle.standardError.write(Data(text.utf8))
        return ExitStatus.success
    }
}
