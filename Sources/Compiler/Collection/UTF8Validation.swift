/// Finds the first byte that is not part of well-formed UTF-8 (overlong forms, surrogates and
/// values past U+10FFFF are not), or nil when all of `bytes` is UTF-8.
func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { buffer -> Int? in
        let count = buffer.count
        var index = 0
        while index < count {
            let lead = buffer[index]
            if lead < 0x80 {
                // An ASCII byte, then the ASCII run after it eight bytes at a time.
                index += 1
                while index + 8 <= count,
                    UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                continue
            }
            // Most characters of a Chinese text: a lead E1–EC or EE–EF (no bounds on the second
            // byte beyond a continuation's) and two continuation bytes.
            if lead & 0xF0 == 0xE0, lead != 0xE0, lead != 0xED, index + 2 < count,
                buffer[index + 1] & 0xC0 == 0x80, buffer[index + 2] & 0xC0 == 0x80
            {
                index += 3
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = buffer[index + 1]
            guard second >= lower, second <= upper else { return index }
            if length > 2, buffer[index + 2] & 0xC0 != 0x80 { return index }
            if length > 3, buffer[index + 3] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }
}

/// The 1-based line and byte column of `offset` in `bytes`.
func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> SourcePosition {
    var line = 1
    var lineStart = 0
    for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
        line += 1
        lineStart = index + 1
    }
    return SourcePosition(line: line, column: offset - lineStart + 1)
}
