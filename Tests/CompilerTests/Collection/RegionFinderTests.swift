import Foundation
import Testing
import TestSupport
@testable import Compiler

/// `#region` markers matched by hand against the plugin's regular expressions, run by
/// `NSRegularExpression` (ICU, whose `\w` and `$` are those of the site's JavaScript here).
@Suite("Include regions")
struct RegionFinderTests {
    private static let patterns: [NSRegularExpression] = [
        #"^\/\/ ?#?((?:end)?region) ([\w*-]+)$"#, #"^\/\* ?#((?:end)?region) ([\w*-]+) ?\*\/$"#, #"^#pragma ((?:end)?region) ([\w*-]+)$"#,
        #"^<!-- #?((?:end)?region) ([\w*-]+) -->$"#, #"^#((?:End )Region) ([\w*-]+)$"#, #"^::#((?:end)region) ([\w*-]+)$"#,
        #"^# ?((?:end)?region) ([\w*-]+)$"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    /// The region as the expressions find it. The groups are taken as UTF-16 ranges, as JavaScript
    /// takes them (as `String` ranges, a name that starts with a combining mark after the space
    /// would not be found: the space and the mark are one `Character`).
    private static func expected(_ name: String, in lines: [String]) -> (Int, Int)? {
        func test(_ line: String, _ regex: NSRegularExpression, end: Bool) -> Bool {
            let text = line as NSString
            guard let match = regex.firstMatch(in: line, range: NSRange(location: 0, length: text.length)),
                text.substring(with: match.range(at: 2)) == name
            else { return false }
            let tag = text.substring(with: match.range(at: 1)).lowercased().replacingOccurrences(of: " ", with: "")
            return end ? tag == "endregion" : tag == "region"
        }
        var active: NSRegularExpression?
        var start = -1
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let regex = active {
                if test(line, regex, end: true) { return (start, index) }
            } else if let regex = patterns.first(where: { test(line, $0, end: false) }) {
                active = regex
                start = index + 1
            }
        }
        return nil
    }

    @Test("files of marker-like lines give the region the expressions give")
    func againstExpressions() {
        let openers = ["//", "// ", "//#", "// #", "//  #", "/*", "/* #", "/*#", "/*  #", "#pragma ", "#pragma", "<!-- ", "<!-- #", "<!--#",
                       "#", "# ", "#  ", "::#", "::", "x", ""]
        let tags = ["region", "endregion", "Region", "End Region", "end region", "endRegion", "regions", ""]
        let separators = [" ", "", "  ", "\t"]
        let names = ["r", "a_b", "区域", "x*", "x**", "*", "-", "a\u{301}", "\u{301}", "١", "a.b", "", "a\u{200D}b", "🙂", "Ⅻ", "r2"]
        let closers = ["", " */", "*/", "  */", " -->", "-->", " --> ", "\r", "\r\n", "\u{2028}", "\u{85}", "\u{0B}", " ", "x", "\n"]
        // Marker pairs in every style; a name goes where `N` is.
        let pairs = [("// #region N", "// #endregion N"), ("//region N", "//endregion N"), ("/* #region N */", "/* #endregion N*/"),
                     ("#pragma region N", "#pragma endregion N"), ("<!-- #region N -->", "<!-- endregion N -->"),
                     ("#Region N", "#End Region N"), ("::#region N", "::#endregion N"), ("# region N", "#endregion N")]
        var generator = SeededGenerator(seed: 0x5EED_2E61)
        func pick(_ choices: [String]) -> String { choices.randomElement(using: &generator)! }
        func randomLine() -> String { pick(["", " ", "\t"]) + pick(openers) + pick(tags) + pick(separators) + pick(names) + pick(closers) }
        var found = 0
        for _ in 0..<10_000 {
            // A region of a random style, its lines now and then replaced by marker-like lines, among others.
            let (start, end) = pairs.randomElement(using: &generator)!
            let name = pick(names)
            var lines = [randomLine(), start.replacingOccurrences(of: "N", with: name) + pick(["", "", "\r", " "]), "code",
                         end.replacingOccurrences(of: "N", with: name) + pick(["", "", "\r", "\u{2028}"]), randomLine()]
            for index in lines.indices where Int.random(in: 0..<4, using: &generator) == 0 { lines[index] = randomLine() }
            let sought = Int.random(in: 0..<5, using: &generator) == 0 ? pick(names) : name
            let result = RegionFinder.find(sought, in: lines)
            let reference = Self.expected(sought, in: lines)
            #expect(result?.0 == reference?.0 && result?.1 == reference?.1, "\(sought.debugDescription) in \(lines)")
            if reference != nil { found += 1 }
        }
        #expect(found > 100, "\(found) regions found")
    }
}
