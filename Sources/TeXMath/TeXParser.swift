/// Parses KaTeX-dialect TeX math into a ``MathNode`` tree. Every command must be one the parser
/// knows (or a macro the formula defines from known commands); anything else is a ``TeXError``,
/// so the same parse decides what may reach xelatex.
struct TeXParser {
    var tokens: [TeXToken]
    var index = 0
    var macros: [String: Macro] = [:]
    var expansions = 0
    private var depth = 0
    /// Display style in force (`\\displaystyle` changes it for the rest of its group).
    var display: Bool
    /// Font variant in force (`\mathbf{…}`, `{\bf …}`).
    var variant: MathVariant?
    /// Tags seen (`\tag{1}`), by row, while reading a table or the whole formula.
    var pendingTag: String?
    /// Inside `\\set{…}`/`\\Set{…}`: what a typed `|` becomes.
    var setBuilderBar: String?

    struct Macro {
        var parameters: Int
        var body: [TeXToken]
    }

    static let maxExpansions = 1000
    static let maxDepth = 200

    init(_ source: String, display: Bool) {
        tokens = TeXLexer.tokenize(source)
        self.display = display
    }

    // MARK: Tokens

    var current: TeXToken { tokens[index] }

    mutating func advance() -> TeXToken {
        let token = tokens[index]
        if token.kind != .end { index += 1 }
        return token
    }

    mutating func skipSpaces() {
        while current.kind == .space { _ = advance() }
    }

    func error(_ message: String, _ token: TeXToken? = nil) -> TeXError {
        TeXError(message: message, offset: (token ?? current).offset)
    }

    mutating func expect(_ kind: TeXToken.Kind, _ what: String) throws {
        skipSpaces()
        guard current.kind == kind else { throw error("expected \(what)") }
        _ = advance()
    }

    // MARK: Entry

    mutating func parseFormula() throws -> (MathNode, tag: String?) {
        let nodes = try parseExpression()
        guard current.kind == .end else {
            switch current.kind {
            case .closeBrace: throw error("unbalanced '}'")
            case .alignment: throw error("'&' outside an environment")
            default: throw error("unexpected \(describe(current))")
            }
        }
        return (Self.row(nodes), pendingTag)
    }

    static func row(_ nodes: [MathNode]) -> MathNode { nodes.count == 1 ? nodes[0] : .row(nodes) }

    /// `content` between two fences.
    static func fenced(_ open: String, _ content: MathNode, _ close: String) -> MathNode {
        var info = MathOperator(tex: open == "{" ? "\\{" : open)
        info.fence = true
        var closing = MathOperator(tex: close == "}" ? "\\}" : close)
        closing.fence = true
        return .row([.operator(open, info), content, .operator(close, closing)])
    }

    func describe(_ token: TeXToken) -> String {
        switch token.kind {
        case .command(let name): "\\\(name)"
        case .character(let character): "'\(character)'"
        case .openBrace: "'{'"
        case .closeBrace: "'}'"
        case .superscriptMark: "'^'"
        case .subscriptMark: "'_'"
        case .alignment: "'&'"
        case .parameter(let number): "'#\(number)'"
        case .space: "space"
        case .end: "end of formula"
        }
    }

    // MARK: Expressions

    /// Atoms up to `}`, `&`, `\\`, `\end`, `\right`, `\middle` or the end.
    mutating func parseExpression() throws -> [MathNode] {
        try deeper { try $0.expressionAtCursor() }
    }

    /// Runs `body` one level deeper into the formula, or throws once ``maxDepth`` levels are open.
    /// Every recursion of the parser passes through an expression or a base (a group, a command's
    /// argument, an optional argument's atoms), and both count here, so no formula can exhaust the
    /// stack (`\frac\frac…` or `\sqrt[\sqrt[…` did, by way of arguments and no expression).
    private mutating func deeper<T>(_ body: (inout TeXParser) throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth < Self.maxDepth else { throw error("formula nested too deeply") }
        return try body(&self)
    }

    private mutating func expressionAtCursor() throws -> [MathNode] {
        var nodes: [MathNode] = []
        while true {
            skipSpaces()
            switch current.kind {
            case .end, .closeBrace, .alignment: return nodes
            case .command(let name):
                switch name {
                case "\\", "cr", "end", "right", "middle": return nodes
                case "over", "choose", "atop", "brace", "brack", "above":
                    _ = advance()
                    if name == "above" { _ = try parseDimension() }
                    let right = try parseExpression()
                    let fraction = MathNode.fraction(Self.row(nodes), Self.row(right), name == "choose" ? .binomial(display: nil) : name == "over" ? .normal : .atop)
                    switch name {
                    case "brace": return [Self.fenced("{", fraction, "}")]
                    case "brack": return [Self.fenced("[", fraction, "]")]
                    default: return [fraction]
                    }
                case "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle":
                    _ = advance()
                    let saved = display
                    display = name == "displaystyle"
                    let rest = try parseExpression()
                    display = saved
                    return nodes + [.style(display: name == "displaystyle", Self.row(rest))]
                case "color":
                    _ = advance()
                    let color = try parseRawArgument()
                    let rest = try parseExpression()
                    return nodes + [.color(color, Self.row(rest))]
                case _ where MathSymbols.fontSwitches[name] != nil:
                    _ = advance()
                    let saved = variant
                    variant = MathSymbols.fontSwitches[name]
                    let rest = try parseExpression()
                    variant = saved
                    return nodes + rest
                default:
                    break
                }
            default:
                break
            }
            if let atom = try parseAtom() { nodes.append(contentsOf: atom) }
        }
    }

    /// A base with its scripts and primes. Nil when the token produced nothing (a definition, `\label`).
    private mutating func parseAtom() throws -> [MathNode]? {
        guard let base = try parseBase() else { return nil }
        var limits: Bool? = nil
        while true {
            skipSpaces()
            if case .command(let name) = current.kind, name == "limits" || name == "nolimits" {
                _ = advance()
                limits = name == "limits"
                continue
            }
            break
        }
        var sub: MathNode?
        var sup: MathNode?
        var primes = 0
        loop: while true {
            skipSpaces()
            switch current.kind {
            case .superscriptMark:
                guard sup == nil else { throw error("double superscript") }
                _ = advance()
                sup = try parseScriptArgument()
            case .subscriptMark:
                guard sub == nil else { throw error("double subscript") }
                _ = advance()
                sub = try parseScriptArgument()
            case .character("'"):
                _ = advance()
                primes += 1
            default:
                break loop
            }
        }
        if primes > 0 {
            let marks = Array(repeating: MathNode.operator("\u{2032}", MathOperator(tex: "'")), count: primes)
            sup = sup.map { .row(marks + [$0]) } ?? (primes == 1 ? marks[0] : .row(marks))
        }
        let trailing = base.trailingApplication
        let node = base.node
        guard sub != nil || sup != nil else { return [node] + trailing }
        // Braces (`\\overbrace{…}^{…}`) always take their scripts above and below.
        let useLimits = limits ?? (node.isHorizontalBrace || (node.hasMovableLimits && display))
        let scripted: MathNode = useLimits ? .underOver(base: node, under: sub, over: sup, accent: false) : .scripts(base: node, sub: sub, sup: sup)
        return [scripted] + trailing
    }

    private mutating func parseScriptArgument() throws -> MathNode {
        skipSpaces()
        if current.kind == .openBrace { return try parseGroup() }
        // One token is one digit: `\frac12` is `\frac{1}{2}`.
        if case .character(let digit) = current.kind, digit.isASCIIDigit {
            _ = advance()
            return .number(variant.flatMap { MathAlphanumerics.styled(digit, $0) }.map(String.init) ?? String(digit))
        }
        guard let base = try parseBase() else { throw error("missing script") }
        return base.node
    }

    /// `{…}` as one node.
    mutating func parseGroup() throws -> MathNode {
        try expect(.openBrace, "'{'")
        let nodes = try parseExpression()
        guard current.kind == .closeBrace else { throw error("missing '}'") }
        _ = advance()
        return Self.row(nodes)
    }

    /// A required argument: a group or a single token.
    mutating func parseArgument() throws -> MathNode {
        skipSpaces()
        if current.kind == .openBrace { return try parseGroup() }
        // One token is one digit: `\frac12` is `\frac{1}{2}`.
        if case .character(let digit) = current.kind, digit.isASCIIDigit {
            _ = advance()
            return .number(variant.flatMap { MathAlphanumerics.styled(digit, $0) }.map(String.init) ?? String(digit))
        }
        guard let base = try parseBase() else { throw error("missing argument") }
        return base.node
    }

    /// An argument read as plain text (`\color{red}`, `\begin{matrix}`).
    mutating func parseRawArgument() throws -> String {
        skipSpaces()
        if current.kind != .openBrace {
            let token = advance()
            if case .character(let character) = token.kind { return String(character) }
            throw error("expected '{'", token)
        }
        _ = advance()
        var text = ""
        while current.kind != .closeBrace {
            let token = advance()
            switch token.kind {
            case .character(let character): text.append(character)
            case .space: text.append(" ")
            case .command(let name): text += "\\" + name
            case .parameter(let number): text += "#\(number)"
            case .end: throw error("missing '}'")
            default: throw error("unexpected \(describe(token)) in argument", token)
            }
        }
        _ = advance()
        return text
    }

    /// An argument read as raw text, whatever tokens it holds (`\\href{https://…}`).
    mutating func parseRawArgumentLoosely() throws -> String {
        skipSpaces()
        guard current.kind == .openBrace else { return "" }
        _ = advance()
        var level = 0
        var text = ""
        while true {
            let token = advance()
            switch token.kind {
            case .openBrace: level += 1
            case .closeBrace:
                if level == 0 { return text }
                level -= 1
            case .end: throw error("missing '}'")
            case .character(let character): text.append(character)
            default: break
            }
        }
    }

    /// `[…]` when present.
    mutating func parseOptionalArgument() throws -> MathNode? {
        skipSpaces()
        guard current.kind == .character("[") else { return nil }
        _ = advance()
        var nodes: [MathNode] = []
        while current.kind != .character("]") {
            if current.kind == .end { throw error("missing ']'") }
            if let atom = try parseAtom() { nodes += atom }
            skipSpaces()
        }
        _ = advance()
        return Self.row(nodes)
    }

    // MARK: Bases

    /// One base, with what must follow its scripts (U+2061 after `\sin`).
    struct Base {
        var node: MathNode
        var trailingApplication: [MathNode] = []
    }

    mutating func parseBase() throws -> Base? {
        try deeper { try $0.baseAtCursor() }
    }

    private mutating func baseAtCursor() throws -> Base? {
        skipSpaces()
        let token = current
        switch token.kind {
        case .openBrace:
            return Base(node: try parseGroup())
        case .character("'"):
            // A prime with no base (`'`): the atom's scripts read it.
            return Base(node: .row([]))
        case .character(let character):
            _ = advance()
            return Base(node: characterNode(character))
        case .command(let name):
            _ = advance()
            return try command(name, token)
        case .superscriptMark, .subscriptMark:
            // A script with an empty base (`^2` at the start).
            return Base(node: .row([]))
        case .parameter:
            throw error("'#' outside a macro definition")
        case .closeBrace, .alignment, .end, .space:
            throw error("unexpected \(describe(token))")
        }
    }

    private mutating func characterNode(_ character: Character) -> MathNode {
        if character.isASCIIDigit || character == "." {
            if let variant, character.isASCIIDigit, let styled = MathAlphanumerics.styled(character, variant) {
                var digits = String(styled)
                while case .character(let next) = current.kind, next.isASCIIDigit, let more = MathAlphanumerics.styled(next, variant) {
                    digits.append(more)
                    _ = advance()
                }
                return .number(digits)
            }
            var digits = String(character)
            while case .character(let next) = current.kind, next.isASCIIDigit || (next == "." && digits.last != ".") {
                digits.append(next)
                _ = advance()
            }
            if digits == "." { return .identifier(".", variant: nil) }
            if digits.utf8.count == 1, let code = digits.utf8.first { return SharedMathLeaves.digits[Int(code - UInt8(ascii: "0"))] }
            return .number(digits)
        }
        if character.isASCIILetter {
            if let variant, let styled = MathAlphanumerics.styled(character, variant) { return .identifier(String(styled), variant: nil) }
            if variant == nil, let code = character.asciiByte, let shared = SharedMathLeaves.letters[Int(code)] { return shared }
            return .identifier(String(character), variant: variant)
        }
        // KaTeX writes `|` and `/` as ordinary symbols.
        if character == "|" {
            if let bar = setBuilderBar { return .operator(bar, MathOperator(tex: "\\mid")) }
            return .identifier("\u{2223}", variant: nil)
        }
        if character == "/" { return .identifier("/", variant: nil) }
        if character.isOperatorSymbol || character == "\u{2212}" {
            if let code = character.asciiByte, let shared = SharedMathLeaves.operators[Int(code)] { return shared }
            return Self.operatorNode(character)
        }
        if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 {
            if MathSymbols.identifierCharacters.contains(character) { return .identifier(String(character), variant: variant) }
            switch scalar.properties.generalCategory {
            case .mathSymbol, .otherPunctuation, .openPunctuation, .closePunctuation, .dashPunctuation, .connectorPunctuation:
                if !scalar.properties.isIdeographic { return .operator(String(character), MathOperator(tex: String(character))) }
            case .uppercaseLetter, .lowercaseLetter:
                return .identifier(String(character), variant: variant)
            default:
                break
            }
        }
        // CJK and other text in math: KaTeX shows it as text.
        return .text(String(character), variant: nil)
    }

    /// A character that is an operator (`+`, `=`, `(`, `≤`) as its node.
    static func operatorNode(_ character: Character) -> MathNode {
        var info = MathOperator(tex: character == "\u{2212}" ? "-" : String(character))
        if character == "(" || character == ")" || character == "[" || character == "]" { info.stretchy = false }
        return .operator(MathSymbols.mathMLText(of: character), info)
    }
}

/// A problem in a formula: what and where (a byte offset inside the formula).
public struct TeXError: Error, Sendable, Hashable {
    public var message: String
    public var offset: Int
}

extension Character {
    /// The character's byte when it is one ASCII character. `asciiValue` says the same, but it
    /// costs about 300 instructions a call (it also maps "\r\n" to "\n", which a character of
    /// one UTF-8 byte cannot be).
    var asciiByte: UInt8? {
        let bytes = utf8
        return bytes.count == 1 ? bytes.first : nil
    }

    /// `0`–`9` (what `isASCII && isNumber` says, without asking Unicode's tables).
    var isASCIIDigit: Bool {
        guard let value = asciiByte else { return false }
        return value >= UInt8(ascii: "0") && value <= UInt8(ascii: "9")
    }

    /// `a`–`z`, `A`–`Z` (what `isASCII && isLetter` says, without asking Unicode's tables).
    var isASCIILetter: Bool {
        guard let value = asciiByte else { return false }
        return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(value | 0x20)
    }

    /// The ASCII characters KaTeX makes operators: `+-=<>()[]/,;:!?|*~`.
    var isOperatorSymbol: Bool {
        switch asciiByte {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "/"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "|"), UInt8(ascii: "*"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
