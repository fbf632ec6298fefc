/// Named and numeric character references (`&amp;`, `&#35;`, `&#x22;`).
enum HTMLEntities {
    /// The named references' lines, in byte order of their names: a name is found by binary
    /// search (building a dictionary of the 2,125 names took a few milliseconds of every run that
    /// met one).
    static let named = SortedTableLines(htmlEntityData)

    /// The text of the named reference `&name;`, if there is one.
    static func value(named name: ArraySlice<UInt8>) -> String? {
        guard let codes = named.value(of: name) else { return nil }
        var value = String.UnicodeScalarView()
        var code: UInt32 = 0
        // Hexadecimal numbers separated by commas; the end closes the last.
        for byte in codes.utf8 + [UInt8(ascii: ",")] {
            if byte == UInt8(ascii: ",") {
                if let scalar = Unicode.Scalar(code) { value.append(scalar) }
                code = 0
            } else {
                code = code << 4 | UInt32(byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : (byte | 0x20) - UInt8(ascii: "a") + 10)
            }
        }
        return String(value)
    }

    /// Whether a numeric reference may produce this code point (markdown-it's `isValidEntityCode`).
    static func isValidCode(_ code: UInt32) -> Bool {
        if code >= 0xD800 && code <= 0xDFFF { return false }
        if code >= 0xFDD0 && code <= 0xFDEF { return false }
        if code & 0xFFFF == 0xFFFF || code & 0xFFFF == 0xFFFE { return false }
        if code <= 0x08 || code == 0x0B || (code >= 0x0E && code <= 0x1F) || (code >= 0x7F && code <= 0x9F) { return false }
        return code <= 0x10FFFF
    }

    /// Matches a reference at `index` (which holds `&`): the decoded text and the bytes consumed.
    /// Numeric references with invalid code points decode to U+FFFD when `replaceInvalid`, else do not match.
    static func match(in bytes: [UInt8], at index: Int, end: Int, replaceInvalid: Bool) -> (String, Int)? {
        match(in: bytes, at: index, end: end, replaceInvalid: replaceInvalid, maxDigits: replaceInvalid ? nil : 8)
    }

    /// `maxDigits` nil means markdown-it's inline limits: 6 hex digits, 7 decimal ones.
    static func match(in bytes: [UInt8], at index: Int, end: Int, replaceInvalid: Bool, maxDigits: Int?) -> (String, Int)? {
        var cursor = index + 1
        guard cursor < end else { return nil }
        if bytes[cursor] == UInt8(ascii: "#") {
            cursor += 1
            var hex = false
            if cursor < end, bytes[cursor] | 0x20 == UInt8(ascii: "x") {
                hex = true
                cursor += 1
            }
            let digitsStart = cursor
            var code: UInt32 = 0
            let limit = maxDigits ?? (hex ? 6 : 7)
            while cursor < end, cursor - digitsStart < limit {
                let byte = bytes[cursor]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x61...0x66 where hex: digit = UInt32(byte - 0x61 + 10)
                case 0x41...0x46 where hex: digit = UInt32(byte - 0x41 + 10)
                default: digit = 99
                }
                if digit == 99 { break }
                code = code * (hex ? 16 : 10) + digit
                cursor += 1
            }
            guard cursor > digitsStart, cursor < end, bytes[cursor] == UInt8(ascii: ";") else { return nil }
            if isValidCode(code), let scalar = Unicode.Scalar(code) { return (String(Character(scalar)), cursor + 1 - index) }
            return replaceInvalid ? ("\u{FFFD}", cursor + 1 - index) : nil
        }
        let nameStart = cursor
        guard cursor < end, (bytes[cursor] | 0x20) >= 0x61, (bytes[cursor] | 0x20) <= 0x7A else { return nil }
        while cursor < end, cursor - nameStart < 32, isAlphanumeric(bytes[cursor]) { cursor += 1 }
        guard cursor >= nameStart + 2, cursor < end, bytes[cursor] == UInt8(ascii: ";") else { return nil }
        guard let value = value(named: bytes[nameStart..<cursor]) else { return nil }
        return (value, cursor + 1 - index)
    }

    @inline(__always) static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
