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
        guard !frontmatter.yaml.isEmpty else { return (Fields(), []) }
        // Most frontmatter is plain `key: value` lines, read without libyaml; when something in it
        // is to be reported, it is read again with Yams, whose nodes know where they stand.
        if let mapping = SimpleYAML.mapping(frontmatter.yaml) {
            let (fields, problems) = fields(of: mapping) { _ in SourceLocation(file: file, line: 0, column: 0) }
            if problems.isEmpty { return (fields, []) }
        }
        let (document, syntaxError) = YAMLDocument.read(frontmatter.yaml, file: file, firstLine: 2)
        if let syntaxError { return (Fields(), [syntaxError]) }
        guard let root = document.root else { return (Fields(), []) }
        guard let mapping = root.mapping else {
            return (Fields(), [.error("frontmatter must be a mapping of keys to values", at: document.location(of: root.mark), code: "frontmatter")])
        }
        return fields(of: mapping, locate: document.location(of:))
    }

    /// The fields in `mapping`; `locate` places a value that is not what its key wants.
    private func fields(of mapping: Node.Mapping, locate: (Mark?) -> SourceLocation) -> (Fields, [Diagnostic]) {
        var fields = Fields()
        var diagnostics: [Diagnostic] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalarText else { continue }
            func expected(_ what: String) {
                diagnostics.append(.warning("frontmatter '\(key)' should be \(what); ignored", at: locate(value.mark), code: "frontmatter"))
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
        var path = text.trimmingWhitespace()
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") && !path.hasSuffix(".html") { path += "/" }
        return path
    }

    /// Dates as Plume writes them (`2023/08/30 11:04:56`) and as YAML timestamps; read as UTC.
    static func date(from node: Node) -> Date? {
        guard let text = node.scalarText else { return nil }
        // Only a scalar starting `dddd-` can be a YAML timestamp; asking Yams costs a regex.
        let head = Array(text.utf8.prefix(5))
        if head.count == 5, head[4] == UInt8(ascii: "-"), head[..<4].allSatisfy(HTMLSyntax.isDigit), let timestamp = node.timestamp {
            return timestamp
        }
        return parseDate(text)
    }

    /// The numbers in `text`: in ASCII each run of digits, read as it goes (a run too long for
    /// an `Int` is left out, as `Int(_:)` gives nil for it; splitting the text into substrings to
    /// read them was most of a date's cost); else each run of characters that are numbers.
    static func numbers(in text: String) -> [Int] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.split { !$0.isNumber }.compactMap { Int($0) } }
        var numbers: [Int] = []
        var value = 0
        var inNumber = false
        var overflowed = false
        for byte in text.utf8 {
            if HTMLSyntax.isDigit(byte) {
                let (tens, overflowTens) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflowSum) = tens.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
                (value, inNumber, overflowed) = (sum, true, overflowed || overflowTens || overflowSum)
            } else {
                if inNumber, !overflowed { numbers.append(value) }
                (value, inNumber, overflowed) = (0, false, false)
            }
        }
        if inNumber, !overflowed { numbers.append(value) }
        return numbers
    }

    /// The first six numbers in `text` (runs of characters that are numbers) as year, month, day,
    /// hour, minute, second; at least the first three, with a year of four digits.
    static func parseDate(_ text: String) -> Date? {
        let digits = numbers(in: text)
        guard digits.count >= 3, (1000...9999).contains(digits[0]) else { return nil }
        let (year, month, day) = (digits[0], digits[1], digits[2])
        let hour = digits.count > 3 ? digits[3] : 0
        let minute = digits.count > 4 ? digits[4] : 0
        let second = digits.count > 5 ? digits[5] : 0
        guard (1...12).contains(month), (1...CivilDate.days(inMonth: month, of: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        // Foundation's Gregorian calendar switches to the Julian one before 15 October 1582.
        guard year > 1582 else { return calendarDate(year, month, day, hour, minute, second) }
        let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }

    /// The date Foundation's Gregorian calendar gives for these components in UTC, if valid.
    static func calendarDate(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> Date? {
        var components = DateComponents()
        components.calendar = Calendar(identifier: .gregorian)
        components.timeZone = TimeZone(identifier: "UTC")
        (components.year, components.month, components.day) = (year, month, day)
        (components.hour, components.minute, components.second) = (hour, minute, second)
        guard components.isValidDate else { return nil }
        return components.date
    }
}

/// Proleptic Gregorian calendar arithmetic (Howard Hinnant's `days_from_civil`).
enum CivilDate {
    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the given date (negative before it).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
