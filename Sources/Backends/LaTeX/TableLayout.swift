import Compiler
import Foundation

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

    /// The `>{\raggedright\arraybackslash}p{…}` of the columns `start..<start + span` taken as one
    /// (a `\multicolumn` cell has the width of its columns and the separations between them).
    func columnSpec(_ start: Int, span: Int = 1) -> String {
        let align = switch start < alignments.count ? alignments[start] : .none {
        case .center: "\\centering"
        case .right: "\\raggedleft"
        case .left, .none: "\\raggedright"
        }
        let units = widths[start..<(start + span)].reduce(0, +)
        let width = fits
            ? (span == 1 ? String(format: "%.1fem", Double(units) * 0.5 + 0.4)
                : String(format: "\\dimexpr%.1fem+%d\\tabcolsep\\relax", Double(units) * 0.5 + 0.4 * Double(span), 2 * (span - 1)))
            : "\\dimexpr\\linewidth*\(units)/\(total)-2\\tabcolsep\\relax"
        return ">{\(align)\\arraybackslash}p{\(width)}"
    }
}
