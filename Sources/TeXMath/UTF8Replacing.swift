/// Rewriting text over its UTF-8 bytes: the loop under TeX text escaping here and the backends'
/// XML escaping (`XMLText`), which differ only in what replaces which bytes.
public enum UTF8Replacing {
    /// `text` with `rules`' replacements. Text with nothing replaced is returned as it is, without
    /// a copy. Generic and inlinable, so the loop is compiled for each rule type with its tests in
    /// it (as closures they were called through a pointer at every byte).
    @inlinable
    public static func replacing<Rules: UTF8Replacements>(in text: String, _ rules: Rules) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            guard write(bytes, rules, into: &out, reserving: true) else { return nil }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// Appends `text` with `rules`' replacements to `out` (a document being written), with no
    /// string in between.
    @inlinable
    public static func append<Rules: UTF8Replacements>(_ text: String, _ rules: Rules, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, rules, to: &out) }
    }

    /// Appends UTF-8 `bytes` (whole characters) with `rules`' replacements to `out`.
    @inlinable
    public static func append<Rules: UTF8Replacements>(_ bytes: UnsafeBufferPointer<UInt8>, _ rules: Rules, to out: inout [UInt8]) {
        if !write(bytes, rules, into: &out, reserving: false) { out.append(contentsOf: bytes) }
    }

    /// Appends `bytes` with the replacements to `out` if there is one to make (and returns true);
    /// else appends nothing. `reserving` sizes a fresh `out` for the text at the first replacement
    /// (a growing document is left to grow by doubling).
    @inlinable
    static func write<Rules: UTF8Replacements>(_ bytes: UnsafeBufferPointer<UInt8>, _ rules: Rules, into out: inout [UInt8],
                                               reserving: Bool) -> Bool {
        var copied = 0
        var index = 0
        var replaced = false
        // Eight bytes at a time where the rules can tell none of them needs work; the eight of a
        // word that may are then tested one by one.
        var testedAsWords = 0
        while index < bytes.count {
            if index >= testedAsWords, index + 8 <= bytes.count {
                if !rules.mayNeedWork(eightBytes: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                testedAsWords = index + 8
            }
            guard rules.mayNeedWork(bytes[index]), let (replacing, length) = rules.replacement(in: bytes, at: index) else {
                index += 1
                continue
            }
            if !replaced, reserving { out.reserveCapacity(bytes.count + 32) }
            replaced = true
            out.append(contentsOf: bytes[copied..<index])
            out.append(contentsOf: UnsafeBufferPointer(start: replacing.utf8Start, count: replacing.utf8CodeUnitCount))
            index += length
            copied = index
        }
        guard replaced else { return false }
        out.append(contentsOf: bytes[copied...])
        return true
    }
}

/// What ``UTF8Replacing/replacing(in:_:)`` replaces.
public protocol UTF8Replacements {
    /// Whether a replacement may start at this byte: a quick test, false for most bytes.
    func mayNeedWork(_ byte: UInt8) -> Bool
    /// Whether a replacement may start at any of these eight bytes (a word loaded from the text):
    /// false only when ``mayNeedWork(_:)`` is false for each of them.
    func mayNeedWork(eightBytes: UInt64) -> Bool
    /// The text that replaces how many bytes from `index` (empty text drops them), or nil to keep the byte.
    func replacement(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (text: StaticString, length: Int)?
}

extension UTF8Replacements {
    /// No word test: every byte is tested on its own.
    @inlinable
    public func mayNeedWork(eightBytes: UInt64) -> Bool { true }
}

/// Word tests over eight bytes at once (the classic bit tricks).
public enum EightBytes {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether one of the bytes of `word` is below `limit` (at most 128).
    @inlinable
    public static func hasByte(below limit: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highBits != 0
    }

    /// Whether no byte of `word` is ASCII (each is 0x80 or above: inside UTF-8 text, all of them
    /// belong to characters beyond ASCII, such as CJK text).
    @inlinable
    public static func hasNoASCII(_ word: UInt64) -> Bool {
        word & highBits == highBits
    }

    /// Whether one of the bytes of `word` is `byte`.
    @inlinable
    public static func hasByte(_ byte: UInt8, in word: UInt64) -> Bool {
        hasByte(below: 1, in: word ^ (ones &* UInt64(byte)))
    }
}

/// A set of byte values, as four words of bits: a test is a shift and a mask.
public struct ByteSet: Sendable {
    @usableFromInline let words: (UInt64, UInt64, UInt64, UInt64)

    public init(_ contains: (UInt8) -> Bool) {
        var words: [UInt64] = [0, 0, 0, 0]
        for value in 0...255 where contains(UInt8(value)) { words[value >> 6] |= 1 << UInt64(value & 63) }
        self.words = (words[0], words[1], words[2], words[3])
    }

    @inlinable
    public func contains(_ byte: UInt8) -> Bool {
        let word = switch byte >> 6 {
        case 0: words.0
        case 1: words.1
        case 2: words.2
        default: words.3
        }
        return word >> UInt64(byte & 63) & 1 != 0
    }
}
