import Foundation
import Testing
import TestSupport

@testable import Compiler

/// The parser's API takes bytes that may not be UTF-8 (`kbcompile fragment` reads stdin; an
/// article's reader leaves out files that are not UTF-8 before parsing them).
@Suite("Bytes that are not UTF-8")
struct InvalidUTF8Tests {
    /// What libFuzzer found once token contents were bytes (`fuzz/regressions`): a paragraph
    /// ending in `}` with stray continuation bytes in it. Its attribute group was cut at the
    /// length of its text made into a string (each bad byte three bytes of U+FFFD there), past the
    /// end of the text's bytes: a precondition failure.
    @Test("libFuzzer's input parses, as it does with its bad bytes replaced")
    func fuzzed() throws {
        let bytes = [UInt8](try Data(contentsOf: SharedData.projectRoot.appendingPathComponent("fuzz/regressions/markdown-attributes-after-bad-bytes.bin")))
        repaired(bytes)
    }

    @Test("a document with bad bytes parses as the same document with each bad sequence a U+FFFD", arguments: [
        Array("段落 \u{1}".utf8) + [0xE4, 0xB8, 0x9A, 0x9A, 0x9A] + Array(" 结尾 {.c}\n\n# 标题 ".utf8) + [0xFF] + Array(" {#h}\n".utf8),
        [0xC0, 0x80] + Array("| a | b |\n| - | - |\n| ".utf8) + [0xED, 0xA0, 0x80] + Array(" | `x` ".utf8) + [0xF4, 0x90] + Array(" {.d} |\n".utf8),
    ])
    func repaired(_ bytes: [UInt8]) {
        let parser = MarkdownParser(options: .plume)
        let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
        let document = parser.parse(bytes, file: "bad.md")
        #expect(document.blocks == parser.parse(repaired, file: "bad.md").blocks)
        #expect(!document.blocks.isEmpty)
    }
}
