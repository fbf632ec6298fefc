import Testing
@testable import Compiler

@Suite("Emoji shortcodes")
struct EmojiShortcodeTests {
    @Test("every line of the data is found by its name, skin tones too (one character with the space before them)")
    func everyLineFound() {
        let lines = emojiData.utf8.split(separator: 0x0A)
        #expect(lines.count > 5_000)
        // The lookup is a binary search: the data must be in byte order of the names, each once.
        let names = lines.map { $0.prefix { $0 != 0x20 } }
        #expect(zip(names, names.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
        for line in lines {
            let name = Array(line.prefix { $0 != 0x20 })
            #expect(EmojiShortcodes.emoji(named: name[...]) == String(decoding: line.dropFirst(name.count + 1), as: UTF8.self))
        }
        for missing in ["", "tad", "tadaa", "zzzzzz", "+0", "Tada"] { #expect(EmojiShortcodes.emoji(named: Array(missing.utf8)[...]) == nil) }
        #expect(EmojiShortcodes.replace(in: ":dark_skin_tone:") == "\u{1F3FF}")
    }

    @Test("known shortcodes are replaced, unknown ones and lone colons stay", arguments: [
        (":tada: 完成", "🎉 完成"), ("a:+1:b", "a👍b"), (":nope: :", ":nope: :"), ("10:30:00", "10:30:00"), ("::tada::", ":🎉:"),
    ] as [(String, String)])
    func replacement(_ text: String, _ expected: String) {
        #expect(EmojiShortcodes.replace(in: text) == expected)
    }
}
