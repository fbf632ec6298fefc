import Foundation

/// The info string of a fence as VuePress reads it: ```` ```ts{1,4-6} title="a.ts" :line-numbers ````,
/// or ```` ```ts [a.ts] ````. Without `plume`, the language is the first word, as in markdown-it.
enum FenceInfo {
    /// The code is put in `texts`.
    static func codeBlock(info raw: String, code: Text, plume: Bool, texts: TextArena) -> CodeBlock {
        let info = Array(TextEscaping.unescapeAll(raw).jsTrimmed.utf8)
        // markdown-it splits on JavaScript's whitespace; VuePress's meta also starts at `{`, `[` or `:`.
        var end = 0
        while end < info.count {
            let byte = info[end]
            if byte == 0x20 || (0x09...0x0D).contains(byte) { break }
            if plume, byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: ":") { break }
            if byte >= 0x80, String(decoding: info[end...].prefix(3), as: UTF8.self).unicodeScalars.first.map({ CharacterClass.isJSWhiteSpace($0.value) }) == true {
                break
            }
            end += 1
        }
        let language = String(decoding: info[..<end], as: UTF8.self)
        let rest = Array(info[end...])
        // Notation comments are taken out only with the site's fence meta, and only read as a
        // string when the code holds one.
        let notation = plume && CodeNotation.mayHoldNotation(code) ? CodeNotation.extract(code.string) : nil
        var block = CodeBlock(info: raw, language: language.isEmpty ? nil : language,
                              code: notation.map { texts.text($0.code) } ?? texts.text(code), isFenced: true)
        if let notation { block.lineMarks = notation.marks }
        guard plume, !rest.isEmpty else { return block }
        if let open = rest.firstIndex(of: UInt8(ascii: "{")), let close = rest[open...].firstIndex(of: UInt8(ascii: "}")) {
            block.highlightedLines = lineRanges(rest[(open + 1)..<close])
        }
        if let title = quotedValue(of: "title=", in: rest) {
            block.title = title
        } else if let open = rest.firstIndex(of: UInt8(ascii: "[")), let close = rest[open...].firstIndex(of: UInt8(ascii: "]")) {
            block.title = String(decoding: rest[(open + 1)..<close], as: UTF8.self)
        }
        if HTMLSyntax.find(rest, 0, rest.count, ":no-line-numbers") != nil {
            block.lineNumbers = false
        } else if HTMLSyntax.find(rest, 0, rest.count, ":line-numbers") != nil {
            block.lineNumbers = true
        }
        return block
    }

    /// `title="a.ts"` or `title='a.ts'`.
    /// The value of `key="…"` (or `key='…'`) in `bytes`, or nil.
    static func quotedValue(of key: StaticString, in bytes: [UInt8]) -> String? {
        guard let start = HTMLSyntax.find(bytes, 0, bytes.count, key) else { return nil }
        let quoteIndex = start + key.utf8CodeUnitCount
        guard quoteIndex < bytes.count, bytes[quoteIndex] == UInt8(ascii: "\"") || bytes[quoteIndex] == UInt8(ascii: "'") else { return nil }
        guard let close = bytes[(quoteIndex + 1)...].firstIndex(of: bytes[quoteIndex]) else { return nil }
        return String(decoding: bytes[(quoteIndex + 1)..<close], as: UTF8.self)
    }

    /// `1,4-6` → [1, 4, 5, 6] (ranges capped at 10,000 lines).
    private static func lineRanges(_ bytes: ArraySlice<UInt8>) -> [Int] {
        var lines: [Int] = []
        for part in bytes.split(separator: UInt8(ascii: ",")) {
            let bounds = part.split(separator: UInt8(ascii: "-")).compactMap { Int(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces)) }
            if bounds.count == 1 {
                lines.append(bounds[0])
            } else if bounds.count == 2, bounds[0] <= bounds[1], bounds[1] - bounds[0] < 10_000 {
                lines.append(contentsOf: bounds[0]...bounds[1])
            }
        }
        return lines
    }
}
