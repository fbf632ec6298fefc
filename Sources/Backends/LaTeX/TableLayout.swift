import Compiler

/// A LaTeX table's column specifications: paragraph columns sized by their content, so long CJK
/// cells wrap. Columns are as wide as their content (half an em a unit) when the table fits a line
/// of the template's page (about 26 em); otherwise each gets its share of the line.
struct TableLayout {
    let alignments: [Table.Alignment]
    /// Each column's width in units (about one Latin letter).
    let widths: [Int]

    var columns: Int { widths.count }
    private var total: Int { widths.reduce(0, +) }
    private var fits: Bool { Double(total) * 0.5 + 1.2 * Double(columns) <= 26 }

    /// Appends the `>{\raggedright\arraybackslash}p{…}` of the columns `start..<start + span`
    /// taken as one (a `\multicolumn` cell has the width of its columns and the separations
    /// between them). Written as bytes: made as a string, with `String(format:)`, it cost a sixth
    /// of writing a table.
    func appendColumnSpec(_ start: Int, span: Int = 1, to out: inout [UInt8]) {
        out.append(">{")
        switch start < alignments.count ? alignments[start] : .none {
        case .center: out.append("\\centering")
        case .right: out.append("\\raggedleft")
        case .left, .none: out.append("\\raggedright")
        }
        out.append("\\arraybackslash}p{")
        let units = widths[start..<(start + span)].reduce(0, +)
        if fits {
            // Half an em a unit and 0.4 em a column, in tenths of an em.
            let tenths = 5 * units + 4 * span
            if span > 1 { out.append("\\dimexpr") }
            out.append(decimal: tenths / 10)
            out.append(".")
            out.append(decimal: tenths % 10)
            out.append("em")
            if span > 1 {
                out.append("+")
                out.append(decimal: 2 * (span - 1))
                out.append("\\tabcolsep\\relax")
            }
        } else {
            out.append("\\dimexpr\\linewidth*")
            out.append(decimal: units)
            out.append("/")
            out.append(decimal: total)
            out.append("-2\\tabcolsep\\relax")
        }
        out.append("}")
    }
}
