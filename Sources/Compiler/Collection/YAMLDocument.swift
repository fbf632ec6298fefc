import Yams

/// A YAML document read with Yams, with problems located in the file it came from.
///
/// `firstLine` is the file line of the YAML's first line (frontmatter starts on line 2).
struct YAMLDocument {
    let root: Node?
    let text: String
    let file: String
    let firstLine: Int

    /// Reads `text`; a syntax error becomes a located diagnostic and an empty document.
    ///
    /// With Yams' basic resolver, as ``SimpleYAML`` builds its nodes: fields are read through
    /// `string`, `bool`, `int` and `timestamp`, which look at the text and not at resolved tags,
    /// and the default resolver compiles seven ICU regular expressions on first use (3 ms, 2% of
    /// plume-docs' EPUB, whose frontmatter is not all plain).
    static func read(_ text: String, file: String, firstLine: Int) -> (YAMLDocument, Diagnostic?) {
        // Yams composes nested nodes by recursion: a document thousands of levels deep overflowed
        // the stack. One that might nest deeper than `maxNesting` is not read.
        if let line = YAMLNesting.firstTooDeepLine(in: text) {
            let empty = YAMLDocument(root: nil, text: text, file: file, firstLine: firstLine)
            return (empty, .error("YAML indented or nested more than \(YAMLNesting.maxNesting) levels deep; it is not read",
                                  at: empty.location(line: line, column: 1), code: "yaml"))
        }
        do {
            let root = try Yams.compose(yaml: text, .basic)
            return (YAMLDocument(root: root, text: text, file: file, firstLine: firstLine), nil)
        } catch let error as YamlError {
            let empty = YAMLDocument(root: nil, text: text, file: file, firstLine: firstLine)
            return (empty, empty.diagnostic(for: error))
        } catch {
            let empty = YAMLDocument(root: nil, text: text, file: file, firstLine: firstLine)
            return (empty, .error("invalid YAML: \(error)", at: empty.location(line: 1, column: 1), code: "yaml"))
        }
    }

    /// The file location of a Yams mark (lines from 1; Yams counts columns in scalars, we in bytes).
    func location(of mark: Mark?) -> SourceLocation {
        guard let mark else { return location(line: 1, column: 1) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var byteColumn = mark.column
        if mark.line - 1 < lines.count {
            let scalars = lines[mark.line - 1].unicodeScalars
            byteColumn = scalars.prefix(max(mark.column - 1, 0)).reduce(0) { $0 + UTF8.width($1) } + 1
        }
        return location(line: mark.line, column: byteColumn)
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: firstLine + line - 1, column: column)
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return .error("invalid YAML: \(detail)", at: location(of: mark), code: "yaml")
        case .reader(let problem, _, _, _):
            return .error("invalid YAML: \(problem)", at: location(line: 1, column: 1), code: "yaml")
        default:
            return .error("invalid YAML: \(error)", at: location(line: 1, column: 1), code: "yaml")
        }
    }
}

extension Node {
    /// The scalar's text, for scalars only.
    var scalarText: String? { scalar?.string }

    /// A list of strings from a sequence, or a one-element list from a scalar.
    var stringList: [String]? {
        if let sequence { return sequence.compactMap(\.scalarText) }
        if let text = scalarText { return [text] }
        return nil
    }
}
