/// Backslash escapes, entities, reference labels and URLs as markdown-it treats them.
enum TextEscaping {
    /// markdown-it's `unescapeAll`: backslash-escaped ASCII punctuation and valid entities decoded.
    static func unescapeAll(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "\\")) || bytes.contains(UInt8(ascii: "&")) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, CharacterClass.isASCIIPunctuation(bytes[index + 1]) {
                out.append(bytes[index + 1])
                index += 2
                continue
            }
            if byte == UInt8(ascii: "&"), let (decoded, length) = HTMLEntities.match(in: bytes, at: index, end: bytes.count, replaceInvalid: false) {
                out.append(contentsOf: decoded.utf8)
                index += length
                continue
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// markdown-it's `normalizeReference`: trimmed, inner whitespace folded, case folded.
    static func normalizeReference(_ label: String) -> String {
        let folded = label.jsTrimmed.split(whereSeparator: { $0.unicodeScalars.allSatisfy { CharacterClass.isJSWhiteSpace($0.value) } })
            .joined(separator: " ")
        return folded.replacingOccurrences(of: "ẞ", with: "ß").lowercased().uppercased()
    }

    /// `&`, `<`, `>` and `"` as entities (markdown-it's `escapeHtml`).
    static func escapeHTML(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 {
            needs = true
            break
        }
        guard needs else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static let keptInURL = ASCIISet(";/?:@&=+$,-_.!~*'()#")

    /// mdurl's `encode`: percent-encodes what a URL may not hold, keeping valid `%XX` escapes.
    static func encodeURL(_ url: String) -> String {
        let bytes = Array(url.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let hexDigits = Array("0123456789ABCDEF".utf8)
        func isHex(_ byte: UInt8) -> Bool { HTMLEntities.isAlphanumeric(byte) && (byte <= 0x39 || (byte | 0x20) <= 0x66) }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) {
                out.append(contentsOf: bytes[index...index + 2])
                index += 3
                continue
            }
            if HTMLEntities.isAlphanumeric(byte) || keptInURL.contains(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// mdurl's `decode` as markdown-it's `normalizeLinkText` uses it: `%XX` sequences that form
    /// UTF-8 are decoded, except those for `;/?:@&=+$,#%`.
    static func decodeURLText(_ url: String) -> String {
        let bytes = Array(url.utf8)
        guard bytes.contains(UInt8(ascii: "%")) else { return url }
        let hexValue = CharacterClass.hexValue
        let reserved: Set<UInt8> = Set(";/?:@&=+$,#%".utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                hexValue(bytes[index + 1]) != nil, hexValue(bytes[index + 2]) != nil
            {
                // Gather the run of escapes and decode it if it is valid UTF-8.
                var run: [UInt8] = []
                var cursor = index
                while cursor + 2 < bytes.count, bytes[cursor] == UInt8(ascii: "%"),
                    let h = hexValue(bytes[cursor + 1]), let l = hexValue(bytes[cursor + 2])
                {
                    run.append(h << 4 | l)
                    cursor += 3
                }
                var position = 0
                while position < run.count {
                    let lead = run[position]
                    let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
                    let chunk = length > 0 && position + length <= run.count ? Array(run[position..<position + length]) : []
                    if length > 0, chunk.count == length, firstInvalidUTF8Offset(chunk) == nil, !(length == 1 && reserved.contains(lead)) {
                        out.append(contentsOf: chunk)
                        position += length
                    } else {
                        let source = index + position * 3
                        out.append(contentsOf: bytes[source..<source + 3])
                        position += 1
                    }
                }
                index = cursor
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// markdown-it's `validateLink`: no `javascript:`, `vbscript:`, `file:` or non-image `data:` URLs.
    static func isSafeLink(_ url: String) -> Bool {
        let lower = url.jsTrimmed.lowercased()
        for scheme in ["vbscript:", "javascript:", "file:", "data:"] where lower.hasPrefix(scheme) {
            if scheme == "data:" {
                return ["data:image/gif;", "data:image/png;", "data:image/jpeg;", "data:image/webp;"].contains { lower.hasPrefix($0) }
            }
            return false
        }
        return true
    }
}
