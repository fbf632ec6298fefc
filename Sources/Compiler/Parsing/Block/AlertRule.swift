/// GitHub alerts (`> [!NOTE]` …) as @mdit/plugin-alert reads them: a block quote whose first
/// paragraph starts with a `[!kind]` line and that has a body; with `nestedAlerts` off
/// (@mdit/plugin-alert's default `deep: false`) only at the top level.
enum AlertRule {
    /// GitHub's five kinds and VuePress's `info`.
    static let kinds: Set<String> = ["note", "tip", "important", "warning", "caution", "info"]

    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        guard state.sCount[startLine] - state.blkIndent < 4, state.options.nestedAlerts || state.level == 0 else { return false }
        let start = state.bMarks[startLine] + state.tShift[startLine]
        let end = state.eMarks[startLine]
        guard start < end, state.src[start] == UInt8(ascii: ">"), state.src[start..<end].contains(UInt8(ascii: "[")) else { return false }
        if silent { return false }  // The blockquote rule answers for the same lines.
        let first = state.tokens.count
        BlockquoteRule.quote(state, startLine, endLine, open: .alertOpen, close: .alertClose) { _ in }
        let last = state.tokens.count - 1
        if !convert(state, open: first, close: last) {
            state.tokens[first].kind = .blockquoteOpen
            state.tokens[last].kind = .blockquoteClose
        }
        return true
    }

    /// Turns the quote at `open…close` into an alert when its first paragraph starts with a marker.
    private static func convert(_ state: BlockState, open: Int, close: Int) -> Bool {
        guard open + 3 < close, state.tokens[open + 1].kind == .paragraphOpen, state.tokens[open + 2].kind == .inline else { return false }
        let content = state.tokens[open + 2].content.string
        let firstLine = content.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let marker = String(firstLine[0]).jsTrimmed
        guard marker.hasPrefix("[!"), marker.hasSuffix("]"), marker.count > 3 else { return false }
        let name = String(marker.dropFirst(2).dropLast())
        guard kinds.contains(name.lowercased()) else { return false }
        let hasMoreLines = firstLine.count > 1
        let hasMoreBlocks = open + 4 < close
        guard hasMoreLines || hasMoreBlocks else { return false }
        state.tokens[open].info = name.lowercased()
        state.tokens[open].content = state.text(name.prefix(1).uppercased() + name.dropFirst())
        if hasMoreLines {
            state.tokens[open + 2].content = state.text(String(firstLine[1].drop { $0 == " " || $0 == "\t" }))
        } else {
            state.tokens.removeSubrange(open + 1...open + 3)
        }
        return true
    }
}
