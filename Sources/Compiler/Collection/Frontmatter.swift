import Foundation
import Yams

/// The YAML block between `---` lines at the very top of an article, split from the body.
struct Frontmatter {
    /// The YAML text (empty when the article has no frontmatter).
    let yaml: String
    /// Byte offset of the body in the file.
    let bodyOffset: Int
    /// The file line (1-based) on which the body starts.
    let bodyLine: Int

    /// Splits `bytes`: frontmatter opens with `---` on line 1 and closes at the next line that is
    /// `---` or `...`; without a closer there is no frontmatter (as in VuePress's gray-matter).
    static func split(_ bytes: [UInt8]) -> Frontmatter {
        let none = Frontmatter(yaml: "", bodyOffset: 0, bodyLine: 1)
        guard let firstEnd = lineEnd(bytes, from: 0), isFence(bytes[0..<firstEnd], "---") else { return none }
        var start = nextLineStart(bytes, lineEnd: firstEnd)
        let yamlStart = start
        var line = 2
        while start < bytes.count, let end = lineEnd(bytes, from: start) {
            let content = bytes[start..<end]
            if isFence(content, "---") || isFence(content, "...") {
                let yaml = String(decoding: bytes[yamlStart..<start], as: UTF8.self)
                return Frontmatter(yaml: yaml, bodyOffset: nextLineStart(bytes, lineEnd: end), bodyLine: line + 1)
            }
            start = nextLineStart(bytes, lineEnd: end)
            line += 1
        }
        return none
    }

    /// The end of the line starting at `start` (before `\n` or `\r\n`), or nil past the end.
    private static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard start <= bytes.count else { return nil }
        var index = start
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        if index > start, bytes[index - 1] == 0x0D { return index - 1 }
        return index
    }

    private static func nextLineStart(_ bytes: [UInt8], lineEnd: Int) -> Int {
        var index = lineEnd
        if index < bytes.count, bytes[index] == 0x0D { index += 1 }
        if index < bytes.count, bytes[index] == 0x0A { index += 1 }
        return index
    }

    private static func isFence(_ line: ArraySlice<UInt8>, _ fence: String) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
        return trimmed.elementsEqual(fence.utf8)
    }
}
