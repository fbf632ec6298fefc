#if canImport(Glibc)
import Glibc
#endif

/// markdown-it's `StateBlock`: the source bytes with a precomputed line table, the block
/// parser's cursor and the tokens it has pushed.
final class BlockState {
    let src: [UInt8]
    let parser: BlockParser
    var options: MarkdownOptions { parser.options }
    let env: ParseEnvironment
    var tokens: [Token] = []

    /// Line starts, line ends (before `\n`), bytes of indentation, indentation in columns
    /// (tabs expanded), and the column offset of the line's start inside its block.
    var bMarks: [Int] = []
    var eMarks: [Int] = []
    var tShift: [Int] = []
    var sCount: [Int] = []
    var bsCount: [Int] = []

    /// The indentation of the current block (list items raise it).
    var blkIndent = 0
    var line = 0
    var lineMax = 0
    var tight = false
    /// Indent of the current list item's content, -1 outside lists.
    var listIndent = -1
    var parentType: ParentType = .root
    var level = 0

    enum ParentType { case root, blockquote, list, paragraph, reference, table, container, footnote, alert }

    init(src: [UInt8], parser: BlockParser, env: ParseEnvironment) {
        self.src = src
        self.parser = parser
        self.env = env
        let lines = src.withUnsafeBufferPointer(Self.lineTable)
        (bMarks, eMarks, tShift, sCount) = lines
        bsCount = [Int](repeating: 0, count: bMarks.count)
        lineMax = bMarks.count - 1
    }

    /// markdown-it's line table over `src`: starts, ends, bytes and columns of indentation per line,
    /// plus a last empty line at the end.
    private static func lineTable(_ src: UnsafeBufferPointer<UInt8>) -> ([Int], [Int], [Int], [Int]) {
        let length = src.count
        var lineCount = 2
        var newlines: [Int] = []
        var position = 0
        while position < length, let newline = memchr(src.baseAddress! + position, 0x0A, length - position) {
            let index = src.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            newlines.append(index)
            position = index + 1
        }
        lineCount += newlines.count
        var bMarks: [Int] = [], eMarks: [Int] = [], tShift: [Int] = [], sCount: [Int] = []
        bMarks.reserveCapacity(lineCount)
        eMarks.reserveCapacity(lineCount)
        tShift.reserveCapacity(lineCount)
        sCount.reserveCapacity(lineCount)
        var start = 0
        var next = 0
        while start < length {
            var indent = 0
            var offset = 0
            var position = start
            while position < length, CharacterClass.isSpace(src[position]) {
                indent += 1
                offset += src[position] == 0x09 ? 4 - offset % 4 : 1
                position += 1
            }
            let end = next < newlines.count ? newlines[next] : length
            next += 1
            // A last line of only spaces and tabs, without a newline, is no line (as in markdown-it).
            if position == length, end == length { break }
            bMarks.append(start)
            eMarks.append(end)
            tShift.append(indent)
            sCount.append(offset)
            start = end + 1
        }
        bMarks.append(length)
        eMarks.append(length)
        tShift.append(0)
        sCount.append(0)
        return (bMarks, eMarks, tShift, sCount)
    }

    @discardableResult
    func push(_ kind: Token.Kind, nesting: Int8) -> Int {
        if nesting < 0 { level -= 1 }
        tokens.append(Token(kind, nesting: nesting, level: level))  // built in place: no copy
        if nesting > 0 { level += 1 }
        return tokens.count - 1
    }

    @inline(__always) func isEmpty(_ line: Int) -> Bool { bMarks[line] + tShift[line] >= eMarks[line] }

    func skipEmptyLines(_ from: Int) -> Int {
        var line = from
        while line < lineMax, bMarks[line] + tShift[line] >= eMarks[line] { line += 1 }
        return line
    }

    func skipSpaces(_ from: Int) -> Int {
        var position = from
        while position < src.count, CharacterClass.isSpace(src[position]) { position += 1 }
        return position
    }

    func skipSpacesBack(_ from: Int, min: Int) -> Int {
        var position = from
        if position <= min { return position }
        while position > min {
            position -= 1
            if !CharacterClass.isSpace(src[position]) { return position + 1 }
        }
        return position
    }

    func skipChars(_ from: Int, _ byte: UInt8) -> Int {
        var position = from
        while position < src.count, src[position] == byte { position += 1 }
        return position
    }

    func skipCharsBack(_ from: Int, _ byte: UInt8, min: Int) -> Int {
        var position = from
        if position <= min { return position }
        while position > min {
            position -= 1
            if byte != src[position] { return position + 1 }
        }
        return position
    }

    /// `bytes` as a token's content.
    func text(_ bytes: ArraySlice<UInt8>) -> Text { env.tokenTexts.text(bytes) }

    /// `string` as a token's content.
    func text(_ string: String) -> Text { env.tokenTexts.text(string) }

    /// The text of lines `begin..<end` with `indent` columns removed (markdown-it's `getLines`),
    /// as a token's content; `endingWithLF` adds a line feed after the last line.
    func lines(_ begin: Int, _ end: Int, indent: Int, keepLastLF: Bool, endingWithLF: Bool = false) -> Text {
        guard begin < end else { return endingWithLF ? text([0x0A]) : Text() }
        // The lines' bytes, a line feed, and up to three spaces a line where a tab is split.
        let bound = min(eMarks[end - 1] + 1, src.count) - bMarks[begin] + 3 * (end - begin) + 1
        return env.tokenTexts.text(capacity: bound) { out in
            appendLines(begin, end, indent: indent, keepLastLF: keepLastLF, to: &out)
            if endingWithLF { out.append(0x0A) }
        }
    }

    /// ``lines(_:_:indent:keepLastLF:endingWithLF:)`` without the spaces, tabs and line feeds
    /// around them (markdown-it's `getLines(…).trim()` for paragraphs and headings).
    func trimmedLines(_ begin: Int, _ end: Int, indent: Int) -> Text {
        lines(begin, end, indent: indent, keepLastLF: false).minimalSpacesTrimmed
    }

    private func appendLines(_ begin: Int, _ end: Int, indent: Int, keepLastLF: Bool, to out: inout ContiguousArray<UInt8>) {
        for line in begin..<end {
            var lineIndent = 0
            let lineStart = bMarks[line]
            var first = lineStart
            let last = min(line + 1 < end || keepLastLF ? eMarks[line] + 1 : eMarks[line], src.count)
            while first < last, lineIndent < indent {
                let byte = src[first]
                if CharacterClass.isSpace(byte) {
                    lineIndent += byte == 0x09 ? 4 - (lineIndent + bsCount[line]) % 4 : 1
                } else if first - lineStart < tShift[line] {
                    lineIndent += 1
                } else {
                    break
                }
                first += 1
            }
            if lineIndent > indent {
                out.append(contentsOf: repeatElement(0x20, count: lineIndent - indent))
            }
            if first < last { src.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[first..<last])) } }
        }
    }

    /// The byte column (1-based) of `position` on `line`.
    func column(of position: Int, line: Int) -> Int { position - bMarks[line] + 1 }
}
