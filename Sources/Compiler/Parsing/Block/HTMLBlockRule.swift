/// Raw HTML blocks, the seven kinds CommonMark defines (markdown-it `html_block`).
enum HTMLBlockRule {
    static let blockNames: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col", "colgroup",
        "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li",
        "link", "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
    ]

    /// How a kind of HTML block ends.
    enum Ending {
        case contains(String)
        case blankLine
    }

    /// The kind of HTML block starting with `line`, its ending, and whether it may interrupt a paragraph.
    static func kind(of line: [UInt8]) -> (Ending, interrupts: Bool)? {
        guard line.first == UInt8(ascii: "<") else { return nil }
        let lower = line.prefix(12).map { $0 | (HTMLSyntax.isLetter($0) ? 0x20 : 0) }
        for name in ["script", "pre", "style", "textarea"] {
            let opener = Array(("<" + name).utf8)
            if lower.starts(with: opener) {
                let after = opener.count < line.count ? line[opener.count] : 0x20
                if HTMLSyntax.isWhitespace(after) || after == UInt8(ascii: ">") {
                    return (.contains("</" + name + ">"), true)
                }
            }
        }
        if line.starts(with: Array("<!--".utf8)) { return (.contains("-->"), true) }
        if line.starts(with: Array("<?".utf8)) { return (.contains("?>"), true) }
        if line.starts(with: Array("<![CDATA[".utf8)) { return (.contains("]]>"), true) }
        if line.count > 2, line[1] == UInt8(ascii: "!"), HTMLSyntax.isLetter(line[2]) { return (.contains(">"), true) }
        // Kind 6: a block-level tag name.
        var pos = 1
        if pos < line.count, line[pos] == UInt8(ascii: "/") { pos += 1 }
        let nameStart = pos
        while pos < line.count, HTMLSyntax.isLetter(line[pos]) || HTMLSyntax.isDigit(line[pos]) { pos += 1 }
        if pos > nameStart, blockNames.contains(String(decoding: line[nameStart..<pos], as: UTF8.self).lowercased()) {
            if pos == line.count || HTMLSyntax.isWhitespace(line[pos]) || line[pos] == UInt8(ascii: ">")
                || (line[pos] == UInt8(ascii: "/") && pos + 1 < line.count && line[pos + 1] == UInt8(ascii: ">"))
            {
                return (.blankLine, true)
            }
        }
        // Kind 7: any complete open or close tag alone on the line.
        if let end = HTMLSyntax.matchOpenOrCloseTag(line, 0, line.count),
            line[end...].allSatisfy({ HTMLSyntax.isWhitespace($0) })
        {
            return (.blankLine, false)
        }
        return nil
    }

    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        let pos = state.bMarks[startLine] + state.tShift[startLine]
        let max = state.eMarks[startLine]
        guard state.options.rawHTML, state.sCount[startLine] - state.blkIndent < 4, pos < max, state.src[pos] == UInt8(ascii: "<") else {
            return false
        }
        let lineText = Array(state.src[pos..<max])
        guard let (ending, interrupts) = kind(of: lineText) else { return false }
        if silent { return interrupts }
        var nextLine = startLine + 1
        if !ends(lineText, ending) {
            while nextLine < endLine {
                // A blank line never ends the block by indentation (markdown-it 15).
                if !state.isEmpty(nextLine), state.sCount[nextLine] < state.blkIndent { break }
                let from = state.bMarks[nextLine] + state.tShift[nextLine]
                let text = Array(state.src[from..<Swift.max(from, state.eMarks[nextLine])])
                if ends(text, ending) {
                    if !text.isEmpty { nextLine += 1 }
                    break
                }
                nextLine += 1
            }
        }
        state.line = nextLine
        let index = state.push(.htmlBlock, nesting: 0)
        state.tokens[index].map = (startLine, nextLine)
        state.tokens[index].content = state.lines(startLine, nextLine, indent: state.blkIndent, keepLastLF: true)
        return true
    }

    private static func ends(_ line: [UInt8], _ ending: Ending) -> Bool {
        switch ending {
        case .blankLine:
            return line.isEmpty
        case .contains(let text):
            let needle = Array(text.utf8)
            guard line.count >= needle.count else { return false }
            let caseless = needle.contains { HTMLSyntax.isLetter($0) }
            for start in 0...(line.count - needle.count) {
                var matched = true
                for offset in 0..<needle.count {
                    let byte = line[start + offset]
                    let folded = caseless && HTMLSyntax.isLetter(byte) ? byte | 0x20 : byte
                    if folded != needle[offset] {
                        matched = false
                        break
                    }
                }
                if matched { return true }
            }
            return false
        }
    }
}
