import Foundation

/// A stable identity for an article inside a book: its path relative to the source root.
public struct ArticleID: RawRepresentable, Sendable, Hashable, Comparable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static func < (lhs: ArticleID, rhs: ArticleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One Markdown file of the knowledge base, parsed: a chapter of the book.
public struct Article: Sendable, Hashable {
    public var id: ArticleID
    /// The path relative to the source root, as diagnostics print it.
    public var path: String
    public var metadata: ArticleMetadata
    public var blocks: [Block]
    /// Footnote definitions in the order of their first reference (then unreferenced ones).
    public var footnotes: [Footnote]
    /// Abbreviations defined in the article (`*[TERM]: expansion`).
    public var abbreviations: [String: String]
    /// The files the article shows (images), in order of first use; set by the resolve pass.
    public var resources: [ResourceID]
    /// Those of ``resources`` the article shows more than once; set by the resolve pass (the HTML
    /// file stores an image shown twice once, and learns which are without walking the articles).
    public var repeatedResources: Set<ResourceID> = []

    public init(id: ArticleID, path: String, metadata: ArticleMetadata, blocks: [Block] = [],
                footnotes: [Footnote] = [], abbreviations: [String: String] = [:], resources: [ResourceID] = []) {
        self.id = id
        self.path = path
        self.metadata = metadata
        self.blocks = blocks
        self.footnotes = footnotes
        self.abbreviations = abbreviations
        self.resources = resources
    }

    /// The body followed by the footnotes' blocks: everything the article shows.
    public var allBlocks: [Block] { blocks + footnotes.flatMap(\.blocks) }
}

/// A footnote definition (`[^label]: …` or an inline `^[…]`).
public struct Footnote: Sendable, Hashable {
    public var label: String
    /// The 1-based number the reader sees.
    public var number: Int
    public var blocks: [Block]
    /// How many times the text refers to it (one note, that many marks).
    public var referenceCount: Int
    public var position: SourcePosition

    public init(label: String, number: Int, blocks: [Block], referenceCount: Int, position: SourcePosition) {
        self.label = label
        self.number = number
        self.blocks = blocks
        self.referenceCount = referenceCount
        self.position = position
    }
}

/// The frontmatter of an article, with the defaults the site would use.
public struct ArticleMetadata: Sendable, Hashable {
    /// `title`, else the first `#` heading, else the file name without its order prefix.
    public var title: String
    public var createTime: Date?
    public var tags: [String]
    /// `permalink`, normalised to start and end with `/`.
    public var permalink: String?
    /// `cover`: a site path or URL as written.
    public var cover: String?
    public var draft: Bool
    /// `sticky`: a number pins higher, `true` counts as 1.
    public var sticky: Int
    /// A home page (`home: true` or `pageLayout: home`) has no article body.
    public var isHome: Bool
    /// The article's language when it differs from the book's (from `lang`), else `nil`.
    public var language: String?

    public init(title: String, createTime: Date? = nil, tags: [String] = [], permalink: String? = nil,
                cover: String? = nil, draft: Bool = false, sticky: Int = 0, isHome: Bool = false, language: String? = nil) {
        self.title = title
        self.createTime = createTime
        self.tags = tags
        self.permalink = permalink
        self.cover = cover
        self.draft = draft
        self.sticky = sticky
        self.isHome = isHome
        self.language = language
    }
}
