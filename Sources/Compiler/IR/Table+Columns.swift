extension Table {
    /// How many columns the table has: its delimiter row's (the header's) width.
    public var columnCount: Int { max(alignments.count, header.count) }

    /// The column each body cell starts in, row by row. A body row holds only the cells that start
    /// in it, so a cell's column comes after those taken by the row's earlier cells and by
    /// `rowspan` cells from rows above.
    public var bodyCellColumns: [[Int]] {
        let columns = columnCount
        var coveredRows = [Int](repeating: 0, count: columns)
        return rowRanges.map { range in
            var starts: [Int] = []
            starts.reserveCapacity(range.count)
            var column = 0
            var cells = bodyCells[range].makeIterator()
            while column < columns {
                if coveredRows[column] > 0 {
                    coveredRows[column] -= 1
                    column += 1
                    continue
                }
                guard let cell = cells.next() else { break }
                starts.append(column)
                let span = min(cell.columnSpan, columns - column)
                for offset in 0..<span { coveredRows[column + offset] = cell.rowSpan - 1 }
                column += span
            }
            // Cells past the last column (there are none from the parser) start after it.
            while starts.count < range.count { starts.append(columns + starts.count) }
            return starts
        }
    }
}
