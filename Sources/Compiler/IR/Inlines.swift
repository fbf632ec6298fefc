/// A run of inline nodes: a paragraph's or heading's content, a table cell's, a span's children,
/// a link's text, an image's alt text.
///
/// It is a random-access collection of ``Inline`` like an array, and compares as one. A run that
/// is one text (most paragraphs, headings, table cells, list items and link texts) is stored as
/// that text, without an array: a large book holds hundreds of thousands of such runs, and an
/// array of one element costs an allocation of its own (about 70 bytes with malloc's header).
public struct Inlines: Sendable, Hashable, RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral {
    private enum Storage: Sendable {
        /// Exactly one `.text` node.
        case text(Text)
        /// Any other run (empty included), held to its exact size.
        case nodes([Inline])
    }

    private var storage: Storage

    /// The run `nodes`, stored as one text when it is one.
    public init(_ nodes: [Inline]) {
        if nodes.count == 1, case .text(let text) = nodes[0] {
            storage = .text(text)
        } else {
            storage = .nodes(nodes.withExactCapacity)
        }
    }

    /// A run of one text node.
    public init(text: Text) {
        storage = .text(text)
    }

    public init(arrayLiteral elements: Inline...) {
        self.init(elements)
    }

    public init() {
        storage = .nodes([])
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .text: 1
        case .nodes(let nodes): nodes.count
        }
    }

    public subscript(position: Int) -> Inline {
        get {
            switch storage {
            case .text(let text):
                precondition(position == 0, "Inlines index out of range")
                return .text(text)
            case .nodes(let nodes):
                return nodes[position]
            }
        }
        set {
            switch storage {
            case .text:
                precondition(position == 0, "Inlines index out of range")
                self = Inlines([newValue])
            case .nodes(var nodes):
                storage = .nodes([])  // `nodes` is then the array's only reference: set in place
                nodes[position] = newValue
                storage = .nodes(nodes)
            }
        }
    }

    /// `Sequence.forEach`, switching on the storage once (a `for` loop copies it for every node):
    /// the writers and the IR's walks call it for every run.
    public func forEach(_ body: (Inline) throws -> Void) rethrows {
        switch storage {
        case .text(let text): try body(.text(text))
        case .nodes(let nodes): try nodes.forEach(body)
        }
    }

    /// `Sequence.allSatisfy`, switching on the storage once, like ``forEach(_:)``.
    public func allSatisfy(_ predicate: (Inline) throws -> Bool) rethrows -> Bool {
        switch storage {
        case .text(let text): try predicate(.text(text))
        case .nodes(let nodes): try nodes.allSatisfy(predicate)
        }
    }

    /// The nodes as an array (a new one for a single text).
    public var array: [Inline] {
        switch storage {
        case .text(let text): [.text(text)]
        case .nodes(let nodes): nodes
        }
    }

    public static func == (lhs: Inlines, rhs: Inlines) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.text(let left), .text(let right)): left == right
        case (.nodes(let left), .nodes(let right)): left == right
        default: lhs.elementsEqual(rhs)
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        forEach { hasher.combine($0) }
    }
}
