import Testing
@testable import Compiler

/// The byte-level trims the table and container rules use, against the String trims they replace.
@Suite("Byte trimming")
struct ByteTrimmingTests {
    /// Pieces that make up generated cells: JavaScript's whitespace in every UTF-8 length, text
    /// around it, near misses (U+200B, U+0085, U+3001 are not JS whitespace) and lone bytes of the
    /// whitespace's encodings.
    private static let pieces = [
        " ", "\t", "\u{0B}", "\u{0C}", "\r", "\n", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200A}", "\u{2028}", "\u{2029}",
        "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}", "\u{200B}", "\u{85}", "\u{3001}", "a", "中", "|", "-", ":", "é", "😀",
    ]

    /// Every string of up to three pieces, and longer ones with whitespace on both sides.
    private static var samples: [String] {
        var result = [""]
        for first in pieces {
            result.append(first)
            for second in pieces {
                result.append(first + second)
                for third in pieces { result.append(first + second + third) }
            }
        }
        for (index, piece) in pieces.enumerated() {
            result.append(piece + "表 格" + pieces[(index * 7) % pieces.count] + pieces[(index * 3) % pieces.count])
        }
        return result
    }

    @Test("ArraySlice.jsTrimmed keeps what String.jsTrimmed keeps")
    func jsTrim() {
        var checked = 0
        for sample in Self.samples {
            // A slice that does not start at index 0, as the rules' slices of a document do.
            let bytes = Array(("x" + sample + "y").utf8)
            let slice = bytes[1..<(bytes.count - 1)]
            #expect(Array(slice.jsTrimmed) == Array(sample.jsTrimmed.utf8), "\(sample.unicodeScalars.map { $0.value })")
            checked += 1
        }
        #expect(checked > 17_000)
    }

    @Test("minimalSpacesTrimmed strips only space, tab, CR and LF")
    func minimalTrim() {
        for sample in Self.samples {
            let scalars = Array(sample.unicodeScalars)
            let isMinimal = { (scalar: Unicode.Scalar) in [" ", "\t", "\r", "\n"].contains(scalar) }
            let first = scalars.firstIndex { !isMinimal($0) }
            let expected = first.map { String(String.UnicodeScalarView(scalars[$0...scalars.lastIndex { !isMinimal($0) }!])) } ?? ""
            #expect(String(decoding: Array(sample.utf8)[...].minimalSpacesTrimmed, as: UTF8.self) == expected)
        }
    }
}
