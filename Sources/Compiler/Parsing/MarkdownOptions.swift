/// Which syntax the parser accepts. Each extension has its own flag; the presets are CommonMark,
/// GitHub's flavour, and the whole Plume dialect as VuePress configures markdown-it.
public struct MarkdownOptions: Sendable, Hashable {
    /// Raw HTML blocks and inline tags (markdown-it's `html`; on for CommonMark and VuePress).
    public var rawHTML = true
    /// GFM tables (`| a | b |` + a delimiter row).
    public var tables = false
    /// `~~strike~~`.
    public var strikethrough = false
    /// GFM extended autolinks in text: `www.x.com`, `https://x.com`, `a@b.com`.
    public var autolinks = false
    /// `- [ ]` / `- [x]` task lists.
    public var taskLists = false
    /// `:::` containers (hint boxes, details, steps, tabs, layout and raw containers).
    public var containers = false
    /// GitHub alerts `> [!NOTE]`.
    public var alerts = false
    /// `$…$` and `$$…$$` TeX math (@mdit/plugin-tex's delimiter rules).
    public var math = false
    /// `[^label]` references, `[^label]: …` definitions, `^[inline]` notes.
    public var footnotes = false
    /// Plume's annotations: `text [+label]` with `[+label]: …` definitions (several for one
    /// label are one annotation). A book shows an annotation as a footnote.
    public var annotations = false
    /// Plume's plot text `!!hidden!!` (shown on hover on the site); a book shows the text.
    public var plot = false
    /// `*[TERM]: expansion` definitions, marked where the term stands alone.
    public var abbreviations = false
    /// `==mark==`.
    public var mark = false
    /// `H~2~O`.
    public var `subscript` = false
    /// `x^2^`.
    public var superscript = false
    /// VuePress's fence meta: ```` ```ts{1,3} title="a.ts" :line-numbers ````, ```` ```ts [a.ts] ````.
    public var fenceMeta = false
    /// `@[code](./f.js)` imports, `@[youtube](id)`-style embeds (as links) on lines of their own,
    /// and `[[TOC]]` paragraphs.
    public var embeds = false
    /// `{#id .class key=value}` after inline elements and at the end of headings and paragraphs.
    public var attributes = false
    /// markdown-it-cjk-friendly's emphasis rule: `**「強調」**中文` is bold.
    public var cjkFriendlyEmphasis = false
    /// Line breaks between two CJK characters vanish (a book must not show a space there).
    public var joinsCJKLines = false
    /// `:tada:` emoji shortcodes (aliases and names from the PyPI `emoji` package's data).
    public var emoji = false
    /// Raw HTML becomes IR through libxml2 and the whitelists of ``HTMLConverter`` (books);
    /// off, it stays raw, as the site renders it (`kbcompile fragment`).
    public var convertsHTML = false
    /// Deepest nesting of blocks; deeper input is cut with a diagnostic (markdown-it's maxNesting).
    public var maxNesting = 100
    /// `:::` container names beyond Plume's own, rendered as a `div` with the name as class.
    public var customContainers: Set<String> = []
    /// Alerts inside lists and quotes too (@mdit/plugin-alert's `deep`, which VuePress turns on).
    public var nestedAlerts = true

    public init() {}

    /// CommonMark 0.31.2, no extensions.
    public static let commonmark = MarkdownOptions()

    /// GitHub's extensions: tables, strikethrough, extended autolinks, task lists.
    public static let gfm: MarkdownOptions = {
        var options = MarkdownOptions()
        options.tables = true
        options.strikethrough = true
        options.autolinks = true
        options.taskLists = true
        return options
    }()

    /// The Plume dialect read for a book: raw HTML converted to safe IR.
    public static let book: MarkdownOptions = {
        var options = plume
        options.convertsHTML = true
        options.joinsCJKLines = true
        return options
    }()

    /// Everything a VuePress 2 + Plume site turns on.
    public static let plume: MarkdownOptions = {
        var options = gfm
        options.containers = true
        options.alerts = true
        options.math = true
        options.footnotes = true
        // Opt-in on a Plume site (`markdown: { annotation: true, plot: true }`), as plume-docs has
        // them; their syntax means nothing else, so a book reads them whatever the site's config.
        options.annotations = true
        options.plot = true
        options.abbreviations = true
        options.mark = true
        options.subscript = true
        options.superscript = true
        options.fenceMeta = true
        options.embeds = true
        options.attributes = true
        options.emoji = true
        options.cjkFriendlyEmphasis = true
        return options
    }()
}
