/// Folds markdown-it's flat token stream into the IR tree: blocks, inlines, footnotes.
struct IRBuilder {
    private let tokens: [Token]
    private let env: ParseEnvironment
    private let options: MarkdownOptions
    private var index = 0
    /// Footnote definitions by label, as blocks.
    private var footnoteBlocks: [String: (blocks: [Block], line: Int)] = [:]
    private let abbreviations: AbbreviationMatcher?
    /// Blocks that one token turned into (raw HTML becomes several), added after it.
    private var pendingBlocks: [Block] = []

    init(tokens: [Token], env: ParseEnvironment, options: MarkdownOptions) {
        self.tokens = tokens
        self.env = env
        self.options = options
        abbreviations = env.abbreviations.isEmpty ? nil : AbbreviationMatcher(env.abbreviations)
    }

    mutating func buildDocument() -> [Block] {
        index = 0
        return buildBlocks(until: nil)
    }

    /// The footnotes in order of first reference; unreferenced definitions are dropped (as on the site) with a warning.
    func footnotes() -> [Footnote] {
        var result: [Footnote] = []
        for label in env.footnoteReferenceOrder {
            let count = env.footnoteReferenceCounts[label] ?? 1
            if let inline = env.inlineFootnotes[label] {
                let content = IRInlineBuilder(env: env, abbreviations: abbreviations, autolinks: options.autolinks, attributes: options.attributes, convertsHTML: options.convertsHTML, emoji: options.emoji, joinsCJKLines: options.joinsCJKLines).build(inline, line: 0)
                result.append(Footnote(label: label, number: result.count + 1, blocks: [Block(.paragraph(content, hidden: false))],
                                       referenceCount: count, position: .unknown))
            } else if let definition = footnoteBlocks[label] {
                result.append(Footnote(label: label, number: result.count + 1, blocks: definition.blocks, referenceCount: count,
                                       position: env.articlePosition(line: definition.line)))
            }
        }
        for (label, definition) in footnoteBlocks.sorted(by: { $0.value.line < $1.value.line })
        where env.footnoteReferenceCounts[label] == nil {
            env.warn("footnote '[^\(label)]' is defined but never referenced; it is left out", line: definition.line, code: "footnote-unused")
        }
        return result
    }

    private func position(_ token: Token) -> SourcePosition {
        guard let map = token.map else { return .unknown }
        return env.articlePosition(line: map.start)
    }

    private mutating func buildBlocks(until close: Token.Kind?) -> [Block] {
        var blocks: [Block] = []
        while index < tokens.count {
            if let close, tokens[index].kind == close {
                index += 1
                return blocks
            }
            if let block = buildBlock() { blocks.append(block) }
            blocks += pendingBlocks
            pendingBlocks = []
        }
        return blocks
    }

    private func inlines(_ token: Token) -> [Inline] {
        IRInlineBuilder(env: env, abbreviations: abbreviations, autolinks: options.autolinks, attributes: options.attributes, convertsHTML: options.convertsHTML, emoji: options.emoji, joinsCJKLines: options.joinsCJKLines).build(token.children, line: token.map?.start ?? 0)
    }

    /// Builds the block at `index` and moves past it; nil for tokens that produce no block.
    private mutating func buildBlock() -> Block? {
        // Fields are read through the array: a copy of the whole token would retain all its strings.
        let start = index
        let position = position(tokens[start])
        index += 1
        switch tokens[start].kind {
        case .paragraphOpen where options.embeds && tokens[index].content.utf8.count == 7 && tokens[index].content.lowercased() == "[[toc]]":
            index += 2
            return Block(.tableOfContents, position: position)
        case .paragraphOpen:
            let (content, attributes) = trailingAttributes(inlines(tokens[index]))
            index += 2
            return Block(.paragraph(content, hidden: tokens[start].hidden), attributes: attributes, position: position)
        case .headingOpen:
            let (content, attributes) = trailingAttributes(inlines(tokens[index]))
            index += 2
            return Block(.heading(level: Int(tokens[start].tag.dropFirst()) ?? 1, content: content), attributes: attributes, position: position)
        case .blockquoteOpen:
            return Block(.blockQuote(buildBlocks(until: .blockquoteClose)), position: position)
        case .bulletListOpen, .orderedListOpen:
            return buildList(tokens[start], position: position)
        case .codeBlock:
            return Block(.code(CodeBlock(code: tokens[start].content, isFenced: false)), position: position)
        case .fence where options.math && tokens[start].info.jsTrimmed == "math":
            return Block(.math(displayFormula(tokens[start].content, token: tokens[start], position: position)), position: position)
        case .fence:
            let (info, attributes) = options.attributes ? AttributeSyntax.fenceAttributes(tokens[start].info) : (tokens[start].info, .none)
            return Block(.code(FenceInfo.codeBlock(info: info, code: tokens[start].content, plume: options.fenceMeta)), attributes: attributes, position: position)
        case .hr:
            return Block(.thematicBreak, position: position)
        case .embed:
            // "YouTube: title" followed by the link, as one paragraph.
            let title = tokens[start].attr("title") ?? ""
            let label: [Inline] = [.text(title.isEmpty ? tokens[start].info + ": " : "\(tokens[start].info): \(title) — ")]
            // A QR code may hold any text: only URLs and site paths become links.
            let url = tokens[start].content
            let target: Inline = SourcePath.hasScheme(url) || url.hasPrefix("/")
                ? .link(Link(destination: url, content: [.text(url)], isAutolink: true, position: position)) : .text(url)
            return Block(.paragraph(label + [target], hidden: false), attributes: Attributes(classes: ["embed"]), position: position)
        case .htmlBlock where options.convertsHTML:
            // `<script setup>` and `<style>` blocks are the page's Vue code, not content: left out.
            let lead = tokens[start].content.drop { $0 == " " }.prefix(7).lowercased()
            if lead.hasPrefix("<script") || lead.hasPrefix("<style") { return nil }
            var converter = HTMLConverter(position: position)
            pendingBlocks = converter.blocks(fromHTML: tokens[start].content)
            for problem in converter.problems { env.warn(problem.message, line: tokens[start].map?.start ?? 0, code: problem.code) }
            return nil
        case .htmlBlock:
            return Block(.html(tokens[start].content), position: position)
        case .mathBlock:
            return Block(.math(displayFormula(tokens[start].content, token: tokens[start], position: position)), position: position)
        case .tableOpen:
            return buildTable(tokens[start], position: position)
        case .containerOpen:
            let parsedTitle: [Inline]? = tokens[start].content.isEmpty ? nil : IRInlineBuilder(env: env, abbreviations: abbreviations, autolinks: options.autolinks, attributes: options.attributes, convertsHTML: options.convertsHTML, emoji: options.emoji, joinsCJKLines: options.joinsCJKLines)
                .build(InlineParser(options: options).parse(tokens[start].content, env: env, line: tokens[start].map?.start ?? 0), line: tokens[start].map?.start ?? 0)
            // `::: warning Title {.cls #id}`: attributes that end the title belong to the container.
            let (title, attributes) = parsedTitle.map(trailingAttributes) ?? (nil, .none)
            let body = buildBlocks(until: .containerClose)
            return Block(.container(Container(kind: ContainerKind(rawValue: tokens[start].info), title: title?.isEmpty == true ? nil : title, body: body)),
                         attributes: attributes, position: position)
        case .rawContainer:
            let title = tokens[start].attr("title") ?? ""
            return Block(.container(Container(kind: ContainerKind(rawValue: tokens[start].info), title: title.isEmpty ? nil : [.text(title)],
                                              body: [], rawBody: tokens[start].content)), position: position)
        case .alertOpen:
            let body = buildBlocks(until: .alertClose)
            return Block(.container(Container(kind: ContainerKind(rawValue: tokens[start].info), title: nil, body: body)),
                         attributes: Attributes(pairs: [("alert-title", tokens[start].content)]), position: position)
        case .footnoteDefinitionOpen:
            let body = buildBlocks(until: .footnoteDefinitionClose)
            // An annotation's definitions are joined; a footnote's later definition wins.
            if tokens[start].info.hasPrefix("+"), let earlier = footnoteBlocks[tokens[start].info] {
                footnoteBlocks[tokens[start].info] = (earlier.0 + body, earlier.1)
            } else {
                footnoteBlocks[tokens[start].info] = (body, tokens[start].map?.start ?? 0)
            }
            return nil
        default:
            return nil
        }
    }

    private func displayFormula(_ tex: String, token: Token, position: SourcePosition) -> Formula {
        let formula = Formula(tex: tex, display: true, position: position)
        IRInlineBuilder(env: env, abbreviations: nil, autolinks: false, attributes: false, convertsHTML: false, emoji: false, joinsCJKLines: false)
            .report(formula, line: (token.map?.start ?? 0) + 1, column: 1)
        return formula
    }

    /// `## Title {#anchor .cls}`: attributes at the very end of a block's text belong to the block.
    private func trailingAttributes(_ content: [Inline]) -> ([Inline], Attributes) {
        guard options.attributes, case .text(let text)? = content.last, let (before, attributes) = AttributeSyntax.parseSuffix(text) else {
            return (content, .none)
        }
        var trimmed = content
        let rest = String(before.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        if rest.isEmpty { trimmed.removeLast() } else { trimmed[trimmed.count - 1] = .text(rest) }
        if case .softBreak? = trimmed.last { trimmed.removeLast() }
        return (trimmed, attributes)
    }

    private mutating func buildList(_ open: Token, position: SourcePosition) -> Block {
        let close: Token.Kind = open.kind == .orderedListOpen ? .orderedListClose : .bulletListClose
        var items: [ListItem] = []
        var tight = true
        while index < tokens.count, tokens[index].kind != close {
            let itemToken = tokens[index]
            index += 1
            guard itemToken.kind == .listItemOpen else { continue }
            var blocks = buildBlocks(until: .listItemClose)
            if blocks.contains(where: { if case .paragraph(_, false) = $0.kind { true } else { false } }) { tight = false }
            var task: Bool?
            if options.taskLists { task = TaskListMarker.strip(from: &blocks) }
            items.append(ListItem(task: task, blocks: blocks, position: self.position(itemToken)))
        }
        index += 1
        let list = List(start: open.kind == .orderedListOpen ? open.number : nil, marker: open.markup.utf8.first ?? UInt8(ascii: "-"),
                        isTight: tight, items: items)
        return Block(.list(list), position: position)
    }

    private mutating func buildTable(_ open: Token, position: SourcePosition) -> Block {
        let alignments: [Table.Alignment] = open.info.split(separator: ",", omittingEmptySubsequences: false).map {
            switch $0 {
            case "left": .left
            case "center": .center
            case "right": .right
            default: .none
            }
        }
        var header: [TableCell] = []
        var rows: [[TableCell]] = []
        var row: [TableCell] = []
        var inHead = false
        while index < tokens.count, tokens[index].kind != .tableClose {
            let token = tokens[index]
            switch token.kind {
            case .theadOpen: inHead = true
            case .theadClose: inHead = false
            case .trOpen: row = []
            case .trClose: if inHead { header = row } else { rows.append(row) }
            case .inline: row.append(TableCell(content: inlines(token)))
            default: break
            }
            index += 1
        }
        index += 1
        return Block(.table(Table(alignments: alignments, header: header, rows: rows)), position: position)
    }
}

/// Task-list items: a first paragraph that starts with `[ ]`, `[x]` or `[X]` (a no-break space
/// may stand for either space, as @mdit/plugin-tasklist allows) followed by a space and text.
enum TaskListMarker {
    static func strip(from blocks: inout [Block]) -> Bool? {
        guard case .paragraph(var content, let hidden)? = blocks.first?.kind, case .text(let text)? = content.first else { return nil }
        let scalars = Array(text.unicodeScalars.prefix(4))
        guard scalars.count == 4, scalars[0] == "[", scalars[2] == "]", scalars[3] == " " || scalars[3] == "\u{A0}" else { return nil }
        let checked: Bool
        switch scalars[1] {
        case " ", "\u{A0}": checked = false
        case "x", "X": checked = true
        default: return nil
        }
        // The separator stays with the text (the plugin shows it; a space after a checkbox reads well).
        let rest = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(3)))
        guard rest.unicodeScalars.count > 1 || content.count > 1 else { return nil }
        content[0] = .text(rest)
        blocks[0].kind = .paragraph(content, hidden: hidden)
        return checked
    }
}
