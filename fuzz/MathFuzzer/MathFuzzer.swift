import FuzzerDriver
import TeXMath

/// libFuzzer entry point: one input is one TeX formula (the first byte chooses inline or display),
/// turned into MathML and into checked TeX. Any crash, hang or sanitizer report is a bug.
/// Built and run by `fuzz/run math` (see the README).
@_cdecl("LLVMFuzzerTestOneInput")
public func mathFuzzerTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let display = start[0] & 1 == 1
    let tex = String(decoding: UnsafeBufferPointer(start: start + 1, count: count - 1), as: UTF8.self)
    _ = TeXMath.mathML(tex, display: display)
    _ = TeXMath.checkedTeX(tex, display: display)
    return 0
}

/// SwiftPM links an executable's entry point under this name; libFuzzer's driver takes over from it.
@_cdecl("kbcompile_fuzz_math_main")
public func mathFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { mathFuzzerTestOneInput($0, $1) }
}
