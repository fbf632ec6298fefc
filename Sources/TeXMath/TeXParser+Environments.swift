extension TeXParser {
    /// The environments KaTeX supports: name → (column alignment, left and right delimiters).
    static let environments: [String: (align: String, open: String, close: String)] = [
        "matrix": ("c", "", ""), "pmatrix": ("c", "(", ")"), "bmatrix": ("c", "[", "]"), "Bmatrix": ("c", "{", "}"),
        "vmatrix": ("c", "∣", "∣"), "Vmatrix": ("c", "∥", "∥"), "smallmatrix": ("c", "", ""),
        "matrix*": ("c", "", ""), "pmatrix*": ("c", "(", ")"), "bmatrix*": ("c", "[", "]"), "Bmatrix*": ("c", "{", "}"),
        "vmatrix*": ("c", "∣", "∣"), "Vmatrix*": ("c", "∥", "∥"), "drcases": ("ll", "", "}"),
        "cases": ("ll", "{", ""), "dcases": ("ll", "{", ""), "rcases": ("ll", "", "}"),
        "aligned": ("rl", "", ""), "align": ("rl", "", ""), "align*": ("rl", "", ""), "alignat": ("rl", "", ""),
        "alignat*": ("rl", "", ""), "alignedat": ("rl", "", ""), "split": ("rl", "", ""), "gathered": ("c", "", ""),
        "gather": ("c", "", ""), "gather*": ("c", "", ""), "equation": ("c", "", ""), "equation*": ("c", "", ""),
        "array": ("c", "", ""), "darray": ("c", "", ""), "subarray": ("c", "", ""), "multline": ("c", "", ""), "multline*": ("c", "", ""),
        "CD": ("c", "", ""),
    ]

    /// `\begin{name} … \end{name}`: cells separated by `&`, rows by `\\`.
    mutating func parseEnvironment(_ token: TeXToken) throws -> MathNode {
        let name = try parseRawArgument()
        guard let shape = Self.environments[name] else { throw error("unknown environment \(name)", token) }
        var alignments = Array(shape.align)
        if name == "array" || name == "darray" || name == "subarray" {
            alignments = Array(try parseRawArgument().filter { "lcr".contains($0) })
        } else if name.hasPrefix("alignat") || name == "alignedat" {
            _ = try parseRawArgument()
        } else if name.hasSuffix("matrix*") {
            if let spec = try parseOptionalArgument()?.plainText.first { alignments = [spec] }
        }
        var rows: [[MathNode]] = []
        var cells: [MathNode] = []
        var tags: [Int: String] = [:]
        while true {
            skipSpaces()
            if case .command(let command) = current.kind, command == "hline" || command == "hdashline" {
                _ = advance()
                continue
            }
            let savedTag = pendingTag
            pendingTag = nil
            let cell = try parseExpression()
            if let tag = pendingTag { tags[rows.count] = tag }
            pendingTag = savedTag
            cells.append(Self.row(cell))
            switch current.kind {
            case .alignment:
                _ = advance()
            case .command("\\"), .command("cr"):
                _ = advance()
                _ = try parseOptionalArgument()  // `\\[2pt]`
                rows.append(cells)
                cells = []
            case .command("end"):
                _ = advance()
                let end = try parseRawArgument()
                guard end == name else { throw error("\\begin{\(name)} ended by \\end{\(end)}") }
                if !(cells.count == 1 && cells[0] == .row([])) || rows.isEmpty { rows.append(cells) }
                return .table(MathTable(rows: rows, alignments: alignments, environment: name, open: shape.open, close: shape.close, tags: tags))
            case .end:
                throw error("\\begin{\(name)} without \\end{\(name)}", token)
            default:
                throw error("unexpected \(describe(current)) in \(name)")
            }
        }
    }
}
