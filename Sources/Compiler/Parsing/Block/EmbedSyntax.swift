/// The `@[name info](source)` line syntax Plume uses for embeds and imports.
struct EmbedSyntax {
    var name: String
    /// Everything after the name inside the brackets (e.g. `{1-3} js`, ` title="x"`).
    var info: String
    var source: String

    /// Reads the syntax when it fills the line `src[start..<end]` (trailing spaces allowed).
    static func parse(_ src: [UInt8], _ start: Int, _ end: Int) -> EmbedSyntax? {
        guard start + 5 < end, src[start] == UInt8(ascii: "@"), src[start + 1] == UInt8(ascii: "[") else { return nil }
        var pos = start + 2
        let nameStart = pos
        while pos < end, HTMLSyntax.isLetter(src[pos]) || HTMLSyntax.isDigit(src[pos]) || src[pos] == UInt8(ascii: "-") { pos += 1 }
        guard pos > nameStart else { return nil }
        let name = src.string(nameStart..<pos)
        let infoStart = pos
        var depth = 0
        while pos < end, !(src[pos] == UInt8(ascii: "]") && depth == 0) {
            if src[pos] == UInt8(ascii: "[") { depth += 1 }
            if src[pos] == UInt8(ascii: "]") { depth -= 1 }
            pos += 1
        }
        guard pos + 1 < end, src[pos + 1] == UInt8(ascii: "(") else { return nil }
        let info = src.string(infoStart..<pos)
        let sourceStart = pos + 2
        guard let close = src[sourceStart..<end].firstIndex(of: UInt8(ascii: ")")) else { return nil }
        var tail = close + 1
        while tail < end, CharacterClass.isSpace(src[tail]) { tail += 1 }
        guard tail == end else { return nil }
        return EmbedSyntax(name: name, info: info, source: src.string(sourceStart..<close).jsTrimmed)
    }

    /// `key="value"` (or `key='value'`) from an info string.
    static func attribute(_ key: String, in info: String) -> String? {
        for quote in ["\"", "'"] {
            guard let range = info.range(of: key + "=" + quote) else { continue }
            if let end = info[range.upperBound...].firstIndex(of: Character(quote)) { return String(info[range.upperBound..<end]) }
        }
        return nil
    }
}
