/// A set of ASCII bytes as two 64-bit masks: a membership test is a shift, with no hashing.
public struct ASCIISet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// The set of the ASCII characters of `characters` (others are ignored).
    public init(_ characters: String) {
        for byte in characters.utf8 where byte < 0x80 {
            if byte < 64 { low |= 1 << byte } else { high |= 1 << (byte - 64) }
        }
    }

    public func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low >> byte & 1 == 1 : byte < 128 ? high >> (byte - 64) & 1 == 1 : false
    }

    public func union(_ characters: String) -> ASCIISet {
        var set = self
        let other = ASCIISet(characters)
        set.low |= other.low
        set.high |= other.high
        return set
    }
}
