/// Writing a document as UTF-8 bytes: the XHTML and HTML writers' and MathML's.
extension Array where Element == UInt8 {
    /// Appends a literal's UTF-8: a copy of its bytes, with no string made.
    @inlinable
    public mutating func append(_ literal: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends a string's UTF-8 in one copy.
    @inlinable
    public mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends `value` in decimal, with no string made.
    public mutating func append(decimal value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digitCount = 1
        var rest = magnitude
        while rest >= 10 {
            rest /= 10
            digitCount += 1
        }
        append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digitCount))
        var index = count
        repeat {
            index -= 1
            self[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
    }
}
