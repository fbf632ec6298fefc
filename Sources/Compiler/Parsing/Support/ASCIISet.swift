/// A set of ASCII bytes as two 64-bit masks: a membership test is a shift, with no hashing.
public struct ASCIISet: Sendable {
    @usableFromInline var low: UInt64 = 0
    @usableFromInline var high: UInt64 = 0

    /// The set of the ASCII characters of `characters` (others are ignored).
    public init(_ characters: String) {
        for byte in characters.utf8 where byte < 0x80 {
            if byte < 64 { low |= 1 << byte } else { high |= 1 << (byte - 64) }
        }
    }

    /// Inlinable: the backends test every byte of the URLs they write.
    @inlinable
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

extension Unicode.Scalar {
    /// Unicode's White_Space property (what `Character.isWhitespace` asks of a character's first
    /// scalar), from its fixed list instead of the property tables.
    public var isWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
