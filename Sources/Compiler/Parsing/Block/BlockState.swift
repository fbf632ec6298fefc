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
        let length = src.count
        var start = 0
        var indent = 0
        var offset = 0
        var indentFound = false
        var position = 0
        var lines = 2
        for byte in src where byte == 0x0A { lines += 1 }
        bMarks.reserveCapacity(lines)
        eMarks.reserveCapacity(lines)
        tShift.reserveCapacity(lines)
        sCount.reserveCapacity(lines)
        bsCount.reserveCapacity(lines)
        while position < length {
            let byte = src[position]
            if !indentFound {
                if CharacterClass.isSpace(byte) {
                    indent += 1
                    offset += byte == 0x09 ? 4 - offset % 4 : 1
                    position += 1
                    continue
                }
                indentFound = true
            }
            if byte == 0x0A || position == length - 1 {
                if byte != 0x0A { position += 1 }
                bMarks.append(start)
                eMarks.append(position)
                tShift.append(indent)
                sCount.append(offset)
                bsCount.append(0)
                indentFound = false
                indent = 0
                offset = 0
                start = position + 1
            }
            position += 1
        }
        bMarks.append(length)
        eMarks.append(length)
        tShift.append(0)
        sCount.append(0)
        bsCount.append(0)
        lineMax = bMarks.count - 1
    }

    @discardableResult
    func push(_ kind: Token.Kind, tag: String = "", nesting: Int8) -> Int {
        var token = Token(kind, tag: tag, nesting: nesting)
        if nesting < 0 { level -= 1 }
        token.level = level
        if nesting > 0 { level += 1 }
        tokens.append(token)
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

    /// The text of lines `begin..<end` with `indent` columns removed (markdown-it's `getLines`).
    func getLines(_ begin: Int, _ end: Int, indent: Int, keepLastLF: Bool) -> String {
        guard begin < end else { return "" }
        var out: [UInt8] = []
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
            if first < last { out.append(contentsOf: src[first..<last]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The byte column (1-based) of `position` on `line`.
    func column(of position: Int, line: Int) -> Int { position - bMarks[line] + 1 }
}
