/// Rewriting text over its UTF-8 bytes: the loop under TeX text escaping here and the backends'
/// XML escaping (`XMLText`), which differ only in what replaces which bytes.
public enum UTF8Replacing {
    /// `text` with replacements: at each byte `mayNeedWork` flags, `replacement(bytes, index)`
    /// gives the text that replaces how many bytes from there (empty text drops them), or nil to
    /// keep the byte. Text with nothing replaced is returned as it is, without a copy. Inlinable,
    /// so the test and the replacement are compiled into each caller's loop.
    @inlinable
    public static func replacing(
        in text: String, where mayNeedWork: (UInt8) -> Bool,
        with replacement: (UnsafeBufferPointer<UInt8>, Int) -> (text: StaticString, length: Int)?
    ) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            var copied = 0
            var index = 0
            while index < bytes.count {
                guard mayNeedWork(bytes[index]), let (replacing, length) = replacement(bytes, index) else {
                    index += 1
                    continue
                }
                if copied == 0 { out.reserveCapacity(bytes.count + 32) }
                out.append(contentsOf: bytes[copied..<index])
                out.append(contentsOf: UnsafeBufferPointer(start: replacing.utf8Start, count: replacing.utf8CodeUnitCount))
                index += length
                copied = index
            }
            guard copied > 0 else { return nil }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }
}
