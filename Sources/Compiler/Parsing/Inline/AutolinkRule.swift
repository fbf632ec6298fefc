/// `<https://example.com>` and `<me@example.com>` (markdown-it `autolink`).
enum AutolinkRule {
    static func parse(_ state: InlineState, _ silent: Bool) -> Bool {
        var pos = state.pos
        guard state.src[pos] == UInt8(ascii: "<") else { return false }
        let start = pos
        let max = state.posMax
        while true {
            pos += 1
            if pos >= max { return false }
            let byte = state.src[pos]
            if byte == UInt8(ascii: "<") { return false }
            if byte == UInt8(ascii: ">") { break }
        }
        let url = Array(state.src[start + 1..<pos])
        let fullURL: String
        if isURI(url) {
            fullURL = LinkSyntax.normalize(String(decoding: url, as: UTF8.self))
        } else if isEmail(url) {
            fullURL = LinkSyntax.normalize("mailto:" + String(decoding: url, as: UTF8.self))
        } else {
            return false
        }
        guard TextEscaping.isSafeLink(fullURL) else { return false }
        if !silent {
            let open = state.push(.linkOpen, nesting: 1)
            state.tokens[open].map = state.relativePosition(of: start)
            state.tokens[open].attrs = [("href", fullURL)]
            state.tokens[open].markup = "autolink"
            state.tokens[open].info = "auto"
            let text = state.push(.text, nesting: 0)
            state.tokens[text].content = state.text(TextEscaping.decodeURLText(String(decoding: url, as: UTF8.self)))
            let close = state.push(.linkClose, nesting: -1)
            state.tokens[close].info = "auto"
        }
        state.pos += url.count + 2
        return true
    }

    /// `scheme:rest`: a scheme of 2–32 characters, no spaces, controls, `<` or `>` after it.
    static func isURI(_ url: [UInt8]) -> Bool {
        guard let first = url.first, HTMLSyntax.isLetter(first) else { return false }
        var index = 1
        while index < url.count, HTMLSyntax.isLetter(url[index]) || HTMLSyntax.isDigit(url[index])
            || url[index] == UInt8(ascii: "+") || url[index] == UInt8(ascii: ".") || url[index] == UInt8(ascii: "-")
        {
            index += 1
        }
        guard (2...32).contains(index), index < url.count, url[index] == UInt8(ascii: ":") else { return false }
        return url[(index + 1)...].allSatisfy { $0 > 0x20 && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
    }

    /// CommonMark's email autolink: `local@domain.labels`.
    static func isEmail(_ url: [UInt8]) -> Bool {
        guard let at = url.firstIndex(of: UInt8(ascii: "@")), at > 0 else { return false }
        let localAllowed = Set(".!#$%&'*+/=?^_`{|}~-".utf8)
        guard url[..<at].allSatisfy({ HTMLSyntax.isLetter($0) || HTMLSyntax.isDigit($0) || localAllowed.contains($0) }) else { return false }
        let labels = url[(at + 1)...].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard !labels.isEmpty else { return false }
        for label in labels {
            guard (1...63).contains(label.count), let first = label.first, let last = label.last else { return false }
            guard HTMLSyntax.isLetter(first) || HTMLSyntax.isDigit(first), HTMLSyntax.isLetter(last) || HTMLSyntax.isDigit(last) else { return false }
            guard label.allSatisfy({ HTMLSyntax.isLetter($0) || HTMLSyntax.isDigit($0) || $0 == UInt8(ascii: "-") }) else { return false }
        }
        return true
    }
}

/// Raw inline HTML: tags, comments, declarations (markdown-it `html_inline`).
enum HTMLInlineRule {
    static func parse(_ state: InlineState, _ silent: Bool) -> Bool {
        let pos = state.pos
        guard state.parser.options.rawHTML, state.src[pos] == UInt8(ascii: "<"), pos + 2 < state.posMax else { return false }
        let second = state.src[pos + 1]
        guard second == UInt8(ascii: "!") || second == UInt8(ascii: "?") || second == UInt8(ascii: "/") || HTMLSyntax.isLetter(second) else {
            return false
        }
        guard let end = HTMLSyntax.matchTag(state.src, pos, state.src.count, terminators: &state.htmlTerminators) else { return false }
        if !silent {
            let index = state.push(.htmlInline, nesting: 0)
            state.tokens[index].content = state.text(state.src[pos..<end])
        }
        state.pos = end
        return true
    }
}
