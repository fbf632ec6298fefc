import TeXMath

/// Escaping of article text for LaTeX: every character that means something to TeX becomes a
/// command that prints it (TeXMath's text-mode escaping, the one `\text{…}` in formulas uses), so
/// no article text can run a command in xelatex.
enum TeXText {
    static func escaped(_ text: String) -> String {
        TeXMath.escapeText(text)
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
