/// Runs of bytes no other inline rule can start with become pending text (markdown-it `text`).
enum TextRule {
    /// Whether some inline rule may start at `byte` (a switch, not a table: no global to reach per byte).
    @inline(__always) static func isTerminator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x0A, UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "*"),
            UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: ">"),
            UInt8(ascii: "@"), UInt8(ascii: "["), UInt8(ascii: "\\"), UInt8(ascii: "]"), UInt8(ascii: "^"), UInt8(ascii: "_"),
            UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// Whether some inline rule may start inside `text`; if none can, the text is one text token.
    static func mayHoldMarkup(_ text: Text) -> Bool {
        text.withUTF8 { firstTerminator(in: $0, from: 0, to: $0.count) < $0.count }
    }

    /// The offset of the first terminator in `bytes[start..<end]`, or `end`. Terminators are all
    /// ASCII, so eight bytes of CJK text (every byte at 0x80 or above) are passed over at once.
    @inline(__always) static func firstTerminator(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var pos = start
        while pos < end {
            if pos + 8 <= end, EightBytes.hasNoASCII(UnsafeRawPointer(bytes.baseAddress! + pos).loadUnaligned(as: UInt64.self)) {
                pos += 8
                continue
            }
            if isTerminator(bytes[pos]) { return pos }
            pos += 1
        }
        return end
    }

    static func parse(_ state: InlineState, _ silent: Bool) -> Bool {
        let start = state.pos
        let end = state.posMax
        let pos = state.src.withUnsafeBufferPointer { firstTerminator(in: $0, from: start, to: end) }
        if pos == start { return false }
        if !silent { state.pending.append(contentsOf: state.src[state.pos..<pos]) }
        state.pos = pos
        return true
    }
}

/// Line breaks: two trailing spaces make a hard break, otherwise a soft one (markdown-it `newline`).
enum NewlineRule {
    static func parse(_ state: InlineState, _ silent: Bool) -> Bool {
        var pos = state.pos
        guard state.src[pos] == 0x0A else { return false }
        if !silent {
            let last = state.pending.count - 1
            if last >= 0, state.pending[last] == 0x20 {
                if last >= 1, state.pending[last - 1] == 0x20 {
                    var whitespace = last - 1
                    while whitespace >= 1, state.pending[whitespace - 1] == 0x20 { whitespace -= 1 }
                    state.pending.removeSubrange(whitespace...)
                    state.push(.hardbreak, nesting: 0)
                } else {
                    state.pending.removeLast()
                    state.push(.softbreak, nesting: 0)
                }
            } else {
                state.push(.softbreak, nesting: 0)
            }
        }
        pos += 1
        while pos < state.posMax, CharacterClass.isSpace(state.src[pos]) { pos += 1 }
        state.pos = pos
        return true
    }
}

/// Backslash escapes and backslash hard breaks (markdown-it `escape`).
enum EscapeRule {
    static func parse(_ state: InlineState, _ silent: Bool) -> Bool {
        var pos = state.pos
        guard state.src[pos] == UInt8(ascii: "\\") else { return false }
        pos += 1
        guard pos < state.posMax else { return false }
        let next = state.src[pos]
        if next == 0x0A {
            if !silent { state.push(.hardbreak, nesting: 0) }
            pos += 1
            while pos < state.posMax, CharacterClass.isSpace(state.src[pos]) { pos += 1 }
            state.pos = pos
            return true
        }
        // markdown-it 15: a backslash before anything but ASCII punctuation is a plain backslash,
        // and the next character is read on its own (so `a\  ⏎` still ends in a hard break).
        guard next < 0x80, CharacterClass.isASCIIPunctuation(next) else {
            if !silent { state.pending.append(UInt8(ascii: "\\")) }
            state.pos = pos
            return true
        }
        if !silent {
            let index = state.push(.textSpecial, nesting: 0)
            state.tokens[index].content = state.text([next])
            state.tokens[index].info = "escape"
        }
        state.pos = pos + 1
        return true
    }
}

/// `&amp;`, `&#35;`, `&#x22;` (markdown-it `entity`); invalid code points become U+FFFD.
enum EntityRule {
    static func parse(_ state: InlineState, _ silent: Bool) -> Bool {
        let pos = state.pos
        guard state.src[pos] == UInt8(ascii: "&"), pos + 1 < state.posMax else { return false }
        guard let (decoded, length) = HTMLEntities.match(in: state.src, at: pos, end: state.src.count, replaceInvalid: true, maxDigits: nil) else {
            return false
        }
        if !silent {
            let index = state.push(.textSpecial, nesting: 0)
            state.tokens[index].content = state.text(decoded)
            state.tokens[index].info = "entity"
        }
        state.pos += length
        return true
    }
}
