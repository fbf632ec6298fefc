#if canImport(Glibc)
import Glibc
#endif

/// `:tada:` → 🎉, from the table generated out of the PyPI package `emoji` (see
/// `scripts/generate-emoji.py`): GitHub-style aliases and CLDR names. An unknown name stays text.
enum EmojiShortcodes {
    /// The data's lines, in byte order of their names: a name is found by binary search (building
    /// a dictionary of the 5,335 lines took a few milliseconds of every run that met a colon).
    static let table = SortedTableLines(emojiData)

    /// The emoji of `name` (a shortcode without its colons), if the data has it.
    static func emoji(named name: ArraySlice<UInt8>) -> String? {
        table.value(of: name)
    }

    /// `text` with every known `:shortcode:` replaced.
    /// Whether `text` may hold a shortcode: at least three bytes, one of them `:`.
    static func mayHoldShortcode(_ text: Text) -> Bool {
        text.utf8Count >= 3 && text.withUTF8 { memchr($0.baseAddress!, Int32(UInt8(ascii: ":")), $0.count) != nil }
    }

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
                    let emoji = emoji(named: bytes[(index + 1)..<end])
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
