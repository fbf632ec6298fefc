import Foundation

/// The whole knowledge base as one book: what every backend receives.
public struct Book: Sendable, Hashable {
    public var metadata: BookMetadata
    /// Articles that stand before the first part (files at the root of the source folder).
    public var frontArticles: [Article]
    /// One part per top-level folder, in sidebar order.
    public var parts: [Part]
    /// Files the book refers to (images), by identity.
    public var resources: [ResourceID: Resource]

    public init(metadata: BookMetadata, frontArticles: [Article] = [], parts: [Part] = [], resources: [ResourceID: Resource] = [:]) {
        self.metadata = metadata
        self.frontArticles = frontArticles
        self.parts = parts
        self.resources = resources
    }

    /// Every article in reading order.
    public var articles: [Article] { frontArticles + parts.flatMap(\.articles) }
}

/// A folder of the knowledge base: a part of the book.
public struct Part: Sendable, Hashable {
    /// The folder name without its order prefix (or the title the config gives).
    public var title: String
    /// The folder path relative to the source root.
    public var path: String
    /// The articles of the folder and its sub-folders, depth first, in sidebar order.
    public var articles: [Article]

    public init(title: String, path: String, articles: [Article]) {
        self.title = title
        self.path = path
        self.articles = articles
    }
}

/// Book-wide metadata, from `kbcompile.yml` and defaults.
public struct BookMetadata: Sendable, Hashable {
    public var title: String
    public var subtitle: String?
    public var authors: [String]
    /// A BCP 47 tag such as `zh-CN` or `en`.
    public var language: String
    /// A stable identifier: the config's, else a UUID derived from the title and source (never random).
    public var identifier: String
    public var publisher: String?
    /// The cover image, when the config or a file names one that exists.
    public var cover: ResourceID?
    /// The newest `createTime` of the articles (backends prefer `SOURCE_DATE_EPOCH`).
    public var modified: Date?

    public init(title: String, subtitle: String? = nil, authors: [String] = [], language: String,
                identifier: String, publisher: String? = nil, cover: ResourceID? = nil, modified: Date? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.authors = authors
        self.language = language
        self.identifier = identifier
        self.publisher = publisher
        self.cover = cover
        self.modified = modified
    }
}

/// The identity of a resource: its path relative to the source root.
public struct ResourceID: RawRepresentable, Sendable, Hashable, Comparable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static func < (lhs: ResourceID, rhs: ResourceID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A file under the source root that the book shows (an image).
public struct Resource: Sendable, Hashable {
    public var id: ResourceID
    /// The absolute path of the file (always inside the source root). A path, not a `URL`: making
    /// a `URL` of each image cost 36,000 instructions.
    public var path: String
    /// The media type, e.g. `image/png`.
    public var mediaType: String

    public init(id: ResourceID, path: String, mediaType: String) {
        self.id = id
        self.path = path
        self.mediaType = mediaType
    }
}
