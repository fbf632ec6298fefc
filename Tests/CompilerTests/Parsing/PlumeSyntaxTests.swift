import Testing
@testable import Compiler

/// Plume's annotations (`[+label]`) and plot text (`!!…!!`), read as its markdown-power plugin
/// does, and attributes at the end of a container's title.
@Suite("Plume syntax: annotations, plot text, container attributes")
struct PlumeSyntaxTests {
    static func parse(_ text: String) -> MarkdownParser.Document {
        MarkdownParser(options: .book).parse(Array(text.utf8), file: "a.md")
    }

    @Test("[+label] after a space refers to its definitions, joined in order; it is a footnote in the IR")
    func annotation() throws {
        let document = Self.parse("""
            The site uses VuePress [+vp], not x[+vp].

            [+vp]: VuePress is a **static site generator**.

            [+vp]:
              Second part.

              Still the annotation.

            Not indented: outside.
            """)
        let footnote = try #require(document.footnotes.first)
        #expect(document.footnotes.count == 1)
        #expect(footnote.label == "+vp")
        #expect(footnote.blocks.count == 3, "both definitions, three paragraphs")
        var references = 0
        var texts: [String] = []
        document.blocks.forEachInline { inline in
            if case .footnoteReference = inline { references += 1 }
            if case .text(let text) = inline { texts.append(text.string) }
        }
        #expect(references == 1, "x[+vp] has no space before the marker: text")
        #expect(texts.joined().contains("x[+vp]"))
        #expect(texts.joined().contains("Not indented: outside."))
    }

    @Test("an undefined annotation stays text, with a warning at its place")
    func undefined() {
        let document = Self.parse("See [+nothing] here.\n")
        let warning = document.diagnostics.first { $0.code == "annotation-undefined" }
        #expect(warning?.location.position.line == 1)
        #expect(warning?.location.position.column == 5)
    }

    @Test("!!text!! is a span.plot with its inline Markdown; `!! x !!` is not")
    func plot() {
        let document = Self.parse("Lu Xun !!said **this**!! and !! not this !!.\n")
        var spans: [Inlines] = []
        document.blocks.forEachInline { inline in
            if case .span(let content, let attributes) = inline, attributes.classes == ["plot"] { spans.append(content) }
        }
        #expect(spans.count == 1)
        #expect(spans.first?.contains { if case .strong = $0 { true } else { false } } == true)
    }

    @Test("attributes that end a container's title belong to the container, not to its title")
    func containerTitleAttributes() throws {
        let document = Self.parse("::: tip 标题 {.note #x}\n正文\n:::\n")
        let block = try #require(document.blocks.first)
        guard case .container(let container) = block.kind else { Issue.record("not a container"); return }
        #expect(container.title == [.text("标题")])
        #expect(block.attributes.classes == ["note"])
        #expect(block.attributes.id == "x")
    }

    @Test("a {…} line ending a box's last paragraph is the box's; one ending a paragraph with more after it is the paragraph's")
    func ownLineAttributes() throws {
        let document = Self.parse("::: tip\n正文\n{.wide}\n:::\n\n段落\n{#p}\n\n后文\n")
        #expect(document.blocks.count == 3)
        let box = try #require(document.blocks.first)
        #expect(box.attributes.classes == ["wide"])
        guard case .container(let container) = box.kind, case .paragraph(let content, _)? = container.body.first?.kind else {
            Issue.record("not a box with a paragraph")
            return
        }
        #expect(content == [.text("正文")])
        #expect(container.body.first?.attributes.isEmpty == true)
        #expect(document.blocks[1].attributes.id == "p")
    }

    @Test("---{#id} and *** {.a} are thematic breaks with attributes; ---  {#id} (two spaces) stays a paragraph")
    func thematicBreakAttributes() {
        let document = Self.parse("---{#rule}\n\n*** {.a .b}\n\n---  {#id}\n")
        #expect(document.blocks.map(\.kind) == [.thematicBreak, .thematicBreak, .paragraph([.text("--- ")], hidden: false)])
        #expect(document.blocks.map(\.attributes.id) == ["rule", nil, "id"])
        #expect(document.blocks[1].attributes.classes == ["a", "b"])
    }
}
