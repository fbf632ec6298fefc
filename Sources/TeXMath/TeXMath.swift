import Foundation

/// TeX math (KaTeX's dialect) to MathML for EPUB and HTML, and to checked TeX for LaTeX.
///
/// Both go through the same parse: a formula with an unknown command, an unbalanced brace or an
/// unsafe construct (`\input`, `\write`, `\catcode`, `\csname`…) is an error, rendered as
/// `<merror>` holding the source in MathML and refused for TeX (the LaTeX writer prints it as text).
public enum TeXMath {
    /// The result of converting one formula.
    public struct MathML: Sendable, Hashable {
        /// A complete `<math>` element (with `<semantics>` and the TeX annotation).
        public var markup: String
        /// Why the formula could not be read, when it could not (the markup then holds `<merror>`).
        public var error: TeXError?
    }

    public static func parse(_ tex: String, display: Bool) -> Result<(MathNode, tag: String?), TeXError> {
        var parser = TeXParser(tex, display: display)
        do {
            return .success(try parser.parseFormula())
        } catch let error as TeXError {
            return .failure(error)
        } catch {
            return .failure(TeXError(message: "\(error)", offset: 0))
        }
    }

    /// The formula as a MathML `<math>` element.
    public static func mathML(_ tex: String, display: Bool) -> MathML {
        switch parse(tex, display: display) {
        case .success(let (node, tag)):
            return MathML(markup: mathML(node: node, tag: tag, tex: tex, display: display), error: nil)
        case .failure(let error):
            return MathML(markup: mathML(node: nil, tag: nil, tex: tex, display: display), error: error)
        }
    }

    /// A parsed formula as a `<math>` element; without a node, `<merror>` holding the source.
    public static func mathML(node: MathNode?, tag: String?, tex: String, display: Bool) -> String {
        var markup: [UInt8] = []
        appendMathML(node: node, tag: tag, tex: tex, display: display, to: &markup)
        return String(decoding: markup, as: UTF8.self)
    }

    /// Appends ``mathML(node:tag:tex:display:)`` to a document being written as UTF-8.
    public static func appendMathML(node: MathNode?, tag: String?, tex: String, display: Bool, to out: inout [UInt8]) {
        out.append("<math xmlns=\"http://www.w3.org/1998/Math/MathML\"")
        if display { out.append(" display=\"block\"") }
        out.append(" alttext=\"")
        XMLText.appendEscaped(tex, .quoted, to: &out)
        out.append("\"><semantics>")
        // The document moves into the writer and back, never copied.
        var writer = MathMLWriter()
        swap(&writer.output, &out)
        if let node {
            if let tag, display {
                writer.write(.table(MathTable(rows: [[node]], alignments: ["c"], environment: "equation", tags: [0: tag])))
            } else {
                writer.write(.row([node]))
            }
        } else {
            writer.write(.error(tex))
        }
        swap(&writer.output, &out)
        out.append("<annotation encoding=\"application/x-tex\">")
        XMLText.appendEscaped(tex, .quoted, to: &out)
        out.append("</annotation></semantics></math>")
    }

    /// A parsed formula as TeX for xelatex: written from the tree, so only what the parser
    /// understood can appear (no `\\input`, `\\write`, `\\catcode`, user macros already expanded).
    /// Text escaped for TeX's text mode: what prints these characters in a LaTeX document.
    public static func escapeText(_ text: String) -> String {
        TeXWriter.escapeText(text)
    }

    /// ``escapeText(_:)`` appended to `out` as UTF-8 (the LaTeX book is written as bytes).
    public static func appendEscapedText(_ text: String, to out: inout [UInt8]) {
        TeXWriter.appendEscapedText(text, to: &out)
    }

    /// ``appendEscapedText(_:to:)`` for UTF-8 `bytes` (whole characters).
    public static func appendEscapedText(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        TeXWriter.appendEscapedText(bytes, to: &out)
    }

    public static func tex(node: MathNode) -> String {
        TeXWriter().formula(node)
    }

    /// The formula as checked TeX, or the reason it cannot be typeset.
    public static func checkedTeX(_ source: String, display: Bool) -> Result<String, TeXError> {
        parse(source, display: display).map { TeXWriter().formula($0.0) }
    }

    /// The LaTeX packages checked TeX relies on (the LaTeX backend's preamble loads them).
    public static let requiredPackages = ["amsmath", "amssymb", "mathtools", "cancel", "xcolor"]
}
