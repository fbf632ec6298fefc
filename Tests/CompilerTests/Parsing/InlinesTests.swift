import Testing
@testable import Compiler

@Suite("Inline runs")
struct InlinesTests {
    /// Runs of the shapes the parser makes: empty, one text, one other node, several nodes.
    private static let shapes: [[Inline]] = [
        [], [.text("数据")], [.text("")], [.softBreak], [.code("x", .none)],
        [.text("a"), .softBreak, .text("b")], [.emphasis([.text("强调")], .none)], [.text("a"), .text("b")],
    ]

    @Test("a run is the collection of the nodes it was made from, whatever its storage")
    func collection() {
        for nodes in Self.shapes {
            let run = Inlines(nodes)
            #expect(Array(run) == nodes)
            #expect(run.count == nodes.count)
            #expect(run.array == nodes)
        }
    }

    @Test("runs compare and hash by their nodes, a single text stored either way")
    func equality() {
        var nodes = Inlines([.code("x", .none)])
        nodes[0] = .text("数据")  // a run of one text, kept as an array of nodes
        let text = Inlines(text: "数据")
        #expect(nodes == text)
        #expect(nodes.hashValue == text.hashValue)
        #expect(Set([nodes, text]).count == 1)
        for (left, right) in zip(Self.shapes, Self.shapes.dropFirst()) {
            #expect((Inlines(left) == Inlines(right)) == (left == right))
        }
    }

    @Test("setting a node of a one-text run gives the run of that node")
    func setting() {
        var run = Inlines(text: "旧")
        run[0] = .text("新")
        #expect(run.array == [.text("新")])
        run[0] = .hardBreak
        #expect(run.array == [.hardBreak])
    }

    @Test("rewriting passes reach the text of a one-text run")
    func rewriting() {
        var blocks = [Block(.paragraph(Inlines(text: "旧"), hidden: false)), Block(.heading(content: [.text("a"), .softBreak], level: 2))]
        blocks.updateInlines(where: { $0 == .text("旧") }) { $0 = .text("新") }
        #expect(blocks[0].kind == .paragraph([.text("新")], hidden: false))
        #expect(blocks[1].kind == .heading(content: [.text("a"), .softBreak], level: 2))
    }

    @Test("a lone text's run is what the token path gives, with every inline option", arguments: [false, true])
    func loneText(_ options: Bool) {
        let env = ParseEnvironment(file: "a.md", sourceMap: SourceMap(), importer: nil)
        let builder = IRInlineBuilder(env: env, abbreviations: nil, autolinks: options, attributes: options, convertsHTML: options,
                                      emoji: options, joinsCJKLines: options)
        let texts = ["数据模型", "", "{.cls}", "见 www.example.com 与 https://a.b/c", "表情 :tada: 结束", "a@b.co", "尾 {#id}", "  空白  "]
        for text in texts {
            var token = Token(.text)
            token.content = Text(text)
            #expect(builder.build(text: Text(text), line: 1) == Inlines(builder.build([token], line: 1)), "\(text.debugDescription)")
        }
        // Text tokens in a row are one text, however the run starts.
        for first in texts {
            for second in texts {
                var tokens = [Token(.text), Token(.text)]
                tokens[0].content = Text(first)
                tokens[1].content = Text(second)
                #expect(builder.build(text: Text(first + second), line: 1) == Inlines(builder.build(tokens, line: 1)),
                        "\(first.debugDescription) + \(second.debugDescription)")
            }
        }
    }
}

@Suite("List items")
struct ListItemTests {
    @Test("an item's blocks read back as set, one block or several, and equal items compare equal")
    func blocks() {
        let one = [Block(.paragraph([.text("一")], hidden: true))]
        let two = one + [Block(.thematicBreak)]
        var item = ListItem(blocks: one)
        #expect(item.blocks == one)
        item.blocks = two
        #expect(item.blocks == two)
        #expect(item != ListItem(blocks: one))
        item.blocks = one
        #expect(item == ListItem(blocks: one))
        #expect(item.hashValue == ListItem(blocks: one).hashValue)
        item.blocks = []
        #expect(item.blocks.isEmpty)
    }
}
