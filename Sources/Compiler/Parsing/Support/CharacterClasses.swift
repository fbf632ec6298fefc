#if canImport(Glibc)
import Glibc
#endif

/// Byte and scalar classes as markdown-it defines them.
enum CharacterClass {
    /// Space or tab: markdown-it's `isSpace`.
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Unicode whitespace as CommonMark's emphasis rules see it (markdown-it's `isWhiteSpace`).
    static func isWhiteSpace(_ scalar: UInt32) -> Bool {
        if scalar >= 0x2000 && scalar <= 0x200A { return true }
        switch scalar {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The value of a hex digit (`0`–`9`, `a`–`f`, `A`–`F`), for `%XX` escapes; nil for other bytes.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// ASCII punctuation (markdown-it's `isMdAsciiPunct`).
    @inline(__always) static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// Unicode punctuation or symbol (categories P and S), as CommonMark 0.31 and markdown-it 14 use.
    static func isPunctuation(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return isASCIIPunctuation(UInt8(scalar)) }
        guard let value = Unicode.Scalar(scalar) else { return false }
        switch value.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// Whitespace that JavaScript's `String.prototype.trim` removes.
    static func isJSWhiteSpace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// Wide, fullwidth and halfwidth East Asian characters that are not emoji, and Hangul: what
    /// markdown-it-cjk-friendly treats as CJK beside an emphasis marker.
    static func isWideCJK(_ scalar: UInt32) -> Bool {
        guard scalar >= 0x1100 else { return false }
        switch scalar {
        case 0x1100...0x11FF, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
            0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFFEE, 0x1B000...0x1B2FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// CJK characters between which a line break is no space (Han, kana, Hangul, CJK punctuation, full-width forms).
    static func isCJK(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x2FF0...0x303F, 0x3040...0x31FF, 0x3200...0x9FFF, 0xA960...0xA97F,
            0xAC00...0xD7FF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}

/// Decoding single scalars out of UTF-8 bytes at byte offsets.
public enum UTF8Scalars {
    /// The scalar that starts at `index` and its length in bytes.
    @inlinable
    public static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return (0xFFFD, 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }

    /// The scalar that ends just before `index`.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> UInt32 {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80, index - start < 4 { start -= 1 }
        return scalar(in: bytes, at: start).value
    }
}

extension BidirectionalCollection where Element == UInt8 {
    /// The bytes without the spaces, tabs, CR and LF around them (markdown-it's `trim()` of a
    /// paragraph's or heading's text: a leading U+3000 or a trailing no-break space stays).
    var minimalSpacesTrimmed: SubSequence {
        let isMinimalSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = firstIndex(where: { !isMinimalSpace($0) }) else { return self[endIndex...] }
        let last = lastIndex(where: { !isMinimalSpace($0) })!
        return self[first...last]
    }
}

extension Text {
    /// The text without the spaces, tabs, CR and LF around it (markdown-it's `trim()` of a
    /// paragraph's or heading's text), sharing this text's storage.
    var minimalSpacesTrimmed: Text {
        let (start, count) = withUTF8 { bytes in
            let trimmed = bytes.minimalSpacesTrimmed
            return (trimmed.startIndex, trimmed.count)
        }
        return dropFirst(utf8Count: start).prefix(utf8Count: count)
    }
}

extension ArraySlice where Element == UInt8 {
    /// JavaScript's `trim()` over valid UTF-8: the bytes without the whitespace it knows around
    /// them (what `jsTrimmed` does to the same text as a String, without decoding it).
    var jsTrimmed: ArraySlice<UInt8> {
        var lower = startIndex
        var upper = endIndex
        while lower < upper, let length = jsWhiteSpaceLength(startingAt: lower, before: upper) { lower += length }
        while lower < upper, let length = jsWhiteSpaceLength(endingAt: upper, after: lower) { upper -= length }
        return self[lower..<upper]
    }

    /// The length of the JS whitespace character at `index`, if one is there (UTF-8 lengths 1–3).
    private func jsWhiteSpaceLength(startingAt index: Int, before end: Int) -> Int? {
        let lead = self[index]
        if lead < 0x80 { return CharacterClass.isJSWhiteSpace(UInt32(lead)) ? 1 : nil }
        let length = lead >= 0xE0 ? 3 : 2
        guard lead >= 0xC2, lead < 0xF0, index + length <= end else { return nil }
        var scalar = UInt32(lead) & (length == 3 ? 0x0F : 0x1F)
        for offset in 1..<length {
            let byte = self[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        return CharacterClass.isJSWhiteSpace(scalar) ? length : nil
    }

    /// The length of the JS whitespace character that ends just before `end`, if one does.
    private func jsWhiteSpaceLength(endingAt end: Int, after start: Int) -> Int? {
        if self[end - 1] < 0x80 { return CharacterClass.isJSWhiteSpace(UInt32(self[end - 1])) ? 1 : nil }
        for length in 2...3 where end - length >= start && self[end - length] & 0xC0 != 0x80 {
            return jsWhiteSpaceLength(startingAt: end - length, before: end) == length ? length : nil
        }
        return nil
    }
}

extension Array where Element == UInt8 {
    /// The bytes `range` as a String (the input is valid UTF-8, so this never repairs).
    @inline(__always) func string(_ range: Range<Int>) -> String {
        let lower = Swift.max(0, Swift.min(range.lowerBound, count))
        let upper = Swift.max(lower, Swift.min(range.upperBound, count))
        return String(decoding: self[lower..<upper], as: UTF8.self)
    }
}

extension String {
    /// Whether the UTF-8 of the string holds `byte` (a `memchr` over native strings' storage).
    func utf8Contains(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.isEmpty ? false : memchr($0.baseAddress!, Int32(byte), $0.count) != nil }
            ?? utf8.contains(byte)
    }

    /// JavaScript's `trim()`: strips the whitespace it knows, including U+3000 and U+00A0.
    var jsTrimmed: String {
        // Most texts start and end with a printable ASCII character: nothing to look up then.
        if let first = utf8.first, let last = utf8.last, (0x21..<0x80).contains(first), (0x21..<0x80).contains(last) { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !CharacterClass.isJSWhiteSpace($0.value) }) else { return "" }
        let last = scalars.lastIndex(where: { !CharacterClass.isJSWhiteSpace($0.value) })!
        return String(scalars[first...last])
    }
}
