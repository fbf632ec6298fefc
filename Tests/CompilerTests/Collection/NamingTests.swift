import Testing
@testable import Compiler

@Suite("Names, globs, dates")
struct NamingTests {
    @Test("numeric order prefixes", arguments: [
        ("1. 数据库", 1, "数据库"), ("01.intro", 1, "intro"), ("1.示例", 1, "示例"), ("12.x", 12, "x"),
        ("2023-08-30-大模型概述", nil, "2023-08-30-大模型概述"), ("v2.0", nil, "v2.0"), ("3.", nil, "3."),
    ] as [(String, Int?, String)])
    func sidebarNames(_ name: String, _ order: Int?, _ title: String) {
        let parsed = SidebarName(name)
        #expect(parsed.order == order)
        #expect(parsed.title == title)
    }

    @Test("globs", arguments: [
        ("drafts/**", "drafts/a.md", true), ("drafts/**", "drafts/x/y.md", true), ("drafts/**", "a/drafts/x.md", false),
        ("**/*.md", "a.md", true), ("**/*.md", "a/b/c.md", true), ("*.md", "a/b.md", false), ("guide/?.md", "guide/a.md", true),
    ] as [(String, String, Bool)])
    func globs(_ pattern: String, _ path: String, _ matches: Bool) {
        #expect(Glob(pattern).matches(path) == matches)
    }

    @Test("createTime forms")
    func dates() {
        let slash = FrontmatterReader.parseDate("2023/08/30 11:04:56")
        let dash = FrontmatterReader.parseDate("2023-08-30 11:04:56")
        #expect(slash != nil && slash == dash)
        #expect(FrontmatterReader.parseDate("2023/02/30") == nil)
        #expect(FrontmatterReader.parseDate("yesterday") == nil)
    }

    @Test("stable identifiers are UUIDs that depend only on their input")
    func identifiers() {
        let a = StableIdentifier.uuid(from: "书名\u{0}a.md")
        #expect(a == StableIdentifier.uuid(from: "书名\u{0}a.md"))
        #expect(a != StableIdentifier.uuid(from: "书名\u{0}b.md"))
        #expect(a.count == 36 && Array(a)[14] == "8")
    }
}
