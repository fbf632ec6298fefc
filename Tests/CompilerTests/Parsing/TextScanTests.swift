import Testing
@testable import Compiler

/// The text scans that pass over eight bytes at a time (`TextRule`'s terminators, the autolink
/// pre-check) against a look at one byte at a time.
@Suite("Word-at-a-time text scans")
struct TextScanTests {
    /// Texts of CJK runs (words of non-ASCII bytes only), ASCII letters, and the bytes the scans
    /// look for, in pieces that put them at every offset of a word.
    private static func texts() -> [String] {
        let alphabet = ["中文字", "知识库", "é", "a", "w", "ww", ":", "/", ".", "@", "*", "_", "$", "`", "[", "\n", " ", "~", "-"]
        var generator = SystemRandomNumberGenerator()
        return (0..<3_000).map { _ in
            (0..<Int.random(in: 0..<30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
        }
    }

    @Test("the first terminator and whether there is one, as a byte-by-byte scan finds them")
    func terminators() {
        for text in Self.texts() {
            let bytes = Array(text.utf8)
            #expect(TextRule.mayHoldMarkup(Text(text)) == bytes.contains(where: TextRule.isTerminator), "\(text.debugDescription)")
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    let expected = bytes[start...].firstIndex(where: TextRule.isTerminator) ?? bytes.count
                    #expect(TextRule.firstTerminator(in: buffer, from: start, to: bytes.count) == expected, "\(text.debugDescription) from \(start)")
                }
            }
        }
    }

    @Test("the autolink pre-check says what a byte-by-byte look for @, :/ and w. says")
    func autolinkCandidates() {
        for text in Self.texts() {
            let bytes = Array(text.utf8)
            let expected = bytes.indices.contains { index in
                bytes[index] == UInt8(ascii: "@")
                    || (index > 0 && bytes[index] == UInt8(ascii: "/") && bytes[index - 1] == UInt8(ascii: ":"))
                    || (index > 0 && bytes[index] == UInt8(ascii: ".") && bytes[index - 1] == UInt8(ascii: "w"))
            }
            #expect(ExtendedAutolinks.mayContainLink(text) == expected, "\(text.debugDescription)")
        }
    }
}
