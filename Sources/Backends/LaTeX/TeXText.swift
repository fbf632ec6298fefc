/// Escaping of article text for LaTeX: every character that means something to TeX becomes a
/// command that prints it, so no article text can run a command in xelatex.
enum TeXText {
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\textbackslash{}"
            case "{": out += "\\{"
            case "}": out += "\\}"
            case "$": out += "\\$"
            case "&": out += "\\&"
            case "#": out += "\\#"
            case "^": out += "\\textasciicircum{}"
            case "_": out += "\\_"
            case "%": out += "\\%"
            case "~": out += "\\textasciitilde{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            case "|": out += "\\textbar{}"
            case "\"": out += "\\textquotedbl{}"
            case "\t": out += "    "
            case "\u{00A0}": out += "~"
            default:
                // Control characters have no place in a book.
                if scalar.value >= 0x20 || scalar == "\n" { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A URL for `\href`: the characters `\href` reads specially are escaped.
    static func url(_ url: String) -> String {
        var out = ""
        for character in url {
            switch character {
            case "\\", "{", "}", "\n": continue
            case "#": out += "\\#"
            case "%": out += "\\%"
            case "~": out += "\\~"
            default: out.append(character)
            }
        }
        return out
    }
}
