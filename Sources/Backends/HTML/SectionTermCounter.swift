import Compiler

/// Counts the search terms of an article's sections as their text is read, piece by piece (the
/// pieces ``BlockText`` gives): no string is made of a section's text, and no string of a term.
///
/// The terms: bigrams of CJK runs (a lone CJK character is its own term) and words of letters and
/// digits, lower-cased. A run or a word goes on across pieces, as if they were one text; the
/// section's title is read as a text of its own. The page's script tokenizes queries the same way.
struct SectionTermCounter {
    private var cjk = CJKTermTable<Int32>(capacity: 512, empty: 0)
    private var words = WordTermTable<Int32>(capacity: 128, empty: 0)
    /// The last CJK character of the current run; `runLength` is 0 outside one.
    private var previousCJK: UInt32 = 0
    private var runLength = 0
    /// The current word's UTF-8 (ASCII letters lower-cased), in the first `wordLength` bytes.
    private var word: [UInt8] = Array(repeating: 0, count: 64)
    private var wordLength = 0
    private var wordIsASCII = true
    /// The bytes of text read since the last section.
    private(set) var bytesRead = 0
    /// Whether a scalar is alphabetic, for the last scalars seen (`scalar << 1 | answer`, at
    /// `scalar % 64`; 0 is empty): full-width punctuation comes again and again between the CJK
    /// characters, and Unicode's property lookup costs about 300 instructions.
    private var alphabetic = [UInt32](repeating: 0, count: 64)

    /// Reads the next piece of the section's text.
    mutating func read(_ text: String) {
        var text = text
        text.withUTF8 { read($0) }
    }

    /// The section read so far, with `title`'s terms counted too; the counter starts over.
    mutating func section(title: String, href: String) -> SearchIndex.Section {
        endText()
        read(title)
        endText()
        var cjkTerms: [(key: UInt64, count: Int32)] = []
        cjkTerms.reserveCapacity(cjk.count)
        cjk.forEach { cjkTerms.append(($0, $1)) }
        let section = SearchIndex.Section(title: title, href: href, cjkTerms: cjkTerms, words: words.words, wordCounts: words.values)
        cjk.removeAll()
        words.removeAll()
        bytesRead = 0
        return section
    }

    /// Reads the next piece of the section's text, as UTF-8 (whole characters).
    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
        bytesRead += bytes.count
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte < 0x80 {
                // Most of the text that is not CJK: letters and digits go on a word (all of them
                // at once), anything else ends one.
                if runLength > 0 { endRun() }
                var end = position
                while end < bytes.count, Self.isASCIIWordByte(bytes[end]) { end += 1 }
                if end > position {
                    appendToWord(UnsafeBufferPointer(rebasing: bytes[position..<end]))
                    position = end
                } else {
                    if wordLength > 0 { endWord() }
                    position += 1
                }
                continue
            }
            let (value, length) = UTF8Scalars.scalar(in: bytes, at: position)
            if Self.isCJK(value) {
                if wordLength > 0 { endWord() }
                if runLength > 0 { cjk.update(UInt64(previousCJK) << 21 | UInt64(value)) { $0 += 1 } }
                previousCJK = value
                runLength += 1
            } else if isAlphabetic(value) {
                if runLength > 0 { endRun() }
                appendToWord(UnsafeBufferPointer(rebasing: bytes[position..<position + length]))
                wordIsASCII = false
            } else {
                if runLength > 0 { endRun() }
                if wordLength > 0 { endWord() }
            }
            position += length
        }
    }

    /// Unicode's `Alphabetic` property of a scalar (not ASCII).
    private mutating func isAlphabetic(_ value: UInt32) -> Bool {
        let slot = Int(value & 63)
        if alphabetic[slot] >> 1 == value { return alphabetic[slot] & 1 == 1 }
        let answer = (Unicode.Scalar(value) ?? "\u{FFFD}").properties.isAlphabetic
        alphabetic[slot] = value << 1 | (answer ? 1 : 0)
        return answer
    }

    /// Ends the current run and word: the end of a text.
    private mutating func endText() {
        if runLength > 0 { endRun() }
        if wordLength > 0 { endWord() }
    }

    /// Puts bytes on the current word, ASCII letters lower-cased (which changes no other
    /// letter's lower case: they are cased letters either way).
    private mutating func appendToWord(_ bytes: UnsafeBufferPointer<UInt8>) {
        let start = wordLength
        wordLength += bytes.count
        if word.count < wordLength { word += repeatElement(0, count: max(wordLength, 2 * word.count) - word.count) }
        word.withUnsafeMutableBufferPointer { word in
            for (offset, byte) in bytes.enumerated() { word[start + offset] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        }
    }

    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private mutating func endRun() {
        if runLength == 1 { cjk.update(UInt64(previousCJK) << 21) { $0 += 1 } }
        previousCJK = 0
        runLength = 0
    }

    /// Counts the current word, lower-cased: an ASCII word already is, any other by Unicode's rules.
    private mutating func endWord() {
        if wordIsASCII {
            word.withUnsafeBufferPointer { Self.count(UnsafeBufferPointer(rebasing: $0[..<wordLength]), in: &words) }
        } else {
            var lowered = String(decoding: word[..<wordLength], as: UTF8.self).lowercased()
            lowered.withUTF8 { Self.count($0, in: &words) }
        }
        wordLength = 0
        wordIsASCII = true
    }

    private static func count(_ word: UnsafeBufferPointer<UInt8>, in words: inout WordTermTable<Int32>) {
        words.update(word, hash: WordList.hash(word)) { $0 += 1 }
    }

    static func isCJK(_ value: UInt32) -> Bool {
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}
