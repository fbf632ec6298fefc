import Foundation

/// A piece of an article's text in the IR: UTF-8 bytes in a ``TextStorage``.
///
/// The parser puts every text of an article into one storage (``TextArena``), so a text costs
/// 16 bytes and no allocation of its own; a `String` of more than 15 bytes is an allocation with a
/// 32-byte header, and a book's IR held about sixty of them per article. A text made from a
/// `String` (a literal, or text a later pass writes) has a storage of its own.
///
/// Texts compare and hash by their bytes, like the strings they replace.
///
/// The storage is never nil, not even for the empty text (``empty``, one storage for all): an
/// optional storage takes the spare values of the reference that enums holding a text use for
/// their cases, and ``Inlines`` and ``Inline`` grew from 16 to 17 bytes with it.
public struct Text: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    private let storage: TextStorage
    private let start: UInt32
    private let count: UInt32

    fileprivate init(storage: TextStorage, start: Int, count: Int) {
        self.storage = storage
        self.start = UInt32(start)
        self.count = UInt32(count)
    }

    /// The empty text.
    public static let empty = Text(storage: TextStorage(ContiguousArray()), start: 0, count: 0)

    /// The empty text.
    public init() {
        self = .empty
    }

    /// The text of `string`, in a storage of its own.
    public init(_ string: String) {
        guard !string.isEmpty else {
            self = .empty
            return
        }
        let storage = TextStorage(ContiguousArray(string.utf8))
        self.init(storage: storage, start: 0, count: min(storage.bytes.count, Int(UInt32.max)))
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The text as a `String` (a new one: backends write ``withUTF8(_:)`` instead where they can).
    public var string: String {
        withUTF8 { String(decoding: $0, as: UTF8.self) }
    }

    public var description: String { string }

    /// The length in UTF-8 bytes.
    public var utf8Count: Int { Int(count) }

    public var isEmpty: Bool { count == 0 }

    /// The first and last UTF-8 bytes, nil for an empty text.
    public var firstByte: UInt8? { withUTF8 { $0.first } }
    public var lastByte: UInt8? { withUTF8 { $0.last } }

    /// Calls `body` with the text's UTF-8 bytes, valid only during the call.
    @inline(__always)
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try storage.bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[Int(start)..<Int(start + count)]))
        }
    }

    /// The first `length` bytes (whole characters), sharing this text's storage.
    public func prefix(utf8Count length: Int) -> Text {
        precondition(length >= 0 && length <= utf8Count, "Text prefix out of range")
        return Text(storage: storage, start: Int(start), count: length)
    }

    /// The text without its first `length` bytes (whole characters), sharing this text's storage.
    public func dropFirst(utf8Count length: Int) -> Text {
        precondition(length >= 0 && length <= utf8Count, "Text suffix out of range")
        return Text(storage: storage, start: Int(start) + length, count: utf8Count - length)
    }

    public static func == (lhs: Text, rhs: Text) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.storage === rhs.storage && lhs.start == rhs.start { return true }
        return lhs.withUTF8 { left in rhs.withUTF8 { right in left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 } }
    }

    public func hash(into hasher: inout Hasher) {
        withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// The bytes texts point into. Only a ``TextArena`` appends to one, while its parser builds an
/// article, before any other thread can see the texts; after that it never changes, which is why
/// it can be shared between threads.
final class TextStorage: @unchecked Sendable {
    fileprivate var bytes: ContiguousArray<UInt8>

    fileprivate init(_ bytes: ContiguousArray<UInt8>) {
        self.bytes = bytes
    }
}

/// Where a parser puts an article's texts: one ``TextStorage`` that grows as texts are added,
/// trimmed to its size by ``finish()``.
final class TextArena {
    private var storage: TextStorage

    /// An arena with room for `capacity` bytes (the article's size: its texts are about as long).
    init(capacity: Int) {
        var bytes = ContiguousArray<UInt8>()
        bytes.reserveCapacity(capacity)
        storage = TextStorage(bytes)
    }

    func text(_ string: String) -> Text {
        var string = string
        return string.withUTF8 { text($0) }
    }

    func text(_ bytes: ArraySlice<UInt8>) -> Text {
        bytes.withUnsafeBufferPointer { text($0) }
    }

    func text(_ other: Text) -> Text {
        other.withUTF8 { text($0) }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) -> Text {
        guard !bytes.isEmpty else { return .empty }
        // A storage holds up to 4 GiB (its offsets are 32-bit): past that a new one is started,
        // and a single text is cut there.
        let bytes = UnsafeBufferPointer(rebasing: bytes.prefix(Int(UInt32.max)))
        if storage.bytes.count + bytes.count > Int(UInt32.max) { storage = TextStorage(ContiguousArray()) }
        let start = storage.bytes.count
        storage.bytes.append(contentsOf: bytes)
        return Text(storage: storage, start: start, count: bytes.count)
    }

    /// A text made of pieces: `build` appends them to the storage's bytes, at most `capacity`
    /// bytes in all (a text past the 4 GiB of a storage's offsets is cut there).
    func text(capacity: Int, _ build: (inout ContiguousArray<UInt8>) -> Void) -> Text {
        if storage.bytes.count + capacity > Int(UInt32.max) { storage = TextStorage(ContiguousArray()) }
        let start = storage.bytes.count
        build(&storage.bytes)
        let count = min(storage.bytes.count - start, Int(UInt32.max) - start)
        return count == 0 ? .empty : Text(storage: storage, start: start, count: count)
    }

    /// Gives back the room the texts did not use: the storage is kept as long as the IR.
    func finish() {
        let bytes = storage.bytes
        guard bytes.capacity > bytes.count else { return }
        storage.bytes = ContiguousArray(unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: bytes)
        }
    }
}
