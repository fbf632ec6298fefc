import Foundation
import Testing
@testable import Compiler

/// The `@mdit/plugin-*` fixtures that VuePress 2 uses, run with the plugin configurations the
/// site uses. Cases written for other plugin options (custom renderers, other delimiters, other
/// markers) are counted as not applicable, and the test states how many ran.
@Suite("mdit plugin fixtures")
struct PluginFixtureTests {
    /// A file of fixtures and how to run the cases whose configuration the site shares.
    struct Suite: Sendable {
        let path: String
        /// Options and renderer for a case, or nil when its configuration is not the site's.
        let configure: @Sendable (PluginFixture) -> (MarkdownOptions, FragmentRenderer)?
        /// How many cases must run (guards against a fixture file silently not matching).
        let expectedRuns: Int
    }

    static func only(_ plugin: String, arguments: Set<String> = ["[]"], _ enable: @escaping @Sendable (inout MarkdownOptions) -> Void)
        -> @Sendable (PluginFixture) -> (MarkdownOptions, FragmentRenderer)?
    {
        { fixture in
            guard !fixture.usesEnvironment, fixture.plugins.count == 1, fixture.plugins[0].name == plugin, arguments.contains(fixture.plugins[0].arguments) else { return nil }
            var options = fixture.baseOptions
            enable(&options)
            return (options, FragmentRenderer())
        }
    }

    static let suites: [Suite] = [
        Suite(path: "plugin-container--container.json", configure: only("@mdit/plugin-container#container", arguments: [#"[{"name":"test"}]"#]) {
            $0.customContainers = ["test"]
        }, expectedRuns: 34),
        Suite(path: "plugin-footnote--footnote.json", configure: only("@mdit/plugin-footnote#footnote") { $0.footnotes = true }, expectedRuns: 40),
        Suite(path: "plugin-mark--mark.json", configure: only("@mdit/plugin-mark#mark") { $0.mark = true }, expectedRuns: 22),
        Suite(path: "plugin-sub--sub.json", configure: only("@mdit/plugin-sub#sub") { $0.subscript = true }, expectedRuns: 11),
        Suite(path: "plugin-sup--sup.json", configure: only("@mdit/plugin-sup#sup") { $0.superscript = true }, expectedRuns: 12),
        Suite(path: "plugin-abbr--abbr.json", configure: only("@mdit/plugin-abbr#abbr") { $0.abbreviations = true }, expectedRuns: 20),
        Suite(path: "plugin-alert--alert.json", configure: { fixture in
            guard fixture.plugins.count == 1, fixture.plugins[0].name == "@mdit/plugin-alert#alert" else { return nil }
            let arguments = fixture.plugins[0].arguments
            guard arguments == "[]" || arguments == #"[{"deep":true}]"# else { return nil }
            var options = fixture.baseOptions
            options.alerts = true
            options.nestedAlerts = arguments != "[]"
            var renderer = FragmentRenderer()
            renderer.alertMarkup = .github
            return (options, renderer)
        }, expectedRuns: 61),
        Suite(path: "plugin-alert--default.json", configure: { fixture in
            var options = fixture.baseOptions
            var renderer = FragmentRenderer()
            if fixture.plugins.isEmpty { return (options, renderer) }
            guard fixture.plugins.map(\.name) == ["@mdit/plugin-alert#alert"], fixture.plugins[0].arguments == "[]" else { return nil }
            options.alerts = true
            options.nestedAlerts = false
            renderer.alertMarkup = .github
            return (options, renderer)
        }, expectedRuns: 100),
        Suite(path: "plugin-tasklist--tasklist.json", configure: only("@mdit/plugin-tasklist#tasklist") { $0.taskLists = true }, expectedRuns: 27),
        Suite(path: "plugin-tex--tex.json", configure: { fixture in
            // The site's delimiters are dollars; these cases use a stand-in renderer, reproduced here.
            guard fixture.plugins.count == 1, fixture.plugins[0].name == "@mdit/plugin-tex#tex",
                fixture.plugins[0].arguments.contains(#""delimiters":"dollars""#),
                !fixture.plugins[0].arguments.contains("allowInlineWithSpace"),
                fixture.plugins[0].arguments.contains("displayMode ? `<p>{Tex content: ${content.trim()}}<\\/p>\\n` : `{Tex content: ${content.trim()}}`")
            else { return nil }
            var options = fixture.baseOptions
            options.math = true
            var renderer = FragmentRenderer()
            renderer.mathRenderer = { tex, display in
                let content = tex.trimmingCharacters(in: .whitespacesAndNewlines)
                return display ? "<p>{Tex content: \(content)}</p>\n" : "{Tex content: \(content)}"
            }
            return (options, renderer)
        }, expectedRuns: 70),
    ]

    static let cases: [(Int, PluginFixture)] = suites.enumerated().flatMap { index, suite in
        PluginFixture.loadAll("conformance/markdown-it/mdit-plugins/\(suite.path)").map { (index, $0) }
    }

    @Test("each fixture file is there and runs the expected number of cases", arguments: suites.indices)
    func fixtureCounts(_ index: Int) {
        let suite = Self.suites[index]
        let runs = Self.cases.filter { $0.0 == index && suite.configure($0.1) != nil }.count
        #expect(runs == suite.expectedRuns, "\(suite.path)")
    }

    /// Cases where the site's plugins cannot be matched, with the reason.
    static let knownIssues: [String: String] = [:]

    @Test("case", arguments: cases.map(\.1).indices)
    func fixture(_ position: Int) {
        let (index, fixture) = Self.cases[position]
        guard let (options, renderer) = Self.suites[index].configure(fixture) else { return }
        fixture.check(options: options, renderer: renderer, knownIssue: Self.knownIssues[fixture.testDescription])
    }
}
