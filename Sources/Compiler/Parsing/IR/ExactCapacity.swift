extension Array {
    /// The same elements in a buffer that holds just them. An array built by appending keeps the
    /// room its last doubling made (up to as much again); the IR keeps every article's arrays until
    /// the book is written, so the builders hand over their arrays through this (and the HTML
    /// search index its postings).
    public var withExactCapacity: [Element] {
        guard capacity > count else { return self }
        if isEmpty { return [] }
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}
