/// Link destinations and titles, as markdown-it's helpers read them.
enum LinkSyntax {
    /// `<dest>` or a bare destination with balanced parentheses; returns the unescaped text and the end.
    static func parseDestination(_ bytes: [UInt8], _ start: Int, _ max: Int) -> (text: String, end: Int)? {
        var pos = start
        guard pos < max else { return nil }
        if bytes[pos] == UInt8(ascii: "<") {
            pos += 1
            while pos < max {
                let byte = bytes[pos]
                if byte == 0x0A || byte == UInt8(ascii: "<") { return nil }
                if byte == UInt8(ascii: ">") {
                    return (TextEscaping.unescapeAll(bytes.string(start + 1..<pos)), pos + 1)
                }
                if byte == UInt8(ascii: "\\"), pos + 1 < max {
                    pos += 2
                    continue
                }
                pos += 1
            }
            return nil
        }
        var level = 0
        while pos < max {
            let byte = bytes[pos]
            if byte == 0x20 || byte < 0x20 || byte == 0x7F { break }
            if byte == UInt8(ascii: "\\"), pos + 1 < max {
                // markdown-it 15: `\ ` keeps the backslash in the destination, and the space ends it.
                if bytes[pos + 1] == 0x20 {
                    pos += 1
                    break
                }
                pos += 2
                continue
            }
            if byte == UInt8(ascii: "(") {
                level += 1
                if level > 32 { return nil }
            }
            if byte == UInt8(ascii: ")") {
                if level == 0 { break }
                level -= 1
            }
            pos += 1
        }
        guard start != pos, level == 0 else { return nil }
        return (TextEscaping.unescapeAll(bytes.string(start..<pos)), pos)
    }

    /// The state of reading a title that may continue on the next line (reference definitions).
    struct TitleState {
        var ok = false
        var canContinue = false
        var end = 0
        var text = ""
        var marker: UInt8 = 0
    }

    /// `"title"`, `'title'` or `(title)`.
    static func parseTitle(_ bytes: [UInt8], _ start: Int, _ max: Int, continuing previous: TitleState? = nil) -> TitleState {
        var state = TitleState()
        var pos = start
        var from = start
        if let previous {
            state.text = previous.text
            state.marker = previous.marker
        } else {
            guard pos < max else { return state }
            var marker = bytes[pos]
            guard marker == UInt8(ascii: "\"") || marker == UInt8(ascii: "'") || marker == UInt8(ascii: "(") else { return state }
            from += 1
            pos += 1
            if marker == UInt8(ascii: "(") { marker = UInt8(ascii: ")") }
            state.marker = marker
        }
        while pos < max {
            let byte = bytes[pos]
            if byte == state.marker {
                state.end = pos + 1
                state.text += TextEscaping.unescapeAll(bytes.string(from..<pos))
                state.ok = true
                return state
            } else if byte == UInt8(ascii: "("), state.marker == UInt8(ascii: ")") {
                return state
            } else if byte == UInt8(ascii: "\\"), pos + 1 < max {
                pos += 1
            }
            pos += 1
        }
        state.canContinue = true
        state.text += TextEscaping.unescapeAll(bytes.string(from..<pos))
        return state
    }

    /// markdown-it's `normalizeLink`: entity-decoded destinations percent-encoded for `href`.
    static func normalize(_ url: String) -> String { TextEscaping.encodeURL(url) }
}
