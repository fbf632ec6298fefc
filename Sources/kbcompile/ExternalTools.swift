import Backends
import Foundation

/// The programs kbcompile runs for the LaTeX book: rsvg-convert (SVG → PDF) and latexmk (PDF).
enum ExternalTools {
    /// SVG → PDF with rsvg-convert, reading and writing through pipes; nil when it is missing or fails.
    static let svgToPDF: @Sendable ([UInt8]) -> [UInt8]? = { svg in
        guard let path = ["/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--format=pdf"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        // Write from another thread: a large image would fill the pipe while nobody reads.
        let writer = Thread {
            input.fileHandleForWriting.write(Data(svg))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let pdf = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 && pdf.starts(with: Data("%PDF".utf8)) ? Array(pdf) : nil
    }

    struct TypesettingFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes the LaTeX artifacts to a scratch folder, runs `latexmk -xelatex` there and returns
    /// the PDF as an artifact (the scratch folder is removed).
    static func typeset(_ artifacts: [Artifact], main: String) throws -> Artifact {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kbcompile-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for artifact in artifacts {
            let url = folder.appendingPathComponent(artifact.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(artifact.bytes).write(to: url)
        }
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent("latexmk") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        guard let latexmk = path else {
            throw TypesettingFailure(description: "latexmk is not installed (apt-get install latexmk texlive-xetex texlive-latex-extra texlive-lang-chinese texlive-fonts-recommended fonts-noto-cjk)")
        }
        let process = Process()
        process.executableURL = latexmk
        // -no-shell-escape: nothing in the source may run a program.
        process.arguments = ["-xelatex", "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "-quiet", main]
        process.currentDirectoryURL = folder
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let text = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let pdfName = String(main.dropLast(4)) + ".pdf"
        guard process.terminationStatus == 0, let pdf = try? Data(contentsOf: folder.appendingPathComponent(pdfName)) else {
            let tail = text.split(separator: "\n").suffix(15).joined(separator: "\n")
            throw TypesettingFailure(description: "xelatex failed:\n\(tail)")
        }
        return Artifact(path: pdfName, bytes: Array(pdf))
    }
}
