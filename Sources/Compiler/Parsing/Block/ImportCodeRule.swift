import Foundation

/// `@[code{3-9} js{2} title="a.js"](./a.js)` (VuePress's importCode) and Plume's
/// `@[demo vue title="…"](./demo/x.vue)`: a line that imports a file as a code block.
enum ImportCodeRule {
    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        let start = state.bMarks[startLine] + state.tShift[startLine]
        let max = state.eMarks[startLine]
        guard state.sCount[startLine] - state.blkIndent < 4, start + 9 <= max,
            HTMLSyntax.starts(state.src, start, max, "@[code") || HTMLSyntax.starts(state.src, start, max, "@[demo"),
            let syntax = EmbedSyntax.parse(state.src, start, max), syntax.name == "code" || syntax.name == "demo"
        else { return false }
        if silent { return true }
        state.line = startLine + 1
        let index = state.push(.fence, nesting: 0)
        state.tokens[index].map = (startLine, startLine + 1)
        let isDemo = syntax.name == "demo"
        var info = syntax.info
        var range: (Int?, Int?)?
        if !isDemo, info.hasPrefix("{"), let close = info.firstIndex(of: "}") {
            let bounds = info[info.index(after: info.startIndex)..<close].split(separator: "-", omittingEmptySubsequences: false)
            range = (bounds.first.flatMap { Int($0) }, bounds.count > 1 ? Int(bounds[1]) : nil)
            info = String(info[info.index(after: close)...])
        }
        info = info.jsTrimmed
        let column = state.column(of: start, line: startLine)
        guard let importer = state.env.importer else {
            state.env.warn("'\(syntax.source)' is not imported here (no knowledge base to read it from)", line: startLine, column: column, code: "import-unavailable")
            return true
        }
        switch importer(syntax.source) {
        case .text(let text, let file):
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last == "" { lines.removeLast() }
            if let (first, last) = range {
                let from = Swift.max((first ?? 1) - 1, 0)
                let to = Swift.min(last ?? lines.count, lines.count)
                lines = from < to ? Array(lines[from..<to]) : []
            }
            let language = isDemo ? demoLanguage(of: file) : (info.isEmpty ? extensionOf(file) : "")
            var fenceInfo = language.isEmpty ? info : language + (info.isEmpty ? "" : " " + info)
            if isDemo {
                let title = EmbedSyntax.attribute("title", in: syntax.info) ?? (file as NSString).lastPathComponent
                fenceInfo += " title=\"\(title)\""
            }
            state.tokens[index].info = fenceInfo
            state.tokens[index].content = state.text(lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n")
        case .missing:
            state.env.warn("imported file '\(syntax.source)' not found", line: startLine, column: column, code: "import-missing")
            state.tokens[index].info = info
        case .outside:
            state.env.warn("imported file '\(syntax.source)' is outside the knowledge base; it is not read", line: startLine, column: column, code: "import-outside")
            state.tokens[index].info = info
        case .notText:
            state.env.warn("imported file '\(syntax.source)' is not UTF-8 text", line: startLine, column: column, code: "import-encoding")
            state.tokens[index].info = info
        }
        return true
    }

    private static func extensionOf(_ file: String) -> String {
        guard let dot = file.lastIndex(of: "."), !file[dot...].contains("/") else { return "" }
        return String(file[file.index(after: dot)...])
    }

    /// Plume demos: `.vue` → vue, `.html` → html, `.md` → md, others by extension.
    private static func demoLanguage(of file: String) -> String { extensionOf(file) }
}
