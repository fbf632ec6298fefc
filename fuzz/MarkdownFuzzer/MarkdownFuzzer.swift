import Compiler
import FuzzerDriver
import TeXMath

/// libFuzzer entry point: one input is one Markdown article, parsed with the whole Plume dialect
/// and rendered as the site would (math through TeXMath), then parsed as a book reads it and its
/// links and images rewritten in place as the resolve pass does. Any crash, hang or sanitizer
/// report is a bug. Built and run by `fuzz/run markdown` (see the README).
@_cdecl("LLVMFuzzerTestOneInput")
public func markdownFuzzerTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let document = MarkdownParser(options: .plume).parse(bytes, file: "fuzz.md")
    var renderer = FragmentRenderer()
    renderer.mathRenderer = { tex, display in TeXMath.mathML(tex, display: display).markup }
    _ = renderer.render(document)
    var book = MarkdownParser(options: .book).parse(bytes, file: "fuzz.md")
    var references = 0
    book.blocks.updateInlines(where: { if case .link = $0 { true } else if case .image = $0 { true } else { false } }) { inline in
        references += 1
        if case .link(var link) = inline {
            link.destination += "#x"
            inline = .link(link)
        }
    }
    var counted = 0
    book.blocks.forEachInline { if case .link = $0 { counted += 1 } else if case .image = $0 { counted += 1 } }
    precondition(counted == references, "every link and image is visited once")
    return 0
}

/// SwiftPM links an executable's entry point under this name; libFuzzer's driver takes over from it.
@_cdecl("kbcompile_fuzz_markdown_main")
public func markdownFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { markdownFuzzerTestOneInput($0, $1) }
}
