/// Lines of code as LaTeX, character by character, into UTF-8 (see `LaTeXBodyWriter.codeLine`).
struct CodeLineWriter {
    private(set) var bytes: [UInt8] = []
    /// Still in the line's leading spaces, which must not become break places.
    private var indentation = true
    /// Characters since the last place the line may wrap.
    private var sinceBreak = 0
    private let escapes = TeXText.asciiEscapes
    /// The ASCII bytes that are their own escape (letters, digits, most punctuation): appended as they are.
    private let plain = TeXText.plainASCII

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// One line (UTF-8, without its line feed), from its start: its indentation is kept.
    mutating func addLine(_ line: UnsafeBufferPointer<UInt8>) {
        indentation = true
        sinceBreak = 0
        // A line of ASCII without CR (which pairs with a LF) has one character per byte.
        if line.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            for byte in line { add(ascii: byte) }
            return
        }
        for character in String(decoding: line, as: UTF8.self) {
            if let ascii = character.asciiValue, character.utf8.count == 1 {
                add(ascii: ascii)
            } else {
                add(character)
            }
        }
    }

    /// Markup around the lines, as it is.
    mutating func appendMarkup(_ literal: StaticString) {
        bytes.append(literal)
    }

    mutating func appendMarkup(_ text: String) {
        bytes.appendUTF8(text)
    }

    /// A character that is one ASCII byte: its escape from the table.
    private mutating func add(ascii byte: UInt8) {
        if byte == UInt8(ascii: " ") {
            bytes.append(indentation ? "\\ " : "\\ \\allowbreak{}")
            sinceBreak = 0
            return
        }
        indentation = false
        sinceBreak += 1
        if plain.contains(byte) { bytes.append(byte) } else { bytes += escapes[Int(byte)] }
        if Self.isBreakAfter(byte) || sinceBreak == 20 { allowBreak() }
    }

    /// Any other character, escaped as text; one that escaping leaves as it is (CJK, most
    /// letters: every character of a Chinese comment) is copied without making a string of it.
    private mutating func add(_ character: Character) {
        indentation = false
        sinceBreak += 1
        if TeXText.isKeptAsIs(character) {
            bytes += character.utf8
        } else {
            bytes += TeXText.escaped(String(character)).utf8
        }
        if sinceBreak == 20 { allowBreak() }
    }

    private mutating func allowBreak() {
        bytes.append("\\allowbreak{}")
        sinceBreak = 0
    }

    /// `/ , ; . = ( ) - _ : > ]`: code may wrap after them.
    private static func isBreakAfter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "."), UInt8(ascii: "="), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: ">"), UInt8(ascii: "]"):
            true
        default:
            false
        }
    }
}
