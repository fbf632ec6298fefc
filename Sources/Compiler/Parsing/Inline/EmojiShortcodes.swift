/// `:tada:` → 🎉, from the table generated out of the PyPI package `emoji` (see
/// `scripts/generate-emoji.py`): GitHub-style aliases and CLDR names. An unknown name stays text.
enum EmojiShortcodes {
    /// Where each line of `emojiData` starts, and its end. The lines are in byte order of their
    /// names, so a name is found by binary search: building a table of the 5,335 lines took a few
    /// milliseconds of every run that met a colon.
    private static let lineStarts: [Int] = emojiData.utf8.withContiguousStorageIfAvailable { bytes in
        var starts = [0]
        for index in bytes.indices where bytes[index] == 0x0A { starts.append(index + 1) }
        if starts.last != bytes.count { starts.append(bytes.count + 1) }
        return starts
    }!

    /// The emoji of `name` (a shortcode without its colons), if the data has it.
    static func emoji(named name: ArraySlice<UInt8>) -> String? {
        emojiData.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var (low, high) = (0, lineStarts.count - 1)
            while low < high {
                let middle = (low + high) / 2
                let lineEnd = lineStarts[middle + 1] - 1
                let space = bytes[lineStarts[middle]..<lineEnd].firstIndex(of: 0x20) ?? lineEnd
                let entry = bytes[lineStarts[middle]..<space]
                if entry.elementsEqual(name) { return String(decoding: bytes[(space + 1)..<lineEnd], as: UTF8.self) }
                if entry.lexicographicallyPrecedes(name) { low = middle + 1 } else { high = middle }
            }
            return nil
        }!
    }

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
