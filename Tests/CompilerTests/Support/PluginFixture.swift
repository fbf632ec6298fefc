import Foundation
import TestSupport
import Testing
@testable import Compiler

/// One case of the `@mdit/plugin-*` suites (and markdown-it's own fixtures): input, expected
/// HTML, how to compare (`exact`, `snapshot` — also exact — or `contains`), and the markdown-it
/// configuration it was written for.
struct PluginFixture: Sendable, CustomTestStringConvertible {
    let file: String
    let name: String
    let markdown: String
    let html: String
    let match: String
    /// `preset`, `options` and the plugins with their arguments, as canonical JSON strings.
    let preset: String
    let options: [String: Bool]
    let plugins: [(name: String, arguments: String)]
    /// The case passes a markdown-it `env` (e.g. a `docId` for footnote ids): not the site's setup.
    let usesEnvironment: Bool

    var testDescription: String { "\(file): \(name)" }

    static func loadAll(_ relative: String) -> [PluginFixture] {
        guard let data = try? Data(contentsOf: SharedData.url(relative)),
            let cases = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        let file = (relative as NSString).lastPathComponent.replacingOccurrences(of: ".json", with: "")
        return cases.map { item in
            let config = item["config"] as? [String: Any] ?? [:]
            let uses = config["use"] as? [[String: Any]] ?? []
            let plugins = uses.map { use -> (String, String) in
                let arguments = use["args"] ?? []
                let json = (try? JSONSerialization.data(withJSONObject: arguments, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
                return (use["plugin"] as? String ?? "", json)
            }
            return PluginFixture(
                file: file, name: item["name"] as? String ?? "", markdown: item["markdown"] as? String ?? "",
                html: item["html"] as? String ?? "", match: item["match"] as? String ?? "exact",
                preset: config["preset"] as? String ?? "default",
                options: (config["options"] as? [String: Any] ?? [:]).compactMapValues { $0 as? Bool },
                plugins: plugins, usesEnvironment: !(item["env"] is NSNull || item["env"] == nil))
        }
    }

    /// markdown-it's `default` preset (tables and strikethrough on, raw HTML off) with the fixture's `linkify` and `html`.
    var baseOptions: MarkdownOptions {
        var options = MarkdownOptions()
        options.tables = preset == "default"
        options.strikethrough = preset == "default"
        options.autolinks = self.options["linkify"] == true
        options.rawHTML = self.options["html"] == true
        return options
    }

    /// Runs the case: parses with `options`, renders with `renderer`, compares as the case says.
    func check(options: MarkdownOptions, renderer: FragmentRenderer, knownIssue: String? = nil) {
        var renderer = renderer
        renderer.xhtml = self.options["xhtmlOut"] == true
        let document = MarkdownParser(options: options).parse(Array(markdown.utf8), file: "fixture.md")
        let output = renderer.render(document)
        let matches = match == "contains" ? output.contains(html) : output == html
        if let knownIssue {
            withKnownIssue(Comment(rawValue: knownIssue)) { #expect(matches) }
        } else {
            #expect(matches, "markdown: \(markdown.debugDescription)\noutput: \(output.debugDescription)")
        }
    }
}
