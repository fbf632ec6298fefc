import Foundation
import Testing
@testable import TeXMath

/// MathML's lengths, written without `String(format:)`, against what printf's `%.4f` writes.
@Suite("Lengths in MathML")
struct NumberFormatTests {
    /// `%.4f` with trailing zeros and a bare point taken off: what the writer wrote before.
    private func printf(_ value: Double) -> String {
        var text = Substring(String(format: "%.4f", value))
        while text.hasSuffix("0") { text = text.dropLast() }
        if text.hasSuffix(".") { text = text.dropLast() }
        return String(text)
    }

    @Test("four decimals as printf rounds them, for KaTeX's sizes, ties, signs and random values")
    func againstPrintf() {
        let fixed: [Double] = [0, -0.0, 1.2, 1.623, 2.047, 2.47, 0.1667, 0.2222, 0.2778, -0.1667, 10, 100, 0.00005, 0.00015, 0.00025, 1.00005,
                               -0.00004, -0.00005, 0.99995, 9.99995, 123456.78905, 999_999.99999, 1_000_000, 1e12, -1e12, 1e-9, .infinity,
                               -.infinity, .nan, 0.1 + 0.2, 2.5e-5, 7.4999999e-5]
        var generator = SystemRandomNumberGenerator()
        let random = (0..<20_000).map { round -> Double in
            switch round % 3 {
            // Short decimals, as a formula spells them, and ties of the fifth decimal.
            case 0: Double(Int.random(in: -2_000_000...2_000_000, using: &generator)) / 10_000
            case 1: (Double(Int.random(in: -2_000_000...2_000_000, using: &generator)) + 0.5) / 10_000
            default: Double.random(in: -1_000...1_000, using: &generator)
            }
        }
        for value in fixed + random {
            #expect(MathMLWriter.format(value) == printf(value), "\(value)")
        }
    }
}
