/// Writes a ``MathNode`` tree as MathML Core, following KaTeX's conventions (U+2061 after function
/// names, fences as `<mo fence>`, tables as `<mtable>`). MathML Core has no `menclose`, so
/// boxes and strikes are MathML 3 `<menclose>` elements that CSS draws (Chromium renders them as rows).
struct MathMLWriter {
    /// The document being written, as UTF-8 (the caller's, moved in: MathML goes straight into a chapter).
    var output: [UInt8] = []

    mutating func write(_ node: MathNode) {
        switch node {
        case .identifier(let text, let variant):
            // A single letter is italic by default; names and upright letters say so.
            var attributes = ""
            if let variant, !(variant == .normal && text.unicodeScalars.count > 1), !(variant == .italic && text.unicodeScalars.count == 1) {
                attributes = " mathvariant=\"\(variant.rawValue)\""
            }
            element("mi", attributes, text: text)
        case .number(let text):
            element("mn", "", text: text)
        case .operator(let text, let info):
            if text.isEmpty { return }  // `\\left.`: no delimiter
            var attributes = ""
            if info.fence { attributes += " fence=\"true\"" }
            if let stretchy = info.stretchy, !info.fence || !stretchy { attributes += " stretchy=\"\(stretchy)\"" }
            if info.largeOperator, info.movableLimits == false { attributes += " movablelimits=\"false\"" }
            if let size = info.size { attributes += " minsize=\"\(Self.format(size))em\" maxsize=\"\(Self.format(size))em\"" }
            element("mo", attributes, text: text)
        case .text(let text, let variant):
            element("mtext", variant.map { " mathvariant=\"\($0.rawValue)\"" } ?? "", text: text)
        case .space(let em):
            output.appendUTF8("<mspace width=\"\(Self.format(em))em\"/>")
        case .row(let nodes):
            open("mrow")
            nodes.forEach { write($0) }
            close("mrow")
        case .fraction(let numerator, let denominator, let style):
            writeFraction(numerator, denominator, style)
        case .squareRoot(let radicand):
            open("msqrt")
            write(radicand)
            close("msqrt")
        case .root(let radicand, let index):
            open("mroot")
            write(radicand)
            write(index)
            close("mroot")
        case .scripts(let base, let sub, let sup):
            let tag = sub != nil && sup != nil ? "msubsup" : sub != nil ? "msub" : "msup"
            open(tag)
            write(base)
            if let sub { write(sub) }
            if let sup { write(sup) }
            close(tag)
        case .underOver(let base, let under, let over, let accent):
            let tag = under != nil && over != nil ? "munderover" : under != nil ? "munder" : "mover"
            var attributes = ""
            if accent { attributes = over != nil ? " accent=\"true\"" : " accentunder=\"true\"" }
            open(tag, attributes)
            write(base)
            if let under { write(under) }
            if let over { write(over) }
            close(tag)
        case .table(let table):
            writeTable(table)
        case .style(let display, let content):
            open("mstyle", " displaystyle=\"\(display)\" scriptlevel=\"0\"")
            write(content)
            close("mstyle")
        case .color(let color, let content):
            open("mstyle", " mathcolor=\"\(XMLText.escapedAttribute(Self.cssColor(color)))\"")
            write(content)
            close("mstyle")
        case .enclosed(let kind, let content):
            // MathML 3's menclose (valid in EPUB); MathML Core renders it as an mrow, so CSS draws the box.
            open("menclose", " notation=\"\(Self.notation(kind))\" style=\"\(Self.enclosureStyle(kind))\"")
            write(content)
            close("menclose")
        case .phantom(let content):
            open("mphantom")
            write(content)
            close("mphantom")
        case .error(let source):
            output.append("<merror><mtext>")
            XMLText.appendEscaped(source, .quoted, to: &output)
            output.append("</mtext></merror>")
        }
    }

    private mutating func writeFraction(_ numerator: MathNode, _ denominator: MathNode, _ style: FractionStyle) {
        switch style {
        case .binomial(let display):
            if let display { open("mstyle", " displaystyle=\"\(display)\" scriptlevel=\"0\"") }
            open("mrow")
            element("mo", " fence=\"true\"", text: "(")
            open("mfrac", " linethickness=\"0px\"")
            write(numerator)
            write(denominator)
            close("mfrac")
            element("mo", " fence=\"true\"", text: ")")
            close("mrow")
            if display != nil { close("mstyle") }
        case .atop:
            open("mfrac", " linethickness=\"0px\"")
            write(numerator)
            write(denominator)
            close("mfrac")
        case .normal, .display, .text:
            if style != .normal { open("mstyle", " displaystyle=\"\(style == .display)\" scriptlevel=\"0\"") }
            open("mfrac")
            write(numerator)
            write(denominator)
            close("mfrac")
            if style != .normal { close("mstyle") }
        }
    }

    private mutating func writeTable(_ table: MathTable) {
        let fenced = !table.open.isEmpty || !table.close.isEmpty
        if fenced {
            open("mrow")
            if !table.open.isEmpty { element("mo", " fence=\"true\"", text: table.open) }
        }
        let columns = table.rows.map(\.count).max() ?? 0
        let alignment = (0..<max(columns, 1)).map { column -> String in
            let letter = table.alignments.isEmpty ? "c" : table.alignments[column % table.alignments.count]
            return letter == "l" ? "left" : letter == "r" ? "right" : "center"
        }
        // Display environments get KaTeX's side columns: an empty cell before, and after the
        // content an empty cell and one for the equation's tag.
        let numbered = Self.displayEnvironments.contains(table.environment) || !table.tags.isEmpty
        open("mtable", " columnalign=\"\((numbered ? ["right"] + alignment + ["left", "right"] : alignment).joined(separator: " "))\"")
        for (index, row) in table.rows.enumerated() {
            open("mtr")
            if numbered { output.append("<mtd></mtd>") }
            for cell in row {
                open("mtd")
                write(cell)
                close("mtd")
            }
            if numbered {
                output.append("<mtd></mtd><mtd>")
                if let tag = table.tags[index] { element("mtext", "", text: tag) }
                output.append("</mtd>")
            } else if let tag = table.tags[index] {
                open("mtd")
                element("mtext", "", text: tag)
                close("mtd")
            }
            close("mtr")
        }
        close("mtable")
        if fenced {
            if !table.close.isEmpty { element("mo", " fence=\"true\"", text: table.close) }
            close("mrow")
        }
    }

    /// Environments KaTeX numbers: they get the tag columns even without a `\\tag`.
    static let displayEnvironments: Set<String> = ["equation", "gather", "align", "alignat", "multline"]

    private mutating func element(_ name: String, _ attributes: String, text: String) {
        open(name, attributes)
        XMLText.appendEscaped(text, .quoted, to: &output)
        close(name)
    }

    private mutating func open(_ name: String, _ attributes: String = "") {
        output.append(UInt8(ascii: "<"))
        output.appendUTF8(name)
        output.appendUTF8(attributes)
        output.append(UInt8(ascii: ">"))
    }

    private mutating func close(_ name: String) {
        output.append("</")
        output.appendUTF8(name)
        output.append(UInt8(ascii: ">"))
    }

    static func format(_ value: Double) -> String {
        // Four decimals by integer arithmetic where rounding cannot go two ways: `String(format:)`'s
        // variadic arguments cost the first formula of a run a search of every protocol
        // conformance. A value near a tie of its fifth decimal, large or not finite goes to printf.
        let scaled = value.magnitude * 10_000
        if value.isFinite, value.magnitude < 1_000_000, abs(scaled - scaled.rounded(.down) - 0.5) > 0.0001 {
            var units = Int(scaled.rounded())
            var decimals = 4
            while decimals > 0, units % 10 == 0 {
                units /= 10
                decimals -= 1
            }
            var digits = String(units)
            if decimals > 0 {
                digits = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
                digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
            }
            return (value.sign == .minus ? "-" : "") + digits
        }
        let text = String(format: "%.4f", value)
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    /// Only plain colour names and hex values pass into a style (`red`, `#0a0`, `0a0a0a`).
    static func cssColor(_ color: String) -> String {
        let trimmed = color.trimmingCharacters(in: .whitespaces)
        if trimmed.allSatisfy({ $0.isASCII && $0.isLetter }) { return trimmed }
        let hex = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
        if [3, 6].contains(hex.count), hex.allSatisfy(\.isHexDigit) { return "#" + hex }
        return "currentColor"
    }

    private static func notation(_ kind: Enclosure) -> String {
        switch kind {
        case .box: "box"
        case .cancel: "updiagonalstrike"
        case .bcancel: "downdiagonalstrike"
        case .xcancel: "updiagonalstrike downdiagonalstrike"
        case .strike: "horizontalstrike"
        }
    }

    private static func enclosureStyle(_ kind: Enclosure) -> String {
        switch kind {
        case .box: "border:0.06em solid;padding:0.1em 0.2em"
        case .cancel: "background:linear-gradient(to top right,transparent 47%,currentColor 49%,currentColor 51%,transparent 53%)"
        case .bcancel: "background:linear-gradient(to bottom right,transparent 47%,currentColor 49%,currentColor 51%,transparent 53%)"
        case .xcancel: "background:linear-gradient(to top right,transparent 47%,currentColor 49%,currentColor 51%,transparent 53%),linear-gradient(to bottom right,transparent 47%,currentColor 49%,currentColor 51%,transparent 53%)"
        case .strike: "text-decoration:line-through"
        }
    }
}

import Foundation
