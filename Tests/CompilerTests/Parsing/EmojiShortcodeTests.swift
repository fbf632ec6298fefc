import Testing
@testable import Compiler

@Suite("Emoji shortcodes")
struct EmojiShortcodeTests {
    @Test("the table holds every line of the data, skin tones too (one character with the space before them)")
    func tableMatchesTheData() {
        let lines = emojiData.unicodeScalars.split(separator: "\n")
        #expect(lines.count > 5_000)
        for line in lines {
            let space = line.firstIndex(of: " ")!
            #expect(EmojiShortcodes.table[String(line[..<space])] == String(line[line.index(after: space)...]))
        }
        #expect(EmojiShortcodes.table.count == lines.count)
        #expect(EmojiShortcodes.replace(in: ":dark_skin_tone:") == "\u{1F3FF}")
    }

    @Test("known shortcodes are replaced, unknown ones and lone colons stay", arguments: [
        (":tada: 完成", "🎉 完成"), ("a:+1:b", "a👍b"), (":nope: :", ":nope: :"), ("10:30:00", "10:30:00"), ("::tada::", ":🎉:"),
    ] as [(String, String)])
    func replacement(_ text: String, _ expected: String) {
        #expect(EmojiShortcodes.replace(in: text) == expected)
    }
}
