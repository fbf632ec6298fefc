import Foundation

/// Expands `<!-- @include: ./file.md -->` lines before parsing, as @mdit/plugin-include does on
/// the site: over the whole source, with `#region` and `{start-end}` selections, the included
/// file's frontmatter dropped, its text dedented and indented like the directive. Included
/// Markdown is expanded in turn; a cycle, a missing file or a path outside the source root is a
/// warning and includes nothing.
struct IncludeExpander {
    let layout: SourceLayout
    /// How deep includes may nest.
    static let maxDepth = 16

    struct Output {
        var bytes: [UInt8]
        var sourceMap: SourceMap
        var diagnostics: [Diagnostic]
    }

    func expand(_ bytes: [UInt8], article: String, firstLine: Int) -> Output {
        guard bytes.count >= 12, HTMLSyntax.find(bytes, 0, bytes.count, "@include:") != nil else {
            return Output(bytes: bytes, sourceMap: SourceMap(file: article, firstLine: firstLine), diagnostics: [])
        }
        var output = Output(bytes: [], sourceMap: SourceMap(), diagnostics: [])
        output.bytes.reserveCapacity(bytes.count)
        var lineCount = 0
        expand(bytes, file: article, firstLine: firstLine, includedAt: nil, stack: [article], into: &output, lineCount: &lineCount)
        return output
    }

    /// Copies `text` with each directive line replaced by what it includes.
    private func expand(_ text: [UInt8], file: String, firstLine: Int, includedAt: Int?, stack: [String],
                        into output: inout Output, lineCount: inout Int) {
        // The lines between directives are copied a run at a time, with the line feeds between them.
        var runStart: Int?
        let lines = Self.lines(of: text)
        for (index, line) in lines.enumerated() {
            let fileLine = firstLine + index
            if line.count > 12, HTMLSyntax.find(text, line.lowerBound, line.upperBound, "@include:") != nil,
                let directive = IncludeDirective.match(text[line])
            {
                if let start = runStart { output.bytes.append(contentsOf: text[start..<line.lowerBound]) }
                runStart = nil
                let location = SourceLocation(file: file, line: fileLine, column: directive.indent + 1)
                include(directive, from: file, at: location, includedAt: includedAt ?? fileLine, stack: stack, into: &output, lineCount: &lineCount)
                continue
            }
            if runStart == nil {
                output.sourceMap.append(start: lineCount, file: file, fileLine: fileLine, includedAt: includedAt)
                runStart = line.lowerBound
            }
            lineCount += 1
        }
        if let start = runStart, let last = lines.last {
            output.bytes.append(contentsOf: text[start..<last.upperBound])
            output.bytes.append(0x0A)
        }
    }

    /// The lines of `text` without their line feeds; a line feed at the very end ends the last line.
    private static func lines(of text: [UInt8]) -> [Range<Int>] {
        var lines = splitLines(text)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Every line between line feeds, the empty one after a final line feed included.
    private static func splitLines(_ text: [UInt8]) -> [Range<Int>] {
        text.withUnsafeBufferPointer { buffer in
            var lines: [Range<Int>] = []
            var start = 0
            while let feed = HTMLSyntax.find(in: buffer, start, buffer.count, "\n") {
                lines.append(start..<feed)
                start = feed + 1
            }
            lines.append(start..<text.count)
            return lines
        }
    }

    private func include(_ directive: IncludeDirective, from file: String, at location: SourceLocation, includedAt: Int, stack: [String],
                         into output: inout Output, lineCount: inout Int) {
        func warn(_ message: String, _ code: String) { output.diagnostics.append(.warning(message, at: location, code: code)) }
        let resolution = SourcePath.resolve(directive.path.trimmingWhitespace(), from: file, siteRoot: .source, layout: layout)
        guard case .file(let relative) = resolution else {
            if case .outside = resolution {
                warn("include '\(directive.path)' is outside the knowledge base; it is not read", "include-outside")
            } else {
                warn("include '\(directive.path)' not found", "include-missing")
            }
            return
        }
        if stack.contains(relative) {
            warn("include '\(directive.path)' includes itself (\((stack + [relative]).joined(separator: " → "))); left out", "include-cycle")
            return
        }
        guard stack.count <= Self.maxDepth else {
            warn("includes nested more than \(Self.maxDepth) deep; '\(directive.path)' is left out", "include-depth")
            return
        }
        guard let data = FileBytes.read(atPath: layout.filePath(relative)), firstInvalidUTF8Offset(data) == nil else {
            warn("include '\(directive.path)' is not readable UTF-8 text", "include-encoding")
            return
        }
        let text = Self.withoutCarriageReturnsBeforeLineFeeds(data)
        let lines = Self.splitLines(text)
        var first = 0
        var end = lines.count
        if let region = directive.region {
            guard let found = RegionFinder.find(region, in: lines.map { text.string($0) }) else {
                warn("include '\(directive.path)': no region '\(region)'", "include-region")
                return
            }
            (first, end) = found
        } else if let start = directive.lineStart, start > 0 {
            first = min(start - 1, lines.count)
            end = min(directive.lineEnd ?? lines.count, lines.count)
        } else {
            let isFence = { (line: Range<Int>) in text[line].elementsEqual("---".utf8) }
            if let opening = lines.first, isFence(opening), let close = lines.dropFirst().firstIndex(where: isFence) { first = close + 1 }
            end = min(directive.lineEnd ?? lines.count, lines.count)
        }
        guard first < end else { return }
        let selected = Array(lines[first..<end])
        let dedented = Dedent.lines(selected, in: text)
        var included: [UInt8] = []
        for line in dedented {
            if !line.isEmpty { included.append(contentsOf: repeatElement(UInt8(ascii: " "), count: directive.indent)) }
            included.append(contentsOf: text[line])
            included.append(0x0A)
        }
        if relative.hasSuffix(".md") {
            expand(included, file: relative, firstLine: first + 1, includedAt: includedAt, stack: stack + [relative], into: &output, lineCount: &lineCount)
        } else {
            output.sourceMap.append(start: lineCount, file: relative, fileLine: first + 1, includedAt: includedAt)
            output.bytes.append(contentsOf: included)
            lineCount += selected.count
        }
    }

    /// `text` with every CR of a CRLF pair removed (a lone CR stays).
    private static func withoutCarriageReturnsBeforeLineFeeds(_ text: [UInt8]) -> [UInt8] {
        guard HTMLSyntax.find(text, 0, text.count, "\r") != nil else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        for (index, byte) in text.enumerated() where !(byte == 0x0D && index + 1 < text.count && text[index + 1] == 0x0A) {
            result.append(byte)
        }
        return result
    }
}

/// `#region name` … `#endregion name` markers in the comment styles @mdit/plugin-include knows,
/// matched by hand as the plugin's regular expressions match them (a test runs both):
///
///     ^\/\/ ?#?((?:end)?region) ([\w*-]+)$          ^\/\* ?#((?:end)?region) ([\w*-]+) ?\*\/$
///     ^#pragma ((?:end)?region) ([\w*-]+)$           ^<!-- #?((?:end)?region) ([\w*-]+) -->$
///     ^#((?:End )Region) ([\w*-]+)$                  ^::#((?:end)region) ([\w*-]+)$
///     ^# ?((?:end)?region) ([\w*-]+)$
///
/// (Compiling the seven expressions with ICU cost more than reading a small knowledge base.)
enum RegionFinder {
    /// The comment styles, in the plugin's order: how a marker starts, which tags it allows, how it ends.
    private enum Style: CaseIterable {
        case slashes, block, pragma, html, visualBasic, colons, hash
    }

    /// The lines strictly between the region's start and end markers.
    static func find(_ name: String, in lines: [String]) -> (Int, Int)? {
        var active: Style?
        var start = -1
        for (index, raw) in lines.enumerated() {
            let line = Array(raw.trimmingWhitespace().unicodeScalars)
            if let style = active {
                if test(line, style, name, end: true) { return (start, index) }
            } else if let style = Style.allCases.first(where: { test(line, $0, name, end: false) }) {
                active = style
                start = index + 1
            }
        }
        return nil
    }

    private static func test(_ line: [Unicode.Scalar], _ style: Style, _ name: String, end: Bool) -> Bool {
        guard let (tag, found) = marker(line, style), String(String.UnicodeScalarView(found)) == name else { return false }
        let normalized = String(String.UnicodeScalarView(tag)).lowercased().replacingOccurrences(of: " ", with: "")
        return end ? normalized == "endregion" : normalized == "region"
    }

    /// The tag and the name of a marker of `style`, if `line` is one.
    private static func marker(_ line: [Unicode.Scalar], _ style: Style) -> (tag: ArraySlice<Unicode.Scalar>, name: ArraySlice<Unicode.Scalar>)? {
        var rest = line[...]
        func take(_ literal: String) -> Bool {
            let scalars = Array(literal.unicodeScalars)
            guard rest.starts(with: scalars) else { return false }
            rest = rest.dropFirst(scalars.count)
            return true
        }
        func takeOptional(_ literal: String) { _ = take(literal) }
        // `(?:end)?region` (or the style's fixed tag), then one space.
        func tag(_ choices: [String]) -> ArraySlice<Unicode.Scalar>? {
            let before = rest
            guard choices.contains(where: take), rest.first == " " else { return nil }
            defer { rest = rest.dropFirst() }
            return before[before.startIndex..<rest.startIndex]
        }
        let optionalEnd = ["endregion", "region"]
        let found: ArraySlice<Unicode.Scalar>?
        switch style {
        case .slashes:
            guard take("//") else { return nil }
            takeOptional(" ")
            takeOptional("#")
            found = tag(optionalEnd)
        case .block:
            guard take("/*") else { return nil }
            takeOptional(" ")
            guard take("#") else { return nil }
            found = tag(optionalEnd)
        case .pragma:
            guard take("#pragma ") else { return nil }
            found = tag(optionalEnd)
        case .html:
            guard take("<!-- ") else { return nil }
            takeOptional("#")
            found = tag(optionalEnd)
        case .visualBasic:
            guard take("#") else { return nil }
            found = tag(["End Region"])
        case .colons:
            guard take("::#") else { return nil }
            found = tag(["endregion"])
        case .hash:
            guard take("#") else { return nil }
            takeOptional(" ")
            found = tag(optionalEnd)
        }
        guard let found else { return nil }
        let run = rest.prefix(while: isNameScalar)
        guard !run.isEmpty else { return nil }
        let after = rest[run.endIndex...]
        switch style {
        case .block:
            // ` ?\*\/$` after the name; the name's run may have taken the `*` of `*/`.
            if after.starts(with: [" ", "*", "/"]), atLineEnd(after.dropFirst(3)) { return (found, run) }
            if run.count > 1, run.last == "*", after.first == "/", atLineEnd(after.dropFirst()) { return (found, run.dropLast()) }
            return nil
        case .html:
            guard after.starts(with: Array(" -->".unicodeScalars)), atLineEnd(after.dropFirst(4)) else { return nil }
            return (found, run)
        default:
            return atLineEnd(after) ? (found, run) : nil
        }
    }

    /// `$` without multi-line mode: the end, or a last line terminator before it.
    private static func atLineEnd(_ rest: ArraySlice<Unicode.Scalar>?) -> Bool {
        guard let rest else { return false }
        switch rest.count {
        case 0: return true
        case 1: return ["\n", "\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(rest.first!)
        case 2: return rest.first == "\r" && rest.last == "\n"
        default: return false
        }
    }

    /// `[\w*-]`: the expressions' `\w` as the directive's matcher has it, `*` and `-`.
    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "*" || scalar == "-" || IncludeDirective.isWord(scalar)
    }
}

/// Removes the indentation all non-blank lines share (the plugin's `dedent`), over lines given as
/// byte ranges of a text: blank lines (tabs and space separators only) become empty when there is
/// indentation to remove, and are kept as they are when there is none.
enum Dedent {
    static func lines(_ lines: [Range<Int>], in text: [UInt8]) -> [Range<Int>] {
        var common: Int?
        for line in lines where !isBlank(text[line]) {
            let indent = text[line].prefix { $0 == 0x20 || $0 == 0x09 }.count
            common = min(common ?? indent, indent)
        }
        guard let common, common > 0 else { return lines }
        return lines.map { isBlank(text[$0]) ? $0.lowerBound..<$0.lowerBound : ($0.lowerBound + common)..<$0.upperBound }
    }

    /// Whether the line holds only tabs and Unicode space separators (Foundation's `.whitespaces`).
    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return true }
        // Another ASCII byte is no space; only a character beyond ASCII may be a space separator.
        guard line[first] >= 0x80 else { return false }
        return String(decoding: line[first...], as: UTF8.self).unicodeScalars.allSatisfy {
            $0 == "\t" || $0.properties.generalCategory == .spaceSeparator
        }
    }
}
