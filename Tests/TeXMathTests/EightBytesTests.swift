import Testing
@testable import TeXMath

/// The word tests the escaping loops skip text with, against testing each byte.
@Suite("Eight-byte word tests")
struct EightBytesTests {
    @Test("hasByte(below:), hasByte(_:) and hasNoASCII say what a byte-by-byte look says")
    func againstBytes() {
        var generator = SystemRandomNumberGenerator()
        // Words of bytes near the limits tested (a random byte would rarely be one), random ones, and
        // words of non-ASCII bytes only (eight random bytes rarely are).
        let near: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x3E, 0x3F, 0x40, 0x7F, 0x80, 0x81, 0xBF, 0xEE, 0xEF, 0xF0, 0xFE, 0xFF]
        for round in 0..<20_000 {
            let bytes = (0..<8).map { _ in
                switch round % 4 {
                case 0, 2: near.randomElement(using: &generator)!
                case 1: UInt8.random(in: 0...255, using: &generator)
                default: UInt8.random(in: 0x80...0xFF, using: &generator)
                }
            }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            for limit in [1, 0x20, 0x3F, 0x40, 0x80] as [UInt8] {
                #expect(EightBytes.hasByte(below: limit, in: word) == bytes.contains { $0 < limit })
            }
            for byte in [0x00, 0x3C, 0xEF, 0xFF] as [UInt8] {
                #expect(EightBytes.hasByte(byte, in: word) == bytes.contains(byte))
            }
            #expect(EightBytes.hasNoASCII(word) == bytes.allSatisfy { $0 >= 0x80 })
        }
    }
}
