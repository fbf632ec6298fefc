/// The `{#id .class key=value}` attributes of a node, as markdown-it-attrs reads them.
public struct Attributes: Sendable, Hashable {
    public var id: String?
    public var classes: [String]
    /// Other attributes in source order (names are never `id` or `class`).
    public var pairs: [(name: String, value: String)]
    /// The names (`id`, `class` and the others) in the order they were first written, as
    /// markdown-it-attrs writes them; empty for attributes made by code. Presentation only: it
    /// takes no part in equality.
    public var writtenOrder: [String] = []

    public init(id: String? = nil, classes: [String] = [], pairs: [(name: String, value: String)] = []) {
        self.id = id
        self.classes = classes
        self.pairs = pairs
    }

    public static let none = Attributes()

    public var isEmpty: Bool { id == nil && classes.isEmpty && pairs.isEmpty }

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
