import Compiler

/// Where a backend puts the places a chapter points to: other chapters and headings, and images.
protocol LinkTargets {
    /// The `href` of a place inside the book (`chapter-004.xhtml#loss`, or `#loss` in one file).
    func href(for target: InternalTarget) -> String
    /// How an image of the book is referred to (a path in the EPUB, a `data:` URL once in the HTML).
    func image(_ resource: ResourceID) -> ImageReference?
}

/// The `src` of an `<img>`, or, for an image shown again in one HTML file, the id of the first
/// `<img>` that holds its bytes (the page's script copies them; without scripts the alt text shows).
enum ImageReference {
    case source(String)
    /// The first use of an image that is shown more than once: it gets this id.
    case firstUse(source: String, id: String)
    case copy(of: String)
}

/// The external destinations a book keeps as links: the web and mail, with a host a URL parser
/// accepts. Anything else (`javascript:`, `data:`, `file:`, site paths that matched no article,
/// malformed hosts) is shown as text.
enum ExternalURL {
    static let schemes: Set<String> = ["http", "https", "mailto", "ftp"]

    static func isAllowed(_ destination: String) -> Bool {
        // Nearly every URL is ASCII, where a byte is a character: read it as bytes.
        if let allowed = destination.utf8.withContiguousStorageIfAvailable(isAllowedASCII), let allowed { return allowed }
        return isAllowedText(destination)
    }

    /// ``isAllowed(_:)`` for ASCII text; nil for any other.
    static func isAllowedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var colon: Int?
        var refused = false
        for (index, byte) in bytes.enumerated() {
            if byte >= 0x80 { return nil }
            if colon == nil, byte == UInt8(ascii: ":") { colon = index }
            // Unicode's white space in ASCII (tab to carriage return, space), quotes, angle brackets, backslash.
            if (0x09...0x0D).contains(byte) || byte == 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\\") { refused = true }
        }
        guard let colon, !refused else { return false }
        let scheme = String(decoding: bytes[..<colon].map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        guard schemes.contains(scheme) else { return false }
        if scheme == "mailto" { return bytes.count > 7 }
        let rest = bytes[(colon + 1)...]
        guard rest.starts(with: "//".utf8) else { return false }
        let authority = rest.dropFirst(2).prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        var host = authority[((authority.lastIndex(of: UInt8(ascii: "@")) ?? authority.startIndex - 1) + 1)...]
        if host.first == UInt8(ascii: "[") { return host.contains(UInt8(ascii: "]")) }
        if let portColon = host.lastIndex(of: UInt8(ascii: ":")) {
            guard host[(portColon + 1)...].allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
            host = host[..<portColon]
        }
        return !host.isEmpty && host.allSatisfy {
            (0x30...0x39).contains($0) || (0x41...0x5A).contains($0 & 0xDF) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
        }
    }

    /// ``isAllowed(_:)`` by `Character`, for text that is not all ASCII.
    static func isAllowedText(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":"),
              !destination.unicodeScalars.contains(where: { $0.isWhiteSpace || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\\" })
        else { return false }
        let scheme = destination[..<colon].lowercased()
        guard schemes.contains(scheme) else { return false }
        if scheme == "mailto" { return destination.count > 7 }
        let rest = destination[destination.index(after: colon)...]
        guard rest.hasPrefix("//") else { return false }
        let authority = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var host = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        if host.hasPrefix("[") { return host.contains("]") }
        if let portColon = host.lastIndex(of: ":") {
            guard host[host.index(after: portColon)...].allSatisfy(\.isASCII) && host[host.index(after: portColon)...].allSatisfy(\.isNumber) else { return false }
            host = host[..<portColon]
        }
        return !host.isEmpty && host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") }
    }
}
