import Testing
@testable import Compiler

/// The language guess's character counts, made over UTF-8 bytes, against counting scalar by scalar.
@Suite("Script counts")
struct ScriptCountsTests {
    private static func byScalars(_ text: String) -> ScriptCounts {
        var counts = ScriptCounts()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x4E00...0x9FFF, 0x3400...0x4DBF: counts.han += 1
            case 0x3040...0x30FF: counts.kana += 1
            case 0xAC00...0xD7AF: counts.hangul += 1
            case 0x41...0x5A, 0x61...0x7A: counts.latin += 1
            default: break
            }
        }
        return counts
    }

    @Test("random text of every script, and the ranges' edges, count as scalar by scalar")
    func againstScalars() {
        // The ranges' first and last characters and their neighbours, and characters of other lengths.
        let edges: [UInt32] = [0x3FF, 0x303F, 0x3040, 0x30FF, 0x3100, 0x33FF, 0x3400, 0x4DBF, 0x4DC0, 0x4DFF, 0x4E00, 0x9FFF, 0xA000,
                               0xABFF, 0xAC00, 0xD7AF, 0xD7B0, 0xFFFD, 0x1F600, 0x20000, 0x40, 0x41, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0xE9]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<3_000 {
            let text = String(String.UnicodeScalarView((0..<Int.random(in: 0..<30, using: &generator)).compactMap { _ in
                round % 2 == 0 ? Unicode.Scalar(edges.randomElement(using: &generator)!)
                    : Unicode.Scalar(UInt32.random(in: 0...0xFFFF, using: &generator))
            }))
            var counts = ScriptCounts()
            counts.count(text)
            #expect(counts == Self.byScalars(text), "\(text.debugDescription)")
        }
    }
}
