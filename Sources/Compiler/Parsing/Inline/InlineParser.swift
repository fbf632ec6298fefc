/// markdown-it's inline parser: ordered rules tried at each position, then post-processing
/// passes (delimiter balancing, strikethrough/mark, emphasis) over the collected delimiters.
struct InlineParser: Sendable {
    enum Rule: Sendable, CaseIterable {
        case text, newline, escape, mathInline, backticks, strikethrough, mark, plot, emphasis, `subscript`, superscript
        case link, image, inlineFootnote, footnoteReference, autolink, htmlInline, entity

        func isEnabled(_ options: MarkdownOptions) -> Bool {
            switch self {
            case .strikethrough: options.strikethrough
            case .mathInline: options.math
            case .mark: options.mark
            case .subscript: options.subscript
            case .superscript: options.superscript
            case .inlineFootnote: options.footnotes
            case .footnoteReference: options.footnotes || options.annotations
            case .plot: options.plot
            default: true
            }
        }
    }

    let options: MarkdownOptions
    let rules: [Rule]

    init(options: MarkdownOptions) {
        self.options = options
        rules = Rule.allCases.filter { $0.isEnabled(options) }
    }

    /// Whether `content` is plain text: not empty, and no byte where an inline rule could start.
    /// Its tokens are one text token holding it.
    static func isPlainText(_ content: Text) -> Bool {
        !content.isEmpty && !TextRule.mayHoldMarkup(content)
    }

    /// Parses `content` into inline tokens.
    func parse(_ content: Text, env: ParseEnvironment, line: Int) -> [Token] {
        // Plain text needs no state.
        if Self.isPlainText(content) {
            var tokens = [Token(.text)]
            tokens[0].content = content
            return tokens
        }
        let state = InlineState(src: content.withUTF8 { Array($0) }, parser: self, env: env, line: line)
        tokenize(state)
        postProcess(state)
        return state.tokens
    }

    func tokenize(_ state: InlineState) {
        let end = state.posMax
        while state.pos < end {
            let previous = state.pos
            var matched = false
            if state.level < options.maxNesting {
                for rule in rules where run(rule, state, silent: false) {
                    precondition(state.pos > previous, "inline rule \(rule) did not advance")
                    matched = true
                    break
                }
            }
            if matched {
                if state.pos >= end { break }
                continue
            }
            state.pending.append(state.src[state.pos])
            state.pos += 1
        }
        if !state.pending.isEmpty { state.pushPending() }
    }

    /// Moves past one token without producing it (used while scanning link labels).
    func skipToken(_ state: InlineState) {
        let start = state.pos
        if state.skipped.isEmpty {
            state.skipped = [Int](repeating: -1, count: state.src.count + 1)
        } else if state.skipped[start] >= 0 {
            state.pos = state.skipped[start]
            return
        }
        var matched = false
        if state.level < options.maxNesting {
            for rule in rules {
                state.level += 1
                let ok = run(rule, state, silent: true)
                state.level -= 1
                if ok {
                    precondition(state.pos > start, "inline rule \(rule) did not advance")
                    matched = true
                    break
                }
            }
        } else {
            state.pos = state.posMax
        }
        if !matched { state.pos += 1 }
        state.skipped[start] = state.pos
    }

    private func postProcess(_ state: InlineState) {
        for index in state.delimiterLists.indices { DelimiterBalancer.balance(&state.delimiterLists[index]) }
        for list in state.delimiterLists {
            PairedMarkerRule.postProcess(state, list, marker: UInt8(ascii: "~"), open: .strikeOpen, close: .strikeClose)
            PairedMarkerRule.postProcess(state, list, marker: UInt8(ascii: "="), open: .markOpen, close: .markClose)
            EmphasisRule.postProcess(state, list)
        }
    }

    func run(_ rule: Rule, _ state: InlineState, silent: Bool) -> Bool {
        switch rule {
        case .text: TextRule.parse(state, silent)
        case .newline: NewlineRule.parse(state, silent)
        case .escape: EscapeRule.parse(state, silent)
        case .mathInline: MathInlineRule.parse(state, silent)
        case .backticks: BacktickRule.parse(state, silent)
        case .strikethrough: PairedMarkerRule.tokenize(state, silent, marker: UInt8(ascii: "~"))
        case .mark: PairedMarkerRule.tokenize(state, silent, marker: UInt8(ascii: "="))
        case .emphasis: EmphasisRule.tokenize(state, silent)
        case .subscript: ScriptRule.parse(state, silent, marker: UInt8(ascii: "~"), open: .subOpen, close: .subClose)
        case .superscript: ScriptRule.parse(state, silent, marker: UInt8(ascii: "^"), open: .supOpen, close: .supClose)
        case .link: LinkRule.parse(state, silent)
        case .image: ImageRule.parse(state, silent)
        case .inlineFootnote: FootnoteReferenceRule.parseInline(state, silent)
        case .footnoteReference: FootnoteReferenceRule.parse(state, silent)
        case .plot: PlotRule.parse(state, silent)
        case .autolink: AutolinkRule.parse(state, silent)
        case .htmlInline: HTMLInlineRule.parse(state, silent)
        case .entity: EntityRule.parse(state, silent)
        }
    }
}
