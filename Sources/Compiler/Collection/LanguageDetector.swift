/// Guesses a book's language from its text when the config names none: mostly Han characters →
/// `zh-CN`, with kana → `ja`, Hangul → `ko`, else `en`.
enum LanguageDetector {
    /// At most how many articles are read, spread evenly over the book: plenty to tell a script,
    /// and a big book's detection does not grow with it.
    static let sampleSize = 500

    static func detect(_ articles: [Article]) -> String {
        let step = max(1, (articles.count + sampleSize - 1) / sampleSize)
        let counts = stride(from: 0, to: articles.count, by: step).map { articles[$0] }.parallelMap(ScriptCounts.init(sample:))
        let han = counts.reduce(0) { $0 + $1.han }
        let kana = counts.reduce(0) { $0 + $1.kana }
        let hangul = counts.reduce(0) { $0 + $1.hangul }
        let latin = counts.reduce(0) { $0 + $1.latin }
        let cjk = han + kana + hangul
        // A Latin word is about five letters: compare characters of CJK text with words of Latin text.
        guard cjk * 5 >= latin else { return "en" }
        if hangul > han + kana { return "ko" }
        if kana * 10 >= cjk { return "ja" }
        return "zh-CN"
    }
}

/// How many characters of each script an article's title and first 40 blocks have.
struct ScriptCounts: Sendable, Equatable {
    var han = 0
    var kana = 0
    var hangul = 0
    var latin = 0

    init() {}

    init(sample article: Article) {
        count(article.metadata.title)
        // The text of paragraphs and headings, read piece by piece.
        for block in article.blocks.prefix(40) {
            switch block.kind {
            case .paragraph(let inlines, _), .heading(let inlines, _): inlines.forEachPlainTextPiece { count($0) }
            default: break
            }
        }
    }

    mutating func count(_ text: String) {
        var text = text
        text.withUTF8 { count($0) }
    }

    /// Counts over UTF-8 bytes: every scalar counted is ASCII or three bytes long, so only those
    /// are decoded.
    mutating func count(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            switch lead {
            case 0x41...0x5A, 0x61...0x7A:
                latin += 1
                index += 1
            case 0xE0...0xEF where index + 2 < bytes.count:
                let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                switch value {
                case 0x4E00...0x9FFF, 0x3400...0x4DBF: han += 1
                case 0x3040...0x30FF: kana += 1
                case 0xAC00...0xD7AF: hangul += 1
                default: break
                }
                index += 3
            default:
                index += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : 4
            }
        }
    }
}
