/// markdown-it's `StateInline`: the inline content of one block, the cursor, pending text,
/// the tokens pushed so far and the delimiter lists for emphasis-like markup.
final class InlineState {
    let src: [UInt8]
    let parser: InlineParser
    let env: ParseEnvironment
    var tokens: [Token] = []
    var pos = 0
    var posMax: Int
    var level = 0
    var pending: [UInt8] = []
    var pendingLevel = 0
    /// Positions already skipped by `skipToken` (start → end, -1 when not yet): keeps link-label
    /// scans linear. An array over the source, made on first use, rather than a dictionary:
    /// unclosed brackets look it up about `maxNesting` times each.
    var skipped: [Int] = []
    /// Every delimiter list; list 0 belongs to the top level, each opening token starts another.
    var delimiterLists: [[Delimiter]] = [[]]
    var currentList = 0
    var listStack: [Int] = []
    /// Lowest positions of backtick runs by length, once the whole source was scanned.
    var backticks: [Int: Int] = [:]
    var backticksScanned = false
    var linkLevel = 0
    /// Earlier searches for the ends of raw HTML comments, CDATA, declarations and instructions.
    lazy var htmlTerminators = HTMLSyntax.TerminatorSearches()
    /// The 0-based document line of the block this content came from (for diagnostics).
    let line: Int
    /// Offsets of the line breaks in `src`, found on first use.
    private lazy var lineBreaks: [Int] = src.indices.filter { src[$0] == 0x0A }

    /// Lines below the block's first line and the 1-based byte column of `offset` in the content
    /// (stored in a token's `map` for inline nodes that diagnostics point at).
    func relativePosition(of offset: Int) -> (start: Int, end: Int) {
        var low = 0
        var high = lineBreaks.count
        while low < high {
            let middle = (low + high) / 2
            if lineBreaks[middle] < offset { low = middle + 1 } else { high = middle }
        }
        let lineStart = low == 0 ? 0 : lineBreaks[low - 1] + 1
        return (low, offset - lineStart + 1)
    }

    /// A run of emphasis-like markers (`*`, `_`, `~~`, `==`) that may open or close. Sixteen
    /// bytes (its numbers are stored in 32 bits): a run of markers makes one per character.
    struct Delimiter {
        var marker: UInt8
        var open: Bool
        var close: Bool
        private var storedLength: Int32
        private var storedToken: Int32
        private var storedEnd: Int32 = -1

        init(marker: UInt8, length: Int, token: Int, open: Bool, close: Bool) {
            self.marker = marker
            self.open = open
            self.close = close
            storedLength = Int32(clamping: length)
            storedToken = Int32(clamping: token)
        }

        /// The length of the whole run.
        var length: Int { Int(storedLength) }
        /// The index of its token.
        var token: Int { Int(storedToken) }
        /// The index of the matching closer, or -1.
        var end: Int {
            get { Int(storedEnd) }
            set { storedEnd = Int32(clamping: newValue) }
        }
    }

    init(src: [UInt8], parser: InlineParser, env: ParseEnvironment, line: Int) {
        self.src = src
        self.parser = parser
        self.env = env
        self.line = line
        posMax = src.count
    }

    func pushPending() {
        tokens.append(Token(.text, level: pendingLevel))
        tokens[tokens.count - 1].content = text(pending[...])
        pending.removeAll(keepingCapacity: true)
    }

    /// `bytes` as a token's content.
    func text(_ bytes: ArraySlice<UInt8>) -> Text { env.tokenTexts.text(bytes) }

    /// `string` as a token's content.
    func text(_ string: String) -> Text { env.tokenTexts.text(string) }

    @discardableResult
    func push(_ kind: Token.Kind, nesting: Int8) -> Int {
        if !pending.isEmpty { pushPending() }
        if nesting < 0 {
            level -= 1
            currentList = listStack.popLast() ?? 0
        }
        tokens.append(Token(kind, nesting: nesting, level: level))  // built in place: no copy
        if nesting > 0 {
            level += 1
            listStack.append(currentList)
            delimiterLists.append([])
            currentList = delimiterLists.count - 1
        }
        pendingLevel = level
        return tokens.count - 1
    }

    func addDelimiter(_ delimiter: Delimiter) { delimiterLists[currentList].append(delimiter) }

    /// Whether the run of `src[start]` can open and close emphasis (CommonMark's flanking rules).
    func scanDelimiters(_ start: Int, canSplitWord: Bool) -> (canOpen: Bool, canClose: Bool, length: Int) {
        let marker = src[start]
        var position = start
        while position < posMax, src[position] == marker { position += 1 }
        let count = position - start
        let (lastChar, nextChar): (UInt32, UInt32) = src.withUnsafeBufferPointer { buffer in
            (start > 0 ? UTF8Scalars.scalar(in: buffer, before: start) : 0x20,
             position < posMax ? UTF8Scalars.scalar(in: buffer, at: position).value : 0x20)
        }
        let isLastPunct = CharacterClass.isPunctuation(lastChar)
        let isNextPunct = CharacterClass.isPunctuation(nextChar)
        let isLastSpace = CharacterClass.isWhiteSpace(lastChar)
        let isNextSpace = CharacterClass.isWhiteSpace(nextChar)
        if parser.options.cjkFriendlyEmphasis {
            // markdown-it-cjk-friendly: a CJK character next to the run counts like punctuation.
            if isLastSpace || isNextSpace { return (!isNextSpace, !isLastSpace, count) }
            var leftFlanking = isLastPunct
            var rightFlanking = isNextPunct
            if canSplitWord {
                let eitherCJK = CharacterClass.isWideCJK(nextChar) || CharacterClass.isWideCJK(lastChar)
                leftFlanking = leftFlanking || eitherCJK || !isNextPunct
                rightFlanking = rightFlanking || eitherCJK || !isLastPunct
            }
            return (leftFlanking, rightFlanking, count)
        }
        let leftFlanking = !isNextSpace && (!isNextPunct || isLastSpace || isLastPunct)
        let rightFlanking = !isLastSpace && (!isLastPunct || isNextSpace || isNextPunct)
        let canOpen = leftFlanking && (canSplitWord || !rightFlanking || isLastPunct)
        let canClose = rightFlanking && (canSplitWord || !leftFlanking || isNextPunct)
        return (canOpen, canClose, count)
    }

    /// The end of a link label starting at `start` (`[`), or nil (markdown-it's `parseLinkLabel`).
    func parseLinkLabel(_ start: Int, disableNested: Bool) -> Int? {
        let oldPos = pos
        pos = start + 1
        var level = 1
        var found = false
        while pos < posMax {
            let marker = src[pos]
            if marker == UInt8(ascii: "]") {
                level -= 1
                if level == 0 {
                    found = true
                    break
                }
            }
            let previous = pos
            parser.skipToken(self)
            if marker == UInt8(ascii: "[") {
                if previous == pos - 1 {
                    level += 1
                } else if disableNested {
                    pos = oldPos
                    return nil
                }
            }
        }
        let end = found ? pos : nil
        pos = oldPos
        return end
    }
}
