/// Reads generated tables' text over UTF-8 (the TeX symbols here, the HTML entities in the
/// parser): their lines, each split into fields at spaces. Splitting the tables' `String`s by
/// `Character` took most of the time of a run's first formula.
public enum TableLines {
    /// The non-empty lines of `text`, each split at runs of spaces into at most `maxSplits + 1`
    /// fields (the last keeps the rest of the line), as `split(separator:maxSplits:)` splits.
    public static func fields(of text: String, maxSplits: Int = .max) -> [[String]] {
        var result: [[String]] = []
        var text = text
        text.withUTF8 { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
                defer { lineStart = lineEnd + 1 }
                var fields: [String] = []
                // Room for a line's usual fields at once: grown from empty, the array was
                // reallocated twice a line (half the cost of reading the tables).
                fields.reserveCapacity(maxSplits < 4 ? maxSplits + 1 : 4)
                var fieldStart = lineStart
                var index = lineStart
                while index < lineEnd, fields.count < maxSplits {
                    if bytes[index] == 0x20 {
                        if index > fieldStart { fields.append(String(decoding: bytes[fieldStart..<index], as: UTF8.self)) }
                        fieldStart = index + 1
                    }
                    index += 1
                }
                if fieldStart < lineEnd { fields.append(String(decoding: bytes[fieldStart..<lineEnd], as: UTF8.self)) }
                if !fields.isEmpty { result.append(fields) }
            }
        }
        return result
    }
}
