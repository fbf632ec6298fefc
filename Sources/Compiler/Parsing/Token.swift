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

    var kind: Kind
    /// The HTML tag the site renders (`h2`, `ol`, `td`…), where it varies.
    var tag: String = ""
    /// 1 opens, -1 closes, 0 is a leaf.
    var nesting: Int8 = 0
    /// The 0-based line range `[start, end)` of a block token.
    var map: (start: Int, end: Int)?
    var content: String = ""
    /// The characters that made the token (`*`, `~~`, `-`, the fence…).
    var markup: String = ""
    /// The fence's info string, the container's name and title, the list item's number…
    var info: String = ""
    /// Other attributes by name (`href`, `src`, `title`, `start`, `style`…).
    var attrs: [(String, String)] = []
    var children: [Token] = []
    /// markdown-it's tight-list flag on paragraphs.
    var hidden = false
    /// A number attached by a rule: the ordered list's start, a footnote reference's index…
    var number = 0
    /// Nesting depth when pushed (markdown-it's `level`).
    var level = 0

    init(_ kind: Kind, tag: String = "", nesting: Int8 = 0, level: Int = 0) {
        self.kind = kind
        self.tag = tag
        self.nesting = nesting
        self.level = level
    }

    func attr(_ name: String) -> String? { attrs.first { $0.0 == name }?.1 }
}
