import Compiler
import Foundation
import TeXMath
import TestSupport

// For every pathological input (Tests/TestSupport/PathologicalInputs.swift): parses and renders it
// at a tenth of the tests' size and at the tests' size, and prints how the time grows for 10× the
// input (goal ≤ 12×; linear is 10×). `swift run -c release kbcompile-pathological-bench [RUNS] [NAME]`
// (NAME: only the inputs whose name contains it).
// Both sizes run on a warm heap. By default glibc maps each large array on its own and unmaps it
// when it is freed, so every round of the large input faulted its memory in afresh while the
// small input's stayed in the heap: the kernel's page faults were counted against the large input
// only (nested strong emphasis grew 14.4× in time for 9.5× in instructions; 10.5× on a warm heap).
// mallopt(3) is not in Swift's Glibc module, so the tunables are set and the benchmark starts again.
let tunables = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824"
if getenv("GLIBC_TUNABLES") == nil {
    setenv("GLIBC_TUNABLES", tunables, 1)
    let arguments = CommandLine.arguments.map { strdup($0) } + [nil]
    execv("/proc/self/exe", arguments)
    fatalError("cannot start again with GLIBC_TUNABLES: \(String(cString: strerror(errno)))")
}

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

/// The large input's time over the small one's, as the median over rounds, and the large input's
/// least time. In a round the small input runs ten times in a row, then the large one once: both
/// take about as long and meet the same moments of a noisy machine (a VM whose speed drifts by a
/// third within minutes), and the median leaves out the rounds a burst disturbed. A warm-up round,
/// then at least RUNS rounds and enough to fill two seconds.
func timeRatio(_ small: [UInt8], _ large: [UInt8]) -> (ratio: Double, largeTime: Double) {
    let repeats = 10
    func smallTime() -> Double { (0..<repeats).map { _ in time(small) }.reduce(0, +) / Double(repeats) }
    _ = (smallTime(), time(large))
    var ratios: [Double] = []
    var least = Double.infinity
    var total = 0.0
    while ratios.count < runs || total < 2 && ratios.count < 1_000 {
        let (smallSeconds, largeSeconds) = (smallTime(), time(large))
        ratios.append(largeSeconds / max(smallSeconds, 1e-5))
        least = min(least, largeSeconds)
        total += smallSeconds * Double(repeats) + largeSeconds
    }
    return (ratios.sorted()[ratios.count / 2], least)
}

print("| input | bytes | CPU s | growth for 10× the input |")
print("| --- | ---: | ---: | ---: |")
var worst = 0.0
for input in PathologicalInput.all where only.map(input.name.contains) ?? true {
    let small = input.make(max(1, input.testCount / 10))
    let large = input.make(input.testCount)
    let (ratio, largeTime) = timeRatio(small, large)
    // Normalised to a 10× larger input, for cases whose size is not linear in the count.
    let growth = ratio * 10 / (Double(large.count) / Double(small.count))
    worst = max(worst, growth)
    print(String(format: "| %@ | %d | %.3f | %.1f× |", input.name, large.count, largeTime, growth))
}
print(String(format: "\nworst growth: %.1f× (goal ≤ 12×)", worst))
