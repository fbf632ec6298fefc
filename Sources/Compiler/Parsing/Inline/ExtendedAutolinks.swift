/// GFM's extended autolinks in plain text: `www.example.com`, `https://…`, `ftp://…` and
/// `user@example.com`, with cmark-gfm's rules for valid domains and trailing punctuation.
enum ExtendedAutolinks {
    /// A link found in text: its byte range and the destination.
    struct Match {
        var range: Range<Int>
        var href: String
    }

    /// A cheap first look: only text with `@`, `://` or `www.` can hold an extended autolink.
    static func mayContainLink(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(mayContainLink) ?? Array(text.utf8).withUnsafeBufferPointer(mayContainLink)
    }

    static func mayContainLink(_ text: Text) -> Bool {
        text.withUTF8(mayContainLink)
    }

    /// An `@`, a `:/` or a `w.`: what every link `find` finds holds. Eight bytes holding none of
    /// `@`, `/` and `.` are passed over at once.
    private static func mayContainLink(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if !EightBytes.hasByte(UInt8(ascii: "@"), in: word), !EightBytes.hasByte(UInt8(ascii: "/"), in: word),
                   !EightBytes.hasByte(UInt8(ascii: "."), in: word)
                {
                    previous = bytes[index + 7]
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "@") || (byte == UInt8(ascii: "/") && previous == UInt8(ascii: ":"))
                || (byte == UInt8(ascii: ".") && previous == UInt8(ascii: "w"))
            {
                return true
            }
            previous = byte
            index += 1
        }
        return false
    }

    static func find(in bytes: [UInt8]) -> [Match] {
        var matches: [Match] = []
        var index = 0
        var lastEnd = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "@"), let match = email(bytes, at: index, notBefore: lastEnd) {
                matches.append(match)
                index = match.range.upperBound
                lastEnd = index
                continue
            }
            // `www.` needs a delimiter before it; a scheme only needs to start a word (cmark-gfm).
            let boundary = index == 0 || isBoundary(bytes[index - 1])
            let wordStart = index == 0 || !HTMLSyntax.isLetter(bytes[index - 1])
            if byte == UInt8(ascii: "w") || byte == UInt8(ascii: "h") || byte == UInt8(ascii: "f"),
                let match = (boundary ? www(bytes, at: index) : nil) ?? (wordStart ? url(bytes, at: index) : nil)
            {
                matches.append(match)
                index = match.range.upperBound
                lastEnd = index
                continue
            }
            index += 1
        }
        return matches
    }

    private static func isBoundary(_ byte: UInt8) -> Bool {
        HTMLSyntax.isWhitespace(byte) || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
            || byte == UInt8(ascii: "(")
    }

    private static func www(_ bytes: [UInt8], at start: Int) -> Match? {
        guard HTMLSyntax.starts(bytes, start, bytes.count, "www.") else { return nil }
        guard let domainEnd = domain(bytes, from: start, requireDot: true) else { return nil }
        let end = trimmedEnd(bytes, start: start, end: pathEnd(bytes, from: domainEnd))
        guard end > start else { return nil }
        return Match(range: start..<end, href: "http://" + bytes.string(start..<end))
    }

    private static func url(_ bytes: [UInt8], at start: Int) -> Match? {
        var afterScheme = 0
        for scheme: StaticString in ["http://", "https://", "ftp://"] where HTMLSyntax.starts(bytes, start, bytes.count, scheme) {
            afterScheme = start + scheme.utf8CodeUnitCount
        }
        guard afterScheme > 0, let domainEnd = domain(bytes, from: afterScheme, requireDot: false) else { return nil }
        let end = trimmedEnd(bytes, start: start, end: pathEnd(bytes, from: domainEnd))
        guard end > afterScheme else { return nil }
        return Match(range: start..<end, href: bytes.string(start..<end))
    }

    private static func email(_ bytes: [UInt8], at: Int, notBefore floor: Int) -> Match? {
        func isLocal(_ byte: UInt8) -> Bool {
            HTMLSyntax.isLetter(byte) || HTMLSyntax.isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        var start = at
        while start > floor, isLocal(bytes[start - 1]) { start -= 1 }
        guard start < at else { return nil }
        var end = at + 1
        var dots = 0
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: ".") {
                guard end + 1 < bytes.count, HTMLSyntax.isLetter(bytes[end + 1]) || HTMLSyntax.isDigit(bytes[end + 1]) else { break }
                dots += 1
            } else if !(HTMLSyntax.isLetter(byte) || HTMLSyntax.isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")) {
                break
            }
            end += 1
        }
        guard dots > 0, end > at + 1 else { return nil }
        let last = bytes[end - 1]
        guard last != UInt8(ascii: "-"), last != UInt8(ascii: "_") else { return nil }
        var href = "mailto:" + bytes.string(start..<end)
        func prefixed(_ scheme: StaticString) -> Bool {
            let length = scheme.utf8CodeUnitCount
            return start >= length && HTMLSyntax.starts(bytes, start - length, bytes.count, scheme)
                && (start == length || !HTMLSyntax.isLetter(bytes[start - length - 1]))
        }
        // `mailto:` written out is part of the link; `xmpp:` links may carry a `/resource`.
        if prefixed("mailto:") {
            start -= 7
            href = bytes.string(start..<end)
        } else if prefixed("xmpp:") {
            start -= 5
            if end < bytes.count, bytes[end] == UInt8(ascii: "/") {
                var resourceEnd = end + 1
                while resourceEnd < bytes.count, HTMLSyntax.isLetter(bytes[resourceEnd]) || HTMLSyntax.isDigit(bytes[resourceEnd])
                    || "@.-_".utf8.contains(bytes[resourceEnd])
                {
                    resourceEnd += 1
                }
                while resourceEnd > end + 1, bytes[resourceEnd - 1] == UInt8(ascii: ".") { resourceEnd -= 1 }
                if resourceEnd > end + 1 { end = resourceEnd }
            }
            href = bytes.string(start..<end)
        }
        return Match(range: start..<end, href: href)
    }

    /// The end of a valid domain starting at `from`: labels of letters, digits, `-` and `_`
    /// separated by dots, with no `_` in the last two labels.
    private static func domain(_ bytes: [UInt8], from: Int, requireDot: Bool) -> Int? {
        var index = from
        var dots = 0
        var underscoresInLast = 0
        var underscoresInPrevious = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "_") {
                underscoresInLast += 1
            } else if byte == UInt8(ascii: ".") {
                underscoresInPrevious = underscoresInLast
                underscoresInLast = 0
                dots += 1
            } else if !(byte >= 0x80 || HTMLSyntax.isLetter(byte) || HTMLSyntax.isDigit(byte) || byte == UInt8(ascii: "-")) {
                break
            }
            index += 1
        }
        if underscoresInLast > 0 || underscoresInPrevious > 0 { return nil }
        if requireDot, dots == 0 { return nil }
        return index > from ? index : nil
    }

    private static func pathEnd(_ bytes: [UInt8], from: Int) -> Int {
        var index = from
        while index < bytes.count, !HTMLSyntax.isWhitespace(bytes[index]), bytes[index] != UInt8(ascii: "<") { index += 1 }
        return index
    }

    /// cmark-gfm's `autolink_delim`: trailing punctuation and unbalanced `)` are not part of the link.
    private static func trimmedEnd(_ bytes: [UInt8], start: Int, end initialEnd: Int) -> Int {
        var end = initialEnd
        var opening = 0
        var closing = 0
        for index in start..<end {
            if bytes[index] == UInt8(ascii: "(") { opening += 1 } else if bytes[index] == UInt8(ascii: ")") { closing += 1 }
        }
        while end > start {
            switch bytes[end - 1] {
            case UInt8(ascii: ")"):
                if closing <= opening { return end }
                closing -= 1
                end -= 1
            case UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "*"),
                UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "'"), UInt8(ascii: "\""):
                end -= 1
            case UInt8(ascii: ";"):
                var entityStart = end - 2
                while entityStart > start, HTMLSyntax.isLetter(bytes[entityStart]) { entityStart -= 1 }
                end = entityStart < end - 2 && bytes[entityStart] == UInt8(ascii: "&") ? entityStart : end - 1
            default:
                return end
            }
        }
        return end
    }
}
