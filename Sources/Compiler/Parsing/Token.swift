/// One token of markdown-it's flat stream: the parser's intermediate form before the IR tree.
///
/// Block rules push `…Open`/`…Close` pairs and leaf tokens; inline rules fill an `inline`
/// token's `children`. ``IRBuilder`` then folds the stream into ``Block``s and ``Inline``s.
struct Token {
    enum Kind: Sendable, Equatable {
        case paragraphOpen, paragraphClose, headingOpen, headingClose, blockquoteOpen, blockquoteClose
        case bulletListOpen, bulletListClose, orderedListOpen, orderedListClose, listItemOpen, listItemClose
        case codeBlock, fence, hr, htmlBlock, inline, mathBlock, toc, embed
        case tableOpen, tableClose, theadOpen, theadClose, tbodyOpen, tbodyClose, trOpen, trClose
        case thOpen, thClose, tdOpen, tdClose
        case containerOpen, containerClose, rawContainer, alertOpen, alertClose
        case footnoteDefinitionOpen, footnoteDefinitionClose
        // Inline tokens.
        case text, textSpecial, softbreak, hardbreak, codeInline, emOpen, emClose, strongOpen, strongClose
        case strikeOpen, strikeClose, markOpen, markClose, subOpen, subClose, supOpen, supClose, plotOpen, plotClose
        case linkOpen, linkClose, image, htmlInline, mathInline, footnoteRef, inlineFootnote, abbrOpen, abbrClose
        case attributes
    }

    // A token is 48 bytes: the fields up to `storedMap` fill 16. markdown-it's `tag` (the HTML
    // tag the site renders) is not kept: the IR reads the kind, and a heading's level below; as a
    // `String` it made a token 64 bytes, and a table of 50,000 rows' tokens outgrew the largest
    // block glibc keeps in its heap.
    var kind: Kind
    /// 1 opens, -1 closes, 0 is a leaf.
    var nesting: Int8 = 0
    /// markdown-it's tight-list flag on paragraphs.
    var hidden = false
    /// An inline token whose content is plain text, where no inline rule can start: it gets no
    /// children, and the IR takes the content as one text (``IRInlineBuilder/build(text:line:)``).
    var isPlainText = false
    /// A heading opener's level, 1–6 (markdown-it's tag `h1`…`h6`).
    var headingLevel: UInt8 = 0
    /// ``level``: blocks nest at most `maxNesting` deep, so 16 bits hold it.
    private var storedLevel: Int16
    private var storedMap: (start: Int32, end: Int32) = (-1, -1)
    /// The token's text (a block's inline content, a text token's text, a fence's code…), in the
    /// document's ``ParseEnvironment/tokenTexts``: a block rule copies it there from the source,
    /// without making a `String` of it (which would check its UTF-8 again and allocate).
    var content: Text {
        get { storedContent ?? .empty }
        set { storedContent = newValue.isEmpty ? nil : newValue }
    }
    /// Nil for no text: most tokens have none, and the empty text's one storage, shared by every
    /// thread, would be retained and released for each of them.
    private var storedContent: Text?

    /// Empties ``content`` (a delimiter that became markup).
    mutating func removeContent() {
        storedContent = nil
    }
    var children: [Token] = []
    /// The fields few tokens have, in a box that is absent for the rest: a token is 48 bytes, and
    /// an inline run of delimiters makes one per character.
    private var extras: Extras?

    /// ``markup``, ``info``, ``attrs`` and ``number``, changed only while uniquely referenced.
    private final class Extras {
        var markup = ""
        var info = ""
        var attrs: [(String, String)] = []
        var number = 0

        func copy() -> Extras {
            let copy = Extras()
            copy.markup = markup
            copy.info = info
            copy.attrs = attrs
            copy.number = number
            return copy
        }
    }

    /// Nesting depth when pushed (markdown-it's `level`).
    var level: Int {
        get { Int(storedLevel) }
        set { storedLevel = Int16(clamping: newValue) }
    }

    /// The 0-based line range `[start, end)` of a block token; for inline tokens that diagnostics
    /// point at, the line below the block's first and the byte column.
    var map: (start: Int, end: Int)? {
        get { storedMap.start < 0 ? nil : (Int(storedMap.start), Int(storedMap.end)) }
        set { storedMap = newValue.map { (Int32(clamping: $0.start), Int32(clamping: $0.end)) } ?? (-1, -1) }
    }

    /// The characters that made the token, where the IR needs them: a bullet list's marker
    /// (`-`, `*`, `+`) and `autolink` on an autolink's opener (markdown-it sets it on every
    /// token; nothing else reads it, and each one set costs the token its ``Extras`` box).
    var markup: String {
        get { extras?.markup ?? "" }
        set { uniqueExtras().markup = newValue }
    }

    /// The fence's info string, the container's name and title, the list item's number…
    var info: String {
        get { extras?.info ?? "" }
        set { uniqueExtras().info = newValue }
    }

    /// Other attributes by name (`href`, `src`, `title`, `start`, `style`…).
    var attrs: [(String, String)] {
        get { extras?.attrs ?? [] }
        set { uniqueExtras().attrs = newValue }
    }

    /// A number attached by a rule: the ordered list's start, a footnote reference's index…
    var number: Int {
        get { extras?.number ?? 0 }
        set { uniqueExtras().number = newValue }
    }

    init(_ kind: Kind, nesting: Int8 = 0, level: Int = 0) {
        self.kind = kind
        self.nesting = nesting
        storedLevel = Int16(clamping: level)
    }

    private mutating func uniqueExtras() -> Extras {
        if extras == nil {
            extras = Extras()
        } else if !isKnownUniquelyReferenced(&extras) {
            extras = extras!.copy()
        }
        return extras!
    }

    func attr(_ name: String) -> String? { attrs.first { $0.0 == name }?.1 }
}
