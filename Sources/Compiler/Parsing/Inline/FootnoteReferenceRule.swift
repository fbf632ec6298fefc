/// Footnote references `[^label]` (only to defined labels) and inline footnotes `^[text]`
/// (markdown-it-footnote); Plume's annotation markers `[+label]`, after a space, the same way.
enum FootnoteReferenceRule {
    static func parse(_ state: InlineState, _ silent: Bool) -> Bool {
        let max = state.posMax
        let start = state.pos
        guard start + 3 <= max, state.src[start] == UInt8(ascii: "[") else { return false }
        let isAnnotation = state.src[start + 1] == UInt8(ascii: "+")
        if isAnnotation {
            // Plume asks for a space on the marker's left.
            guard state.parser.options.annotations, start == 0 || state.src[start - 1] == 0x20 || state.src[start - 1] == 0x09 else { return false }
        } else {
            guard state.parser.options.footnotes, state.src[start + 1] == UInt8(ascii: "^") else { return false }
        }
        var pos = start + 2
        while pos < max {
            let byte = state.src[pos]
            if byte == 0x20 || byte == 0x0A { return false }
            if byte == UInt8(ascii: "]") { break }
            pos += 1
        }
        guard pos != start + 2, pos < max else { return false }
        pos += 1
        let name = state.src.string(start + 2..<pos - 1)
        let label = (isAnnotation ? "+" : "") + name
        guard state.env.footnoteLabels[label] != nil else {
            if !silent {
                let (line, column) = state.relativePosition(of: start)
                let what = isAnnotation ? "annotation '[+\(name)]'" : "footnote '[^\(name)]'"
                state.env.warn("\(what) is not defined; the text stays as written", line: state.line + line, column: column,
                               code: isAnnotation ? "annotation-undefined" : "footnote-undefined")
            }
            return false
        }
        if !silent {
            if state.env.footnoteReferenceCounts[label] == nil { state.env.footnoteReferenceOrder.append(label) }
            state.env.footnoteReferenceCounts[label, default: 0] += 1
            let index = state.push(.footnoteRef, nesting: 0)
            state.tokens[index].info = label
        }
        state.pos = pos
        state.posMax = max
        return true
    }

    static func parseInline(_ state: InlineState, _ silent: Bool) -> Bool {
        let max = state.posMax
        let start = state.pos
        guard start + 2 < max, state.src[start] == UInt8(ascii: "^"), state.src[start + 1] == UInt8(ascii: "[") else { return false }
        let labelStart = start + 2
        guard let labelEnd = state.parseLinkLabel(start + 1, disableNested: false) else { return false }
        if !silent {
            let label = "\u{0}inline-\(state.env.inlineFootnotes.count + 1)"
            state.env.inlineFootnotes[label] = state.parser.parse(state.text(state.src[labelStart..<labelEnd]), env: state.env, line: state.line)
            state.env.footnoteReferenceOrder.append(label)
            state.env.footnoteReferenceCounts[label] = 1
            let index = state.push(.inlineFootnote, nesting: 0)
            state.tokens[index].info = label
        }
        state.pos = labelEnd + 1
        state.posMax = max
        return true
    }
}
