import Foundation
import Yams

/// Reads the keys kbcompile uses from an article's frontmatter; other keys are the site's and are ignored.
struct FrontmatterReader {
    let file: String

    /// The fields found; `title` stays nil when the frontmatter has none.
    struct Fields {
        var title: String?
        var createTime: Date?
        var tags: [String] = []
        var permalink: String?
        var cover: String?
        var draft = false
        var sticky = 0
        var isHome = false
        var language: String?
    }

    func read(_ frontmatter: Frontmatter) -> (Fields, [Diagnostic]) {
        var fields = Fields()
        guard !frontmatter.yaml.isEmpty else { return (fields, []) }
        let (document, syntaxError) = YAMLDocument.read(frontmatter.yaml, file: file, firstLine: 2)
        if let syntaxError { return (fields, [syntaxError]) }
        guard let root = document.root else { return (fields, []) }
        guard let mapping = root.mapping else {
            return (fields, [.error("frontmatter must be a mapping of keys to values", at: document.location(of: root.mark), code: "frontmatter")])
        }
        var diagnostics: [Diagnostic] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalarText else { continue }
            func expected(_ what: String) {
                diagnostics.append(.warning("frontmatter '\(key)' should be \(what); ignored", at: document.location(of: value.mark), code: "frontmatter"))
            }
            switch key {
            case "title":
                if let text = value.scalarText { fields.title = text } else { expected("text") }
            case "createTime", "date":
                if let date = Self.date(from: value) { fields.createTime = date } else { expected("a date such as 2023/08/30 11:04:56") }
            case "tags":
                if let tags = value.stringList { fields.tags = tags } else { expected("a list of tags") }
            case "permalink":
                if let text = value.scalarText { fields.permalink = Self.normalizedPermalink(text) } else { expected("a path") }
            case "cover":
                if let text = value.scalarText { fields.cover = text } else { expected("a path or URL") }
            case "draft":
                if let flag = value.bool { fields.draft = flag } else { expected("true or false") }
            case "sticky":
                if let number = value.int { fields.sticky = number } else if let flag = value.bool { fields.sticky = flag ? 1 : 0 } else { expected("true, false or a number") }
            case "home":
                fields.isHome = fields.isHome || value.bool == true
            case "pageLayout", "layout":
                fields.isHome = fields.isHome || value.scalarText == "home"
            case "lang":
                fields.language = value.scalarText
            default:
                break
            }
        }
        return (fields, diagnostics)
    }

    /// `/article/x` → `/article/x/`; a permalink always starts with `/`.
    static func normalizedPermalink(_ text: String) -> String {
        var path = text.trimmingCharacters(in: .whitespaces)
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") && !path.hasSuffix(".html") { path += "/" }
        return path
    }

    /// Dates as Plume writes them (`2023/08/30 11:04:56`) and as YAML timestamps; read as UTC.
    static func date(from node: Node) -> Date? {
        if let timestamp = node.timestamp { return timestamp }
        guard let text = node.scalarText else { return nil }
        return parseDate(text)
    }

    static func parseDate(_ text: String) -> Date? {
        let digits = text.split { !$0.isNumber }.compactMap { Int($0) }
        guard digits.count >= 3, (1000...9999).contains(digits[0]) else { return nil }
        var components = DateComponents()
        components.calendar = Calendar(identifier: .gregorian)
        components.timeZone = TimeZone(identifier: "UTC")
        components.year = digits[0]
        components.month = digits[1]
        components.day = digits[2]
        components.hour = digits.count > 3 ? digits[3] : 0
        components.minute = digits.count > 4 ? digits[4] : 0
        components.second = digits.count > 5 ? digits[5] : 0
        guard components.isValidDate else { return nil }
        return components.date
    }
}
