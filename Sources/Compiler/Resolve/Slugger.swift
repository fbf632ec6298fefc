import Foundation

/// Heading anchors as VuePress makes them (`@vuepress/shared`'s `slugify`, markdown-it-anchor's
/// unique suffixes): NFKD, combining marks dropped, runs of whitespace and ASCII or typographic
/// punctuation become `-`, `-` trimmed, `_` before a leading digit, lowercase; repeats get `-1`, `-2`…
struct Slugger {
    /// Every id given out (or reserved).
    private(set) var given: Set<ExactText> = []
    /// For each id asked for, the suffix to try next: every smaller one is known to be used
    /// (the set only grows), so many equal headings cost linear time, not quadratic.
    private var nextSuffix: [ExactText: Int] = [:]

    /// The punctuation VuePress's slugify turns into `-`.
    private static let special = Set("~`!@#$%^&*()-_+=[]{}|\\;:\"'“”‘’<>,.?/".unicodeScalars)

    static func slug(_ text: String) -> String {
        // NFKD changes nothing in ASCII and the CJK Unified Ideographs block, most headings' text;
        // such text is slugged as bytes, the rest by scalars after Foundation's decomposition.
        let isStable = text.unicodeScalars.allSatisfy { $0.value < 0x80 || (0x4E00...0x9FFF).contains($0.value) }
        return isStable ? stableSlug(text) : scalarSlug(text.decomposedStringWithCompatibilityMapping)
    }

    /// The slug of text of ASCII and CJK ideographs: a CJK byte is neither a mark, white space
    /// nor punctuation, and lowercasing changes ASCII letters only.
    static func stableSlug(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            // A slug is at most one byte longer than its text: a dash stands for one byte or more.
            String(unsafeUninitializedCapacity: bytes.count + 1) { out in
                // Written from the second byte, so a `_` can go before a leading digit.
                var count = 1
                var pendingDash = false
                for byte in bytes {
                    if byte < 0x20 { continue }
                    if byte < 0x80, byte == 0x20 || specialASCII.contains(byte) {
                        pendingDash = true
                        continue
                    }
                    if pendingDash, count > 1 {
                        out[count] = UInt8(ascii: "-")
                        count += 1
                    }
                    pendingDash = false
                    out[count] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                    count += 1
                }
                guard count > 1, out[1] >= UInt8(ascii: "0"), out[1] <= UInt8(ascii: "9") else {
                    // No leading digit: the slug moves down to the start.
                    if count > 1 { UnsafeMutableRawPointer(out.baseAddress!).copyMemory(from: out.baseAddress! + 1, byteCount: count - 1) }
                    return count - 1
                }
                out[0] = UInt8(ascii: "_")
                return count
            }
        }
    }

    private static let specialASCII = ASCIISet("~`!@#$%^&*()-_+=[]{}|\\;:\"'<>,.?/")

    static func scalarSlug(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) || scalar.value < 0x20 { continue }
            if special.contains(scalar) || scalar.properties.isWhitespace {
                pendingDash = true
                continue
            }
            if pendingDash, !out.isEmpty { out.append("-") }
            pendingDash = false
            out.append(scalar)
        }
        var slug = String(out)
        if let first = slug.unicodeScalars.first, ("0"..."9").contains(first) { slug = "_" + slug }
        return slug.lowercased()
    }

    /// The slug of `text`, made unique among those this slugger gave out.
    mutating func uniqueSlug(_ text: String) -> String {
        reserve(Self.slug(text))
    }

    /// `id` itself when unused, else `id-1`, `id-2`, …; the result is recorded as used.
    mutating func reserve(_ id: String) -> String {
        if given.insert(ExactText(id)).inserted { return id }
        var counter = nextSuffix[ExactText(id), default: 1]
        var candidate: String
        repeat {
            candidate = "\(id)-\(counter)"
            counter += 1
        } while !given.insert(ExactText(candidate)).inserted
        nextSuffix[ExactText(id)] = counter
        return candidate
    }
}

extension Inlines {
    /// The text markdown-it-anchor slugs: text and inline code only.
    var anchorText: String {
        if count == 1, case .text(let text) = self[0] { return text.string }
        var out = ""
        forEachInline { inline in
            switch inline {
            case .text(let text): out += text.string
            case .code(let text, _): out += text
            case .abbreviation(let term, _): out += term
            default: break
            }
        }
        return out
    }
}
