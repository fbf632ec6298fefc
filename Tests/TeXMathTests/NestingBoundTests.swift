import Foundation
import Testing
@testable import TeXMath

/// Formulas nested past the parser's depth bound are errors, whatever path the nesting takes —
/// not a stack overflow (found by fuzzing: `fuzz/run math`).
@Suite("Formula nesting is bounded")
struct NestingBoundTests {
    /// The input libFuzzer left in `fuzz/work/math` (its first byte picks display style): a
    /// `\newcommand` in the optional argument of a `\newcommand`, over and over through macro
    /// expansion, which recursed through arguments without ever opening an expression.
    static let fuzzInput = Data(base64Encoded:
        "gFxnbG9iYWxbYWJdXGRlZlxhZGQjMSMyeyMxKAsjMnhyaWdhZGQjMSMy//8AeDIrKysrKyt+K3gj4+Pj4yMjIyMnXl8yK///AACA" +
        "AAD//yde43RzXm5fIP89Mf8nXuN0c15uXyD/PTF4Xnkgekp1bXVtXG5vbGltaXRzXjMgM3heMlwsZHggKwBcbmV3Y29tbWFuZFxy" +
        "Z2lwaGljc1sAAAAAAABcbmV3Y29tbWFuZFxyZ2lwaGljc1sAAAAAAAAAKysrK3gj4+Pj4yMjIyMnXl8yK///AACAAAD//yde43Rz" +
        "Xm5fIP89MXheeSB6SnVtdW1cbm9saW1pdHNeMyAzeF4yXCxkeCArAFxuZXdjb21tYW5kXHJnaXBoaWNzWwAAAAAAAFxuZXdjb21t" +
        "YW5kXHJnaXBoaWNzWwAAAAAAAAAAgAAA//8nXuPj4+Pj4+MjIyMjIyMjIyMjIyMjIyMjI3RzXjMgM3heMlwsZHggKwBcbmV3Y29t" +
        "bWFuZFxyZ2lwaGljc1sAAAAAAABcbmV3Y29tbWFuZFxyZ2lwaGljc1sAAAAAAAAAAIAAAP//J17j4+Pj4+PjIyMjIyMjIyMjIyMj" +
        "IyMjIyMjI/8AAIAAAP//J17jdHNebl8g/z0xeF55IHpKdW11bVxub2xpbWl0c14zIDN4XjJcLGR4ICsAXG5ld2NvbW1hbmRccmdp" +
        "cGhpY3NbAAAAAAAAXG5ld2NvbW1hbmRccmdpcGhpY3NbAAAAAAAAAACAAAD//yde4+Pj4+Pj4yMjIyMjIyMjIyMjIyMjIyMjdHNe" +
        "MyAzeF4yXCxkeCArAFxuZXdjb21tYW5kXHJnaXBoaWNzW/8AXGRiaW5vbSBua////////////////yMgXGFkZCAyYWIAeCdeMit4" +
        "JycneCcnJ14dXXtBQkN9ICsgXHhSaWdodGFycm93pJb//////////////////2cgaGFycG8reCdeb25zfWj/////IFxhZGQ0XwA=")!

    @Test("the fuzzer's input finishes")
    func fuzzInput() {
        let bytes = Array(Self.fuzzInput)
        let tex = String(decoding: bytes.dropFirst(), as: UTF8.self)
        _ = TeXMath.mathML(tex, display: bytes[0] & 1 == 1)
        _ = TeXMath.checkedTeX(tex, display: bytes[0] & 1 == 1)
    }

    @Test("20,000 nested constructs are an error, by arguments, optional arguments, groups and environments", arguments: [
        "\\frac", "\\sqrt[", "\\newcommand\\x[", "\\hat", "\\mathrm", "{", "\\left(", "\\begin{matrix}", "x^{",
    ])
    func deepNesting(_ opener: String) {
        let tex = String(repeating: opener, count: 20_000)
        guard case .failure(let error) = TeXMath.checkedTeX(tex, display: false) else {
            Issue.record("\(opener) × 20,000 was accepted")
            return
        }
        #expect(error.message == "formula nested too deeply", "\(error.message)")
        _ = TeXMath.mathML(tex, display: true)
    }

    @Test("real formulas stay well inside the bound: 60 nested groups and fractions")
    func reasonableNesting() {
        let groups = String(repeating: "{", count: 60) + "x" + String(repeating: "}", count: 60)
        let fractions = String(repeating: "\\frac{1}{", count: 60) + "x" + String(repeating: "}", count: 60)
        for tex in [groups, fractions] {
            guard case .success = TeXMath.checkedTeX(tex, display: false) else {
                Issue.record("\(tex.prefix(30))… was refused")
                continue
            }
        }
    }
}
