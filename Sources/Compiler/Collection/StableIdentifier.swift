/// A UUID derived from text (RFC 9562 version 8, from two 64-bit FNV-1a hashes): the same
/// title and source always give the same identifier, and no identifier is ever random.
enum StableIdentifier {
    static func uuid(from text: String) -> String {
        let bytes = Array(text.utf8)
        var high = fnv1a(bytes, basis: 0xCBF2_9CE4_8422_2325)
        var low = fnv1a(bytes.reversed(), basis: 0x6C62_272E_07BB_0142)
        high = (high & ~0xF000) | 0x8000  // version 8 in bits 48–51
        low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // variant 10
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        return "\(hex(high >> 32, 8))-\(hex((high >> 16) & 0xFFFF, 4))-\(hex(high & 0xFFFF, 4))-\(hex(low >> 48, 4))-\(hex(low & 0xFFFF_FFFF_FFFF, 12))"
    }

    private static func fnv1a(_ bytes: some Sequence<UInt8>, basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01B3
        }
        return hash
    }
}
