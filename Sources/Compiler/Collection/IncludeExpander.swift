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

    private static let directive = try! NSRegularExpression(
        pattern: #"^( *)<!-{2,}\s*@include:\s*([^<>|:"*?]+(?:\.[a-zA-Z0-9]+))(?:#([\w-]+))?(?:\{(\d+)?-(\d+)?\})?\s*-{2,}>\s*$"#)

    func expand(_ bytes: [UInt8], article: String, firstLine: Int) -> Output {
        guard bytes.count >= 12, HTMLSyntax.find(bytes, 0, bytes.count, "@include:") != nil else {
            return Output(bytes: bytes, sourceMap: SourceMap(file: article, firstLine: firstLine), diagnostics: [])
        }
        var output = Output(bytes: [], sourceMap: SourceMap(), diagnostics: [])
        var lineCount = 0
        expand(String(decoding: bytes, as: UTF8.self), file: article, firstLine: firstLine, includedAt: nil,
               stack: [article], into: &output, lineCount: &lineCount)
        return output
    }

    private func expand(_ text: String, file: String, firstLine: Int, includedAt: Int?, stack: [String],
                        into output: inout Output, lineCount: inout Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var segmentStart: Int?
        for (index, line) in lines.enumerated() {
            let fileLine = firstLine + index
            let isLast = index == lines.count - 1
            if line.utf8.count > 12, HTMLSyntax.find(Array(line.utf8), 0, line.utf8.count, "@include:") != nil, let match = Self.match(String(line)) {
                segmentStart = nil
                let location = SourceLocation(file: file, line: fileLine, column: match.indent.count + 1)
                include(match, from: file, at: location, includedAt: includedAt ?? fileLine, stack: stack, into: &output, lineCount: &lineCount)
                continue
            }
            if isLast, line.isEmpty { break }
            if segmentStart == nil {
                output.sourceMap.append(start: lineCount, file: file, fileLine: fileLine, includedAt: includedAt)
                segmentStart = lineCount
            }
            output.bytes.append(contentsOf: line.utf8)
            output.bytes.append(0x0A)
            lineCount += 1
        }
    }

    private struct Directive {
        var indent: String
        var path: String
        var region: String?
        var lineStart: Int?
        var lineEnd: Int?
    }

    private static func match(_ line: String) -> Directive? {
        let range = NSRange(line.startIndex..., in: line)
        guard let result = directive.firstMatch(in: line, range: range) else { return nil }
        func group(_ index: Int) -> String? {
            Range(result.range(at: index), in: line).map { String(line[$0]) }
        }
        return Directive(indent: group(1) ?? "", path: group(2) ?? "", region: group(3), lineStart: group(4).flatMap { Int($0) },
                         lineEnd: group(5).flatMap { Int($0) })
    }

    private func include(_ directive: Directive, from file: String, at location: SourceLocation, includedAt: Int, stack: [String],
                         into output: inout Output, lineCount: inout Int) {
        func warn(_ message: String, _ code: String) { output.diagnostics.append(.warning(message, at: location, code: code)) }
        let resolution = SourcePath.resolve(directive.path.trimmingCharacters(in: .whitespaces), from: file, siteRoot: layout.root, layout: layout)
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
        let lines = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var first = 0
        var end = lines.count
        if let region = directive.region {
            guard let found = RegionFinder.find(region, in: lines) else {
                warn("include '\(directive.path)': no region '\(region)'", "include-region")
                return
            }
            (first, end) = found
        } else if let start = directive.lineStart, start > 0 {
            first = min(start - 1, lines.count)
            end = min(directive.lineEnd ?? lines.count, lines.count)
        } else {
            if lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---") { first = close + 1 }
            end = min(directive.lineEnd ?? lines.count, lines.count)
        }
        guard first < end else { return }
        let selected = Dedent.lines(Array(lines[first..<end])).map { $0.isEmpty ? $0 : directive.indent + $0 }
        let text = selected.joined(separator: "\n") + "\n"
        if relative.hasSuffix(".md") {
            expand(text, file: relative, firstLine: first + 1, includedAt: includedAt, stack: stack + [relative], into: &output, lineCount: &lineCount)
        } else {
            output.sourceMap.append(start: lineCount, file: relative, fileLine: first + 1, includedAt: includedAt)
            output.bytes.append(contentsOf: text.utf8)
            lineCount += selected.count
        }
    }
}

/// `#region name` … `#endregion name` markers in the comment styles @mdit/plugin-include knows.
enum RegionFinder {
    private static let patterns: [NSRegularExpression] = [
        #"^\/\/ ?#?((?:end)?region) ([\w*-]+)$"#, #"^\/\* ?#((?:end)?region) ([\w*-]+) ?\*\/$"#, #"^#pragma ((?:end)?region) ([\w*-]+)$"#,
        #"^<!-- #?((?:end)?region) ([\w*-]+) -->$"#, #"^#((?:End )Region) ([\w*-]+)$"#, #"^::#((?:end)region) ([\w*-]+)$"#,
        #"^# ?((?:end)?region) ([\w*-]+)$"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    /// The lines strictly between the region's start and end markers.
    static func find(_ name: String, in lines: [String]) -> (Int, Int)? {
        var active: NSRegularExpression?
        var start = -1
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let regex = active {
                if test(line, regex, name, end: true) { return (start, index) }
            } else if let regex = patterns.first(where: { test(line, $0, name, end: false) }) {
                active = regex
                start = index + 1
            }
        }
        return nil
    }

    private static func test(_ line: String, _ regex: NSRegularExpression, _ name: String, end: Bool) -> Bool {
        guard let match = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
            let tagRange = Range(match.range(at: 1), in: line), let nameRange = Range(match.range(at: 2), in: line),
            line[nameRange] == name
        else { return false }
        let tag = line[tagRange].lowercased().replacingOccurrences(of: " ", with: "")
        return end ? tag == "endregion" : tag == "region"
    }
}

/// Removes the indentation all non-blank lines share (the plugin's `dedent`).
enum Dedent {
    static func lines(_ lines: [String]) -> [String] {
        let indents = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.prefix { $0 == " " || $0 == "\t" }.count }
        guard let common = indents.min(), common > 0 else { return lines }
        return lines.map { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "" : String($0.dropFirst(common)) }
    }
}
