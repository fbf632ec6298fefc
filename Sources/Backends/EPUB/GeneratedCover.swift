import Compiler

/// The cover drawn when the config names no cover image: an SVG with the title, subtitle and
/// authors on a plain background (600×800, the 3:4 shape readers expect).
enum GeneratedCover {
    static func svg(_ metadata: BookMetadata) -> String {
        var text = ""
        var y = 300
        for line in wrap(metadata.title, width: 12) {
            text += "<text x=\"300\" y=\"\(y)\" class=\"title\">\(XMLText.escaped(line))</text>\n"
            y += 64
        }
        if let subtitle = metadata.subtitle {
            y += 12
            for line in wrap(subtitle, width: 20) {
                text += "<text x=\"300\" y=\"\(y)\" class=\"subtitle\">\(XMLText.escaped(line))</text>\n"
                y += 40
            }
        }
        if !metadata.authors.isEmpty {
            text += "<text x=\"300\" y=\"700\" class=\"author\">\(XMLText.escaped(metadata.authors.joined(separator: "、")))</text>\n"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="600" height="800" viewBox="0 0 600 800">
            <title>\(XMLText.escaped(metadata.title))</title>
            <style>
            text { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif; text-anchor: middle; fill: #1f2933; }
            .title { font-size: 52px; font-weight: bold; }
            .subtitle { font-size: 28px; fill: #3e4c59; }
            .author { font-size: 26px; fill: #52606d; }
            </style>
            <rect width="600" height="800" fill="#f5f1e8" />
            <rect x="40" y="40" width="520" height="720" fill="none" stroke="#2d6a8f" stroke-width="4" />
            <rect x="40" y="160" width="520" height="8" fill="#2d6a8f" />
            \(text)</svg>

            """
    }

    /// Breaks text into lines of at most `width` characters, at spaces where there are some
    /// (CJK text breaks anywhere).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if candidate.count <= width || line.isEmpty && word.count <= width {
                line = candidate
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            var rest = Substring(word)
            while rest.count > width {
                lines.append(String(rest.prefix(width)))
                rest = rest.dropFirst(width)
            }
            line = String(rest)
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
