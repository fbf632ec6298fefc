/// Which syntax the parser accepts: plain CommonMark, GitHub's flavour, or the whole Plume dialect.
public struct MarkdownOptions: Sendable, Hashable {
    /// GFM tables.
    public var tables = false
    /// `~~strike~~`.
    public var strikethrough = false
    /// GFM extended autolinks (`www.x.com`, `https://x.com`).
    public var autolinks = false
    /// `- [ ]` / `- [x]` task lists.
    public var taskLists = false
    /// Plume: containers, math, footnotes, abbreviations, mark/sub/sup, attributes, alerts, emoji, includes.
    public var plume = false
    /// Deepest nesting of blocks; deeper input is cut with a diagnostic (markdown-it's maxNesting).
    public var maxNesting = 100

    public init() {}

    public static let commonmark = MarkdownOptions()

    public static let gfm: MarkdownOptions = {
        var options = MarkdownOptions()
        options.tables = true
        options.strikethrough = true
        options.autolinks = true
        options.taskLists = true
        return options
    }()

    public static let plume: MarkdownOptions = {
        var options = gfm
        options.plume = true
        return options
    }()
}
