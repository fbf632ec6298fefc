/// The destination part shared by links and images: `(dest "title")`, `[ref]`, `[]` or nothing.
struct LinkTail {
    var href: String
    var title: String?
    /// The position after the whole link.
    var end: Int

    /// Reads what follows a label `[…]` that ends at `labelEnd`. `allowsFallback` is markdown-it's
    /// link behaviour: an inline form that fails may still be a reference; images do not fall back.
    static func parse(_ state: InlineState, labelStart: Int, labelEnd: Int, allowsFallback: Bool) -> LinkTail? {
        let src = state.src
        let max = state.posMax
        var pos = labelEnd + 1
        var href = ""
        var title: String?
        var parseReference = true
        if pos < max, src[pos] == UInt8(ascii: "(") {
            parseReference = false
            pos += 1
            while pos < max, CharacterClass.isSpace(src[pos]) || src[pos] == 0x0A { pos += 1 }
            if pos >= max { return nil }
            if let destination = LinkSyntax.parseDestination(src, pos, max) {
                let normalized = LinkSyntax.normalize(destination.text)
                if TextEscaping.isSafeLink(normalized) {
                    href = normalized
                    pos = destination.end
                }
            }
            let titleStart = pos
            while pos < max, CharacterClass.isSpace(src[pos]) || src[pos] == 0x0A { pos += 1 }
            let parsedTitle = LinkSyntax.parseTitle(src, pos, max)
            if pos < max, titleStart != pos, parsedTitle.ok {
                title = parsedTitle.text
                pos = parsedTitle.end
                while pos < max, CharacterClass.isSpace(src[pos]) || src[pos] == 0x0A { pos += 1 }
            }
            if pos >= max || src[pos] != UInt8(ascii: ")") {
                guard allowsFallback else { return nil }
                parseReference = true
            }
            pos += 1
        }
        if parseReference {
            guard !state.env.references.isEmpty else { return nil }
            var label: String?
            if pos < max, src[pos] == UInt8(ascii: "[") {
                let start = pos + 1
                if let end = state.parseLinkLabel(pos, disableNested: false) {
                    label = src.string(start..<end)
                    pos = end + 1
                } else {
                    pos = labelEnd + 1
                }
            } else {
                pos = labelEnd + 1
            }
            if label == nil || label!.isEmpty { label = src.string(labelStart..<labelEnd) }
            guard let reference = state.env.references[TextEscaping.normalizeReference(label!)] else { return nil }
            href = reference.href
            title = reference.title
        }
        return LinkTail(href: href, title: title?.isEmpty == true ? nil : title, end: pos)
    }
}

/// Links `[text](dest "title")` and reference links (markdown-it `link`).
enum LinkRule {
    static func parse(_ state: InlineState, _ silent: Bool) -> Bool {
        guard state.src[state.pos] == UInt8(ascii: "[") else { return false }
        let oldPos = state.pos
        let max = state.posMax
        let labelStart = state.pos + 1
        guard let labelEnd = state.parseLinkLabel(state.pos, disableNested: true) else { return false }
        guard let tail = LinkTail.parse(state, labelStart: labelStart, labelEnd: labelEnd, allowsFallback: true) else {
            state.pos = oldPos
            return false
        }
        if !silent {
            state.pos = labelStart
            state.posMax = labelEnd
            let open = state.push(.linkOpen, nesting: 1)
            state.tokens[open].map = state.relativePosition(of: oldPos)
            state.tokens[open].attrs = [("href", tail.href)]
            if let title = tail.title { state.tokens[open].attrs.append(("title", title)) }
            state.linkLevel += 1
            state.parser.tokenize(state)
            state.linkLevel -= 1
            state.push(.linkClose, nesting: -1)
        }
        state.pos = tail.end
        state.posMax = max
        return true
    }
}

/// Images `![alt](src "title")` (markdown-it `image`); the alt text is parsed as inlines.
enum ImageRule {
    static func parse(_ state: InlineState, _ silent: Bool) -> Bool {
        let oldPos = state.pos
        let max = state.posMax
        guard state.src[state.pos] == UInt8(ascii: "!"), state.pos + 1 < state.src.count,
            state.src[state.pos + 1] == UInt8(ascii: "[")
        else { return false }
        let labelStart = state.pos + 2
        guard let labelEnd = state.parseLinkLabel(state.pos + 1, disableNested: false) else { return false }
        guard let tail = LinkTail.parse(state, labelStart: labelStart, labelEnd: labelEnd, allowsFallback: false) else {
            state.pos = oldPos
            return false
        }
        if !silent {
            let content = state.text(state.src[labelStart..<labelEnd])
            let children = state.parser.parse(content, env: state.env, line: state.line)
            let index = state.push(.image, nesting: 0)
            state.tokens[index].map = state.relativePosition(of: oldPos)
            state.tokens[index].attrs = [("src", tail.href), ("alt", "")]
            if let title = tail.title { state.tokens[index].attrs.append(("title", title)) }
            state.tokens[index].children = children
            state.tokens[index].content = content
        }
        state.pos = tail.end
        state.posMax = max
        return true
    }
}
