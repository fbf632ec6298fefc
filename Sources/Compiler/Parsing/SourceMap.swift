/// Where each line of an expanded document came from: the article itself, or a file it included.
/// Includes are expanded before parsing (as the site does), so diagnostics map back through this.
public struct SourceMap: Sendable, Hashable {
    /// A run of consecutive expanded lines taken from one file.
    public struct Segment: Sendable, Hashable {
        /// First expanded line (0-based) of the run.
        public var start: Int
        /// The file (relative to the source root) and its 1-based line for `start`.
        public var file: String
        public var fileLine: Int
        /// For included text: the article line of the `@include` that brought it (1-based).
        public var includedAt: Int?
    }

    public private(set) var segments: [Segment] = []

    public init() {}

    /// A document that is one file, starting at `firstLine`.
    public init(file: String, firstLine: Int) {
        segments = [Segment(start: 0, file: file, fileLine: firstLine, includedAt: nil)]
    }

    mutating func append(start: Int, file: String, fileLine: Int, includedAt: Int?) {
        segments.append(Segment(start: start, file: file, fileLine: fileLine, includedAt: includedAt))
    }

    /// The file and 1-based line of expanded line `line` (0-based).
    public func origin(of line: Int) -> (file: String, line: Int, includedAt: Int?) {
        var low = 0
        var high = segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if segments[middle].start <= line { low = middle } else { high = middle - 1 }
        }
        let segment = segments[low]
        return (segment.file, segment.fileLine + line - segment.start, segment.includedAt)
    }
}
