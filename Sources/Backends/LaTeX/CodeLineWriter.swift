import Compiler

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
        // Simple scalars (printable ASCII, Han, CJK punctuation, full-width forms) between two
        // simple scalars are characters of their own (no grapheme rule joins two of them), so
        // they are added a scalar at a time; the rest, which then starts and ends next to a
        // simple scalar, on a character boundary, is added a `Character` at a time. Most of the
        // code of a Chinese book is ASCII with Chinese comments: decoding every such line into
        // characters was two thirds of writing its code blocks.
        func scalar(at start: Int) -> (start: Int, length: Int, isSimple: Bool) {
            // Past the end: the line's end is a character boundary, as a simple scalar's edge is.
            guard start < line.count else { return (start, 0, true) }
            let (value, length) = UTF8Scalars.scalar(in: line, at: start)
            return (start, length, Self.isSimple(value))
        }
        var previousIsSimple = true  // the line's start is a boundary too
        var current = scalar(at: 0)
        var slowStart: Int?
        while current.start < line.count {
            let next = scalar(at: current.start + current.length)
            if current.isSimple && previousIsSimple && next.isSimple {
                if let start = slowStart {
                    addCharacters(UnsafeBufferPointer(rebasing: line[start..<current.start]))
                    slowStart = nil
                }
                if current.length == 1 {
                    add(ascii: line[current.start])
                } else {
                    addKept(UnsafeBufferPointer(rebasing: line[current.start..<(current.start + current.length)]))
                }
            } else if slowStart == nil {
                slowStart = current.start
            }
            previousIsSimple = current.isSimple
            current = next
        }
        if let start = slowStart { addCharacters(UnsafeBufferPointer(rebasing: line[start...])) }
    }

    /// Adds UTF-8 text a `Character` at a time.
    private mutating func addCharacters(_ text: UnsafeBufferPointer<UInt8>) {
        for character in String(decoding: text, as: UTF8.self) {
            if let ascii = character.asciiValue, character.utf8.count == 1 {
                add(ascii: ascii)
            } else {
                add(character)
            }
        }
    }

    /// Whether a scalar is printable ASCII, or one that escaping keeps as it is and that no
    /// grapheme rule joins to a neighbour: Han, CJK punctuation up to 】, full-width forms.
    private static func isSimple(_ value: UInt32) -> Bool {
        switch value {
        case 0x20...0x7E, 0x3000...0x3011, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: true
        default: false
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

    /// Adds a character that escaping keeps as it is (``isSimple(_:)``, not ASCII), as its UTF-8.
    private mutating func addKept(_ utf8: UnsafeBufferPointer<UInt8>) {
        indentation = false
        sinceBreak += 1
        bytes.append(contentsOf: utf8)
        if sinceBreak == 20 { allowBreak() }
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
