/// One `<!-- @include: ./path.md#region{start-end} -->` line, read as @mdit/plugin-include's pattern
/// reads it:
///
///     ^( *)<!-{2,}\s*@include:\s*([^<>|:"*?]+(?:\.[a-zA-Z0-9]+))(?:#([\w-]+))?(?:\{(\d+)?-(\d+)?\})?\s*-{2,}>\s*$
///
/// matched by hand over the line's scalars, with the regular expression's classes (`\s` is
/// Unicode's White_Space, `\w` letters, marks, digits, connector punctuation and joiners, `\d` any
/// decimal digit) and its greedy choices: the path runs to the last `.` that can start the
/// extension, a region gives up trailing dashes the closing `-->` needs. A test compares it with
/// the expression on many lines.
struct IncludeDirective: Equatable {
    /// The spaces before `<!--`: included lines are indented by as many.
    var indent: Int
    var path: String
    var region: String?
    var lineStart: Int?
    var lineEnd: Int?

    /// The directive `line` (without its line break) holds, or nil.
    static func match(_ line: some Collection<UInt8>) -> IncludeDirective? {
        let scalars = Array(String(decoding: line, as: UTF8.self).unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index] == " " { index += 1 }
        let indent = index
        guard index + 3 < scalars.count, scalars[index] == "<", scalars[index + 1] == "!", scalars[index + 2] == "-",
            scalars[index + 3] == "-"
        else { return nil }
        index += 4
        while index < scalars.count, scalars[index] == "-" { index += 1 }
        index = skipSpaces(scalars, from: index)
        for expected in "@include:".unicodeScalars {
            guard index < scalars.count, scalars[index] == expected else { return nil }
            index += 1
        }
        let spacesStart = index
        let pathStart = skipSpaces(scalars, from: index)
        // The path cannot hold `<>|:"*?`, so it ends at the last `.` before the first of them.
        let pathLimit = scalars[pathStart...].firstIndex(where: isExcludedFromPath) ?? scalars.count
        guard let dot = scalars[pathStart..<pathLimit].lastIndex(of: "."),
            let (found, extensionEnd) = tail(scalars, from: dot)
        else { return nil }
        var directive = found
        // An empty path takes back the last space `\s*` took.
        let start = dot > pathStart ? pathStart : pathStart > spacesStart ? pathStart - 1 : -1
        guard start >= 0 else { return nil }
        directive.indent = indent
        directive.path = string(scalars[start..<extensionEnd])
        return directive
    }

    /// What follows the path: its extension, then `#region`, `{start-end}` and the closing `-->`.
    private static func tail(_ scalars: [Unicode.Scalar], from dot: Int) -> (match: IncludeDirective, extensionEnd: Int)? {
        var index = dot + 1
        while index < scalars.count, scalars[index].isASCII, HTMLSyntax.isLetter(UInt8(scalars[index].value)) || HTMLSyntax.isDigit(UInt8(scalars[index].value)) {
            index += 1
        }
        guard index > dot + 1 else { return nil }
        var directive = IncludeDirective(indent: 0, path: "")
        let extensionEnd = index
        if index < scalars.count, scalars[index] == "#" {
            let regionStart = index + 1
            var end = regionStart
            while end < scalars.count, isWord(scalars[end]) || scalars[end] == "-" { end += 1 }
            // Trailing dashes right before `>` belong to the closing `-->` (two of them at least).
            if end < scalars.count, scalars[end] == ">" {
                var dashes = 0
                while dashes < end - regionStart, scalars[end - 1 - dashes] == "-" { dashes += 1 }
                if dashes >= 2 { end -= 2 }
            }
            guard end > regionStart else { return nil }
            directive.region = string(scalars[regionStart..<end])
            index = end
        }
        if index < scalars.count, scalars[index] == "{" {
            let startDigits = digits(scalars, from: index + 1)
            guard startDigits < scalars.count, scalars[startDigits] == "-" else { return nil }
            let endDigits = digits(scalars, from: startDigits + 1)
            guard endDigits < scalars.count, scalars[endDigits] == "}" else { return nil }
            directive.lineStart = number(scalars[(index + 1)..<startDigits])
            directive.lineEnd = number(scalars[(startDigits + 1)..<endDigits])
            index = endDigits + 1
        }
        index = skipSpaces(scalars, from: index)
        let dashesStart = index
        while index < scalars.count, scalars[index] == "-" { index += 1 }
        guard index - dashesStart >= 2, index < scalars.count, scalars[index] == ">",
            skipSpaces(scalars, from: index + 1) == scalars.count
        else { return nil }
        return (directive, extensionEnd)
    }

    /// The group's number; nil when it is empty or not ASCII digits (as `Int(_:)` reads it).
    private static func number(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        scalars.isEmpty ? nil : Int(string(scalars))
    }

    private static func digits(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count, scalars[index].properties.generalCategory == .decimalNumber { index += 1 }
        return index
    }

    private static func skipSpaces(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count, scalars[index].isWhiteSpace { index += 1 }
        return index
    }

    /// The scalars' text, encoded straight to UTF-8 (appended to a string's scalars one by one,
    /// a path took 30,000 instructions).
    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The expression's `\w`.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            return HTMLSyntax.isLetter(byte) || HTMLSyntax.isDigit(byte) || byte == UInt8(ascii: "_")
        }
        if scalar.value == 0x200C || scalar.value == 0x200D || scalar.properties.isAlphabetic { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    private static func isExcludedFromPath(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "<", ">", "|", ":", "\"", "*", "?": true
        default: false
        }
    }
}
