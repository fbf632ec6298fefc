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
    /// `{…}` on its own line ending a paragraph that is the last thing in enclosing blocks: it
    /// belongs to the outermost of the blocks that close right there (`> text` + `{.c}` is the
    /// quote's), so it waits for that many closing tokens (@mdit/plugin-attrs' softbreak rule).
    private var enclosingAttributes: (closings: Int, attributes: Attributes)?
    /// What ``enclosingAttributes`` gave the block whose closing token was consumed last.
    private var closedBlockAttributes = Attributes.none

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
                result.append(Footnote(label: label, number: result.count + 1, blocks: [Block(.paragraph(Inlines(content), hidden: false))],
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

    /// Helpers take a token's index, not the token: passing `tokens[i]` to a mutating method
    /// copies it, retaining all its strings.
    private func position(at token: Int) -> SourcePosition {
        guard let map = tokens[token].map else { return .unknown }
        return env.articlePosition(line: map.start)
    }

    private mutating func buildBlocks(until close: Token.Kind?) -> [Block] {
        var blocks: [Block] = []
        while index < tokens.count {
            if let close, tokens[index].kind == close {
                index += 1
                closeBlock()
                return blocks.withExactCapacity
            }
            if var block = buildBlock() {
                if block.takesAttributesParagraph, let attributes = attributesParagraph(at: index) {
                    block.attributes = block.attributes.merging(attributes)
                    index += 3
                }
                blocks.append(block)
            }
            blocks += pendingBlocks
            pendingBlocks = []
        }
        return blocks.withExactCapacity
    }

    private func inlines(at token: Int) -> Inlines {
        let builder = IRInlineBuilder(env: env, abbreviations: abbreviations, autolinks: options.autolinks, attributes: options.attributes,
                                      convertsHTML: options.convertsHTML, emoji: options.emoji, joinsCJKLines: options.joinsCJKLines)
        let line = tokens[token].map?.start ?? 0
        if tokens[token].isPlainText { return builder.build(text: tokens[token].content, line: line) }
        return Inlines(builder.build(tokens[token].children, line: line))
    }

    /// Builds the block at `index` and moves past it; nil for tokens that produce no block.
    private mutating func buildBlock() -> Block? {
        // Past the closing tokens that end a paragraph: attributes still waiting have no block.
        enclosingAttributes = nil
        // Fields are read through the array: a copy of the whole token would retain all its strings.
        let start = index
        let position = position(at: start)
        index += 1
        switch tokens[start].kind {
        case .paragraphOpen where isTableOfContents(at: index):
            index += 2
            return Block(.tableOfContents, position: position)
        case .paragraphOpen:
            let content = inlines(at: index)
            if options.attributes, content.count == 1, case .text = content[0], let attributes = Self.thematicBreakAttributes(tokens[index].content) {
                index += 2
                return Block(.thematicBreak, attributes: attributes, position: position)
            }
            let (rest, ownLine, atEnd) = endAttributes(content)
            index += 2
            var closings = 0
            while index + closings < tokens.count, tokens[index + closings].nesting == -1 { closings += 1 }
            if closings > 0, !ownLine.isEmpty {
                enclosingAttributes = (closings, ownLine)
                return Block(.paragraph(rest, hidden: tokens[start].hidden), attributes: atEnd, position: position)
            }
            return Block(.paragraph(rest, hidden: tokens[start].hidden), attributes: ownLine.merging(atEnd), position: position)
        case .headingOpen:
            let (content, attributes) = trailingAttributes(inlines(at: index))
            index += 2
            return Block(.heading(content: content, level: tokens[start].headingLevel), attributes: attributes, position: position)
        case .blockquoteOpen:
            let body = buildBlocks(until: .blockquoteClose)
            return Block(.blockQuote(body), attributes: takeClosedBlockAttributes(), position: position)
        case .bulletListOpen, .orderedListOpen:
            return buildList(openedAt: start, position: position)
        case .codeBlock:
            return Block(.code(CodeBlock(code: env.texts.text(tokens[start].content), isFenced: false)), position: position)
        case .fence where options.math && tokens[start].info.jsTrimmed == "math":
            return Block(.math(displayFormula(at: start, position: position)), position: position)
        case .fence:
            let (info, attributes) = options.attributes ? AttributeSyntax.fenceAttributes(tokens[start].info) : (tokens[start].info, .none)
            return Block(.code(FenceInfo.codeBlock(info: info, code: tokens[start].content, plume: options.fenceMeta, texts: env.texts)), attributes: attributes, position: position)
        case .hr:
            return Block(.thematicBreak, position: position)
        case .embed:
            // "YouTube: title" followed by the link, as one paragraph.
            let title = tokens[start].attr("title") ?? ""
            let label: [Inline] = [.text(env.texts.text(title.isEmpty ? tokens[start].info + ": " : "\(tokens[start].info): \(title) — "))]
            // A QR code may hold any text: only URLs and site paths become links.
            let url = tokens[start].content.string
            let target: Inline = SourcePath.hasScheme(url) || url.hasPrefix("/")
                ? .link(Link(destination: url, content: [.text(env.texts.text(url))], isAutolink: true, position: position)) : .text(env.texts.text(url))
            return Block(.paragraph(Inlines(label + [target]), hidden: false), attributes: Attributes(classes: ["embed"]), position: position)
        case .htmlBlock where options.convertsHTML:
            // `<script setup>` and `<style>` blocks are the page's Vue code, not content: left out.
            let lead = tokens[start].content.string.drop { $0 == " " }.prefix(7).lowercased()
            if lead.hasPrefix("<script") || lead.hasPrefix("<style") { return nil }
            var converter = HTMLConverter(position: position)
            pendingBlocks = converter.blocks(fromHTML: tokens[start].content.string)
            for problem in converter.problems { env.warn(problem.message, line: tokens[start].map?.start ?? 0, code: problem.code) }
            return nil
        case .htmlBlock:
            return Block(.html(tokens[start].content.string), position: position)
        case .mathBlock:
            return Block(.math(displayFormula(at: start, position: position)), position: position)
        case .tableOpen:
            return buildTable(openedAt: start, position: position)
        case .containerOpen:
            let parsedTitle: [Inline]? = tokens[start].content.isEmpty ? nil : IRInlineBuilder(env: env, abbreviations: abbreviations, autolinks: options.autolinks, attributes: options.attributes, convertsHTML: options.convertsHTML, emoji: options.emoji, joinsCJKLines: options.joinsCJKLines)
                .build(InlineParser(options: options).parse(tokens[start].content, env: env, line: tokens[start].map?.start ?? 0), line: tokens[start].map?.start ?? 0)
            // `::: warning Title {.cls #id}`: attributes that end the title belong to the container.
            let (title, attributes) = parsedTitle.map { trailingAttributes(Inlines($0)) } ?? (nil, .none)
            let body = buildBlocks(until: .containerClose)
            return Block(.container(Container(kind: ContainerKind(rawValue: tokens[start].info), title: title?.isEmpty == true ? nil : title, body: body)),
                         attributes: attributes.merging(takeClosedBlockAttributes()), position: position)
        case .rawContainer:
            let title = tokens[start].attr("title") ?? ""
            return Block(.container(Container(kind: ContainerKind(rawValue: tokens[start].info), title: title.isEmpty ? nil : [.text(env.texts.text(title))],
                                              body: [], rawBody: tokens[start].content.string)), position: position)
        case .alertOpen:
            let body = buildBlocks(until: .alertClose)
            return Block(.container(Container(kind: ContainerKind(rawValue: tokens[start].info), title: nil, body: body)),
                         attributes: Attributes(pairs: [("alert-title", tokens[start].content.string)]).merging(takeClosedBlockAttributes()), position: position)
        case .footnoteDefinitionOpen:
            let body = buildBlocks(until: .footnoteDefinitionClose)
            _ = takeClosedBlockAttributes()  // a footnote has no element of its own
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

    private func displayFormula(at token: Int, position: SourcePosition) -> Formula {
        let formula = Formula(tex: tokens[token].content.string, display: true, position: position)
        IRInlineBuilder(env: env, abbreviations: nil, autolinks: false, attributes: false, convertsHTML: false, emoji: false, joinsCJKLines: false)
            .report(formula, line: (tokens[token].map?.start ?? 0) + 1, column: 1)
        return formula
    }

    /// `## Title {#anchor .cls}`: attributes at the very end of a block's text belong to the block.
    private func trailingAttributes(_ content: Inlines) -> (Inlines, Attributes) {
        let (rest, ownLine, atEnd) = endAttributes(content)
        return (rest, ownLine.merging(atEnd))
    }

    /// The `{…}` groups that end a block's text, as @mdit/plugin-attrs reads them, taken out of it:
    /// a group alone on the last line (after a soft break), then a group ending the text before.
    private func endAttributes(_ content: Inlines) -> (Inlines, ownLine: Attributes, atEnd: Attributes) {
        // Both kinds of group are a text ending with `}`: without one the run is kept as it is.
        guard options.attributes, content.contains(where: { if case .text(let text) = $0 { text.lastByte == UInt8(ascii: "}") } else { false } })
        else { return (content, .none, .none) }
        var rest = content.array
        var ownLine = Attributes.none
        if rest.count >= 2, case .softBreak = rest[rest.count - 2], case .text(let text) = rest[rest.count - 1],
            let (attributes, length) = AttributeSyntax.parsePrefix(text.string[...]), length == text.utf8Count
        {
            ownLine = attributes
            rest.removeLast(2)
        }
        guard let end = Self.endText(of: rest), case .text(let text) = rest[end], let (before, atEnd) = AttributeSyntax.parseSuffix(text.string) else {
            return (Inlines(rest), ownLine, .none)
        }
        // One space or tab before the group goes with it, as the plugin removes it.
        let kept = text.prefix(utf8Count: before.utf8.last == 0x20 || before.utf8.last == 0x09 ? before.utf8.count - 1 : before.utf8.count)
        if !kept.isEmpty {
            rest[end] = .text(kept)
        } else {
            rest.remove(at: end)
            if end == rest.count, case .softBreak? = rest.last { rest.removeLast() }
        }
        return (Inlines(rest), ownLine, atEnd)
    }

    /// Where the text that end-of-block attributes would end is: the last text that is not only
    /// white space, past trailing elements (a link, an image, a raw tag), but not past code or math.
    private static func endText(of content: [Inline]) -> Int? {
        for index in content.indices.reversed() {
            switch content[index] {
            case .code, .math: return nil
            case .text(let text) where text.string.unicodeScalars.allSatisfy({ CharacterClass.isWhiteSpace($0.value) }): continue
            case .text: return index
            default: continue
            }
        }
        return nil
    }

    private mutating func buildList(openedAt open: Int, position: SourcePosition) -> Block {
        let isOrdered = tokens[open].kind == .orderedListOpen
        let close: Token.Kind = isOrdered ? .orderedListClose : .bulletListClose
        var items: [ListItem] = []
        var listAttributes = Attributes.none
        var tight = true
        while index < tokens.count, tokens[index].kind != close {
            let itemIndex = index
            index += 1
            guard tokens[itemIndex].kind == .listItemOpen else { continue }
            var itemAttributes = Attributes.none
            var blocks: [Block] = []
            if let (lead, ownLine, atEnd) = buildLeadParagraph() {
                // `- item {.a}` is the item's; `- item` + `{.b}` on the next line is the list's.
                listAttributes = listAttributes.merging(ownLine)
                itemAttributes = atEnd
                blocks.append(lead)
            }
            blocks += buildBlocks(until: .listItemClose)
            itemAttributes = itemAttributes.merging(takeClosedBlockAttributes())
            if blocks.contains(where: { if case .paragraph(_, false) = $0.kind { true } else { false } }) { tight = false }
            var task: Bool?
            if options.taskLists { task = TaskListMarker.strip(from: &blocks) }
            items.append(ListItem(task: task, blocks: blocks, attributes: itemAttributes, position: self.position(at: itemIndex)))
        }
        index += 1
        closeBlock()
        listAttributes = listAttributes.merging(takeClosedBlockAttributes())
        let list = List(start: isOrdered ? tokens[open].number : nil, marker: tokens[open].markup.utf8.first ?? UInt8(ascii: "-"),
                        isTight: tight, items: items)
        return Block(.list(list), attributes: listAttributes, position: position)
    }

    /// The paragraph that opens a list item (at `index`), with its end attributes kept apart: the
    /// list and the item take them, not the paragraph (@mdit/plugin-attrs' list rules).
    private mutating func buildLeadParagraph() -> (Block, ownLine: Attributes, atEnd: Attributes)? {
        guard options.attributes, index + 2 < tokens.count, tokens[index].kind == .paragraphOpen, tokens[index + 1].kind == .inline,
              !isTableOfContents(at: index + 1)
        else { return nil }
        let start = index
        let (content, ownLine, atEnd) = endAttributes(inlines(at: start + 1))
        index += 3
        return (Block(.paragraph(content, hidden: tokens[start].hidden), position: position(at: start)), ownLine, atEnd)
    }

    /// A closing token was consumed: waiting attributes count it, and the block it closes gets
    /// them when it is the outermost one.
    private mutating func closeBlock() {
        guard let (closings, attributes) = enclosingAttributes else { return }
        if closings == 1 {
            closedBlockAttributes = attributes
            enclosingAttributes = nil
        } else {
            enclosingAttributes = (closings - 1, attributes)
        }
    }

    /// The attributes ``closeBlock()`` gave the block just closed (once).
    private mutating func takeClosedBlockAttributes() -> Attributes {
        defer { closedBlockAttributes = .none }
        return closedBlockAttributes
    }

    /// `---{#id}`, `*** {.a}`: a paragraph of three or more `-`, `*` or `_`, at most one space and
    /// a `{…}` group is a thematic break with those attributes (@mdit/plugin-attrs' hr rule).
    static func thematicBreakAttributes(_ text: Text) -> Attributes? {
        guard let marker = text.firstByte, marker == UInt8(ascii: "-") || marker == UInt8(ascii: "*") || marker == UInt8(ascii: "_") else { return nil }
        let content = text.string
        let bytes = Array(content.utf8)
        var position = 1
        while position < bytes.count, bytes[position] == marker { position += 1 }
        guard position >= 3 else { return nil }
        if position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        // `position` follows ASCII bytes only, so it is a character boundary.
        guard let (attributes, length) = AttributeSyntax.parsePrefix(Substring(content.utf8.dropFirst(position))),
              position + length == bytes.count else { return nil }
        return attributes
    }

    /// Whether the inline token at `inline` is a paragraph's `[[TOC]]`.
    private func isTableOfContents(at inline: Int) -> Bool {
        options.embeds && tokens[inline].content.utf8Count == 7 && tokens[inline].content.string.lowercased() == "[[toc]]"
    }

    /// The attributes of a paragraph at `start` that holds nothing but one `{…}` group, or nil.
    private func attributesParagraph(at start: Int) -> Attributes? {
        guard options.attributes, start + 2 < tokens.count, tokens[start].kind == .paragraphOpen, tokens[start + 1].kind == .inline,
              tokens[start + 1].isPlainText || tokens[start + 1].children.count == 1 && tokens[start + 1].children[0].kind == .text
        else { return nil }
        guard tokens[start + 1].content.firstByte == UInt8(ascii: "{") else { return nil }
        let content = tokens[start + 1].content.string
        guard let (attributes, length) = AttributeSyntax.parsePrefix(content[...]), length == content.utf8.count else { return nil }
        return attributes
    }

    private mutating func buildTable(openedAt open: Int, position: SourcePosition) -> Block {
        let alignments: [Table.Alignment] = tokens[open].info.split(separator: ",", omittingEmptySubsequences: false).map {
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
            switch tokens[index].kind {
            case .theadOpen: inHead = true
            case .theadClose: inHead = false
            case .trOpen: row = []
            case .trClose: if inHead { header = row } else { rows.append(row) }
            case .inline: row.append(cell(inlines(at: index)))
            default: break
            }
            index += 1
        }
        index += 1
        if options.attributes { rows = TableSpans.fitted(rows, columns: header.count) }
        return Block(.table(Table(alignments: alignments, header: header, rows: rows)), position: position)
    }

    /// A cell whose text ends with `{…}`: the attributes are the cell's (`| text {.c} |`).
    private func cell(_ content: Inlines) -> TableCell {
        guard options.attributes,
            let (index, text, before, attributes) = content.indices.lazy.compactMap({ index -> (Int, Text, String, Attributes)? in
                guard case .text(let text) = content[index], text.lastByte == UInt8(ascii: "}"),
                    let (before, attributes) = AttributeSyntax.parseSuffix(text.string)
                else { return nil }
                return (index, text, before, attributes)
            }).first
        else { return TableCell(content: content) }
        var content = content.array
        // One space before the group goes with it, as the plugin removes it.
        let kept = text.prefix(utf8Count: before.utf8.last == 0x20 || before.utf8.last == 0x09 ? before.utf8.count - 1 : before.utf8.count)
        if kept.isEmpty { content.remove(at: index) } else { content[index] = .text(kept) }
        return TableCell(content: Inlines(content), attributes: attributes)
    }
}

extension Block {
    /// Whether a paragraph of only `{…}` right after this block gives it attributes (lists and
    /// tables; after other blocks such a paragraph keeps them, as in @mdit/plugin-attrs).
    fileprivate var takesAttributesParagraph: Bool {
        switch kind {
        case .list, .table: true
        default: false
        }
    }
}

/// Task-list items: a first paragraph that starts with `[ ]`, `[x]` or `[X]` (a no-break space
/// may stand for either space, as @mdit/plugin-tasklist allows) followed by a space and text.
enum TaskListMarker {
    static func strip(from blocks: inout [Block]) -> Bool? {
        guard case .paragraph(var content, let hidden)? = blocks.first?.kind, case .text(let text)? = content.first,
            text.firstByte == UInt8(ascii: "[")
        else { return nil }
        let scalars = Array(text.string.unicodeScalars.prefix(4))
        guard scalars.count == 4, scalars[0] == "[", scalars[2] == "]", scalars[3] == " " || scalars[3] == "\u{A0}" else { return nil }
        let checked: Bool
        switch scalars[1] {
        case " ", "\u{A0}": checked = false
        case "x", "X": checked = true
        default: return nil
        }
        // The separator stays with the text (the plugin shows it; a space after a checkbox reads well).
        let rest = text.dropFirst(utf8Count: scalars[0..<3].reduce(0) { $0 + UTF8.width($1) })
        guard rest.utf8Count > UTF8.width(scalars[3]) || content.count > 1 else { return nil }
        content[0] = .text(rest)
        blocks[0].kind = .paragraph(content, hidden: hidden)
        return checked
    }
}
