/// Base64 (RFC 4648, with `=` padding) written straight into a buffer: the HTML file's images
/// (``DataURL``) and its search index's postings are millions of bytes, and Foundation's encoder
/// makes a `Data` and a `String` of each.
enum Base64 {
    /// How many characters `count` bytes take.
    static func encodedCount(_ count: Int) -> Int { (count + 2) / 3 * 4 }

    /// Writes the base64 of `input` at the start of `output` (``encodedCount(_:)`` bytes of room).
    static func encode(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) {
        alphabet.withUnsafeBufferPointer { alphabet in
            let whole = input.count - input.count % 3
            var (index, out) = (0, 0)
            while index < whole {
                let group = Int(input[index]) << 16 | Int(input[index + 1]) << 8 | Int(input[index + 2])
                output[out] = alphabet[group >> 18]
                output[out + 1] = alphabet[group >> 12 & 63]
                output[out + 2] = alphabet[group >> 6 & 63]
                output[out + 3] = alphabet[group & 63]
                out += 4
                index += 3
            }
            // The last one or two bytes, padded with `=`.
            if index < input.count {
                let second = index + 1 < input.count ? Int(input[index + 1]) : 0
                let group = Int(input[index]) << 16 | second << 8
                output[out] = alphabet[group >> 18]
                output[out + 1] = alphabet[group >> 12 & 63]
                output[out + 2] = index + 1 < input.count ? alphabet[group >> 6 & 63] : UInt8(ascii: "=")
                output[out + 3] = UInt8(ascii: "=")
            }
        }
    }

    /// Appends the base64 of `input` to `bytes`.
    static func append(_ input: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: encodedCount(input.count)))
        bytes.withUnsafeMutableBufferPointer { encode(input, into: UnsafeMutableBufferPointer(rebasing: $0[start...])) }
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
}
