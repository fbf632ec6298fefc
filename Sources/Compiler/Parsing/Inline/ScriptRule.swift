/// `H~2~O` and `x^2^` (@mdit/plugin-sub, @mdit/plugin-sup): no unescaped whitespace inside.
enum ScriptRule {
    static func parse(_ state: InlineState, _ silent: Bool, marker: UInt8, open: Token.Kind, close: Token.Kind) -> Bool {
        let max = state.posMax
        let start = state.pos
        guard state.src[start] == marker, !silent, start + 2 < max else { return false }
        state.pos = start + 1
        var found = false
        while state.pos < max {
            if state.src[state.pos] == marker {
                found = true
                break
            }
            state.parser.skipToken(state)
        }
        guard found, start + 1 != state.pos else {
            state.pos = start
            return false
        }
        let content = Array(state.src[start + 1..<state.pos])
        // No unescaped spaces or line breaks inside.
        var index = 0
        while index < content.count {
            if content[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if HTMLSyntax.isWhitespace(content[index]) {
                state.pos = start
                return false
            }
            index += 1
        }
        state.posMax = state.pos
        state.push(open, nesting: 1)
        let textIndex = state.push(.text, nesting: 0)
        state.tokens[textIndex].content = state.text(unescape(content))
        state.push(close, nesting: -1)
        state.pos = state.posMax + 1
        state.posMax = max
        return true
    }

    /// `\x` → `x` for the characters the plugins unescape.
    private static func unescape(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count,
                bytes[index + 1] == 0x20 || CharacterClass.isASCIIPunctuation(bytes[index + 1])
            {
                index += 1
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
