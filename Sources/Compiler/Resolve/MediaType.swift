/// The image formats a book can carry (EPUB 3's core media types), by file extension.
enum MediaType {
    static func forImage(path: String) -> String? {
        // The last part between dots (as `split(separator: ".").last` gives it, trailing dots
        // dropped), found over the bytes: splitting the path by characters was most of the cost.
        var bytes = path.utf8[...]
        while bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
        let start = bytes.lastIndex(of: UInt8(ascii: ".")).map(bytes.index(after:)) ?? bytes.startIndex
        return switch String(path[start..<bytes.endIndex]).lowercased() {
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "svg": "image/svg+xml"
        case "webp": "image/webp"
        default: nil
        }
    }
}

extension Resource {
    /// The file extension for the resource's media type (the inverse of `MediaType.forImage`).
    public var fileExtension: String {
        switch mediaType {
        case "image/png": "png"
        case "image/jpeg": "jpg"
        case "image/gif": "gif"
        case "image/svg+xml": "svg"
        case "image/webp": "webp"
        default: "bin"
        }
    }
}
