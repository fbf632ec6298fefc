/// `*` and `_` emphasis (markdown-it `emphasis`): the tokenizer records delimiter runs, the
/// post-processor turns matched pairs into `em`/`strong`.
enum EmphasisRule {
    static func tokenize(_ state: InlineState, _ silent: Bool) -> Bool {
        let start = state.pos
        let marker = state.src[start]
        if silent { return false }
        guard marker == UInt8(ascii: "_") || marker == UInt8(ascii: "*") else { return false }
        let scanned = state.scanDelimiters(start, canSplitWord: marker == UInt8(ascii: "*"))
        let text = state.text([marker])
        for _ in 0..<scanned.length {
            let index = state.push(.text, nesting: 0)
            state.tokens[index].content = text
            state.addDelimiter(.init(marker: marker, length: scanned.length, token: index, open: scanned.canOpen, close: scanned.canClose))
        }
        state.pos += scanned.length
        return true
    }

    static func postProcess(_ state: InlineState, _ delimiters: [InlineState.Delimiter]) {
        var index = delimiters.count - 1
        while index >= 0 {
            defer { index -= 1 }
            let startDelimiter = delimiters[index]
            guard startDelimiter.marker == UInt8(ascii: "_") || startDelimiter.marker == UInt8(ascii: "*"), startDelimiter.end != -1 else {
                continue
            }
            let endDelimiter = delimiters[startDelimiter.end]
            let isStrong = index > 0
                && delimiters[index - 1].end == startDelimiter.end + 1
                && delimiters[index - 1].marker == startDelimiter.marker
                && delimiters[index - 1].token == startDelimiter.token - 1
                && delimiters[startDelimiter.end + 1].token == endDelimiter.token + 1
            state.tokens[startDelimiter.token].kind = isStrong ? .strongOpen : .emOpen
            state.tokens[startDelimiter.token].nesting = 1
            state.tokens[startDelimiter.token].removeContent()
            state.tokens[endDelimiter.token].kind = isStrong ? .strongClose : .emClose
            state.tokens[endDelimiter.token].nesting = -1
            state.tokens[endDelimiter.token].removeContent()
            if isStrong {
                state.tokens[delimiters[index - 1].token].removeContent()
                state.tokens[delimiters[startDelimiter.end + 1].token].removeContent()
                index -= 1
            }
        }
    }
}
