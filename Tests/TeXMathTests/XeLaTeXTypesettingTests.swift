import Foundation
import Testing
@testable import TeXMath

/// Every conformance formula the checker accepts is typeset by xelatex without a TeX error.
/// Needs xelatex (TeX Live from Debian: `scripts/test` installs it); without it the test fails.
@Suite("Checked TeX in xelatex")
struct XeLaTeXTypesettingTests {
    @Test("all accepted conformance formulas typeset with no TeX error")
    func typesetAll() throws {
        let accepted = KaTeXAgreementTests.cases.compactMap { item -> (String, String, Bool)? in
            guard case .success(let tex) = TeXMath.checkedTeX(item.tex, display: item.display) else { return nil }
            return (item.name, tex, item.display)
        }
        #expect(accepted.count > 1000)
        var document = "\\documentclass{article}\n\\usepackage{\(TeXMath.requiredPackages.joined(separator: ","))}\n"
        document += "\\usepackage{xeCJK}\n\\setCJKmainfont{Noto Serif CJK SC}\n\\begin{document}\n"
        var lineOfFormula: [Int: String] = [:]
        var line = document.split(separator: "\n", omittingEmptySubsequences: false).count
        for (name, tex, display) in accepted {
            let body = display ? "\\[ \(tex) \\]" : "$\(tex)$"
            document += body.replacingOccurrences(of: "\n", with: " ") + "\n\n"
            lineOfFormula[line] = "\(name): \(tex)"
            line += 2
        }
        document += "\\end{document}\n"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kbcompile-xelatex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try document.write(to: folder.appendingPathComponent("formulas.tex"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xelatex", "-interaction=nonstopmode", "-no-shell-escape", "formulas.tex"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let log = (try? String(contentsOf: folder.appendingPathComponent("formulas.log"), encoding: .utf8)) ?? ""
        #expect(!log.isEmpty, "xelatex did not run (is TeX Live installed?)")
        // Each TeX error ("! …") is followed by "l.N": map N back to its formula.
        var failures: [String] = []
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, text) in lines.enumerated() where text.hasPrefix("! ") {
            let location = lines[index...].prefix(12).first { $0.hasPrefix("l.") }
            let number = location.flatMap { Int($0.dropFirst(2).prefix { $0.isNumber }) } ?? 0
            failures.append("\(text) — \(lineOfFormula[number] ?? lineOfFormula[number - 1] ?? "line \(number)")")
        }
        if let path = ProcessInfo.processInfo.environment["KBCOMPILE_XELATEX_REPORT"] {
            try? failures.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(failures.isEmpty, "\(failures.count) TeX errors, first: \(failures.prefix(5).joined(separator: "\n"))")
        #expect(process.terminationStatus == 0)
    }
}
