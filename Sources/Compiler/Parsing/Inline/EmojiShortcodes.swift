/// `:tada:` → 🎉, from the table generated out of the PyPI package `emoji` (see
/// `scripts/generate-emoji.py`): GitHub-style aliases and CLDR names. An unknown name stays text.
enum EmojiShortcodes {
    static let table: [String: String] = {
        var table: [String: String] = [:]
        table.reserveCapacity(5400)
        var data = emojiData
        data.withUTF8 { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
                if let space = bytes[lineStart..<lineEnd].firstIndex(of: 0x20) {
                    table[String(decoding: bytes[lineStart..<space], as: UTF8.self)] =
                        String(decoding: bytes[(space + 1)..<lineEnd], as: UTF8.self)
                }
                lineStart = lineEnd + 1
            }
        }
        return table
    }()

    /// `text` with every known `:shortcode:` replaced.
    static func replace(in text: String) -> String {
        guard text.utf8.count >= 3, text.utf8Contains(UInt8(ascii: ":")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: ":") {
                var end = index + 1
                while end < bytes.count, end - index <= 64, isNameByte(bytes[end]) { end += 1 }
                if end < bytes.count, end > index + 1, bytes[end] == UInt8(ascii: ":"),
                    let emoji = table[String(decoding: bytes[(index + 1)..<end], as: UTF8.self)]
                {
                    out.append(contentsOf: emoji.utf8)
                    index = end + 1
                    continue
                }
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        HTMLSyntax.isLetter(byte) || HTMLSyntax.isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: "-")
    }
}
