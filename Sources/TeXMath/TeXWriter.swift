import Foundation

/// Writes a parsed formula as TeX for xelatex (amsmath, amssymb, mathtools, cancel, xcolor).
///
/// The TeX is written from the tree, not copied from the source: only constructs the parser
/// understood can appear, user macros are already expanded, and Unicode symbols typed in the
/// source (`−`, `≤`, `α`) become their commands.
struct TeXWriter {
    /// Command names that exist in xelatex with ``TeXMath/requiredPackages`` (asked of TeX itself).
    static let latexCommands: Set<String> = Set(TableLines.fields(of: latexCommandData, maxSplits: 0).map { $0[0] })

    /// Whether `tex` (`\\name`) is a command LaTeX defines.
    static func isLaTeX(_ tex: String) -> Bool {
        tex.hasPrefix("\\") && latexCommands.contains(String(tex.dropFirst()))
    }

    /// Characters → the LaTeX command that writes them, from the symbol tables.
    static let commands: [String: String] = {
        var table: [String: String] = [:]
        func add(_ source: [String: String]) {
            for (name, character) in source.sorted(by: { ($0.key.count, $0.key) < ($1.key.count, $1.key) })
            where table[character] == nil && latexCommands.contains(name) {
                table[character] = "\\" + name
            }
        }
        add(MathSymbols.identifiers)
        add(MathSymbols.uprightIdentifiers)
        add(MathSymbols.operators)
        add(MathSymbols.bigOperatorsWithLimits)
        add(MathSymbols.integrals)
        add(MathSymbols.katex.filter { $0.value.element != "mtext" && $0.key.count > 1 && !$0.key.hasPrefix("text") }.mapValues(\.text))
        for (character, command) in ["\u{2212}": "-", "∗": "*", "′": "'", "∣": "\\mid", "|": "|", "…": "\\ldots", "⋯": "\\cdots", "{": "\\{", "}": "\\}"] {
            table[character] = command
        }
        return table
    }()

    /// TeX text-mode escapes (for `\text{…}`, and for the LaTeX book's prose): every character
    /// TeX reads specially prints itself, whatever marks combine with it; control characters
    /// other than line feeds are dropped. Over UTF-8: text with nothing to escape comes back as it is.
    static func escapeText(_ text: String) -> String {
        UTF8Replacing.replacing(in: text, TextEscapes())
    }

    /// ``escapeText(_:)`` appended to `out` as UTF-8.
    static func appendEscapedText(_ text: String, to out: inout [UInt8]) {
        UTF8Replacing.append(text, TextEscapes(), to: &out)
    }

    static func appendEscapedText(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        UTF8Replacing.append(bytes, TextEscapes(), to: &out)
    }

    /// The replacements of ``escapeText(_:)``.
    private struct TextEscapes: UTF8Replacements {
        /// TeX's specials, controls and the lead byte of U+00A0.
        private static let flagged = ByteSet { byte in
            switch byte {
            case 0x00..<0x20, 0x7F, 0xC2, UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "$"), UInt8(ascii: "&"),
                UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "_"), UInt8(ascii: "^"), UInt8(ascii: "~"):
                true
            default:
                false
            }
        }
        private let flagged = Self.flagged

        func mayNeedWork(_ byte: UInt8) -> Bool { flagged.contains(byte) }

        func replacement(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (text: StaticString, length: Int)? {
            switch bytes[index] {
            case UInt8(ascii: "\\"): ("\\textbackslash{}", 1)
            case UInt8(ascii: "{"): ("\\{", 1)
            case UInt8(ascii: "}"): ("\\}", 1)
            case UInt8(ascii: "$"): ("\\$", 1)
            case UInt8(ascii: "&"): ("\\&", 1)
            case UInt8(ascii: "#"): ("\\#", 1)
            case UInt8(ascii: "%"): ("\\%", 1)
            case UInt8(ascii: "_"): ("\\_", 1)
            case UInt8(ascii: "^"): ("\\textasciicircum{}", 1)
            case UInt8(ascii: "~"): ("\\textasciitilde{}", 1)
            case UInt8(ascii: "\t"): ("    ", 1)
            case UInt8(ascii: "\n"): nil
            // A no-break space (C2 A0) is TeX's tie; other characters from C2 are kept.
            case 0xC2: index + 1 < bytes.count && bytes[index + 1] == 0xA0 ? ("~", 2) : nil
            // Other C0 controls and DEL.
            default: ("", 1)
            }
        }
    }

    static let fontCommands: [MathVariant: String] = [
        .bold: "\\mathbf", .italic: "\\mathit", .boldItalic: "\\boldsymbol", .doubleStruck: "\\mathbb", .script: "\\mathcal",
        .boldScript: "\\mathcal", .fraktur: "\\mathfrak", .boldFraktur: "\\mathfrak", .sansSerif: "\\mathsf", .boldSansSerif: "\\mathsf",
        .sansSerifItalic: "\\mathsf", .monospace: "\\mathtt", .normal: "\\mathrm",
    ]

    static let textFontCommands: [MathVariant: String] = [
        .bold: "\\textbf", .italic: "\\textit", .boldItalic: "\\textbf", .sansSerif: "\\textsf", .monospace: "\\texttt",
    ]

    /// Colour names xcolor knows without options; anything else becomes a hex value or black.
    static let colorNames: Set<String> = ["red", "green", "blue", "cyan", "magenta", "yellow", "black", "gray", "white", "darkgray",
                                          "lightgray", "brown", "lime", "olive", "orange", "pink", "purple", "teal", "violet"]

    func write(_ node: MathNode) -> String {
        var out = ""
        append(node, to: &out)
        return out
    }

    /// A whole formula: never empty (`$$` would open display math).
    func formula(_ node: MathNode) -> String {
        let out = write(node)
        return out.isEmpty ? "{}" : out
    }

    /// `{…}` around a node.
    private func group(_ node: MathNode) -> String { "{" + write(node) + "}" }

    private func append(_ piece: String, into out: inout String) {
        // A control word must not run into the letter after it.
        if let first = piece.first, first.isLetter, Self.endsInControlWord(out) { out += " " }
        out += piece
    }

    /// Whether `text` ends in letters with a backslash before them. Only its last characters are
    /// read: a search of the text for a backslash first, through Foundation, was 1.2% of a LaTeX
    /// build's instructions.
    private static func endsInControlWord(_ text: String) -> Bool {
        var start = text.endIndex
        while start > text.startIndex, text[text.index(before: start)].isLetter { start = text.index(before: start) }
        return start < text.endIndex && start > text.startIndex && text[text.index(before: start)] == "\\"
    }

    private func append(_ node: MathNode, to out: inout String) {
        switch node {
        case .identifier(let text, let variant):
            append(identifier(text, variant), into: &out)
        case .number(let text):
            append(number(text), into: &out)
        case .operator(let text, let info):
            append(operatorTeX(text, info), into: &out)
        case .text(let text, let variant):
            let command = variant.flatMap { Self.textFontCommands[$0] } ?? "\\text"
            append(command + "{" + Self.escapeText(text) + "}", into: &out)
        case .space(let em):
            append("\\hspace{\(MathMLWriter.format(em))em}", into: &out)
        case .row(let nodes):
            for child in nodes { append(child, to: &out) }
        case .fraction(let numerator, let denominator, let style):
            switch style {
            case .normal: append("\\frac" + group(numerator) + group(denominator), into: &out)
            case .display: append("\\dfrac" + group(numerator) + group(denominator), into: &out)
            case .text: append("\\tfrac" + group(numerator) + group(denominator), into: &out)
            case .binomial(let display):
                let command = display == true ? "\\dbinom" : display == false ? "\\tbinom" : "\\binom"
                append(command + group(numerator) + group(denominator), into: &out)
            case .atop: append("\\genfrac{}{}{0pt}{}" + group(numerator) + group(denominator), into: &out)
            }
        case .squareRoot(let radicand):
            append("\\sqrt" + group(radicand), into: &out)
        case .root(let radicand, let index):
            append("\\sqrt[" + write(index) + "]" + group(radicand), into: &out)
        case .scripts(let base, let sub, let sup):
            append(scriptBase(base), into: &out)
            if let sub { out += "_" + group(sub) }
            if let sup { out += "^" + group(sup) }
        case .underOver(let base, let under, let over, let accent):
            append(underOver(base, under, over, accent), into: &out)
        case .table(let table):
            append(tableTeX(table), into: &out)
        case .style(let display, let content):
            append("{" + (display ? "\\displaystyle " : "\\textstyle ") + write(content) + "}", into: &out)
        case .color(let color, let content):
            append("{" + colorCommand(color) + " " + write(content) + "}", into: &out)
        case .enclosed(let kind, let content):
            let command = switch kind {
            case .box: "\\boxed"
            case .cancel, .strike: "\\cancel"
            case .bcancel: "\\bcancel"
            case .xcancel: "\\xcancel"
            }
            append(command + group(content), into: &out)
        case .phantom(let content):
            append("\\phantom" + group(content), into: &out)
        case .error(let source):
            append("\\text{" + Self.escapeText(source) + "}", into: &out)
        }
    }

    private func identifier(_ text: String, _ variant: MathVariant?) -> String {
        if text.count > 1 {
            let name = text.replacingOccurrences(of: " ", with: "")
            if MathSymbols.functions.contains(name) || MathSymbols.limitFunctions.contains(name), Self.latexCommands.contains(name) { return "\\" + name }
            if text.allSatisfy({ $0.isASCII && $0.isLetter }) { return "\\operatorname{" + text + "}" }
            return "\\text{" + Self.escapeText(text) + "}"
        }
        guard let character = text.first else { return "" }
        if let (plain, styledVariant) = MathAlphanumerics.unstyled(character) {
            return (Self.fontCommands[styledVariant] ?? "\\mathrm") + "{" + String(plain) + "}"
        }
        var tex: String
        if character.isASCII, character.isLetter || character.isNumber {
            tex = text
        } else if let command = Self.commands[text] {
            tex = command
        } else if character.isASCII {
            tex = ["#", "$", "%", "&", "_"].contains(character) ? "\\" + text : text
        } else {
            tex = "\\text{" + Self.escapeText(text) + "}"
        }
        if let variant, variant != .italic, let font = Self.fontCommands[variant] { tex = font + "{" + tex + "}" }
        return tex
    }

    private func number(_ text: String) -> String {
        if let first = text.first, let (_, variant) = MathAlphanumerics.unstyled(first) {
            let digits = String(text.compactMap { MathAlphanumerics.unstyled($0)?.0 })
            return (Self.fontCommands[variant] ?? "\\mathrm") + "{" + digits + "}"
        }
        return text
    }

    private func operatorTeX(_ text: String, _ info: MathOperator) -> String {
        if text == "\u{2061}" { return "" }
        var symbol: String
        if text.count == 1, let character = text.first, character.isASCII {
            symbol = ["{", "}", "#", "$", "%", "&", "_"].contains(character) ? "\\" + text : text
        } else if Self.isLaTeX(info.tex) {
            symbol = info.tex
        } else if let command = Self.commands[text] {
            symbol = command
        } else if text.isEmpty {
            symbol = "."
        } else {
            symbol = "\\text{" + Self.escapeText(text) + "}"
        }
        if let role = info.fenceRole {
            let delimiter = text.isEmpty ? "." : symbol
            switch role {
            case .left: return "\\left" + delimiter + " "
            case .middle: return "\\middle" + delimiter + " "
            case .right: return "\\right" + delimiter + " "
            }
        }
        if info.size != nil {
            let sizes = ["\\Biggl", "\\Biggr", "\\Biggm", "\\Bigg", "\\biggl", "\\biggr", "\\biggm", "\\bigg", "\\Bigl", "\\Bigr", "\\Bigm",
                         "\\Big", "\\bigl", "\\bigr", "\\bigm", "\\big"]
            if let size = sizes.first(where: { info.tex.hasPrefix($0) }) {
                // A sized delimiter must be a delimiter: `\mid` is not, `|` is.
                let delimiter = symbol == "\\mid" ? "|" : symbol == "\\parallel" ? "\\|" : symbol
                return size + delimiter + " "
            }
        }
        return symbol
    }

    private func scriptBase(_ base: MathNode) -> String {
        switch base {
        case .identifier, .number, .operator: write(base)
        case .row(let nodes) where nodes.isEmpty: "{}"
        default: group(base)
        }
    }

    private func underOver(_ base: MathNode, _ under: MathNode?, _ over: MathNode?, _ accent: Bool) -> String {
        if accent {
            if case .operator(let mark, let info)? = over {
                return Self.isLaTeX(info.tex) ? info.tex + group(base) : "\\overset{\\text{\(Self.escapeText(mark))}}" + group(base)
            }
            if case .operator(let mark, let info)? = under {
                return Self.isLaTeX(info.tex) ? info.tex + group(base) : "\\underset{\\text{\(Self.escapeText(mark))}}" + group(base)
            }
            return write(base)
        }
        // `\xrightarrow[under]{over}`; an arrow LaTeX lacks is a symbol with things above and below.
        if case .operator(let arrow, let info) = base, info.tex.hasPrefix("\\x") {
            if Self.isLaTeX(info.tex) { return info.tex + (under.map { "[" + write($0) + "]" } ?? "") + group(over ?? .row([])) }
            let symbol = Self.commands[arrow] ?? "\\text{\(Self.escapeText(arrow))}"
            var out = "\\mathrel{" + symbol + "}"
            if let over { out = "\\overset" + group(over) + "{" + out + "}" }
            if let under { out = "\\underset" + group(under) + "{" + out + "}" }
            return out
        }
        // Big operators, limit functions and braces take limits; `\limits` must follow an operator.
        if base.isHorizontalBrace || ((base.hasMovableLimits || isLargeOperator(base)) && endsInOperator(base)) {
            var out = write(base) + (base.isHorizontalBrace ? "" : "\\limits")
            if let under { out += "_" + group(under) }
            if let over { out += "^" + group(over) }
            return out
        }
        var out = write(base)
        if let over { out = "\\overset" + group(over) + "{" + out + "}" }
        if let under { out = "\\underset" + group(under) + "{" + out + "}" }
        return out
    }

    /// Whether the TeX for `node` ends with an operator that `\limits` may follow.
    private func endsInOperator(_ node: MathNode) -> Bool {
        switch node {
        case .operator(_, let info): info.largeOperator && Self.isLaTeX(info.tex)
        case .row(let nodes): nodes.last.map(endsInOperator) ?? false || nodes.contains { if case .identifier(let text, _) = $0 { MathSymbols.limitFunctions.contains(text.replacingOccurrences(of: " ", with: "")) && Self.latexCommands.contains(text.replacingOccurrences(of: " ", with: "")) } else { false } }
        default: false
        }
    }

    private func isLargeOperator(_ node: MathNode) -> Bool {
        if case .operator(_, let info) = node { return info.largeOperator }
        return false
    }

    private func tableTeX(_ table: MathTable) -> String {
        var environment = table.environment.replacingOccurrences(of: "*", with: "")
        // Numbered environments cannot sit inside math: their aligned forms can.
        switch environment {
        case "align", "alignat", "split", "multline", "flalign": environment = "aligned"
        case "gather", "equation": environment = "gathered"
        case "darray", "subarray", "CD": environment = "array"
        case "smallmatrix", "dcases": environment = environment == "dcases" ? "cases" : "matrix"
        case "drcases": environment = "rcases"
        default: break
        }
        if table.environment.hasSuffix("matrix*") { environment = String(table.environment.dropLast()) }
        if table.environment == "substack" { environment = "subarray" }
        var begin = "\\begin{\(environment)}"
        if environment == "alignedat" {
            begin += "{\((table.rows.map(\.count).max() ?? 2 + 1) / 2)}"
        }
        if environment == "array" || environment == "subarray" {
            let columns = max(table.rows.map(\.count).max() ?? 1, 1)
            let letters = (0..<columns).map { table.alignments.isEmpty ? "c" : String(table.alignments[$0 % table.alignments.count]) }
            begin += "{" + (environment == "subarray" ? (letters.first ?? "c") : letters.joined()) + "}"
        }
        let rows = table.rows.map { row in row.map(write).joined(separator: " & ") }
        return begin + " " + rows.joined(separator: " \\\\ ") + " \\end{\(environment)}"
    }

    private func colorCommand(_ color: String) -> String {
        let trimmed = color.trimmingCharacters(in: .whitespaces)
        if Self.colorNames.contains(trimmed) { return "\\color{\(trimmed)}" }
        let hex = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
        if hex.count == 6, hex.allSatisfy(\.isHexDigit) { return "\\color[HTML]{\(hex.uppercased())}" }
        if hex.count == 3, hex.allSatisfy(\.isHexDigit) { return "\\color[HTML]{\(hex.map { "\($0)\($0)" }.joined().uppercased())}" }
        return "\\color{black}"
    }
}
