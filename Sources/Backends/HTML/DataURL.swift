/// `data:` URLs for the HTML file's images: the base64 is written straight into the URL's string
/// (Foundation's encoder and a concatenation took two passes and two copies of each image).
enum DataURL {
    static func make(mediaType: String, bytes: [UInt8]) -> String {
        let prefix = Array("data:\(mediaType);base64,".utf8)
        let capacity = prefix.count + (bytes.count + 2) / 3 * 4
        return String(unsafeUninitializedCapacity: capacity) { output in
            for (index, byte) in prefix.enumerated() { output[index] = byte }
            var out = prefix.count
            alphabet.withUnsafeBufferPointer { alphabet in
                bytes.withUnsafeBufferPointer { input in
                    let whole = input.count - input.count % 3
                    var index = 0
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
                        out += 4
                    }
                }
            }
            return out
        }
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
}
