/// `data:` URLs for the HTML file's images: the base64 is written straight into the URL's string
/// (Foundation's encoder and a concatenation took two passes and two copies of each image).
enum DataURL {
    static func make(mediaType: String, bytes: [UInt8]) -> String {
        let prefix = Array("data:\(mediaType);base64,".utf8)
        let capacity = prefix.count + Base64.encodedCount(bytes.count)
        return String(unsafeUninitializedCapacity: capacity) { output in
            for (index, byte) in prefix.enumerated() { output[index] = byte }
            bytes.withUnsafeBufferPointer { Base64.encode($0, into: UnsafeMutableBufferPointer(rebasing: output[prefix.count...])) }
            return capacity
        }
    }
}
