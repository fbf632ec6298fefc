/// How deep a YAML text may nest, told before Yams reads it (Yams composes nested nodes by
/// recursion, and a frontmatter nested thousands of levels deep overflowed the stack).
enum YAMLNesting {
    /// Deeper than any frontmatter or config a person writes (a home page's nests 5 levels),
    /// shallow enough for the recursion on any thread's stack.
    static let maxNesting = 200

    /// The first line (1-based) of `text` that might nest deeper than `maxNesting`, or nil. A line's
    /// bound is its indentation (a block nested in another is indented further), plus each `- `,
    /// `? ` and `: ` on it (each may open a level without more indentation), plus the most flow
    /// brackets `[` and `{` open at once on it (quotes are not told apart: the bound only grows).
    /// Over UTF-8 bytes; a text of a few thousand bytes costs a few microseconds.
    static func firstTooDeepLine(in text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            var line = 1
            var open = 0
            var mostOpen = 0
            var indentation = 0
            var inIndentation = true
            var indicators = 0
            var previous: UInt8 = 0
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\n"):
                    if indentation + indicators + mostOpen > maxNesting { return line }
                    line += 1
                    (indentation, inIndentation, indicators, mostOpen) = (0, true, 0, open)
                    previous = byte
                    continue
                case UInt8(ascii: " ") where inIndentation:
                    indentation += 1
                case UInt8(ascii: " ") where previous == UInt8(ascii: "-") || previous == UInt8(ascii: "?") || previous == UInt8(ascii: ":"):
                    indicators += 1
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    open += 1
                    mostOpen = max(mostOpen, open)
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    open = max(0, open - 1)
                default:
                    break
                }
                if byte != UInt8(ascii: " ") { inIndentation = false }
                previous = byte
            }
            return indentation + indicators + mostOpen > maxNesting ? line : nil
        }
    }
}
