/// Two-character markers that pair up like emphasis: `~~strike~~` (markdown-it `strikethrough`)
/// and `==mark==` (@mdit/plugin-mark).
enum PairedMarkerRule {
    static func tokenize(_ state: InlineState, _ silent: Bool, marker: UInt8) -> Bool {
        let start = state.pos
        guard !silent, state.src[start] == marker else { return false }
        let scanned = state.scanDelimiters(start, canSplitWord: true)
        var length = scanned.length
        guard length >= 2 else { return false }
        let character = state.text([marker])
        let pair = state.text([marker, marker])
        if length % 2 == 1 {
            let index = state.push(.text, nesting: 0)
            state.tokens[index].content = character
            length -= 1
        }
        for _ in stride(from: 0, to: length, by: 2) {
            let index = state.push(.text, nesting: 0)
            state.tokens[index].content = pair
            state.addDelimiter(.init(marker: marker, length: 0, token: index, open: scanned.canOpen, close: scanned.canClose))
        }
        state.pos += scanned.length
        return true
    }

    static func postProcess(_ state: InlineState, _ delimiters: [InlineState.Delimiter], marker: UInt8,
                            open: Token.Kind, close: Token.Kind) {
        var loneMarkers: [Int] = []
        for startDelimiter in delimiters where startDelimiter.marker == marker && startDelimiter.end != -1 {
            let endDelimiter = delimiters[startDelimiter.end]
            state.tokens[startDelimiter.token].kind = open
            state.tokens[startDelimiter.token].nesting = 1
            state.tokens[startDelimiter.token].removeContent()
            state.tokens[endDelimiter.token].kind = close
            state.tokens[endDelimiter.token].nesting = -1
            state.tokens[endDelimiter.token].removeContent()
            let before = endDelimiter.token - 1
            if state.tokens[before].kind == .text, state.tokens[before].content.withUTF8({ $0.count == 1 && $0[0] == marker }) { loneMarkers.append(before) }
        }
        while let index = loneMarkers.popLast() {
            var next = index + 1
            while next < state.tokens.count, state.tokens[next].kind == close { next += 1 }
            next -= 1
            if index != next { state.tokens.swapAt(index, next) }
        }
    }
}
