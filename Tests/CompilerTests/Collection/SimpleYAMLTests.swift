import Foundation
import Testing
import TestSupport
import Yams
@testable import Compiler

@Suite("Plain frontmatter without libyaml")
struct SimpleYAMLTests {
    /// A node's structure and text, and the scalars' values as the frontmatter reader asks them,
    /// to compare with what Yams composes (whose nodes resolve tags with Yams' default resolver).
    private func shape(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            "S(\(scalar.string.debugDescription) \(String(describing: node.bool)) \(String(describing: node.int)) \(String(describing: node.timestamp)))"
        case .sequence(let sequence): "[" + sequence.map(shape).joined(separator: ",") + "]"
        case .mapping(let mapping): "{" + mapping.map { shape($0.key) + ":" + shape($0.value) }.joined(separator: ",") + "}"
        }
    }

    private func check(_ yaml: String) -> Bool {
        guard let simple = SimpleYAML.mapping(yaml) else { return false }
        let composed = try? Yams.compose(yaml: yaml)
        #expect(composed.map(shape) == shape(.mapping(simple)), "\(yaml.debugDescription)")
        return true
    }

    @Test("every frontmatter of the corpora it reads, it reads as Yams does")
    func corpora() throws {
        var read = 0
        var total = 0
        for folder in [SharedData.url("corpus"), SharedData.projectRoot.appendingPathComponent("examples")] {
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            for file in files where file.pathExtension == "md" {
                let yaml = Frontmatter.split(Array(try Data(contentsOf: file))).yaml
                guard !yaml.isEmpty else { continue }
                total += 1
                if check(yaml) { read += 1 }
            }
        }
        // Most of the site's frontmatter is plain; the rest goes to Yams.
        #expect(total > 300 && read * 2 > total, "\(read) of \(total)")
    }

    @Test("every frontmatter of the corpora reads the same with Yams' basic resolver (YAMLDocument's) as with its default one")
    func basicResolver() throws {
        var compared = 0
        for folder in [SharedData.url("corpus"), SharedData.projectRoot.appendingPathComponent("examples")] {
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            for file in files where file.pathExtension == "md" {
                let yaml = Frontmatter.split(Array(try Data(contentsOf: file))).yaml
                guard !yaml.isEmpty, let resolved = try? Yams.compose(yaml: yaml) else { continue }
                let (document, problem) = YAMLDocument.read(yaml, file: file.path, firstLine: 2)
                #expect(problem == nil && document.root.map(shape) == shape(resolved), "\(file.path)")
                compared += 1
            }
        }
        #expect(compared > 300)
    }

    @Test("plain forms are read as Yams reads them", arguments: [
        "title: 标题 GPU 1\ncreateTime: 2024/01/01 10:00:00\npermalink: /notes/00000/\ntags:\n  - VuePress\n  - 数据\n",
        "tags:\n- a\n- b c\ntitle: x\n", "title: C# and a:b, [c] {d}\n", "draft: yes\nsticky: 0x1F\n", "title: null\n",
        "createTime: 2024-01-02 03:04:05\n", "title: ~\n", "x-y_z: 1.5\n", "title: a\n",
        "badge:\n  text: 弃用\n  type: danger\ntitle: x\n",
        "config:\n  -\n    type: hero\n    hero:\n      name: Theme\n      actions:\n        -\n          text: 开始 →\n          link: /guide/\n  -\n    type: features\n",
        "a:\n  b:\n  - c\n  - d\n  e: f\ng: h\n", "a:\n-\n  - b\n-\n  c: d\n", "a:\n    b: c\nd:\n - e\n",
        "a: v\n\nb: v\n", "a:\n  \n  b: c\n\n  d:\n\n  - e\n  \n",
    ])
    func plain(_ yaml: String) {
        #expect(check(yaml), "\(yaml.debugDescription) was not read")
    }

    @Test("random text that it reads, it reads as Yams does")
    func randomText() {
        let pieces = ["title", "tags", "a-b", "_x", "1", ":", ": ", " ", "  ", "\n", "- ", "  - ", "-", "x", "中文", "é", "#", " #", "'", "\"",
                      "\t", "\r", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{FFFE}", "?", "[", "{", "&", "*", "!", "|", ">", "%", "@", "`", ",", "~"]
        let words = ["x", "中文", "a b", "1", "é", "2024-01-02", "yes", "x-y", "a:b", "C#", "/p/"]
        var generator = SystemRandomNumberGenerator()
        func value() -> String {
            // Mostly words; now and then a piece that may make it something else.
            (0..<Int.random(in: 1..<4, using: &generator)).map { _ in
                Int.random(in: 0..<4, using: &generator) == 0 ? pieces.randomElement(using: &generator)! : words.randomElement(using: &generator)!
            }.joined()
        }
        var read = 0
        for round in 0..<20_000 {
            // Half the texts are random pieces; half are lines that look like frontmatter, so that many are read.
            let text = round % 2 == 0
                ? (0..<Int.random(in: 0..<12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                : (0..<Int.random(in: 1..<4, using: &generator)).map { line in
                    let key = ["title", "tags", "k\(line)"].randomElement(using: &generator)!
                    guard Bool.random(using: &generator) else { return key + ": " + value() + "\n" }
                    let indent = String(repeating: " ", count: Int.random(in: 0..<3, using: &generator))
                    return key + ":\n" + (0..<Int.random(in: 1..<3, using: &generator)).map { _ in indent + "- " + value() + "\n" }.joined()
                }.joined()
            if check(text) { read += 1 }
        }
        #expect(read > 500, "\(read) read")
    }

    @Test("random nested blocks that it reads, it reads as Yams does")
    func randomNesting() {
        // Mostly values it reads; now and then one it must leave to Yams.
        let values = ["x", "中文", "a b", "1", "yes", "a:b", "x", "中文 x", "-x", "x:", "'q'", "a #b", "", "x\n", "x\n  "]
        var generator = SystemRandomNumberGenerator()
        var read = 0
        for _ in 0..<20_000 {
            // Keys, lone keys, lone dashes and dashed values, each line indented like the one
            // before, two more or two less (now and then one more): some texts nest well, others nearly.
            var indentation = 0
            let text = (0..<Int.random(in: 1..<8, using: &generator)).map { line in
                let value = values.randomElement(using: &generator)!
                let form = [["k\(line % 3): " + value, "k\(line % 3):"], ["-", "- " + value]].randomElement(using: &generator)!
                    .randomElement(using: &generator)!
                let row = String(repeating: " ", count: indentation) + form + "\n"
                indentation = max(0, indentation + [-2, 0, 2, 2, 1].randomElement(using: &generator)!)
                return row
            }.joined()
            if check(text) { read += 1 }
        }
        #expect(read > 200, "\(read) read")
    }

    @Test("anything else is left to Yams", arguments: [
        "title: a #b\n", "title: 'x'\n", "title: \"x\"\n", "title: a: b\n", "title: x\r\n", "a: 1\na: 2\n", "title:\n",
        "title: a\u{2028}b\n", "title: a\u{85}b\n", "title: -x\n", "title: x \n", "title:  x\n", "title: a:\n",
        "tags:\n  - a\n - b\n", "tags: [a, b]\n", "title: |\n  x\n", "# c\ntitle: x\n", "title: x\n  more\n", "\u{FEFF}title: x\n",
        "title: &a x\n", "title: !!str x\n", "tags:\n  - a: b\n", "title:\tx\n", "? a\n",
        "a:\n  b: c\n d: e\n", "a:\n  b: c\n    d: e\n", "a:\n  -\n  - b\n", "a:\n  b:\n", "a:\n  -\n", "a:\n  b: c\n  b: d\n",
        "a:\n  b\n", "a:\n  - b\n  c: d\n", "a: b\n\n  c\n", "\n  \n", "a:\n\t b: c\n", "a:\n  -\n    b: c\n   d: e\n",
    ])
    func declined(_ yaml: String) {
        #expect(SimpleYAML.mapping(yaml) == nil, "\(yaml.debugDescription)")
    }

    @Test("nesting past the YAML bound is left to Yams' reader, which reports it; thousands of keys are read, one repeated among them is not")
    func limits() {
        func nested(_ depth: Int) -> String {
            (0..<depth).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined() + String(repeating: " ", count: depth) + "leaf: x\n"
        }
        // The leaf's line counts its indentation (as deep as the nesting) and its `: `: at the
        // bound it is read, one level past it not.
        #expect(check(nested(YAMLNesting.maxNesting - 1)), "nested \(YAMLNesting.maxNesting - 1) deep")
        #expect(SimpleYAML.mapping(nested(YAMLNesting.maxNesting)) == nil)
        #expect(SimpleYAML.mapping(nested(1_000)) == nil)
        let keys = (0..<3_000).map { "key\($0): v\n" }
        #expect(SimpleYAML.mapping(keys.joined())?.count == 3_000)
        #expect(SimpleYAML.mapping((keys + ["key1234: w\n"]).joined()) == nil)
    }

    @Test("YAML nested thousands of levels deep is an error at its first line too deep, not a crash")
    func deepYAML() {
        func block(_ depth: Int) -> String {
            "title: t\n" + (0..<depth).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined() + String(repeating: " ", count: depth) + "leaf: x\n"
        }
        // Each with the file line of its first line too deep (the frontmatter starts on line 2).
        let deep = [(block(1_000), 204), ("title: t\nk: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n", 3),
                    ("title: t\n" + (0..<1_000).map { String(repeating: " ", count: $0) + "-\n" }.joined() + String(repeating: " ", count: 1_000) + "x\n", 204),
                    ("title: t\nk: " + String(repeating: "- ", count: 5_000) + "x\n", 3),
                    // Plain enough for the reader without libyaml, 30 levels, but indented 8 a level.
                    ("title: t\n" + (0..<30).map { String(repeating: " ", count: 8 * $0) + "k\($0):\n" }.joined() + String(repeating: " ", count: 240) + "leaf: x\n", 29)]
        for (yaml, line) in deep {
            let (fields, problems) = FrontmatterReader(file: "a.md").read(Frontmatter(yaml: yaml, bodyOffset: 0, bodyLine: yaml.count))
            #expect(fields.title == nil)
            #expect(problems.map(\.code) == ["yaml"])
            #expect(problems.first?.message.contains("more than \(YAMLNesting.maxNesting) levels") == true)
            #expect(problems.first?.location.position.line == line)
        }
        // Up to the limit, Yams reads it (deeper than the plain reader goes).
        let (fields, problems) = FrontmatterReader(file: "a.md").read(Frontmatter(yaml: block(150), bodyOffset: 0, bodyLine: 0))
        #expect(problems.isEmpty && fields.title == "t")
    }

    @Test("a problem in plain frontmatter is reported where Yams places it")
    func problemsKeepTheirPlace() {
        let (_, problems) = FrontmatterReader(file: "a.md").read(Frontmatter(yaml: "title: x\ncreateTime: soon\n", bodyOffset: 0, bodyLine: 4))
        #expect(problems.map(\.location.position.line) == [3])
        #expect(problems.map(\.location.position.column) == [13])
    }
}
