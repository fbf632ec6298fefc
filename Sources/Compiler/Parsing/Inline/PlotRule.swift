/// Plume's plot text `!!hidden!!` (vuepress-plugin-md-power's `plot`): from `!!` (not `!!!` or
/// `!! `) to the next `!!`, with no white space just inside; the content is parsed as inline
/// Markdown. The site hides it until hovered; the IR keeps it as a `span.plot`.
enum PlotRule {
    static func parse(_ state: InlineState, _ silent: Bool) -> Bool {
        let max = state.posMax
        let start = state.pos
        let bang = UInt8(ascii: "!")
        guard !silent, start + 4 < max, state.src[start] == bang, state.src[start + 1] == bang else { return false }
        let next = state.src[start + 2]
        guard next != bang, !HTMLSyntax.isWhitespace(next) else { return false }
        state.pos = start + 2
        var found = false
        while state.pos + 1 < max {
            if state.src[state.pos] == bang, state.src[state.pos + 1] == bang {
                found = true
                break
            }
            state.parser.skipToken(state)
        }
        guard found, !HTMLSyntax.isWhitespace(state.src[state.pos - 1]) else {
            state.pos = start
            return false
        }
        state.posMax = state.pos
        state.pos = start + 2
        state.push(.plotOpen, nesting: 1)
        state.parser.tokenize(state)
        state.push(.plotClose, nesting: -1)
        state.pos = state.posMax + 2
        state.posMax = max
        return true
    }
}
