import Foundation

extension TeXParser {
    /// Reads the command `name` (already consumed) and what it takes.
    mutating func command(_ name: String, _ token: TeXToken) throws -> Base? {
        if let macro = macroDefinition(name) { return try expand(macro, name) }
        if name == "dots" {
            // KaTeX: centred dots before a binary operator or relation, low dots otherwise.
            skipSpaces()
            var centred = false
            switch current.kind {
            case .character(let next): centred = "+-=<>*".contains(next)
            case .command(let next): centred = MathSymbols.operators[next] != nil || MathSymbols.katex[next]?.element == "mo"
            default: break
            }
            return Base(node: .operator(centred ? "⋯" : "…", MathOperator(tex: "\\dots")))
        }
        guard let symbol = SymbolCommand.table[name] else { return try structuralCommand(name, token) }
        switch symbol {
        case .bigOperatorWithLimits(let symbol):
            var info = MathOperator(tex: "\\" + name)
            info.largeOperator = true
            info.movableLimits = true
            return Base(node: .operator(symbol, info))
        case .integral(let symbol):
            var info = MathOperator(tex: "\\" + name)
            info.largeOperator = true
            return Base(node: .operator(symbol, info))
        case .function:
            return Base(node: .identifier(name, variant: nil), trailingApplication: [Self.applyFunction])
        case .limitFunction:
            let text = name == "liminf" ? "lim inf" : name == "limsup" ? "lim sup" : name == "argmax" ? "arg max" : name == "argmin" ? "arg min" : name
            return Base(node: limitFunction(text, variant: name.count > 3 ? .normal : nil))
        case .katex(let element, let symbolVariant, let text):
            // KaTeX's own choice of element and character comes first; our tables add operator details.
            switch element {
            case "mi": return Base(node: .identifier(text, variant: variant ?? symbolVariant))
            case "mo":
                var info = MathOperator(tex: "\\" + name)
                if Self.nonStretchyDelimiters.contains(name) { info.stretchy = false }
                return Base(node: .operator(text, info))
            default: return Base(node: .text(text, variant: symbolVariant))
            }
        case .identifier(let symbol):
            return Base(node: .identifier(symbol, variant: variant))
        case .uprightIdentifier(let symbol):
            return Base(node: .identifier(symbol, variant: variant ?? .normal))
        case .operator(let symbol):
            var info = MathOperator(tex: "\\" + name)
            if Self.nonStretchyDelimiters.contains(name) { info.stretchy = false }
            return Base(node: .operator(symbol, info))
        case .sequence(let run):
            return Base(node: .row(run.map { item in
                switch item.element {
                case "mi": .identifier(item.text, variant: nil)
                case "mn": .number(item.text)
                case "mo": .operator(item.text, MathOperator(tex: "\\" + name))
                default: .text(item.text, variant: nil)
                }
            }))
        case .space(let em):
            return Base(node: .space(em))
        case .accent(let accent, let stretchy):
            let base = try parseArgument()
            var info = MathOperator(tex: "\\" + name)
            info.stretchy = stretchy
            return Base(node: .underOver(base: base, under: nil, over: .operator(accent, info), accent: true))
        case .underAccent(let accent, let stretchy):
            let base = try parseArgument()
            var info = MathOperator(tex: "\\" + name)
            info.stretchy = stretchy
            return Base(node: .underOver(base: base, under: .operator(accent, info), over: nil, accent: true))
        case .font(let font):
            let saved = variant
            variant = font
            defer { variant = saved }
            return Base(node: try parseArgument())
        case .text(let textVariant):
            return Base(node: Self.row(try parseTextNodes(variant: textVariant)))
        case .size(let size):
            // `\\bigl.` is an empty delimiter.
            guard var delimiter = try delimiterNode() else { return Base(node: .row([])) }
            if case .operator(let text, var info) = delimiter {
                info.size = size
                info.stretchy = true
                let shown = info.tex == "\\vert" ? "\u{2223}" : text
                info.tex = "\\\(name)" + (info.tex.first == "\\" ? info.tex : info.tex)
                delimiter = .operator(shown, info)
            }
            return Base(node: delimiter)
        }
    }

    static let applyFunction = MathNode.operator("\u{2061}", MathOperator(tex: ""))

    /// Delimiters that do not stretch unless `\\left`/`\\right`/`\\big` say so.
    static let nonStretchyDelimiters: Set<String> = [
        "langle", "rangle", "lceil", "rceil", "lfloor", "rfloor", "lvert", "rvert", "lVert", "rVert", "vert", "Vert", "|", "{", "}", "lbrace", "rbrace",
    ]

    private func limitFunction(_ text: String, variant: MathVariant?) -> MathNode {
        var name = MathOperator(tex: "")
        name.movableLimits = true
        return .row([.identifier(text, variant: variant), .operator("\u{2061}", name)])
    }

    /// Commands with arguments or structure.
    private mutating func structuralCommand(_ name: String, _ token: TeXToken) throws -> Base? {
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            let numerator = try parseArgument()
            let denominator = try parseArgument()
            let style: FractionStyle = name == "dfrac" || name == "cfrac" ? .display : name == "tfrac" ? .text : .normal
            return Base(node: .fraction(numerator, denominator, style))
        case "binom", "dbinom", "tbinom":
            let top = try parseArgument()
            let bottom = try parseArgument()
            return Base(node: .fraction(top, bottom, .binomial(display: name == "dbinom" ? true : name == "tbinom" ? false : nil)))
        case "sqrt":
            let index = try parseOptionalArgument()
            let radicand = try parseArgument()
            return Base(node: index.map { .root(radicand, index: $0) } ?? .squareRoot(radicand))
        case "left":
            return Base(node: try parseLeftRight())
        case "operatorname", "operatornamewithlimits":
            var limits = name == "operatornamewithlimits"
            if current.kind == .character("*") {
                _ = advance()
                limits = true
            }
            let saved = variant
            variant = .normal
            defer { variant = saved }
            let argument = try parseArgument()
            let text = argument.plainText
            if limits { return Base(node: limitFunction(text, variant: nil)) }
            return Base(node: .identifier(text, variant: .normal), trailingApplication: [Self.applyFunction])
        case "mathop":
            let argument = try parseArgument()
            var info = MathOperator(tex: "")
            info.movableLimits = true
            info.largeOperator = true
            if case .operator(let text, _) = argument { return Base(node: .operator(text, info)) }
            // KaTeX keeps a symbol's own element; an empty operator carries the limits.
            return Base(node: .row([argument, .operator("", info)]))
        case "overset", "stackrel":
            let over = try parseArgument()
            let base = try parseArgument()
            return Base(node: .underOver(base: base, under: nil, over: over, accent: false))
        case "underset":
            let under = try parseArgument()
            let base = try parseArgument()
            return Base(node: .underOver(base: base, under: under, over: nil, accent: false))
        case "xrightarrow", "xleftarrow", "xRightarrow", "xLeftarrow", "xleftrightarrow", "xLeftrightarrow", "xmapsto", "xlongequal",
            "xhookrightarrow", "xhookleftarrow", "xtwoheadrightarrow", "xrightleftharpoons", "xtwoheadleftarrow", "xtofrom",
            "xrightleftarrows", "xrightharpoonup", "xrightharpoondown", "xleftrightharpoons", "xleftharpoonup", "xleftharpoondown":
            let under = try parseOptionalArgument()
            let over = try parseArgument()
            let arrows = ["xrightarrow": "→", "xleftarrow": "←", "xRightarrow": "⇒", "xLeftarrow": "⇐", "xleftrightarrow": "↔",
                          "xLeftrightarrow": "⇔", "xmapsto": "↦", "xlongequal": "=", "xhookrightarrow": "↪", "xhookleftarrow": "↩",
                          "xtwoheadrightarrow": "↠", "xrightleftharpoons": "⇌", "xtwoheadleftarrow": "↞", "xtofrom": "⇄",
                          "xrightleftarrows": "⇄", "xrightharpoonup": "⇀", "xrightharpoondown": "⇁", "xleftrightharpoons": "⇋",
                          "xleftharpoonup": "↼", "xleftharpoondown": "↽"]
            var info = MathOperator(tex: "\\" + name)
            info.stretchy = true
            return Base(node: .underOver(base: .operator(arrows[name]!, info), under: under, over: over, accent: false))
        case "not":
            skipSpaces()
            guard let next = try parseBase() else { throw error("\\not needs a symbol", token) }
            return Base(node: Self.negated(next.node))
        case "color":
            // A switch inside a group is read by parseExpression; here it stands at the start of an argument.
            let color = try parseRawArgument()
            return Base(node: .color(color, .row(try parseExpression())))
        case "textcolor", "colorbox":
            let color = try parseRawArgument()
            let body = name == "colorbox" ? MathNode.text(try parseText(), variant: nil) : try parseArgument()
            return Base(node: .color(color, body))
        case "boxed", "fbox":
            let body = name == "fbox" ? MathNode.text(try parseText(), variant: nil) : try parseArgument()
            return Base(node: .enclosed(.box, body))
        case "cancel", "bcancel", "xcancel", "sout":
            let body = try parseArgument()
            let kind: Enclosure = name == "sout" ? .strike : Enclosure(rawValue: name) ?? .cancel
            return Base(node: .enclosed(kind, body))
        case "phantom", "hphantom", "vphantom":
            return Base(node: .phantom(try parseArgument()))
        case "hspace", "kern", "mkern", "mskip", "hskip", "hspace*":
            return Base(node: .space(Self.em(try parseDimension())))
        case "tag", "tag*":
            var star = false
            if current.kind == .character("*") {
                _ = advance()
                star = true
            }
            let label = try parseRawArgument()
            pendingTag = star ? label : "(\(label))"
            return nil
        case "notag", "nonumber":
            return nil
        case "label":
            _ = try parseRawArgument()
            return nil
        case "newcommand", "renewcommand", "providecommand", "def", "gdef", "edef", "xdef":
            try define(name)
            return nil
        case "begin":
            return Base(node: try parseEnvironment(token))
        case "#", "$", "%", "&", "_":
            return Base(node: .identifier(name, variant: variant))
        case "smallint":
            return Base(node: .operator("∫", MathOperator(tex: "\\smallint")))
        case "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge", "newline", "nobreak",
            "allowbreak", "strut", "relax", "displaylimits", "sixptsize", "global":
            return nil
        case "mathstrut":
            return Base(node: .phantom(.operator("(", MathOperator(tex: "("))))
        case "rule":
            _ = try parseOptionalArgument()
            let width = try parseDimension()
            _ = try parseDimension()
            return Base(node: .space(Self.em(width)))
        case "mathchoice":
            let displayChoice = try parseArgument()
            let textChoice = try parseArgument()
            _ = try parseArgument()
            _ = try parseArgument()
            return Base(node: display ? displayChoice : textChoice)
        case "char":
            // \\char"263A, \\char'777, \\char98: a character by its code.
            var radix = 10
            if case .character(let mark) = current.kind, mark == "\"" || mark == "'" {
                radix = mark == "\"" ? 16 : 8
                _ = advance()
            }
            var digits = ""
            while case .character(let character) = current.kind, character.isHexDigit {
                digits.append(character)
                _ = advance()
            }
            guard let code = UInt32(digits, radix: radix), let scalar = Unicode.Scalar(code), code >= 0x20 else { throw error("\\char needs a character code", token) }
            return Base(node: .identifier(String(Character(scalar)), variant: nil))
        case "href", "url", "htmlId", "htmlClass", "htmlStyle", "htmlData", "includegraphics":
            // KaTeX shows these as their name unless the page trusts its input; a book never does.
            _ = try parseOptionalArgument()
            _ = try parseRawArgumentLoosely()
            if name == "href" || name.hasPrefix("html") { _ = try parseArgument() }
            return Base(node: .text("\\" + name, variant: nil))
        case "bra", "Bra", "ket", "Ket", "braket", "Braket":
            let content = try parseArgument()
            let bar: MathNode = name.first!.isUppercase ? .operator("∣", MathOperator(tex: "\\mid")) : .identifier("∣", variant: nil)
            var open = MathOperator(tex: "\\langle")
            open.stretchy = false
            var close = MathOperator(tex: "\\rangle")
            close.stretchy = false
            switch name.lowercased() {
            case "bra": return Base(node: .row([.operator("⟨", open), content, bar]))
            case "ket": return Base(node: .row([bar, content, .operator("⟩", close)]))
            default: return Base(node: .row([.operator("⟨", open), content, .operator("⟩", close)]))
            }
        case "mathrel", "mathbin", "mathord", "mathopen", "mathclose", "mathpunct", "mathinner":
            let argument = try parseArgument()
            if name == "mathrel" || name == "mathbin", case .identifier(let text, _) = argument { return Base(node: .operator(text, MathOperator(tex: text))) }
            if name == "mathord", case .operator(let text, _) = argument { return Base(node: .identifier(text, variant: nil)) }
            return Base(node: argument)
        case "bmod":
            return Base(node: .row("mod".map { .identifier(String($0), variant: .normal) }))
        case "pmod", "pod", "mod":
            let argument = try parseArgument()
            let word: [MathNode] = name == "pod" ? [] : "mod".map { .identifier(String($0), variant: .normal) } + [.space(0.3333)]
            if name == "mod" { return Base(node: .row([.space(1)] + word + [argument])) }
            return Base(node: .row([.space(1), .operator("(", MathOperator(tex: "("))] + word + [argument, .operator(")", MathOperator(tex: ")"))]))
        case "rlap", "llap", "clap", "underbar":
            let content = Self.row(try parseTextNodes(variant: nil))
            guard name == "underbar" else { return Base(node: content) }
            var info = MathOperator(tex: "\\underbar")
            info.stretchy = true
            return Base(node: .underOver(base: content, under: .operator("‾", info), over: nil, accent: true))
        case "hbox", "mbox":
            return Base(node: Self.row(try parseTextNodes(variant: nil)))
        case "varliminf", "varlimsup", "varinjlim", "varprojlim":
            var mark = MathOperator(tex: "\\" + name)
            mark.stretchy = true
            var limitInfo = MathOperator(tex: "")
            limitInfo.movableLimits = true
            let limit = MathNode.row("lim".map { .identifier(String($0), variant: .normal) } + [.operator("\u{2061}", limitInfo)])
            switch name {
            case "varliminf": return Base(node: .underOver(base: limit, under: .operator("‾", mark), over: nil, accent: true))
            case "varlimsup": return Base(node: .underOver(base: limit, under: nil, over: .operator("‾", mark), accent: true))
            case "varinjlim": return Base(node: .underOver(base: limit, under: .operator("→", mark), over: nil, accent: true))
            default: return Base(node: .underOver(base: limit, under: .operator("←", mark), over: nil, accent: true))
            }
        case "smash", "vcenter", "mathrlap", "mathllap", "mathclap", "pmb":
            if name == "smash" { _ = try parseOptionalArgument() }
            var content = try parseArgument()
            if name == "pmb" { content = .style(display: display, content) }
            return Base(node: content)
        case "raisebox":
            _ = try parseRawArgument()
            return Base(node: .text(try parseText(), variant: nil))
        case "overlinesegment", "underlinesegment":
            let base = try parseArgument()
            var info = MathOperator(tex: "\\" + name)
            info.stretchy = true
            let mark = MathNode.operator("‾", info)
            return Base(node: .underOver(base: base, under: name.hasPrefix("under") ? mark : nil, over: name.hasPrefix("over") ? mark : nil, accent: true))
        case "substack":
            try expect(.openBrace, "'{'")
            var rows: [[MathNode]] = []
            while true {
                rows.append([Self.row(try parseExpression())])
                if case .command("\\") = current.kind {
                    _ = advance()
                    continue
                }
                guard current.kind == .closeBrace else { throw error("missing '}' after \\substack") }
                _ = advance()
                break
            }
            return Base(node: .table(MathTable(rows: rows, alignments: ["c"], environment: "substack")))
        case "genfrac":
            let open = try parseRawArgument()
            let close = try parseRawArgument()
            let thickness = try parseRawArgument()
            _ = try parseRawArgument()
            let numerator = try parseArgument()
            let denominator = try parseArgument()
            let fraction = MathNode.fraction(numerator, denominator, Self.em(thickness) == 0 && !thickness.isEmpty ? .atop : .normal)
            return Base(node: open.isEmpty && close.isEmpty ? fraction : Self.fenced(Self.delimiterText(open), fraction, Self.delimiterText(close)))
        case "fcolorbox":
            _ = try parseRawArgument()
            let background = try parseRawArgument()
            return Base(node: .color(background, Self.row(try parseTextNodes(variant: nil))))
        case "set", "Set":
            // Set-builder notation: the bar inside is a relation (`\\set`) or a fence (`\\Set`).
            let saved = setBuilderBar
            setBuilderBar = name == "set" ? "\u{2223}" : "|"
            defer { setBuilderBar = saved }
            return Base(node: Self.fenced("{", try parseArgument(), "}"))
        case "verb":
            // \verb|…|: the delimiter is the next character.
            guard case .character(let delimiter) = advance().kind else { throw error("\\verb needs a delimiter", token) }
            var text = ""
            while true {
                let next = advance()
                switch next.kind {
                case .character(let character) where character == delimiter: return Base(node: .text(text, variant: .monospace))
                case .character(let character): text.append(character)
                case .space: text.append(" ")
                case .command(let command): text += "\\" + command
                case .openBrace: text += "{"
                case .closeBrace: text += "}"
                case .superscriptMark: text += "^"
                case .subscriptMark: text += "_"
                case .alignment: text += "&"
                case .parameter(let number): text += "#\(number)"
                case .end: throw error("\\verb without its closing delimiter", token)
                }
            }
        case _ where Self.colorShorthands.contains(name):
            return Base(node: .color(name, try parseArgument()))

        default:
            throw error("unknown command \\\(name)", token)
        }
    }

    /// `≠` for `\not=`, `∉` for `\not\in`; otherwise the symbol with U+0338 over it.
    static func negated(_ node: MathNode) -> MathNode {
        let table: [String: String] = ["=": "≠", "∈": "∉", "<": "≮", ">": "≯", "≤": "≰", "≥": "≱", "⊂": "⊄", "⊃": "⊅", "⊆": "⊈", "⊇": "⊉",
                                       "∼": "≁", "≅": "≇", "≡": "≢", "∣": "∤", "∥": "∦", "∋": "∌"]
        if case .operator(let text, var info) = node {
            info.tex = "\\not" + (info.tex.hasPrefix("\\") ? info.tex : " " + info.tex)
            return .operator(table[text] ?? text + "\u{0338}", info)
        }
        return node
    }

    /// Text-mode symbols (`\\textdollar`, `\\ss`…).
    static let textSymbols: [String: String] = [
        "textdollar": "$", "textunderscore": "_", "textsterling": "£", "textregistered": "®", "textquoteright": "’", "textquoteleft": "‘",
        "textquotedblright": "”", "textquotedblleft": "“", "textless": "<", "textgreater": ">", "textendash": "–", "textemdash": "—",
        "textellipsis": "…", "textdegree": "°", "textdaggerdbl": "‡", "textdagger": "†", "textbraceleft": "{", "textbraceright": "}",
        "textbardbl": "∥", "textbar": "|", "ss": "ß", "oe": "œ", "OE": "Œ", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "aa": "å", "AA": "Å",
        "i": "ı", "j": "ȷ", "sect": "§", "copyright": "©", "textcopyright": "©", "lq": "‘", "rq": "’", "textbullet": "•",
        "KaTeX": "KaTeX", "LaTeX": "LaTeX", "TeX": "TeX",
    ]

    /// Text-mode accents, as the spacing marks KaTeX puts over the letter.
    static let textAccents: [String: String] = [
        "'": "ˊ", "`": "ˋ", "^": "ˆ", "\"": "¨", "~": "˜", "=": "ˉ", ".": "˙", "u": "˘", "v": "ˇ", "r": "˚", "H": "˝", "c": "¸",
        "textcircled": "◯",
    ]

    /// KaTeX's colour commands (`\\red{x}`).
    static let colorShorthands: Set<String> = ["red", "blue", "green", "orange", "pink", "purple", "gray", "grey", "black", "white",
                                               "brown", "cyan", "magenta", "yellow", "teal", "gold", "maroon"]

    /// A delimiter written in a `\\genfrac` argument.
    static func delimiterText(_ text: String) -> String {
        switch text {
        case "\\{", "\\lbrace": "{"
        case "\\}", "\\rbrace": "}"
        case "\\langle": "⟨"
        case "\\rangle": "⟩"
        case "\\vert", "|": "|"
        default: text
        }
    }

    /// `1em`, `3mu`, `0.5ex`, `2pt` → em.
    static func em(_ amount: String) -> Double {
        let trimmed = amount.filter { !$0.isWhitespace }
        let number = Double(trimmed.prefix { $0.isNumber || $0 == "." || $0 == "-" }) ?? 0
        if trimmed.hasSuffix("mu") { return number / 18 }
        if trimmed.hasSuffix("ex") { return number * 0.43 }
        if trimmed.hasSuffix("pt") { return number / 10 }
        return number
    }

    // MARK: Delimiters

    /// The delimiter after `\left`, `\right`, `\big`…: a character or a command; `.` is none.
    mutating func delimiterNode() throws -> MathNode? {
        skipSpaces()
        let token = advance()
        switch token.kind {
        case .character("."): return nil
        case .command("vert"), .command("lvert"), .command("rvert"):
            var info = MathOperator(tex: "\\vert")
            info.fence = true
            return .operator("|", info)
        case .character(let character) where "()[]|/<>".contains(character) || character == "\u{2016}":
            var info = MathOperator(tex: String(character))
            info.fence = true
            let text = character == "<" ? "⟨" : character == ">" ? "⟩" : String(character)
            return .operator(text, info)
        case .command(let name):
            guard let symbol = MathSymbols.operators[name] else { throw error("\\\(name) is not a delimiter", token) }
            var info = MathOperator(tex: "\\" + name)
            info.fence = true
            return .operator(symbol, info)
        default:
            throw error("missing delimiter", token)
        }
    }
    /// `\\left( … \\middle| … \\right)`; `.` is an empty delimiter, kept (as an empty operator)
    /// so that the TeX writer can write the pair again.
    private mutating func parseLeftRight() throws -> MathNode {
        func fence(_ node: MathNode?, _ role: MathOperator.FenceRole) -> MathNode {
            guard case .operator(let text, var info)? = node else {
                var empty = MathOperator(tex: ".")
                empty.fence = true
                empty.fenceRole = role
                return .operator("", empty)
            }
            info.fenceRole = role
            return .operator(text, info)
        }
        var nodes: [MathNode] = [fence(try delimiterNode(), .left)]
        while true {
            nodes += try parseExpression()
            guard case .command(let name) = current.kind, name == "right" || name == "middle" else { throw error("\\left without \\right") }
            _ = advance()
            nodes.append(fence(try delimiterNode(), name == "right" ? .right : .middle))
            if name == "right" { break }
        }
        return .row(nodes)
    }

    // MARK: Text

    /// The text of `\text{…}`, as a string (for `\raisebox` and similar).
    mutating func parseText() throws -> String {
        try parseTextNodes(variant: nil).map(\.plainText).joined()
    }

    /// The content of `\text{…}`: runs of text (a nested `\textbf{…}` is a run of its own),
    /// accents over letters as KaTeX writes them, and `$…$` math inside. Braces nest; `\{`, `\%`
    /// and friends are characters; `\ ` and `~` are spaces.
    mutating func parseTextNodes(variant textVariant: MathVariant?) throws -> [MathNode] {
        skipSpaces()
        guard current.kind == .openBrace else {
            let token = advance()
            if case .character(let character) = token.kind { return [.text(String(character), variant: textVariant)] }
            throw error("expected '{'", token)
        }
        _ = advance()
        var nodes: [MathNode] = []
        var text = ""
        var level = 0
        func flush() {
            if !text.isEmpty { nodes.append(.text(text, variant: textVariant)) }
            text = ""
        }
        while true {
            let token = advance()
            switch token.kind {
            case .openBrace: level += 1
            case .closeBrace:
                if level == 0 {
                    flush()
                    return nodes
                }
                level -= 1
            case .character("$"):
                flush()
                nodes.append(try parseInlineMathInText(token))
            case .character(let character): text.append(character == "~" ? "\u{A0}" : character)
            case .space: text.append(" ")
            case .superscriptMark: text.append("^")
            case .subscriptMark: text.append("_")
            case .alignment: text.append("&")
            case .parameter(let number): text += "#\(number)"
            case .command(let name):
                switch name {
                case "{", "}", "%", "$", "&", "#", "_": text.append(contentsOf: name)
                case " ", "space", "quad", "qquad", ",", ";", ":", "!": text.append(" ")
                case "textbackslash", "\\": text.append("\\")
                case "textasciitilde": text.append("~")
                case "textasciicircum": text.append("^")
                case "AA", "aa":
                    flush()
                    nodes.append(.underOver(base: .text(name == "AA" ? "A" : "a", variant: textVariant), under: nil,
                                            over: .operator("˚", MathOperator(tex: "\\r")), accent: true))
                case "(":
                    flush()
                    nodes.append(try parseInlineMathInText(token))
                case _ where Self.textSymbols[name] != nil: text += Self.textSymbols[name]!
                case _ where Self.textAccents[name] != nil:
                    flush()
                    skipSpaces()
                    var letter = ""
                    if current.kind == .openBrace {
                        letter = try parseTextNodes(variant: nil).map(\.plainText).joined()
                    } else if case .character(let character) = advance().kind {
                        letter = String(character)
                    }
                    if letter == "i" { letter = "ı" }
                    nodes.append(.underOver(base: .text(letter, variant: textVariant), under: nil,
                                            over: .operator(Self.textAccents[name]!, MathOperator(tex: "\\" + name)), accent: true))
                default:
                    if let symbol = MathSymbols.identifiers[name] ?? MathSymbols.uprightIdentifiers[name] ?? MathSymbols.operators[name] {
                        text += symbol
                    } else if let nested = MathSymbols.textCommands[name] {
                        flush()
                        nodes += try parseTextNodes(variant: nested ?? textVariant)
                    } else if let font = MathSymbols.fontSwitches[name] {
                        flush()
                        // `{\bf …}` inside text: the rest of the group in that style.
                        nodes += try parseTextNodesUntilGroupEnd(variant: font)
                        return nodes
                    } else if ["textmd", "tiny", "small", "large", "Large", "footnotesize", "scriptsize", "normalsize", "huge", "Huge"].contains(name) {
                        continue
                    } else {
                        throw error("unknown command \\\(name) in text", token)
                    }
                }
            case .end: throw error("missing '}' after text")
            }
        }
    }

    /// After a style switch inside text: the rest of the text group.
    private mutating func parseTextNodesUntilGroupEnd(variant: MathVariant) throws -> [MathNode] {
        // Re-enter the loop by pretending the group continues: read until the closing brace.
        tokens.insert(TeXToken(kind: .openBrace, offset: current.offset), at: index)
        return try parseTextNodes(variant: variant)
    }

    /// `$…$` or `\(…\)` inside text: math again.
    private mutating func parseInlineMathInText(_ opener: TeXToken) throws -> MathNode {
        let closing: TeXToken.Kind = opener.kind == .character("$") ? .character("$") : .command(")")
        guard let end = tokens[index...].firstIndex(where: { $0.kind == closing }) else { throw error("math in text is not closed", opener) }
        let saved = tokens[end]
        tokens[end] = TeXToken(kind: .end, offset: saved.offset)
        let nodes = try parseExpression()
        guard index == end else { throw error("unexpected \(describe(current)) in math inside text") }
        tokens[end] = saved
        index = end + 1
        return Self.row(nodes)
    }

    /// A TeX dimension: `{1em}`, or written out (`-2.5pt`, `18mu`).
    mutating func parseDimension() throws -> String {
        skipSpaces()
        if current.kind == .openBrace { return try parseRawArgument() }
        var text = ""
        while case .character(let character) = current.kind, character.isNumber || character == "." || character == "-" || character == "+" {
            text.append(character)
            _ = advance()
        }
        // The unit: two letters (TeX's lexer may have made them part of a command name: not here).
        for _ in 0..<2 {
            guard case .character(let character) = current.kind, character.isLetter else { break }
            text.append(character)
            _ = advance()
        }
        guard !text.isEmpty else { throw error("expected a dimension") }
        return text
    }
}

extension MathNode {
    /// The characters of identifiers, numbers, operators and text inside.
    var plainText: String {
        switch self {
        case .identifier(let text, _), .number(let text), .operator(let text, _), .text(let text, _): text
        case .row(let nodes): nodes.map(\.plainText).joined()
        case .style(_, let node), .color(_, let node), .enclosed(_, let node), .phantom(let node), .squareRoot(let node): node.plainText
        default: ""
        }
    }
}
