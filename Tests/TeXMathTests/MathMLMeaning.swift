import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// MathML reduced to its meaning, as the conformance README compares it: token elements with
/// their text (whitespace and invisible operators U+2061–U+2064 dropped; tokens left empty, i.e.
/// spacing, dropped; text compared after NFKC, so 𝐀 equals a bold A), layout elements by name,
/// in document order;
/// `mrow`, `mstyle`, `semantics`, attributes and the TeX annotation are ignored.
final class MathMLMeaning: NSObject, XMLParserDelegate {
    static let tokens: Set<String> = ["mi", "mo", "mn", "mtext", "ms"]
    static let layout: Set<String> = ["mfrac", "msqrt", "mroot", "msub", "msup", "msubsup", "munder", "mover", "munderover", "mtable", "mtr", "mtd", "menclose", "mphantom", "merror"]

    private var items: [String] = []
    /// Open token elements: their text, and whether a token element was nested in them (KaTeX
    /// writes `<mo><mi>δ</mi></mo>` for `\mathop{\delta}`: only the innermost counts).
    private var open: [(text: String, nested: Bool)] = []
    private var skipping = 0

    static func of(_ markup: String) -> [String]? {
        let meaning = MathMLMeaning()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = meaning
        guard parser.parse() else { return nil }
        return meaning.items
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "annotation" || skipping > 0 {
            skipping += 1
            return
        }
        if Self.tokens.contains(name) {
            if !open.isEmpty { open[open.count - 1].nested = true }
            open.append(("", false))
        } else if Self.layout.contains(name) {
            // A token element holding layout (KaTeX's `<mi><munder>…`) is only a wrapper.
            if !open.isEmpty { open[open.count - 1].nested = true }
            items.append(name)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if skipping == 0, !open.isEmpty { open[open.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if skipping > 0 {
            skipping -= 1
            return
        }
        if Self.tokens.contains(name), let (text, nested) = open.popLast() {
            guard !nested else { return }
            // Invisible characters (function application, separators) carry no visible meaning.
            let trimmed = text.unicodeScalars.filter { !$0.properties.isWhitespace && !(0x200B...0x200D).contains($0.value) && !(0x2061...0x2064).contains($0.value) }
            // Compatibility forms compare equal: 𝐀 (what kbcompile writes) is KaTeX's bold A.
            let normalized = String(String.UnicodeScalarView(trimmed)).precomposedStringWithCompatibilityMapping
            if !trimmed.isEmpty { items.append("\(name):\(normalized)") }
        }
    }
}
