import Foundation
import TeXMath

// Converts every formula of the KaTeX conformance files to MathML and to checked TeX, on one
// core, several times; prints formulas per second. `swift run -c release kbcompile-math-bench SHARED [RUNS]`.
let arguments = CommandLine.arguments
let shared = URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : "../shared")
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
struct Case: Decodable { let tex: String; let display: Bool }
var formulas: [Case] = []
for file in ["katex-mathml.json", "katex-mathml-support-table.json"] {
    let data = try Data(contentsOf: shared.appendingPathComponent("conformance/katex/\(file)"))
    formulas += try JSONDecoder().decode([Case].self, from: data)
}
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}
var bytes = 0
for formula in formulas { bytes &+= TeXMath.mathML(formula.tex, display: formula.display).markup.utf8.count }
let repeats = 20
/// The median CPU time of `runs` rounds of converting every formula `repeats` times.
@MainActor func measure(_ convert: (Case) -> Int) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = cpuSeconds()
        for _ in 0..<repeats {
            for formula in formulas { bytes &+= convert(formula) }
        }
        times.append(cpuSeconds() - start)
    }
    return times.sorted()[times.count / 2]
}
let count = Double(formulas.count * repeats)
let mathML = measure { TeXMath.mathML($0.tex, display: $0.display).markup.utf8.count }
let tex = measure { (try? TeXMath.checkedTeX($0.tex, display: $0.display).get())?.utf8.count ?? 0 }
print(String(format: "%d formulas × %d: TeX → MathML %.0f formulas/s; TeX → checked TeX %.0f formulas/s (one core, parse included)  [%d bytes]",
             formulas.count, repeats, count / mathML, count / tex, bytes))
