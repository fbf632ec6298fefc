import Compiler
import Foundation
import TeXMath
import TestSupport

// For every pathological input (Tests/TestSupport/PathologicalInputs.swift): parses and renders it
// at a tenth of the tests' size and at the tests' size, and prints how the time grows for 10× the
// input (goal ≤ 12×; linear is 10×). `swift run -c release kbcompile-pathological-bench [RUNS]`.
let runs = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 3 : 3
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

/// Median CPU seconds to parse and render `input`.
func time(_ input: [UInt8]) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = cpuSeconds()
        _ = renderer.render(parser.parse(input, file: "pathological.md"))
        times.append(cpuSeconds() - start)
    }
    return times.sorted()[times.count / 2]
}

print("| input | bytes | CPU s | growth for 10× the input |")
print("| --- | ---: | ---: | ---: |")
var worst = 0.0
for input in PathologicalInput.all {
    let small = input.make(max(1, input.testCount / 10))
    let large = input.make(input.testCount)
    let smallTime = max(time(small), 1e-4)
    let largeTime = time(large)
    // Normalised to a 10× larger input, for cases whose size is not linear in the count.
    let growth = (largeTime / smallTime) * 10 / (Double(large.count) / Double(small.count))
    worst = max(worst, growth)
    print(String(format: "| %@ | %d | %.3f | %.1f× |", input.name, large.count, largeTime, growth))
}
print(String(format: "\nworst growth: %.1f× (goal ≤ 12×)", worst))
