/// Renders one parsed document as HTML the way the site's markdown-it does: CommonMark's reference
/// HTML for the core and the plugins' markup for the dialect. It is the conformance harness and a
/// debugging aid (`kbcompile fragment`); the book backends have their own writers.
public struct FragmentRenderer: Sendable {
    /// The language whose default container titles are used (`zh-CN` → 提示, `en` → Tips).
    public var language: String
    /// Void elements as `<br />` (markdown-it's `xhtmlOut`, on in its commonmark preset), else `<br>`.
    public var xhtml: Bool
    /// The class prefix of a fenced code block's language (markdown-it's `langPrefix`).
    public var languagePrefix = "language-"
    /// How task lists look: cmark-gfm's checkboxes, or @mdit/plugin-tasklist's (the site).
    public var taskListMarkup: TaskListMarkup = .plugin
    /// How alerts look: VuePress's hint boxes (the site) or @mdit/plugin-alert's own markup.
    public var alertMarkup: AlertMarkup = .hintContainer
    /// Replaces the math markup (inline, display) — used to run plugin fixtures written for a custom renderer.
    public var mathRenderer: (@Sendable (_ tex: String, _ display: Bool) -> String)?

    public enum AlertMarkup: Sendable { case hintContainer, github }
    public enum TaskListMarkup: Sendable { case gfm, plugin }

    public init(language: String = "en", xhtml: Bool = false) {
        self.language = language
        self.xhtml = xhtml
    }

    public func render(_ document: MarkdownParser.Document) -> String {
        var writer = RenderTokenWriter(xhtml: xhtml)
        let footnoteNumbers = Dictionary(document.footnotes.map { ($0.label, $0.number) }, uniquingKeysWith: { first, _ in first })
        var inlineRenderer = InlineHTMLRenderer(footnoteNumbers: footnoteNumbers, xhtml: xhtml, mathRenderer: mathRenderer)
        let flattener = BlockFlattener(language: language, xhtml: xhtml, languagePrefix: languagePrefix, alertMarkup: alertMarkup,
                                       taskListMarkup: taskListMarkup, mathRenderer: mathRenderer)
        flattener.flatten(document.blocks, into: &writer, inline: &inlineRenderer)
        var html = writer.finish()
        if !document.footnotes.isEmpty {
            html += FootnoteSectionRenderer.render(document.footnotes, flattener: flattener, inline: &inlineRenderer)
        }
        return html
    }
}

/// A token as markdown-it's renderer sees it: enough to apply its newline rules.
struct RenderToken {
    var nesting: Int8
    var tag: String
    var attrs: [(String, String)] = []
    var block = true
    var hidden = false
    /// Output of a custom rule (fences, HTML, inline content…): written as is.
    var custom: String?
    /// `true` for the `inline` token of a block (the next-token check looks for it).
    var isInline = false
    /// A custom block opener that, like `renderToken`, starts a new line after a hidden paragraph.
    var newlineAfterHidden = false

    static func open(_ tag: String, _ attrs: [(String, String)] = [], hidden: Bool = false) -> RenderToken {
        RenderToken(nesting: 1, tag: tag, attrs: attrs, hidden: hidden)
    }

    static func close(_ tag: String, hidden: Bool = false) -> RenderToken {
        RenderToken(nesting: -1, tag: tag, hidden: hidden)
    }

    static func leaf(_ tag: String, _ attrs: [(String, String)] = []) -> RenderToken {
        RenderToken(nesting: 0, tag: tag, attrs: attrs)
    }

    static func raw(_ html: String, block: Bool = true) -> RenderToken {
        RenderToken(nesting: 0, tag: "", block: block, custom: html)
    }

    static func inline(_ html: String) -> RenderToken {
        RenderToken(nesting: 0, tag: "", block: false, custom: html, isInline: true)
    }

    /// markdown-it's `Renderer.render` with `renderToken` for tokens that have no custom rule.
    static func serialize(_ tokens: [RenderToken], xhtml: Bool) -> String {
        var writer = RenderTokenWriter(xhtml: xhtml)
        for token in tokens { writer.append(token) }
        return writer.finish()
    }
}

/// Where ``BlockFlattener`` puts the tokens it makes.
protocol RenderTokenSink {
    mutating func append(_ token: RenderToken)
}

extension Array: RenderTokenSink where Element == RenderToken {}

/// Serializes render tokens as they come, as markdown-it's `Renderer.render` does with
/// `renderToken` for tokens that have no custom rule. Its newline rules look one token back and
/// one ahead, so one token waits for the next: a document's tokens are never all held (50,000
/// table rows made 50 MB of them).
struct RenderTokenWriter: RenderTokenSink {
    let xhtml: Bool
    private var out = ""
    /// The token written when the next one comes (or at the end).
    private var waiting: RenderToken?
    /// Whether the token before the waiting one was hidden.
    private var previousHidden = false

    init(xhtml: Bool) {
        self.xhtml = xhtml
    }

    mutating func append(_ token: RenderToken) {
        if let waiting { write(waiting, next: token) }
        waiting = token
    }

    /// The HTML of every token appended.
    mutating func finish() -> String {
        if let waiting { write(waiting, next: nil) }
        waiting = nil
        return out
    }

    private mutating func write(_ token: RenderToken, next: RenderToken?) {
        defer { previousHidden = token.hidden }
        if let custom = token.custom {
            if token.newlineAfterHidden, previousHidden { out += "\n" }
            out += custom
            return
        }
        if token.hidden { return }
        if token.block, token.nesting != -1, previousHidden { out += "\n" }
        out += token.nesting == -1 ? "</" : "<"
        out += token.tag
        for (name, value) in token.attrs { out += " \(name)=\"\(TextEscaping.escapeHTML(value))\"" }
        if token.nesting == 0, xhtml { out += " /" }
        var needLF = false
        if token.block {
            needLF = true
            if token.nesting == 1, let next {
                if next.isInline || next.hidden || (next.nesting == -1 && next.tag == token.tag) { needLF = false }
            }
        }
        out += needLF ? ">\n" : ">"
    }
}
