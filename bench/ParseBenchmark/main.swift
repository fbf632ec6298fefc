import Compiler
import Dispatch
import Foundation

// Parses every Markdown file under a folder, in memory, on one core, several times, and prints
// the CPU time per run and the throughput. `swift run -c release kbcompile-parse-bench FOLDER [RUNS]`.
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: kbcompile-parse-bench FOLDER [RUNS]")
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1])
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
var files: [(String, [UInt8])] = []
if let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
    for case let url as URL in enumerator where url.pathExtension == "md" && !url.path.contains("/node_modules/") {
        if let data = FileManager.default.contents(atPath: url.path) { files.append((url.path, [UInt8](data))) }
    }
}
let bytes = files.reduce(0) { $0 + $1.1.count }
let parser = MarkdownParser(options: .book)
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}
// One warm-up run fills lazily built tables (entities, emoji).
var blocks = 0
for (path, data) in files { blocks += parser.parse(data, file: path).blocks.count }
var times: [Double] = []
for _ in 0..<runs {
    let start = cpuSeconds()
    for (path, data) in files { blocks &+= parser.parse(data, file: path).blocks.count }
    times.append(cpuSeconds() - start)
}
times.sort()
let median = times[times.count / 2]
print(String(format: "%d files, %.2f MB: median %.3f s CPU per parse of all (min %.3f), %.1f MB/s  [%d blocks]",
             files.count, Double(bytes) / 1e6, median, times[0], Double(bytes) / 1e6 / median, blocks))
