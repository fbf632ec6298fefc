import Foundation
import Testing
import TestSupport

/// The zip container as EPUB's Open Container Format requires it, and reproducible builds.
@Suite("EPUB archive")
struct EPUBArchiveTests {
    static let example = SharedData.projectRoot.appendingPathComponent("examples/ml-notes")

    @Test("mimetype is the first entry, stored, without extra field")
    func mimetypeFirst() throws {
        let epub = try BookBuilder.epub(Self.example)
        // The local file header: signature, method at 8, name length at 26, extra length at 28, name at 30.
        #expect(Array(epub[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(epub[8] == 0 && epub[9] == 0, "stored")
        #expect(Int(epub[26]) | Int(epub[27]) << 8 == 8)
        #expect(Int(epub[28]) | Int(epub[29]) << 8 == 0, "no extra field")
        #expect(String(decoding: epub[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: epub[38..<58], as: UTF8.self) == "application/epub+zip")
        let entries = try ZipEntries(epub)
        #expect(entries.entries.map(\.name).prefix(3) == ["mimetype", "META-INF/container.xml", "EPUB/package.opf"])
    }

    @Test("the same input and SOURCE_DATE_EPOCH give the same bytes")
    func reproducible() throws {
        let first = try BookBuilder.epub(Self.example, sourceDateEpoch: 1_714_000_000)
        let second = try BookBuilder.epub(Self.example, sourceDateEpoch: 1_714_000_000)
        #expect(first == second)
        let package = try #require(try ZipEntries(first).text("EPUB/package.opf"))
        #expect(package.contains("<meta property=\"dcterms:modified\">2024-04-24T23:06:40Z</meta>"))
        let later = try BookBuilder.epub(Self.example, sourceDateEpoch: 1_714_000_060)
        #expect(later != first, "the date is part of the book")
    }

    @Test("every image is stored once, with its media type, and the config's cover is the cover image")
    func images() throws {
        let entries = try ZipEntries(try BookBuilder.epub(Self.example))
        let package = try #require(entries.text("EPUB/package.opf"))
        let images = entries.entries.filter { $0.name.hasPrefix("EPUB/images/") }
        #expect(images.count == 3)
        #expect(Set(images.map(\.bytes)).count == images.count, "no file twice")
        for (suffix, type) in [(".png", "image/png"), (".jpg", "image/jpeg"), (".svg", "image/svg+xml")] {
            #expect(package.contains("href=\"images/") && package.contains("\(suffix)\" media-type=\"\(type)\""), "\(type)")
        }
        #expect(package.contains("media-type=\"image/png\" properties=\"cover-image\""))
        #expect(package.contains("<dc:identifier id=\"book-id\">urn:uuid:6f0b7c9e-3f7a-4c55-9a49-0d2f8e6b1a01</dc:identifier>"))
        #expect(package.contains("<meta property=\"schema:accessibilityFeature\">MathML</meta>"))
    }

    @Test("a book without a configured cover gets a drawn one")
    func generatedCover() throws {
        let folder = try TemporaryFolder()
        try folder.write("docs/.vuepress/config.ts", "")
        try folder.write("docs/1.Part/a.md", "---\ntitle: 一\n---\n\n# 一\n\n文字。\n")
        try folder.write("kbcompile.yml", "title: 一本书\nsubtitle: 副标题\n")
        let entries = try ZipEntries(try BookBuilder.epub(folder.url))
        let cover = try #require(entries.text("EPUB/images/cover.svg"))
        #expect(cover.contains(">一本书</text>") && cover.contains(">副标题</text>"))
        #expect(try #require(entries.text("EPUB/package.opf")).contains("href=\"images/cover.svg\" media-type=\"image/svg+xml\" properties=\"cover-image\""))
    }

    @Test("the NCX states the depth its navigation points nest to, headings in any order")
    func navigationDepth() throws {
        let folder = try TemporaryFolder()
        try folder.write("docs/.vuepress/config.ts", "")
        // Levels that skip and go back (### before any ##), that repeat, one under a container:
        // the deepest nesting is part → article → ## → ### → ####, in b.md.
        try folder.write("docs/1.Part/a.md", "# A\n\n### three\n\n## two\n\n## two\n\n## two\n\n### three\n")
        try folder.write("docs/1.Part/b.md", "# B\n\n## two\n\n::: tip\n### three\n:::\n\n#### four\n\n## two\n")
        try folder.write("kbcompile.yml", "title: 书\nepub:\n  toc-depth: 4\n")
        let ncx = try #require(try ZipEntries(try BookBuilder.epub(folder.url)).text("EPUB/toc.ncx"))
        var (depth, deepest) = (0, 0)
        var rest = Substring(ncx)
        while let tag = rest.range(of: #"</?navPoint[ >]"#, options: .regularExpression) {
            depth += rest[tag].hasPrefix("</") ? -1 : 1
            deepest = max(deepest, depth)
            rest = rest[tag.upperBound...]
        }
        #expect(deepest == 5)
        #expect(ncx.contains("<meta name=\"dtb:depth\" content=\"5\"/>"))
    }
}
