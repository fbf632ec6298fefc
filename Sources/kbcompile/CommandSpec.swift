/// What one subcommand accepts: its options and its optional positional argument. The parser
/// (``CommandSpec/parse(_:)``) and the help text (``CommandSpec/help``) both read this table, so
/// they cannot disagree.
///
/// kbcompile parses its command line by hand rather than with ArgumentParser: ArgumentParser finds
/// a command's options by reflecting on its property wrappers, and each of the ~150 conformance
/// lookups that takes scans all of the statically linked binary's conformance records — 11 million
/// instructions before any work, a quarter of a small build and 2.5% of plume-docs' EPUB.
struct CommandSpec: Sendable {
    /// One option: a flag (`--strict`) or, when `value` is set, an option that takes a value.
    struct Option: Sendable {
        let long: String
        var short: Character? = nil
        /// The value's placeholder in help (`DIR`); nil for a flag.
        var value: String? = nil
        let help: String
        /// The values an option of a fixed set takes, and the one it has when not given.
        var choices: [String] = []
        var defaultChoice: String? = nil

        /// An option whose values are the cases of `Choice` (``ParsedArguments/choice(_:in:)`` reads it).
        static func choice<Choice: CaseIterable & RawRepresentable>(_ long: String, default defaultValue: Choice, help: String) -> Option
        where Choice.RawValue == String {
            Option(long: long, value: long, help: help, choices: Choice.allCases.map(\.rawValue), defaultChoice: defaultValue.rawValue)
        }
    }

    /// The positional argument: its placeholder, help, and the value when it is left out.
    struct Positional: Sendable {
        let name: String
        let help: String
        let defaultValue: String
    }

    let name: String
    let abstract: String
    var discussion: String? = nil
    var positional: Positional? = nil
    let options: [Option]

    /// `kbcompile check [<source>] [--config <config>] …`
    var usage: String {
        var parts = ["kbcompile", name]
        if let positional { parts.append("[<\(positional.name)>]") }
        for option in options {
            parts.append(option.value.map { "[--\(option.long) <\($0)>]" } ?? "[--\(option.long)]")
        }
        return parts.joined(separator: " ")
    }

    /// The text `kbcompile NAME --help` prints.
    var help: String {
        var text = HelpLayout.wrapped("OVERVIEW: " + abstract) + "\n\n"
        if let discussion { text += HelpLayout.wrapped(discussion) + "\n\n" }
        text += "USAGE: \(usage)\n\n"
        if let positional {
            text += "ARGUMENTS:\n"
            text += HelpLayout.entry("<\(positional.name)>", "\(positional.help) (default: \(positional.defaultValue))")
            text += "\n"
        }
        text += "OPTIONS:\n"
        for option in options {
            var label = option.short.map { "-\($0), " } ?? ""
            label += "--\(option.long)"
            if let value = option.value { label += " <\(value)>" }
            var help = option.help
            if let defaultChoice = option.defaultChoice {
                help += " (values: \(option.choices.joined(separator: ", ")); default: \(defaultChoice))"
            }
            text += HelpLayout.entry(label, help)
        }
        return text + HelpLayout.standardOptions
    }
}

/// Help text laid out as ArgumentParser does: labels in a 26-column gutter, text wrapped at 80.
enum HelpLayout {
    static let width = 80
    static let gutter = 26

    /// The options every command has.
    static let standardOptions = entry("--version", "Show the version.") + entry("-h, --help", "Show help information.")

    /// `  --label    text…` with the text wrapped under itself; a long label gets a line of its own.
    static func entry(_ label: String, _ text: String) -> String {
        let head = "  " + label
        let lines = wrap(text, width: width - gutter)
        let pad = String(repeating: " ", count: gutter)
        var out = head.count + 2 <= gutter ? head + String(repeating: " ", count: gutter - head.count) : head + "\n" + pad
        out += lines.joined(separator: "\n" + pad) + "\n"
        return out
    }

    /// A paragraph wrapped at ``width`` columns.
    static func wrapped(_ text: String) -> String {
        wrap(text, width: width).joined(separator: "\n")
    }

    /// Greedy word wrap; a word longer than the width gets a line of its own.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
