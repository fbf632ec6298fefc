import Testing
@testable import Compiler

/// `HTMLSyntax.find` (which jumps between candidates with `memchr`) against a plain scan.
@Suite("Literal search")
struct LiteralSearchTests {
    /// The first start of `literal` in `bytes[from..<end]`, one position at a time.
    private static func scan(_ bytes: [UInt8], _ from: Int, _ end: Int, _ literal: [UInt8]) -> Int? {
        var pos = from
        while pos + literal.count <= end {
            if bytes[pos..<(pos + literal.count)].elementsEqual(literal) { return pos }
            pos += 1
        }
        return nil
    }

    @Test("every window of generated texts gives the scan's answer")
    func matchesScan() {
        // Texts of near misses: the literals' first bytes and prefixes, cut off at the ends too.
        let alphabet: [[UInt8]] = ["-", "->", "-->", "]", "]]", "]]>", "$", "$$", "@include", "@include:", "中", "a", "\n"].map { Array($0.utf8) }
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for _ in 0..<400 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<24, using: &generator) { bytes += alphabet.randomElement(using: &generator)! }
            for from in stride(from: 0, through: bytes.count, by: 3) {
                for end in stride(from: from, through: bytes.count, by: 2) {
                    #expect(HTMLSyntax.find(bytes, from, end, "-->") == Self.scan(bytes, from, end, Array("-->".utf8)))
                    #expect(HTMLSyntax.find(bytes, from, end, "]]>") == Self.scan(bytes, from, end, Array("]]>".utf8)))
                    #expect(HTMLSyntax.find(bytes, from, end, "$$") == Self.scan(bytes, from, end, Array("$$".utf8)))
                    #expect(HTMLSyntax.find(bytes, from, end, "@include:") == Self.scan(bytes, from, end, Array("@include:".utf8)))
                    checked += 1
                }
            }
        }
        #expect(checked > 10_000)
    }
}
