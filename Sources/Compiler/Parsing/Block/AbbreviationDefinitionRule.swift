/// Abbreviation definitions `*[TERM]: expansion` on a line of their own (@mdit/plugin-abbr).
enum AbbreviationDefinitionRule {
    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        let src = state.src
        var pos = state.bMarks[startLine] + state.tShift[startLine]
        let max = state.eMarks[startLine]
        guard pos + 2 < max, src[pos] == UInt8(ascii: "*"), src[pos + 1] == UInt8(ascii: "[") else { return false }
        pos += 2
        let labelStart = pos
        var labelEnd: Int?
        while pos < max {
            let byte = src[pos]
            if byte == UInt8(ascii: "[") { return false }
            if byte == UInt8(ascii: "]") {
                labelEnd = pos
                break
            }
            if byte == UInt8(ascii: "\\") { pos += 1 }
            pos += 1
        }
        guard let labelEnd, labelEnd + 1 < max, src[labelEnd + 1] == UInt8(ascii: ":") else { return false }
        if silent { return true }
        var label: [UInt8] = []
        var index = labelStart
        while index < labelEnd {
            if src[index] == UInt8(ascii: "\\"), index + 1 < labelEnd { index += 1 }
            label.append(src[index])
            index += 1
        }
        let title = src.string(labelEnd + 2..<max).jsTrimmed
        guard !label.isEmpty, !title.isEmpty else { return false }
        let term = String(decoding: label, as: UTF8.self)
        if state.env.abbreviations[term] == nil { state.env.abbreviations[term] = title }
        state.line = startLine + 1
        return true
    }
}
