import Testing
@testable import Compiler

@Suite("Heading slugs")
struct SluggerTests {
    @Test("VuePress slugs", arguments: [
        ("Hello World", "hello-world"), ("  前后 空格 ", "前后-空格"), ("1. 安装", "_1-安装"), ("C++ & Rust", "c-rust"),
        ("“引号”与‘单引号’", "引号-与-单引号"), ("Café Crème", "cafe-creme"), ("a\u{7}b", "ab"), ("--x--", "x"),
    ] as [(String, String)])
    func slugs(_ text: String, _ slug: String) {
        #expect(Slugger.slug(text) == slug)
    }

    @Test("the byte path for ASCII and CJK text agrees with the scalar path")
    func bytePathAgrees() {
        let alphabet = Array("aZ09 -_.,:;!?()[]{}<>\"'`~@#$%^&*+=|\\/\t\u{1}\u{7F}数据模型训练")
        var state: UInt64 = 42
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<12 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            #expect(Slugger.stableSlug(text) == Slugger.scalarSlug(text), "\(text.debugDescription)")
        }
    }

    @Test("repeated headings get -1, -2 …, and a reserved id pushes the next one on")
    func uniqueSuffixes() {
        var slugger = Slugger()
        #expect(["A", "a", "A", "a-1"].map { slugger.uniqueSlug($0) } == ["a", "a-1", "a-2", "a-1-1"])
    }

    @Test("ids are told apart by their bytes, as the site's JavaScript and XML tell them apart")
    func exactText() {
        // Canonically equivalent, so equal as Swift strings, but two ids to a browser.
        #expect("é" == "e\u{301}")
        #expect(ExactText("é") != ExactText("e\u{301}"))
        let ids = ["安装", "安装-1", "quick-start", "é", "e\u{301}", "", "第 1 章"]
        let set = Set(ids.map(ExactText.init))
        #expect(set.count == ids.count)
        for id in ids { #expect(set.contains(ExactText(String(decoding: Array(id.utf8), as: UTF8.self)))) }
        #expect(!set.contains(ExactText("安装-2")))
    }

    @Test("anchors: every heading's id and every id given to another block, before and after headings, at any depth")
    func anchorsOfNestedBlocks() {
        var document = MarkdownParser(options: .book).parse(Array("""
            # 标题 {#top}

            段落 {#p1}

            ::: tip 提示
            前 {#before}

            ## 小节

            后 {#after}
            :::

            > 引文 {#quote}
            >
            > - 条目
            >
            >   ### 深处

            ## 小节
            """.utf8), file: "a.md")
        let anchors = HeadingAnchors.assign(to: &document.blocks)
        #expect(anchors == Set(["top", "p1", "before", "小节", "after", "quote", "深处", "小节-1"].map(ExactText.init)))
        var headingIDs: [String] = []
        document.blocks.forEachBlock { block in
            if case .heading = block.kind { headingIDs.append(block.attributes.id ?? "-") }
        }
        #expect(headingIDs == ["top", "小节", "深处", "小节-1"])
    }
}
