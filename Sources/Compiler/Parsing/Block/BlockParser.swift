/// markdown-it's block parser: an ordered list of named rules, each tried in turn at a line.
///
/// A rule reads lines from the ``BlockState``, pushes tokens and advances `state.line`, or
/// answers `false`. Called with `silent`, a rule only says whether it would start there: that is
/// how paragraphs, lists and block quotes learn that a line interrupts them ("terminators").
struct BlockParser: Sendable {
    /// The block rules, named as in markdown-it and its plugins.
    enum Rule: Sendable, CaseIterable {
        case table, code, importCode, embed, container, fence, alert, blockquote, math, hr, list, footnoteDefinition, abbreviationDefinition
        case reference, htmlBlock, heading, lheading, paragraph

        /// The rule chains (markdown-it's `alt`) that may use this rule to end a block early.
        var terminates: Set<Chain> {
            switch self {
            case .table: [.paragraph, .reference]
            case .importCode, .embed: [.paragraph, .reference, .blockquote, .list]
            case .code, .lheading, .paragraph: []
            case .math: [.paragraph, .reference, .blockquote, .list]
            case .container, .fence: [.paragraph, .reference, .blockquote, .list]
            case .alert, .blockquote, .hr: [.paragraph, .reference, .blockquote, .list]
            case .list: [.paragraph, .reference, .blockquote]
            case .footnoteDefinition, .abbreviationDefinition: [.paragraph, .reference]
            case .reference: []
            case .htmlBlock, .heading: [.paragraph, .reference, .blockquote]
            }
        }

        func isEnabled(_ options: MarkdownOptions) -> Bool {
            switch self {
            case .table: options.tables
            case .math: options.math
            case .importCode, .embed: options.embeds
            case .container: options.containers || !options.customContainers.isEmpty
            case .alert: options.alerts
            case .footnoteDefinition: options.footnotes || options.annotations
            case .abbreviationDefinition: options.abbreviations
            default: true
            }
        }
    }

    /// The names of the terminator chains.
    enum Chain: Sendable, Hashable { case paragraph, reference, blockquote, list }

    let options: MarkdownOptions
    let rules: [Rule]
    let paragraphTerminators: [Rule]
    let referenceTerminators: [Rule]
    let blockquoteTerminators: [Rule]
    let listTerminators: [Rule]

    init(options: MarkdownOptions) {
        self.options = options
        rules = Rule.allCases.filter { $0.isEnabled(options) }
        paragraphTerminators = rules.filter { $0.terminates.contains(.paragraph) }
        referenceTerminators = rules.filter { $0.terminates.contains(.reference) }
        blockquoteTerminators = rules.filter { $0.terminates.contains(.blockquote) }
        listTerminators = rules.filter { $0.terminates.contains(.list) }
    }

    /// Whether a rule of `chain` starts at `line` (so the block being read ends before it).
    func terminates(_ chain: Chain, state: BlockState, line: Int, endLine: Int) -> Bool {
        let chainRules = switch chain {
        case .paragraph: paragraphTerminators
        case .reference: referenceTerminators
        case .blockquote: blockquoteTerminators
        case .list: listTerminators
        }
        for rule in chainRules where run(rule, state: state, startLine: line, endLine: endLine, silent: true) {
            return true
        }
        return false
    }

    /// Parses lines `startLine..<endLine` into tokens (markdown-it's `ParserBlock.tokenize`).
    func tokenize(_ state: BlockState, _ startLine: Int, _ endLine: Int) {
        var line = startLine
        var hasEmptyLines = false
        while line < endLine {
            line = state.skipEmptyLines(line)
            state.line = line
            if line >= endLine { break }
            if state.sCount[line] < state.blkIndent { break }
            if state.level >= options.maxNesting {
                state.env.warn("blocks nested more than \(options.maxNesting) deep; the rest of this block is left out", line: line, code: "nesting")
                state.line = endLine
                break
            }
            let previousLine = state.line
            var matched = false
            for rule in rules where run(rule, state: state, startLine: line, endLine: endLine, silent: false) {
                precondition(state.line > previousLine, "block rule \(rule) did not advance")
                matched = true
                break
            }
            precondition(matched, "the paragraph rule always matches")
            state.tight = !hasEmptyLines
            if state.isEmpty(state.line - 1) { hasEmptyLines = true }
            line = state.line
            if line < endLine, state.isEmpty(line) {
                hasEmptyLines = true
                line += 1
                state.line = line
            }
        }
    }

    func run(_ rule: Rule, state: BlockState, startLine: Int, endLine: Int, silent: Bool) -> Bool {
        switch rule {
        case .table: TableRule.parse(state, startLine, endLine, silent)
        case .code: CodeRule.parse(state, startLine, endLine, silent)
        case .importCode: ImportCodeRule.parse(state, startLine, endLine, silent)
        case .embed: EmbedRule.parse(state, startLine, endLine, silent)
        case .math: MathBlockRule.parse(state, startLine, endLine, silent)
        case .container: ContainerRule.parse(state, startLine, endLine, silent)
        case .fence: FenceRule.parse(state, startLine, endLine, silent)
        case .alert: AlertRule.parse(state, startLine, endLine, silent)
        case .blockquote: BlockquoteRule.parse(state, startLine, endLine, silent)
        case .hr: ThematicBreakRule.parse(state, startLine, endLine, silent)
        case .list: ListRule.parse(state, startLine, endLine, silent)
        case .footnoteDefinition: FootnoteDefinitionRule.parse(state, startLine, endLine, silent)
        case .abbreviationDefinition: AbbreviationDefinitionRule.parse(state, startLine, endLine, silent)
        case .reference: ReferenceRule.parse(state, startLine, endLine, silent)
        case .htmlBlock: HTMLBlockRule.parse(state, startLine, endLine, silent)
        case .heading: HeadingRule.parse(state, startLine, endLine, silent)
        case .lheading: SetextHeadingRule.parse(state, startLine, endLine, silent)
        case .paragraph: ParagraphRule.parse(state, startLine, endLine, silent)
        }
    }
}
