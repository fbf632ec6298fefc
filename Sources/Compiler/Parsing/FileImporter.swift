/// Reads files an article imports (`@[code](./f.js)`, `@[demo](./x.vue)`), confined to the source
/// root. The collection layer provides it; the parser never touches the file system itself.
public struct FileImporter: Sendable {
    /// The outcome of reading an imported file.
    public enum Result: Sendable {
        case text(String, file: String)
        case missing
        case outside
        case notText
    }

    private let read: @Sendable (_ path: String) -> Result

    public init(read: @escaping @Sendable (_ path: String) -> Result) {
        self.read = read
    }

    /// Reads `path` (relative to the importing article, or a site path).
    public func callAsFunction(_ path: String) -> Result { read(path) }
}
