/// A command line read against a ``CommandSpec``: which flags were given, each option's value (the
/// last one wins when an option is repeated) and the positional argument.
struct ParsedArguments {
    fileprivate(set) var flags: Set<String> = []
    fileprivate(set) var values: [String: String] = [:]
    fileprivate(set) var positional: String?
    /// `-h`/`--help` or `--version` was given: print that and do nothing else.
    fileprivate(set) var request: Request?

    enum Request { case help, version }

    /// A command line kbcompile cannot run: the message, and the command whose usage to show.
    struct UsageError: Error {
        let message: String
        let command: CommandSpec
    }

    func flag(_ long: String) -> Bool { flags.contains(long) }

    func value(_ long: String) -> String? { values[long] }

    /// The value of an option of `command` made with ``CommandSpec/Option/choice(_:default:help:)``:
    /// the case given, or the option's default.
    func choice<Choice: CaseIterable & RawRepresentable>(_ long: String, in command: CommandSpec) throws(UsageError) -> Choice
    where Choice.RawValue == String {
        let text = values[long] ?? command.options.first { $0.long == long }?.defaultChoice ?? ""
        if let choice = Choice(rawValue: text) { return choice }
        let names = Choice.allCases.map { "'\($0.rawValue)'" }
        let list = names.dropLast().joined(separator: ", ") + " or " + names.last!
        throw UsageError(message: "The value '\(text)' is invalid for '--\(long)'. Please provide one of \(list).", command: command)
    }
}

extension CommandSpec {
    /// Reads `arguments` (without the program and command names): `--name`, `--name value`,
    /// `--name=value`, `-x value`, one positional argument, and `--` before a positional that
    /// starts with a dash.
    func parse(_ arguments: ArraySlice<String>) throws(ParsedArguments.UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = arguments.startIndex
        var optionsEnded = false
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                guard positional != nil, parsed.positional == nil else {
                    throw ParsedArguments.UsageError(message: "Unexpected argument '\(argument)'", command: self)
                }
                parsed.positional = argument
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument == "-h" || argument == "--help" {
                parsed.request = .help
                continue
            }
            if argument == "--version" {
                parsed.request = parsed.request ?? .version
                continue
            }
            var name = argument
            var attached: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                attached = String(argument[argument.index(after: equals)...])
            }
            guard let option = self.option(named: name) else {
                throw ParsedArguments.UsageError(message: "Unknown option '\(name)'", command: self)
            }
            guard option.value != nil else {
                if attached != nil {
                    throw ParsedArguments.UsageError(message: "The flag '\(name)' does not take a value", command: self)
                }
                parsed.flags.insert(option.long)
                continue
            }
            if let attached {
                parsed.values[option.long] = attached
            } else if index < arguments.endIndex {
                parsed.values[option.long] = arguments[index]
                index += 1
            } else {
                throw ParsedArguments.UsageError(message: "Missing value for '\(name) <\(option.value!)>'", command: self)
            }
        }
        return parsed
    }

    /// The option `--long` or `-s` names.
    private func option(named name: String) -> Option? {
        if name.hasPrefix("--") {
            let long = name.dropFirst(2)
            return options.first { $0.long == long }
        }
        guard name.count == 2, let letter = name.last else { return nil }
        return options.first { $0.short == letter }
    }
}
