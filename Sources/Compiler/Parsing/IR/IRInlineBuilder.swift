/// Folds inline tokens into ``Inline`` values: pairs of open/close tokens become spans,
/// adjacent text merges, abbreviations are marked in text, extended autolinks found outside links.
struct IRInlineBuilder {
    let env: ParseEnvironment
    let abbreviations: AbbreviationMatcher?
    /// GFM extended autolinks in text outside links.
    let autolinks: Bool
    /// `{.cls}` right after an inline element gives it attributes.
    let attributes: Bool
    /// Raw inline HTML is converted to IR (books) instead of kept.
    let convertsHTML: Bool
    /// `:tada:` shortcodes become emoji.
    let emoji: Bool
    /// A line break between two CJK characters is dropped.
    let joinsCJKLines: Bool

    func build(_ tokens: [Token], line: Int) -> [Inline] {
        var index = 0
        return build(tokens, &index, until: nil, line: line, inLink: false)
    }

    /// What ``build(_:line:)`` gives for one text token holding `content`, without the token.
    /// Text that no abbreviation or autolink can touch is the run of that text alone, made without
    /// an array (most paragraphs, headings and cells of a book).
    func build(text content: Text, line: Int) -> Inlines {
        if abbreviations == nil, !content.isEmpty, !(autolinks && ExtendedAutolinks.mayContainLink(content)) {
            if emoji, EmojiShortcodes.mayHoldShortcode(content) { return Inlines(text: env.texts.text(EmojiShortcodes.replace(in: content.string))) }
            return Inlines(text: env.texts.text(content))
        }
        var index = 0
        return Inlines(build([], &index, until: nil, line: line, inLink: false, text: content.string))
    }

    /// A formula that could not be read: a warning at the formula (the offset inside it is in the message).
    func report(_ formula: Formula, line: Int, column: Int) {
        guard let error = formula.error else { return }
        env.warn("formula '\(formula.tex.prefix(60))': \(error.message) (at byte \(error.offset) of the formula); it is shown as source",
                 line: line, column: column, code: "math")
    }

    /// An inline token's position: its block's line plus the offset the inline rule stored in `map`.
    private func position(_ token: Token, line: Int) -> SourcePosition {
        let offset = token.map ?? (0, 1)
        return env.articlePosition(line: line + offset.start, column: offset.end)
    }

    /// ``build(_:_:until:line:inLink:text:)`` for the children of a span.
    private func run(_ tokens: [Token], _ index: inout Int, until close: Token.Kind, line: Int, inLink: Bool) -> Inlines {
        Inlines(build(tokens, &index, until: close, line: line, inLink: inLink))
    }

    /// The inlines of `tokens` from `index` to the `close` token; `text` is text before the first.
    private func build(_ tokens: [Token], _ index: inout Int, until close: Token.Kind?, line: Int, inLink: Bool, text: String = "") -> [Inline] {
        var result: [Inline] = []
        var text = text
        // A run of one text token is kept as its token's text: most runs are, and most need no
        // change, so their bytes go into the IR without a `String` in between.
        var onlyText: Text?
        func appendText(_ text: String) {
            let piece = emoji ? EmojiShortcodes.replace(in: text) : text
            if let abbreviations {
                result.append(contentsOf: abbreviations.mark(piece, texts: env.texts))
            } else {
                result.append(.text(env.texts.text(piece)))
            }
        }
        func flushText() {
            if let single = onlyText {
                onlyText = nil
                let needsWork = abbreviations != nil || (emoji && EmojiShortcodes.mayHoldShortcode(single))
                    || (attributes && single.firstByte == UInt8(ascii: "{") && !result.isEmpty)
                    || (autolinks && !inLink && ExtendedAutolinks.mayContainLink(single))
                guard needsWork else { return result.append(.text(env.texts.text(single))) }
                text = single.string
            }
            guard !text.isEmpty else { return }
            defer { text = "" }
            // `[x](y){.cls}`, `==x=={.warning}`: attributes for the element just before; several
            // groups in a row all apply, a later value of a key replacing an earlier one.
            while attributes, text.utf8.first == UInt8(ascii: "{"), let last = result.last, let (parsed, length) = AttributeSyntax.parsePrefix(text[...]),
                let decorated = last.adding(parsed)
            {
                result[result.count - 1] = decorated
                text = String(text.utf8.dropFirst(length))!
                guard !text.isEmpty else { return }
            }
            guard autolinks, !inLink, ExtendedAutolinks.mayContainLink(text) else { return appendText(text) }
            let bytes = Array(text.utf8)
            var cursor = 0
            for match in ExtendedAutolinks.find(in: bytes) {
                if cursor < match.range.lowerBound { appendText(bytes.string(cursor..<match.range.lowerBound)) }
                let label = bytes.string(match.range)
                let content = abbreviations?.mark(label, texts: env.texts) ?? [.text(env.texts.text(label))]
                result.append(.link(Link(destination: LinkSyntax.normalize(match.href), content: Inlines(content), isAutolink: true)))
                cursor = match.range.upperBound
            }
            if cursor < bytes.count { appendText(bytes.string(cursor..<bytes.count)) }
        }
        while index < tokens.count {
            // Fields are read through the array (no copy of the whole token).
            let kind = tokens[index].kind
            index += 1
            if let close, kind == close { break }
            switch kind {
            case .text, .textSpecial:
                let piece = tokens[index - 1].content
                if piece.isEmpty { continue }
                if text.isEmpty, onlyText == nil {
                    onlyText = piece
                } else {
                    if let single = onlyText {
                        text = single.string
                        onlyText = nil
                    }
                    text += piece.string
                }
                continue
            default:
                break
            }
            flushText()
            let current = index - 1
            switch kind {
            case .softbreak: result.append(.softBreak)
            case .hardbreak: result.append(.hardBreak)
            case .codeInline: result.append(.code(tokens[current].content.string, .none))
            case .emOpen: result.append(.emphasis(run(tokens, &index, until: .emClose, line: line, inLink: inLink), .none))
            case .strongOpen: result.append(.strong(run(tokens, &index, until: .strongClose, line: line, inLink: inLink), .none))
            case .strikeOpen: result.append(.strikethrough(run(tokens, &index, until: .strikeClose, line: line, inLink: inLink), .none))
            case .markOpen: result.append(.mark(run(tokens, &index, until: .markClose, line: line, inLink: inLink), .none))
            case .subOpen: result.append(.subscript(run(tokens, &index, until: .subClose, line: line, inLink: inLink)))
            case .supOpen: result.append(.superscript(run(tokens, &index, until: .supClose, line: line, inLink: inLink)))
            case .plotOpen: result.append(.span(run(tokens, &index, until: .plotClose, line: line, inLink: inLink), Attributes(classes: ["plot"])))
            case .linkOpen:
                let open = tokens[current]
                let content = build(tokens, &index, until: .linkClose, line: line, inLink: true)
                result.append(.link(Link(destination: open.attr("href") ?? "", title: open.attr("title"), content: Inlines(content),
                                          isAutolink: open.markup == "autolink", position: position(open, line: line))))
            case .image:
                let image = tokens[current]
                let alt = build(image.children, line: line)
                result.append(.image(Image(source: image.attr("src") ?? "", title: image.attr("title"), alt: Inlines(alt),
                                           position: position(image, line: line))))
            case .htmlInline: result.append(.html(tokens[current].content.string))
            case .mathInline:
                let formula = Formula(tex: tokens[current].content.string, display: false, position: position(tokens[current], line: line))
                report(formula, line: line + (tokens[current].map?.start ?? 0), column: tokens[current].map?.end ?? 1)
                result.append(.math(formula))
            case .footnoteRef, .inlineFootnote: result.append(.footnoteReference(label: tokens[current].info))
            default: break
            }
        }
        flushText()
        if joinsCJKLines { result = Self.joiningCJKLines(result) }
        return convertsHTML && result.contains(where: { if case .html = $0 { true } else { false } }) ? convertHTML(result, line: line) : result
    }

    /// Soft breaks with a CJK character on both sides removed: Chinese lines join without a space.
    static func joiningCJKLines(_ run: [Inline]) -> [Inline] {
        func isSoftBreak(_ inline: Inline) -> Bool { if case .softBreak = inline { true } else { false } }
        guard run.contains(where: isSoftBreak) else { return run }
        var result: [Inline] = []
        result.reserveCapacity(run.count)
        for (index, inline) in run.enumerated() {
            if isSoftBreak(inline), index > 0, index + 1 < run.count,
                let before = lastScalar(of: run[index - 1]), CharacterClass.isCJK(before),
                let after = firstScalar(of: run[index + 1]), CharacterClass.isCJK(after)
            {
                continue
            }
            result.append(inline)
        }
        return result
    }

    /// The last and first scalars a reader sees of an inline (text directly, markup through its text).
    private static func lastScalar(of inline: Inline) -> UInt32? {
        if case .text(let text) = inline { return text.withUTF8 { $0.isEmpty ? nil : UTF8Scalars.scalar(in: $0, before: $0.count) } }
        return inline.plainText.unicodeScalars.last?.value
    }

    private static func firstScalar(of inline: Inline) -> UInt32? {
        if case .text(let text) = inline { return text.withUTF8 { $0.isEmpty ? nil : UTF8Scalars.scalar(in: $0, at: 0).value } }
        return inline.plainText.unicodeScalars.first?.value
    }

    /// Raw tags between Markdown inlines: the run is written out as HTML with a `<kbslot>` for each
    /// Markdown inline, parsed by libxml2 (which pairs and repairs the tags), and converted back.
    private func convertHTML(_ run: [Inline], line: Int) -> [Inline] {
        var html = ""
        var slots: [Inline] = []
        for inline in run {
            switch inline {
            case .html(let raw): html += raw
            case .text(let text): html += TextEscaping.escapeHTML(text.string)
            default:
                html += "<kbslot data-n=\"\(slots.count)\"></kbslot>"
                slots.append(inline)
            }
        }
        var converter = HTMLConverter(position: env.articlePosition(line: line))
        let converted = converter.inlines(from: HTMLFragmentParser.parse(html), slots: slots)
        for problem in converter.problems { env.warn(problem.message, line: line, code: problem.code) }
        return converted
    }
}

/// Finds defined abbreviations in text where they stand alone: bounded by whitespace,
/// punctuation or the text's edges (so `YOLO是` holds no abbreviation), longest term first.
struct AbbreviationMatcher {
    private let terms: [(term: [UInt8], title: String)]
    /// Whether some term starts with the byte: most positions need no boundary test.
    private let startsTerm: [Bool]

    init(_ abbreviations: [String: String]) {
        terms = abbreviations.map { (Array($0.key.utf8), $0.value) }.sorted { $0.term.count > $1.term.count }
        var startsTerm = [Bool](repeating: false, count: 256)
        for (term, _) in terms where !term.isEmpty { startsTerm[Int(term[0])] = true }
        self.startsTerm = startsTerm
    }

    /// The text as runs of plain text (put in `texts`) and the abbreviations in it.
    func mark(_ text: String, texts: TextArena) -> [Inline] {
        let bytes = Array(text.utf8)
        var result: [Inline] = []
        var plainStart = 0
        var index = 0
        bytes.withUnsafeBufferPointer { buffer in
            while index < bytes.count {
                if startsTerm[Int(buffer[index])], index == 0 || Self.isBoundary(UTF8Scalars.scalar(in: buffer, before: index)), let (term, title) = terms.first(where: { matches($0.term, buffer, at: index) }) {
                    let end = index + term.count
                    if end == bytes.count || Self.isBoundary(UTF8Scalars.scalar(in: buffer, at: end).value) {
                        if plainStart < index { result.append(.text(texts.text(UnsafeBufferPointer(rebasing: buffer[plainStart..<index])))) }
                        result.append(.abbreviation(term: String(decoding: term, as: UTF8.self), title: title))
                        index = end
                        plainStart = end
                        continue
                    }
                }
                index += UTF8Scalars.scalar(in: buffer, at: index).length
            }
            if plainStart < bytes.count { result.append(.text(texts.text(UnsafeBufferPointer(rebasing: buffer[plainStart...])))) }
        }
        return result
    }

    private func matches(_ term: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + term.count <= buffer.count else { return false }
        for offset in 0..<term.count where buffer[index + offset] != term[offset] { return false }
        return true
    }

    /// Unicode punctuation (P), separators (Z), ASCII whitespace and ``$+<=>^`|~``.
    private static func isBoundary(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 {
            switch UInt8(scalar) {
            case 0x20, 0x0D, 0x0A, 0x09, UInt8(ascii: "$"), UInt8(ascii: "+"), UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: ">"),
                UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                return true
            default:
                return CharacterClass.isASCIIPunctuation(UInt8(scalar))
            }
        }
        guard let value = Unicode.Scalar(scalar) else { return false }
        switch value.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }
}
