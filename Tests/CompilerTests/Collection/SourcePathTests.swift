import Foundation
import Testing
import TestSupport
@testable import Compiler

/// Link, image and include paths resolved to files under the source root, and nothing outside it.
@Suite("Source paths")
struct SourcePathTests {
    @Test("dot segments, empty segments and `..` above the top", arguments: [
        ("/a/./b//c/", "/a/b/c"), ("/a/b/../../c", "/c"), ("/../../x", "/x"), ("/", "/"), ("/a/..", "/"), ("/a/.../b", "/a/.../b"),
        ("/数据/./模型.md", "/数据/模型.md"),
    ] as [(String, String)])
    func normalized(_ path: String, _ expected: String) {
        #expect(SourcePath.normalized(path) == expected)
    }

    /// The byte loop against splitting the string by `/` and rebuilding it, on 20,000 random paths
    /// of slashes, dots, names and CJK.
    @Test("normalising over bytes agrees with splitting the string")
    func normalizedAgainstSplitting() {
        func reference(_ absolute: String) -> String {
            var components: [Substring] = []
            for component in absolute.split(separator: "/") {
                if component == "." { continue }
                if component == ".." { _ = components.popLast() } else { components.append(component) }
            }
            return components.isEmpty ? "/" : components.map { "/" + $0 }.joined()
        }
        var generator = SeededGenerator(seed: 11)
        let pieces = ["/", ".", "..", "a", "数据", "...", ".md", "//"]
        for _ in 0..<20_000 {
            var path = "/"
            for _ in 0..<Int.random(in: 0...10, using: &generator) { path += pieces.randomElement(using: &generator)! }
            #expect(SourcePath.normalized(path) == reference(path), "\(path)")
        }
    }

    @Test("a destination's path and fragment, percent-decoded; the query left out", arguments: [
        ("a/b.md#x", "a/b.md", "x"), ("a%20b.md?v=1#%E6%A0%87%E9%A2%98", "a b.md", "标题"), ("数据/模型.md", "数据/模型.md", nil),
        ("#top", "", "top"), ("a.md?x#", "a.md", ""), ("100%.md", "100%.md", nil), ("a%2.md#b%zz", "a%2.md", "b%zz"),
        ("%a9F.md#%FF", "%a9F.md", "%FF"),
    ] as [(String, String, String?)])
    func split(_ destination: String, _ path: String, _ fragment: String?) {
        #expect(SourcePath.split(destination) == (path, fragment))
    }

    /// Foundation's decoding repairs some invalid UTF-8 (`%a9F` gives `\u{FFFD}F`, `%A9F` nil);
    /// ours leaves any escape that is not UTF-8 as written, which is what is compared there.
    @Test("percent-decoding over bytes agrees with Foundation's removingPercentEncoding")
    func percentDecodingAgainstFoundation() {
        var generator = SeededGenerator(seed: 12)
        // Escapes of ASCII, of UTF-8 lead and continuation bytes, broken and cut-off escapes.
        let pieces = ["%", "%2", "%20", "%41", "%e6", "%E6%A0%87", "%A0", "%C3%A9", "%FF", "%zz", "%00", "a", "标", "#", "%%", "9F"]
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...8, using: &generator) { text += pieces.randomElement(using: &generator)! }
            var expected = text.removingPercentEncoding
            if expected?.contains("\u{FFFD}") == true { expected = nil }
            #expect(SourcePath.percentDecoded(text) == expected, "\(text)")
        }
    }

    @Test("a relative path's file name", arguments: [
        ("guide/intro.md", "intro.md"), ("README.md", "README.md"), ("数据/模型/说明.md", "说明.md"), ("a/", ""),
    ])
    func fileName(_ path: String, _ name: String) {
        #expect(SourcePath.fileName(of: path) == name)
    }

    @Test("URLs with a scheme, and protocol-relative ones, are external")
    func schemes() {
        for external in ["https://x.org", "mailto:a@b", "x-y+z.1:rest", "//cdn.org/a.png", "HTTP://X"] {
            #expect(SourcePath.hasScheme(external), "\(external)")
        }
        for local in ["a/b.md", "./c:d.md", "1http://x", ":x", "/a:b", "数据:x", "é:x", "a b:c", ""] {
            #expect(!SourcePath.hasScheme(local), "\(local)")
        }
    }

    @Test("relative and site paths, folders, missing files, and links out of the root")
    func resolution() throws {
        let folder = try TemporaryFolder()
        let outside = try TemporaryFolder()
        try outside.write("secret.md", "s")
        try folder.write("kb/.vuepress/public/img/x.png", "png")
        try folder.write("kb/guide/intro.md", "# I")
        try folder.write("kb/guide/deep/more.md", "# M")
        let root = folder.url.appendingPathComponent("kb")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("guide/escape.md").path,
                                                   withDestinationPath: outside.url.appendingPathComponent("secret.md").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("guide/alias.md").path, withDestinationPath: "deep/more.md")
        // Folders that are links: one leading out of the root, one within it.
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("guide/out").path, withDestinationPath: outside.url.path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("guide/within").path, withDestinationPath: "deep")
        let (layout, _, _) = try SourceLayout.locate(source: root, configFile: nil)
        func resolve(_ path: String, _ siteRoot: SourcePath.SiteRoot = .source) -> SourcePath.Resolution {
            SourcePath.resolve(path, from: "guide/intro.md", siteRoot: siteRoot, layout: layout)
        }
        #expect(resolve("./deep/more.md") == .file("guide/deep/more.md"))
        #expect(resolve("deep//./more.md") == .file("guide/deep/more.md"))
        #expect(resolve("../guide/intro.md") == .file("guide/intro.md"))
        #expect(resolve("/guide/intro.md") == .file("guide/intro.md"))
        #expect(resolve("/img/x.png", .publicFolder) == .file(".vuepress/public/img/x.png"))
        #expect(resolve("deep") == .folder("guide/deep"))
        #expect(resolve("nope.md") == .missing("nope.md"))
        #expect(resolve("") == .missing(""))
        #expect(resolve("../../secret.md") == .outside("../../secret.md"))
        #expect(resolve("escape.md") == .outside("escape.md"))
        // A link inside the root is followed; the path stays the one written.
        #expect(resolve("alias.md") == .file("guide/alias.md"))
        // Asked twice, as the real paths of folders are kept between questions.
        for _ in 0..<2 {
            #expect(resolve("out/secret.md") == .outside("out/secret.md"))
            #expect(resolve("./out/../out/secret.md") == .outside("./out/../out/secret.md"))
            #expect(resolve("within/more.md") == .file("guide/within/more.md"))
        }
        #expect(SourcePath.resolve("guide/intro.md", from: "top.md", siteRoot: .source, layout: layout) == .file("guide/intro.md"))
    }
}
