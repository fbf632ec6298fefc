/// `colspan`/`rowspan` in a table's body, fitted as @mdit/plugin-attrs fits them: a span never
/// runs past the last column or into a column a cell above still covers, and the cells a span
/// covers leave their rows (so each row holds only the cells that start in it, as in HTML).
enum TableSpans {
    /// The body rows with spans fitted and covered cells removed; `columns` is the header's width.
    /// Rows come in with one cell per column (the table rule pads and cuts them).
    static func fitted(_ rows: [[TableCell]], columns: Int) -> [[TableCell]] {
        guard columns >= 2, rows.contains(where: { $0.contains { $0.attributes["colspan"] != nil || $0.attributes["rowspan"] != nil } }) else {
            return rows
        }
        // For each column, how many more rows a cell above still covers.
        var coveredRows = [Int](repeating: 0, count: columns)
        return rows.map { row in
            var kept: [TableCell] = []
            var cellIndex = 0
            var column = 0
            while column < columns, cellIndex < row.count {
                if coveredRows[column] > 0 {
                    // The cell in a covered column is dropped.
                    coveredRows[column] -= 1
                    cellIndex += 1
                    column += 1
                    continue
                }
                var cell = row[cellIndex]
                cellIndex += 1
                let wanted = cell.columnSpan
                var span = 0
                while span < wanted, column + span < columns, coveredRows[column + span] == 0 { span += 1 }
                if wanted > 1, span < wanted { cell.attributes.setPair("colspan", String(span)) }
                for offset in 0..<span { coveredRows[column + offset] = cell.rowSpan - 1 }
                // The cells under the span's other columns are dropped.
                cellIndex += span - 1
                kept.append(cell)
                column += span
            }
            return kept
        }
    }
}
