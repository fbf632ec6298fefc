/// The `{#id .class key=value}` attributes of a node, as markdown-it-attrs reads them.
///
/// Most blocks and spans have none, so the values live in a shared box that is absent then: an
/// empty `Attributes` is one word, not five (the IR of a large book holds millions of them).
public struct Attributes: Sendable, Hashable {
    /// The values, changed only while uniquely referenced (copied on write).
    private final class Storage: @unchecked Sendable {
        var id: String?
        var classes: [String]
        var pairs: [(name: String, value: String)]
        var writtenOrder: [String]

        init(id: String?, classes: [String], pairs: [(name: String, value: String)], writtenOrder: [String]) {
            self.id = id
            self.classes = classes
            self.pairs = pairs
            self.writtenOrder = writtenOrder
        }

        func copy() -> Storage { Storage(id: id, classes: classes, pairs: pairs, writtenOrder: writtenOrder) }
    }

    private var storage: Storage?

    public var id: String? {
        get { storage?.id }
        set { uniqueStorage().id = newValue }
    }

    public var classes: [String] {
        get { storage?.classes ?? [] }
        set { uniqueStorage().classes = newValue }
    }

    /// Other attributes in source order (names are never `id` or `class`).
    public var pairs: [(name: String, value: String)] {
        get { storage?.pairs ?? [] }
        set { uniqueStorage().pairs = newValue }
    }

    /// The names (`id`, `class` and the others) in the order they were first written, as
    /// markdown-it-attrs writes them; empty for attributes made by code. Presentation only: it
    /// takes no part in equality.
    public var writtenOrder: [String] {
        get { storage?.writtenOrder ?? [] }
        set { uniqueStorage().writtenOrder = newValue }
    }

    public init(id: String? = nil, classes: [String] = [], pairs: [(name: String, value: String)] = []) {
        if id != nil || !classes.isEmpty || !pairs.isEmpty {
            storage = Storage(id: id, classes: classes, pairs: pairs, writtenOrder: [])
        }
    }

    private mutating func uniqueStorage() -> Storage {
        if storage == nil {
            storage = Storage(id: nil, classes: [], pairs: [], writtenOrder: [])
        } else if !isKnownUniquelyReferenced(&storage) {
            storage = storage!.copy()
        }
        return storage!
    }

    public static let none = Attributes()

    public var isEmpty: Bool { storage == nil || id == nil && classes.isEmpty && pairs.isEmpty }

    /// The value of the attribute `name`, if present.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    public static func == (lhs: Attributes, rhs: Attributes) -> Bool {
        lhs.id == rhs.id && lhs.classes == rhs.classes
            && lhs.pairs.map(\.name) == rhs.pairs.map(\.name)
            && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(classes)
        for pair in pairs {
            hasher.combine(pair.name)
            hasher.combine(pair.value)
        }
    }
}
