import Foundation

/// The info string of a fence as VuePress reads it: ```` ```ts{1,4-6} title="a.ts" :line-numbers ````,
/// or ```` ```ts [a.ts] ````.
enum FenceInfo {
    /// `plume` reads VuePress's meta; otherwise the language is the first word, as in markdown-it.
    static func codeBlock(info raw: String, code: String, plume: Bool) -> CodeBlock {
        let info = TextEscaping.unescapeAll(raw).jsTrimmed
        var language = ""
        var rest = Substring(info)
        // markdown-it splits on JavaScript's whitespace; VuePress's meta also starts at `{`, `[` or `:`.
        let metaStarts: Set<Character> = plume ? ["{", "[", ":"] : []
        if let end = info.firstIndex(where: { character in
            metaStarts.contains(character) || character.unicodeScalars.allSatisfy { CharacterClass.isJSWhiteSpace($0.value) }
        }) {
            language = String(info[..<end])
            rest = info[end...]
        } else {
            language = info
            rest = ""
        }
        var highlighted: [Int] = []
        if let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            highlighted = lineRanges(rest[rest.index(after: open)..<close])
        }
        var title: String?
        if let range = rest.range(of: "title=\"") ?? rest.range(of: "title='") {
            let quote = rest[rest.index(before: range.upperBound)]
            if let end = rest[range.upperBound...].firstIndex(of: quote) { title = String(rest[range.upperBound..<end]) }
        } else if let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            title = String(rest[rest.index(after: open)..<close])
        }
        var lineNumbers: Bool?
        if rest.contains(":no-line-numbers") {
            lineNumbers = false
        } else if rest.contains(":line-numbers") {
            lineNumbers = true
        }
        return CodeBlock(info: raw, language: language.isEmpty ? nil : language, title: title, highlightedLines: highlighted,
                         lineNumbers: lineNumbers, code: code, isFenced: true)
    }

    /// `1,4-6` → [1, 4, 5, 6] (ranges capped at 10,000 lines).
    private static func lineRanges(_ text: Substring) -> [Int] {
        var lines: [Int] = []
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            if bounds.count == 1 {
                lines.append(bounds[0])
            } else if bounds.count == 2, bounds[0] <= bounds[1], bounds[1] - bounds[0] < 10_000 {
                lines.append(contentsOf: bounds[0]...bounds[1])
            }
        }
        return lines
    }
}
