import Foundation
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
        let dayOnly: Date? = FrontmatterReader.parseDate("2023/08/30")
        #expect(dayOnly != nil && FrontmatterReader.parseDate("2023年08月30日") == dayOnly)
        #expect(FrontmatterReader.parseDate("1500/03/01") == FrontmatterReader.calendarDate(1500, 3, 1, 0, 0, 0))
    }

    @Test("a date's numbers are the runs of digits, as splitting the text and reading each run gives them")
    func dateNumbers() {
        let pieces = ["2023", "/", "-", " ", ":", "08", "0", "7", "a", "T", "99999999999999999999", "9223372036854775807", "年", "٣"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = text.utf8.allSatisfy { $0 < 0x80 }
                ? text.utf8.split { !(0x30...0x39).contains($0) }.compactMap { Int(Substring($0)) }
                : text.split { !$0.isNumber }.compactMap { Int($0) }
            #expect(FrontmatterReader.numbers(in: text) == expected, "\(text.debugDescription)")
        }
    }

    @Test("createTime arithmetic agrees with Foundation's calendar")
    func datesAgainstCalendar() {
        // A fixed pseudo-random walk over valid and invalid components (month 13, 30 February, hour 24…).
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ range: ClosedRange<Int>) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int((state >> 33) % UInt64(range.count))
        }
        var checked = 0
        for _ in 0..<3_000 {
            let (year, month, day) = (next(1583...9999), next(0...13), next(0...32))
            let (hour, minute, second) = (next(0...24), next(0...60), next(0...60))
            let text = "\(year)/\(month)/\(day) \(hour):\(minute):\(second)"
            let expected = FrontmatterReader.calendarDate(year, month, day, hour, minute, second)
            #expect(FrontmatterReader.parseDate(text) == expected, "\(text)")
            if expected != nil { checked += 1 }
        }
        for year in [1600, 1900, 2000, 2023, 2024, 2100] {
            #expect(FrontmatterReader.parseDate("\(year)/2/29") == FrontmatterReader.calendarDate(year, 2, 29, 0, 0, 0))
        }
        #expect(checked > 100)
    }

    @Test("stable identifiers are UUIDs that depend only on their input")
    func identifiers() {
        let a = StableIdentifier.uuid(from: "书名\u{0}a.md")
        #expect(a == StableIdentifier.uuid(from: "书名\u{0}a.md"))
        #expect(a != StableIdentifier.uuid(from: "书名\u{0}b.md"))
        #expect(a.count == 36 && Array(a)[14] == "8")
    }
}
