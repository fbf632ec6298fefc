/// Inputs that make naive Markdown parsers quadratic (or blow their stack), in the spirit of
/// cmark's `test/pathological_tests.py`, plus the Plume dialect's own delimiters. Each case makes
/// an input from a repetition count, so the tests can parse one size with a time limit and the
/// benchmark (`kbcompile-parse-bench --pathological`) can print how time grows for 10× the input.
public struct PathologicalInput: Sendable {
    /// What the input is, for messages.
    public var name: String
    /// The input for a repetition count.
    public var make: @Sendable (Int) -> [UInt8]
    /// The repetition count the tests use: large enough that quadratic work would take minutes.
    public var testCount: Int

    public static let all: [PathologicalInput] = core + blocks + dialect

    private static func repeated(_ name: String, _ unit: String, prefix: String = "", suffix: String = "",
                                 count: Int = 50_000) -> PathologicalInput {
        PathologicalInput(name: name, make: { n in
            Array((prefix + String(repeating: unit, count: n) + suffix).utf8)
        }, testCount: count)
    }

    /// cmark's inline cases.
    static let core: [PathologicalInput] = [
        repeated("nested strong emphasis", "*a **a ", suffix: "b" + String(repeating: " a** a*", count: 1)),
        repeated("emphasis closers without openers", "a_ "),
        repeated("emphasis openers without closers", "_a "),
        repeated("mismatched emphasis", "*a_ "),
        repeated("delimiter runs of multiples of 3", "c* ", prefix: "a**b"),
        repeated("link closers without openers", "a]"),
        repeated("link openers without closers", "[a"),
        repeated("image openers without closers", "![a"),
        repeated("link openers and emphasis closers", "[ a_"),
        repeated("`[ (](` pattern", "[ (]("),
        repeated("nested brackets", "[", suffix: "a"),
        PathologicalInput(name: "balanced nested brackets", make: { n in
            Array((String(repeating: "[", count: n) + "a" + String(repeating: "]", count: n)).utf8)
        }, testCount: 50_000),
        repeated("unclosed link destinations <", "[a](<b"),
        repeated("unclosed link destinations", "[a](b"),
        repeated("unclosed link titles", "[a](b \"c"),
        PathologicalInput(name: "backtick runs of growing length", make: { n in
            var text = "e"
            for length in 1...n { text += String(repeating: "`", count: length) + "e" }
            return Array(text.utf8)
        }, testCount: 1_000),
        repeated("long backtick run", "`", suffix: "a", count: 200_000),
        repeated("less-than signs", "<", count: 200_000),
        repeated("greater-than signs", ">", count: 200_000),
        repeated("unclosed autolinks", "<a:", count: 50_000),
        repeated("unclosed HTML comments", "<!--", count: 50_000),
        repeated("unclosed processing instructions", "a <?", count: 50_000),
        repeated("unclosed CDATA", "a <![CDATA[", count: 30_000),
        repeated("unclosed declarations", "a <!A", count: 50_000),
        repeated("unclosed HTML attributes", "<a href=\"", count: 50_000),
        repeated("entity-like text", "&#1234567", count: 50_000),
        repeated("underscores", "_", count: 200_000),
        repeated("asterisks", "*", count: 200_000),
        repeated("NUL bytes", "a\u{0}", count: 100_000),
        PathologicalInput(name: "a huge single line of CJK text", make: { n in
            Array(String(repeating: "中文 English 混排，", count: n).utf8)
        }, testCount: 50_000),
    ]

    /// Deep or many blocks.
    static let blocks: [PathologicalInput] = [
        repeated("10,000-deep block quotes", "> ", suffix: "a", count: 10_000),
        // Indentation makes this input grow with the square of its depth: 2,000 levels are 4 MB.
        PathologicalInput(name: "2,000-deep indented lists", make: { n in
            var text = ""
            for depth in 0..<n { text += String(repeating: "  ", count: depth) + "* a\n" }
            return Array(text.utf8)
        }, testCount: 2_000),
        repeated("10,000-deep list markers on one line", "* ", suffix: "a", count: 10_000),
        repeated("many reference definitions", "[a]: b\n", suffix: "[a]", count: 50_000),
        repeated("many table rows", "| a | b |\n", prefix: "| x | y |\n| - | - |\n", count: 50_000),
        PathologicalInput(name: "a wide table with short rows", make: { n in
            let header = String(repeating: "| a ", count: n) + "|\n" + String(repeating: "| - ", count: n) + "|\n"
            return Array((header + String(repeating: "| b |\n", count: n)).utf8)
        }, testCount: 2_000),
        repeated("many setext underlines", "a\n=\n", count: 50_000),
        repeated("unclosed fences", "```\n", count: 50_000),
        repeated("lines of spaces", "    \n", count: 100_000),
    ]

    /// The Plume dialect's delimiters.
    static let dialect: [PathologicalInput] = [
        repeated("unclosed container openers", "::: tip\na\n", count: 20_000),
        repeated("growing container fences", ":::", suffix: " tip\n", count: 20_000),
        repeated("container closers", ":::\n", count: 50_000),
        repeated("dollar signs", "$a ", count: 50_000),
        repeated("dollar runs", "$", count: 200_000),
        repeated("unclosed display math", "$$\na\n", count: 30_000),
        repeated("footnote references without definitions", "[^x]", count: 50_000),
        repeated("footnote definitions", "[^a]: b\n", suffix: "[^a]", count: 30_000),
        repeated("unclosed inline footnotes", "^[a", count: 50_000),
        repeated("mark delimiters", "==a ", count: 50_000),
        repeated("subscript delimiters", "~a ", count: 50_000),
        repeated("superscript delimiters", "^a ", count: 50_000),
        repeated("unclosed attributes", "a{.b ", count: 50_000),
        repeated("abbreviation definitions", "*[A]: b\n", suffix: "A", count: 20_000),
        repeated("abbreviated words", "HTML ", prefix: "*[HTML]: Hyper Text\n\n", count: 100_000),
        repeated("emoji-like colons", ":a", count: 100_000),
        repeated("unclosed Vue components", "<Badge ", count: 50_000),
        repeated("include comments", "<!-- @include: ./x.md -->\n", count: 20_000),
    ]
}
