import Foundation
import Testing
@testable import TeXMath

/// Formulas whose macros multiply (found by fuzzing: `fuzz/run math`) are errors, found while
/// they grow, before they fill the memory.
@Suite("Macro expansion is bounded")
struct MacroBoundTests {
    /// The input libFuzzer left in `fuzz/work/math` (its first byte picks display style): a run of
    /// `\edef`s over `\def`s that took 4 GB before the bound.
    static let fuzzInput = Data(base64Encoded:
        "AFxnbG9iYWxcZGVmXGFkZCMyIzJ7IzErIzJ4cmlnYWRkIzEjMnsjMSsjMjErIzJ4cmlnYWRkIzEjMnsjMSssMnhyaWcOAAAAaFxz" +
        "ZXQ1fQBcZGVmXGZvb3thfVxlZGVmXGZjb3B5e1xmAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB7XGYAAAAAAAAAAAAAAAAA" +
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAACAAAAAXGRlZlxmb297YX1cZWRlZlxmY29weXtcZgAAAAAAAQAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAAAAAAAAAAAFNTU1NTU1NTU1NTU1NTU1N9AAAAAAAqAAAAAAAAAAAACiAgYSAmPSAwICYgYiAmPSAyIFxcCiAgM2EgJj0gMyAm" +
        "IDE3YlNTU1NTU1NTU1NTU1MAAAAAAAAAAAAAAAAANX0AXGRlZlxmbW97YX1cZWRlZlxmY29weXtcZgAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAAAAAAAAAAAHR6bN8gXGFkZCAhIGhhcnBvb25zfSBcYWRkIDMgM9/f309wdGlvaGhhcnBvb25zfSBcYWRkIDEgaGFycG9vaWdh" +
        "ZGQjMSMye1NTU1NTU1NTU1NTU1NTU1N9AAAAAAAAAAAAAAAAAAAKICBhICY9IDAgJiBiICY9IDIgXFwKICAzYSAmPSAzICYgMTdi" +
        "U1NTU1NTU1NTU1NTUwAAAAAAAAAAAAAAAAA1fQBcZGVmXGZtb3thfVxlZGVmXGZjb3B5e1xmAAAAAAAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAAAAAAdHps3yBcYWRkICEgaGFycG9vbnN9IFxhZGQgMyAz39/fT3B0aW9oaGFycG9vbnN9IFxhZGQgMSBoYXJwb29pZ2FkZCMx" +
        "IzJ7I25zfSBcYWRkIDIgMw==")!

    /// `\ma`, `\maa`, …: TeX command names are letters only.
    static func name(_ level: Int) -> String { "\\m" + String(repeating: "a", count: level) }

    @Test("formulas whose macros multiply are errors, and are found quickly", arguments: [
        // Each \edef doubles the one before: 2^20 tokens at the end.
        "\\def\\a{xy}" + (1...20).map { "\\edef" + MacroBoundTests.name($0) + "{" + String(repeating: $0 == 1 ? "\\a " : MacroBoundTests.name($0 - 1) + " ", count: 2) + "}" }.joined(),
        // An argument used 400 times, 400 tokens long.
        "\\def\\a#1{" + String(repeating: "#1", count: 400) + "}\\a{" + String(repeating: "x", count: 400) + "}",
    ])
    func bombs(_ tex: String) {
        let started = ContinuousClock.now
        guard case .failure(let error) = TeXMath.checkedTeX(tex, display: false) else {
            Issue.record("\(tex.prefix(60))… was accepted")
            return
        }
        #expect(error.message.contains("expands without end"), "\(error.message)")
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test("the fuzzer's input finishes")
    func fuzzInput() {
        let bytes = Array(Self.fuzzInput)
        let tex = String(decoding: bytes.dropFirst(), as: UTF8.self)
        let started = ContinuousClock.now
        _ = TeXMath.mathML(tex, display: bytes[0] & 1 == 1)
        _ = TeXMath.checkedTeX(tex, display: bytes[0] & 1 == 1)
        #expect(ContinuousClock.now - started < .seconds(30))
    }
}
