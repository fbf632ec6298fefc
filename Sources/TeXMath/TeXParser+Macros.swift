extension TeXParser {
    /// The formula's own macro named `name`, if it defined one (it shadows a symbol of the same name).
    func macroDefinition(_ name: String) -> Macro? { macros[name] }

    /// `\newcommand{\name}[n]{body}`, `\def\name#1#2{body}` and their variants. A macro may not
    /// replace a command the parser knows, and its body is read (and checked) when it is used.
    mutating func define(_ command: String) throws {
        skipSpaces()
        var braced = false
        if command.hasSuffix("command"), current.kind == .openBrace {
            _ = advance()
            braced = true
        }
        skipSpaces()
        guard case .command(let name) = advance().kind else { throw error("\\\(command) needs a command name") }
        if braced { try expect(.closeBrace, "'}'") }
        // Symbols may be redefined (the body is read with the same rules, and macros never reach
        // xelatex: the TeX is written from the tree); the commands that give a formula its structure may not.
        guard macros[name] != nil || !Self.structuralCommands.contains(name) else { throw error("\\\(command) may not redefine \\\(name)") }
        var parameters = 0
        if command.hasSuffix("command") {
            if let count = try parseOptionalArgument()?.plainText, let number = Int(count) { parameters = number }
        } else {
            while case .parameter(let number) = current.kind {
                parameters = max(parameters, number)
                _ = advance()
            }
        }
        skipSpaces()
        guard current.kind == .openBrace else { throw error("\\\(command) needs a body in braces") }
        _ = advance()
        var body: [TeXToken] = []
        var level = 0
        while true {
            let token = advance()
            switch token.kind {
            case .openBrace: level += 1
            case .closeBrace:
                if level == 0 {
                    // \edef and \xdef expand the macros in their body now.
                    if command == "edef" || command == "xdef" { body = try expandedNow(body, for: name) }
                    macros[name] = Macro(parameters: parameters, body: body)
                    return
                }
                level -= 1
            case .end: throw error("\\\(command): missing '}'")
            default: break
            }
            body.append(token)
        }
    }

    /// `tokens` with parameterless macros replaced by their bodies, repeatedly. A body that grows
    /// past 10,000 tokens is an error, checked as it grows: macros that double at each step would
    /// otherwise fill the memory within a few `\edef`s (found by fuzzing).
    private func expandedNow(_ tokens: [TeXToken], for name: String) throws -> [TeXToken] {
        var result = tokens
        for _ in 0..<32 {
            var changed = false
            var next: [TeXToken] = []
            next.reserveCapacity(result.count)
            for token in result {
                if case .command(let command) = token.kind, let macro = macros[command], macro.parameters == 0 {
                    changed = true
                    next += macro.body
                } else {
                    next.append(token)
                }
                guard next.count <= 10_000 else { throw error("macro \\\(name) expands without end") }
            }
            result = next
            if !changed { break }
        }
        return result
    }

    /// Replaces a macro call by its body with the arguments put in; the result is parsed as usual.
    mutating func expand(_ macro: Macro, _ name: String) throws -> Base? {
        expansions += 1
        guard expansions <= Self.maxExpansions, tokens.count < 100_000 else { throw error("macro \\\(name) expands without end") }
        var arguments: [[TeXToken]] = []
        for _ in 0..<macro.parameters {
            skipSpaces()
            if current.kind == .openBrace {
                _ = advance()
                var argument: [TeXToken] = []
                var level = 0
                while true {
                    let token = advance()
                    if token.kind == .end { throw error("missing '}' in an argument of \\\(name)") }
                    if token.kind == .openBrace { level += 1 }
                    if token.kind == .closeBrace {
                        if level == 0 { break }
                        level -= 1
                    }
                    argument.append(token)
                }
                arguments.append(argument)
            } else {
                arguments.append([advance()])
            }
        }
        var replacement: [TeXToken] = [TeXToken(kind: .openBrace, offset: current.offset)]
        for token in macro.body {
            if case .parameter(let number) = token.kind {
                guard number >= 1, number <= arguments.count else { throw error("\\\(name) has no argument #\(number)") }
                replacement += arguments[number - 1]
            } else {
                replacement.append(token)
            }
            // An argument used many times in a long body multiplies: bounded as it grows.
            guard tokens.count + replacement.count < 100_000 else { throw error("macro \\\(name) expands without end") }
        }
        replacement.append(TeXToken(kind: .closeBrace, offset: current.offset))
        tokens.insert(contentsOf: replacement, at: index)
        return try parseBase()
    }

    /// Whether `name` is a command the parser handles itself.
    static func isKnown(_ name: String) -> Bool {
        MathSymbols.identifiers[name] != nil || MathSymbols.uprightIdentifiers[name] != nil || MathSymbols.operators[name] != nil
            || MathSymbols.bigOperatorsWithLimits[name] != nil || MathSymbols.integrals[name] != nil || MathSymbols.functions.contains(name)
            || MathSymbols.limitFunctions.contains(name) || MathSymbols.spaces[name] != nil || MathSymbols.accents[name] != nil
            || MathSymbols.underAccents[name] != nil || MathSymbols.fonts[name] != nil || MathSymbols.textCommands[name] != nil
            || MathSymbols.sizes[name] != nil || structuralCommands.contains(name) || MathSymbols.fontSwitches[name] != nil
            || MathSymbols.katex[name] != nil || MathSymbols.katexSequences[name] != nil
    }

    static let structuralCommands: Set<String> = [
        "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom", "sqrt", "left", "right", "middle", "operatorname",
        "operatornamewithlimits", "mathop", "overset", "stackrel", "underset", "not", "color", "textcolor", "colorbox", "boxed",
        "fbox", "cancel", "bcancel", "xcancel", "sout", "phantom", "hphantom", "vphantom", "hspace", "kern", "mkern", "mskip",
        "hskip", "tag", "notag", "nonumber", "label", "newcommand", "renewcommand", "providecommand", "def", "gdef", "edef",
        "xdef", "begin", "end", "above", "rule", "mathchoice", "mathstrut", "bra", "Bra", "ket", "Ket", "braket", "Braket", "htmlId",
        "htmlClass", "htmlStyle", "htmlData", "includegraphics", "limits", "nolimits", "over", "choose", "atop", "displaystyle", "textstyle", "scriptstyle",
        "scriptscriptstyle", "input", "include", "write", "openout", "immediate", "catcode", "csname", "char", "url", "href",
        "xrightarrow", "xleftarrow", "xRightarrow", "xLeftarrow", "xleftrightarrow", "xLeftrightarrow", "xmapsto", "xlongequal",
    ]
}
