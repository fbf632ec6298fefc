import Compiler
import FuzzerDriver
import TeXMath

/// libFuzzer entry point: one input is one Markdown article, parsed with the whole Plume dialect
/// and rendered as the site would (math through TeXMath). Any crash, hang or sanitizer report is
/// a bug. Built and run by `fuzz/run markdown` (see the README).
@_cdecl("LLVMFuzzerTestOneInput")
public func markdownFuzzerTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let document = MarkdownParser(options: .plume).parse(bytes, file: "fuzz.md")
    var renderer = FragmentRenderer()
    renderer.mathRenderer = { tex, display in TeXMath.mathML(tex, display: display).markup }
    _ = renderer.render(document)
    return 0
}

/// SwiftPM links an executable's entry point under this name; libFuzzer's driver takes over from it.
@_cdecl("kbcompile_fuzz_markdown_main")
public func markdownFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { markdownFuzzerTestOneInput($0, $1) }
}
