/// A block-level node of an article: what a backend walks to write a chapter.
///
/// Backends switch over ``Kind`` exhaustively, so a new kind of block breaks every backend's
/// build until it is handled.
public struct Block: Sendable, Hashable {
    public var kind: Kind
    public var attributes: Attributes
    public var position: SourcePosition

    public init(_ kind: Kind, attributes: Attributes = .none, position: SourcePosition = .unknown) {
        self.kind = kind
        self.attributes = attributes
        self.position = position
    }

    /// What a block is. The common kinds (paragraphs, headings) are stored in place; the large
    /// ones are boxed (`indirect`), so a block stays small and most need no extra allocation.
    public enum Kind: Sendable, Hashable {
        /// A paragraph. `hidden` is markdown-it's tight-list flag: the site renders no `<p>` for it.
        case paragraph(Inlines, hidden: Bool)
        /// A heading of level 1–6; its anchor is `attributes.id` once resolved.
        case heading(content: Inlines, level: UInt8)
        case thematicBreak
        case blockQuote([Block])
        indirect case list(List)
        indirect case code(CodeBlock)
        /// Raw HTML as written: only the `fragment` renderer's options keep it; the book's options
        /// turn it into ordinary blocks (see `HTMLConverter`).
        case html(String)
        indirect case table(Table)
        indirect case container(Container)
        /// Display math (`$$…$$`, ```` ```math ````).
        indirect case math(Formula)
        /// `[[TOC]]`: a table of contents of the article at this point.
        case tableOfContents
    }
}

/// An ordered or bullet list.
public struct List: Sendable, Hashable {
    /// The start number of an ordered list, `nil` for a bullet list.
    public var start: Int?
    /// The marker character: `-`, `+`, `*`, `.` or `)`.
    public var marker: UInt8
    /// A tight list's paragraphs are `hidden`.
    public var isTight: Bool
    public var items: [ListItem]

    public init(start: Int?, marker: UInt8, isTight: Bool, items: [ListItem]) {
        self.start = start
        self.marker = marker
        self.isTight = isTight
        self.items = items
    }

    public var isOrdered: Bool { start != nil }
}

/// One item of a ``List``.
public struct ListItem: Sendable, Hashable {
    // The blocks first: `task` then fits in the byte after them (an item is 64 bytes, not 72).
    private var storage: Body
    /// `true`/`false` for a task-list item (`- [x]`/`- [ ]`), `nil` otherwise.
    public var task: Bool?
    public var attributes: Attributes
    public var position: SourcePosition

    /// The item's blocks. Most items hold one (a tight item's paragraph), which is kept in the
    /// item itself: an array of one block would cost an allocation of its own per item.
    public var blocks: [Block] {
        get {
            switch storage {
            case .one(let block): [block]
            case .many(let blocks): blocks
            }
        }
        set { storage = Body(newValue) }
    }

    public init(task: Bool? = nil, blocks: [Block], attributes: Attributes = .none, position: SourcePosition = .unknown) {
        self.task = task
        self.attributes = attributes
        self.position = position
        storage = Body(blocks)
    }

    /// Whether every block satisfies `predicate`, stopping at the first that does not; no array
    /// is made for an item of one block (the IR's walks run once per article in every backend).
    func allBlocksSatisfy(_ predicate: (Block) -> Bool) -> Bool {
        switch storage {
        case .one(let block): predicate(block)
        case .many(let blocks): blocks.allSatisfy(predicate)
        }
    }

    /// The blocks, one of them held in place (always so when there is one, so equal items are
    /// stored alike).
    private enum Body: Sendable, Hashable {
        case one(Block)
        case many([Block])

        init(_ blocks: [Block]) {
            self = blocks.count == 1 ? .one(blocks[0]) : .many(blocks)
        }
    }
}

/// A fenced or indented code block, with the fence's meta data.
public struct CodeBlock: Sendable, Hashable {
    /// The whole info string after the fence (empty for indented code).
    public var info: String
    /// The language: the first word of the info string.
    public var language: String?
    public var code: Text
    /// `true` for a fenced block (the site renders the info string's language class only for those).
    public var isFenced: Bool
    /// The title, marked lines and line numbering, which few blocks have: boxed, so that a block
    /// without them (most of a book's) keeps no room for them.
    private var notes: Boxed<Notes>?

    public init(info: String = "", language: String? = nil, title: String? = nil, highlightedLines: [Int] = [],
                lineNumbers: Bool? = nil, code: Text, isFenced: Bool) {
        self.info = info
        self.language = language
        self.code = code
        self.isFenced = isFenced
        updateNotes {
            $0.title = title
            $0.highlightedLines = highlightedLines
            $0.lineNumbers = lineNumbers
        }
    }

    /// `title="a.ts"` or `[a.ts]` in the info string.
    public var title: String? {
        get { notes?.value.title }
        set { updateNotes { $0.title = newValue } }
    }

    /// 1-based line numbers from `{1,4-6}`.
    public var highlightedLines: [Int] {
        get { notes?.value.highlightedLines ?? [] }
        set { updateNotes { $0.highlightedLines = newValue } }
    }

    /// Lines marked by Shiki notation comments (`// [!code ++]`), which are removed from ``code``.
    public var lineMarks: [Int: CodeLineMark] {
        get { notes?.value.lineMarks ?? [:] }
        set { updateNotes { $0.lineMarks = newValue } }
    }

    /// `:line-numbers` (`true`), `:no-line-numbers` (`false`), or unset.
    public var lineNumbers: Bool? {
        get { notes?.value.lineNumbers }
        set { updateNotes { $0.lineNumbers = newValue } }
    }

    private struct Notes: Sendable, Hashable {
        var title: String?
        var highlightedLines: [Int] = []
        var lineMarks: [Int: CodeLineMark] = [:]
        var lineNumbers: Bool?
    }

    private mutating func updateNotes(_ change: (inout Notes) -> Void) {
        var updated = notes?.value ?? Notes()
        change(&updated)
        notes = updated == Notes() ? nil : Boxed(updated)
    }
}

/// A value kept in a box of its own: a rarely set part of an IR node, which then costs the node
/// one pointer.
indirect enum Boxed<Value: Sendable & Hashable>: Sendable, Hashable {
    case boxed(Value)

    init(_ value: Value) {
        self = .boxed(value)
    }

    var value: Value {
        switch self {
        case .boxed(let value): value
        }
    }
}

/// How a notation comment marks a line of code.
public enum CodeLineMark: String, Sendable, Hashable {
    case added, removed, highlighted, focused, error, warning
}

/// A GFM table.
///
/// Cells may span (`{colspan=2 rowspan=3}` in a body cell, as @mdit/plugin-attrs reads it): a body
/// row then holds only the cells that start in it, as in HTML, and each cell's
/// ``TableCell/columnSpan`` and ``TableCell/rowSpan`` say what it covers.
public struct Table: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable { case none, left, center, right }

    public var alignments: [Alignment]
    public internal(set) var header: [TableCell]
    /// The body's cells, row after row, in one array (an array a row cost a book of 10,000
    /// articles 100,000 allocations).
    public internal(set) var bodyCells: [TableCell]
    /// Where each body row ends in ``bodyCells``; empty when every row is as wide as the header
    /// (a table without spans).
    private let rowEnds: [Int]
    private let rowCount: Int

    public init(alignments: [Alignment], header: [TableCell], rows: [[TableCell]]) {
        self.alignments = alignments
        self.header = header
        var cells: [TableCell] = []
        cells.reserveCapacity(rows.reduce(0) { $0 + $1.count })
        for row in rows { cells += row }
        bodyCells = cells
        rowCount = rows.count
        if !header.isEmpty && rows.allSatisfy({ $0.count == header.count }) {
            rowEnds = []
        } else {
            var ends: [Int] = []
            ends.reserveCapacity(rows.count)
            for row in rows { ends.append((ends.last ?? 0) + row.count) }
            rowEnds = ends
        }
    }

    /// Where each body row's cells are in ``bodyCells``.
    public var rowRanges: [Range<Int>] {
        (0..<rowCount).map { row in
            rowEnds.isEmpty ? (row * header.count)..<((row + 1) * header.count) : (row == 0 ? 0 : rowEnds[row - 1])..<rowEnds[row]
        }
    }

    /// The body rows (made from ``bodyCells`` each time: a writer takes them once a table).
    public var rows: [[TableCell]] {
        rowRanges.map { Array(bodyCells[$0]) }
    }
}

/// One cell of a ``Table``.
public struct TableCell: Sendable, Hashable {
    public var content: Inlines
    public var attributes: Attributes

    public init(content: Inlines, attributes: Attributes = .none) {
        self.content = content
        self.attributes = attributes
    }

    /// How many columns the cell covers: its `colspan` attribute, which the frontend has fitted
    /// to the table (1 when absent).
    public var columnSpan: Int { Self.span(attributes["colspan"]) }

    /// How many rows the cell covers: its `rowspan` attribute (1 when absent).
    public var rowSpan: Int { Self.span(attributes["rowspan"]) }

    private static func span(_ value: String?) -> Int {
        guard let value, let number = Int(value), number > 1 else { return 1 }
        return min(number, 1_000)
    }
}

/// A `:::` container or a GitHub alert.
public struct Container: Sendable, Hashable {
    public var kind: ContainerKind
    /// The title after the name, as written (`nil` when absent: backends use the kind's default).
    public var title: Inlines?
    /// The body. For `tabs`/`code-tabs` it is one ``Block/Kind/container(_:)`` of kind `tab` per `@tab`.
    public var body: [Block]
    /// The body of a raw container (`file-tree`, `field`, …), which is not Markdown.
    public var rawBody: String?

    public init(kind: ContainerKind, title: Inlines?, body: [Block], rawBody: String? = nil) {
        self.kind = kind
        self.title = title
        self.body = body
        self.rawBody = rawBody
    }
}
