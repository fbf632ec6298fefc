/// An inline node: text and the spans around it.
///
/// Text, breaks and the other small cases are stored in place; the cases with attributes or a
/// large payload are boxed (`indirect`): most inlines are text, and a text inline then costs no
/// allocation beyond its string's.
public enum Inline: Sendable, Hashable {
    case text(Text)
    /// A line break in the source; no space is due between two CJK characters around it.
    case softBreak
    case hardBreak
    indirect case code(String, Attributes)
    indirect case emphasis(Inlines, Attributes)
    indirect case strong(Inlines, Attributes)
    indirect case strikethrough(Inlines, Attributes)
    indirect case mark(Inlines, Attributes)
    case `subscript`(Inlines)
    case superscript(Inlines)
    /// `[text]{.cls}`: a span that carries attributes only.
    indirect case span(Inlines, Attributes)
    indirect case link(Link)
    indirect case image(Image)
    /// Inline math (`$…$`).
    indirect case math(Formula)
    /// A reference to a footnote: the label as written (`[^label]`, or a generated one for `^[…]`).
    case footnoteReference(label: String)
    /// An abbreviation with its expansion (`*[YOLO]: You Only Look Once`).
    indirect case abbreviation(term: String, title: String)
    /// Raw inline HTML as written: only the `fragment` renderer's options keep it; the book's
    /// options turn it into ordinary inlines.
    case html(String)
}

/// A link, before and after resolution.
public struct Link: Sendable, Hashable {
    /// The destination as written (after entity and backslash processing, before percent-encoding).
    public var destination: String
    public var title: String?
    public var content: Inlines
    public var attributes: Attributes
    /// Set by the resolve pass when the destination is another article or heading of the book.
    public var target: InternalTarget?
    /// `true` for an `<autolink>` or a GFM/linkify autolink.
    public var isAutolink: Bool
    /// Where the link starts in the article.
    public var position: SourcePosition

    public init(destination: String, title: String? = nil, content: Inlines, attributes: Attributes = .none,
                target: InternalTarget? = nil, isAutolink: Bool = false, position: SourcePosition = .unknown) {
        self.destination = destination
        self.title = title
        self.content = content
        self.attributes = attributes
        self.target = target
        self.isAutolink = isAutolink
        self.position = position
    }
}

/// An image reference.
public struct Image: Sendable, Hashable {
    /// The source as written.
    public var source: String
    public var title: String?
    /// The alt text as inlines (the site renders their plain text).
    public var alt: Inlines
    public var attributes: Attributes
    /// Set by the resolve pass: the file under the source root, when it exists.
    public var resource: ResourceID?
    /// Where the image starts in the article.
    public var position: SourcePosition

    public init(source: String, title: String? = nil, alt: Inlines, attributes: Attributes = .none, resource: ResourceID? = nil,
                position: SourcePosition = .unknown) {
        self.source = source
        self.title = title
        self.alt = alt
        self.attributes = attributes
        self.resource = resource
        self.position = position
    }
}

/// A place inside the book: an article and optionally one of its anchors.
public struct InternalTarget: Sendable, Hashable {
    public var article: ArticleID
    public var anchor: String?

    public init(article: ArticleID, anchor: String? = nil) {
        self.article = article
        self.anchor = anchor
    }
}

extension Inline {
    /// The text a reader would see, without markup (for alt texts, titles, search and bookmarks).
    public var plainText: String {
        if case .text(let text) = self { return text.string }
        var bytes: [UInt8] = []
        forEachPlainTextPiece { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Calls `body` with the UTF-8 of each piece of ``plainText`` in order, without joining
    /// them (an IR text straight from its storage): valid only during the call.
    public func forEachPlainTextPiece(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        switch self {
        case .text(let text): text.withUTF8(body)
        case .code(let text, _): Self.withUTF8(text, body)
        case .softBreak, .hardBreak: Self.withUTF8(" ", body)
        case .emphasis(let children, _), .strong(let children, _), .strikethrough(let children, _),
            .mark(let children, _), .subscript(let children), .superscript(let children), .span(let children, _):
            children.forEachPlainTextPiece(body)
        case .link(let link): link.content.forEachPlainTextPiece(body)
        case .image(let image): image.alt.forEachPlainTextPiece(body)
        case .math(let formula): Self.withUTF8(formula.tex, body)
        case .footnoteReference, .html: break
        case .abbreviation(let term, _): Self.withUTF8(term, body)
        }
    }

    private static func withUTF8(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var string = string
        string.withUTF8(body)
    }
}

extension Inlines {
    /// The concatenated ``Inline/plainText`` of the elements.
    public var plainText: String {
        if count == 1 { return self[0].plainText }
        var bytes: [UInt8] = []
        forEachPlainTextPiece { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Calls `body` with the UTF-8 of each piece of the elements' ``Inline/plainText`` in order.
    public func forEachPlainTextPiece(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        forEach { $0.forEachPlainTextPiece(body) }
    }
}
