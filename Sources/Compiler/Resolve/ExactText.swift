#if canImport(Glibc)
import Glibc
#endif

/// Text compared and hashed by its UTF-8 bytes, as JavaScript compares the site's anchors and XML
/// compares ids. `String` compares canonical equivalence, and to hash non-ASCII text it normalises
/// it first: a few thousand instructions for a CJK heading, and sets of ids rehash all of theirs as
/// they grow.
public struct ExactText: Hashable, Sendable {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        guard lhs.text.utf8.count == rhs.text.utf8.count else { return false }
        var left = lhs.text
        var right = rhs.text
        return left.withUTF8 { left in right.withUTF8 { right in left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 } }
    }

    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
