import Compiler
import Foundation

/// Reads the image files the resolve pass found (always under the source root). SVG goes
/// through ``SVGSanitizer``; an SVG that is not well-formed XML is replaced by a small
/// placeholder picture rather than stopping the book.
enum ImageLoader {
    static func bytes(of resource: Resource) throws -> [UInt8] {
        guard let data = FileBytes.read(atPath: resource.path) else {
            throw BackendFailure(message: "cannot read image '\(resource.id.rawValue)': not a readable file")
        }
        guard resource.mediaType == "image/svg+xml" else { return data }
        return SVGSanitizer.sanitize(data) ?? Array(placeholder.utf8)
    }

    static let placeholder = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" viewBox="0 0 200 60">\
        <rect x="1" y="1" width="198" height="58" fill="none" stroke="#999" stroke-dasharray="4"/>\
        <text x="100" y="35" text-anchor="middle" font-size="14" fill="#666">SVG?</text></svg>

        """
}
