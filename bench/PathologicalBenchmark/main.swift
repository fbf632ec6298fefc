import Compiler
import Foundation
import TeXMath
import TestSupport

// For every pathological input (Tests/TestSupport/PathologicalInputs.swift): parses and renders it
// at a tenth of the tests' size and at the tests' size, and prints how the time grows for 10× the
// input (goal ≤ 12×; linear is 10×). `swift run -c release kbcompile-pathological-bench [RUNS] [NAME]`
// (NAME: only the inputs whose name contains it).
let runs = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 3 : 3
let only = CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : nil
let parser = MarkdownParser(options: .plume)
let renderer = {
    var renderer = FragmentRenderer()
    renderer.mathRenderer = { tex, display in TeXMath.mathML(tex, display: display).markup }
    return renderer
}()

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

/// CPU seconds to parse and render `input` once.
func time(_ input: [UInt8]) -> Double {
    let start = cpuSeconds()
    _ = renderer.render(parser.parse(input, file: "pathological.md"))
    return cpuSeconds() - start
}

/// The least CPU seconds of each input over rounds that run one after the other (so both meet
/// the same moments of a noisy machine), after a warm-up round: at least RUNS rounds, and enough
/// to fill half a second. The least is the run the machine disturbed least.
func leastTimes(_ small: [UInt8], _ large: [UInt8]) -> (small: Double, large: Double) {
    _ = (time(small), time(large))
    var best = (small: Double.infinity, large: Double.infinity)
    var total = 0.0
    var rounds = 0
    while rounds < runs || total < 0.5 && rounds < 1_000 {
        let (smallTime, largeTime) = (time(small), time(large))
        best = (min(best.small, smallTime), min(best.large, largeTime))
        total += smallTime + largeTime
        rounds += 1
    }
    return best
}

print("| input | bytes | CPU s | growth for 10× the input |")
print("| --- | ---: | ---: | ---: |")
var worst = 0.0
for input in PathologicalInput.all where only.map(input.name.contains) ?? true {
    let small = input.make(max(1, input.testCount / 10))
    let large = input.make(input.testCount)
    let (least, largeTime) = leastTimes(small, large)
    let smallTime = max(least, 1e-4)
    // Normalised to a 10× larger input, for cases whose size is not linear in the count.
    let growth = (largeTime / smallTime) * 10 / (Double(large.count) / Double(small.count))
    worst = max(worst, growth)
    print(String(format: "| %@ | %d | %.3f | %.1f× |", input.name, large.count, largeTime, growth))
}
print(String(format: "\nworst growth: %.1f× (goal ≤ 12×)", worst))
