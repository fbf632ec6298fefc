import Backends
import Foundation

/// The programs kbcompile runs for the LaTeX book: rsvg-convert, dwebp and netpbm (images
/// xelatex cannot read) and latexmk (the PDF).
enum ExternalTools {
    /// SVG → PDF (rsvg-convert), WebP → PNG (dwebp), GIF → PNG of its first frame (giftopnm |
    /// pnmtopng), through pipes; nil when the program is missing or fails.
    static let convertImage: @Sendable ([UInt8], String) -> ConvertedImage? = { bytes, mediaType in
        switch mediaType {
        case "image/svg+xml":
            return pipeline([("rsvg-convert", ["--format=pdf"])], input: bytes, expecting: Array("%PDF".utf8))
                .map { ConvertedImage(bytes: $0, fileExtension: "pdf") }
        case "image/webp":
            return pipeline([("dwebp", ["-quiet", "-o", "-", "--", "-"])], input: bytes, expecting: pngSignature)
                .map { ConvertedImage(bytes: $0, fileExtension: "png") }
        case "image/gif":
            return pipeline([("giftopnm", []), ("pnmtopng", [])], input: bytes, expecting: pngSignature)
                .map { ConvertedImage(bytes: $0, fileExtension: "png") }
        default:
            return nil
        }
    }

    private static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// A program on PATH (or in /usr/bin), or nil.
    static func program(_ name: String) -> URL? {
        ((ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin"])
            .map { URL(fileURLWithPath: $0).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs the programs as a pipeline on `input`; their output when every one succeeded and it
    /// starts with `expecting`, else nil. Nothing touches the disk.
    private static func pipeline(_ commands: [(name: String, arguments: [String])], input: [UInt8], expecting: [UInt8]) -> [UInt8]? {
        var processes: [Process] = []
        let first = Pipe()
        var previous = first
        for command in commands {
            guard let executable = program(command.name) else { return nil }
            let process = Process()
            process.executableURL = executable
            process.arguments = command.arguments
            process.standardInput = previous
            let next = Pipe()
            process.standardOutput = next
            process.standardError = FileHandle.nullDevice
            processes.append(process)
            previous = next
        }
        for process in processes { guard (try? process.run()) != nil else { return nil } }
        // Write from another thread: a large image would fill the pipe while nobody reads.
        let writer = Thread {
            first.fileHandleForWriting.write(Data(input))
            try? first.fileHandleForWriting.close()
        }
        writer.start()
        let output = previous.fileHandleForReading.readDataToEndOfFile()
        for process in processes { process.waitUntilExit() }
        guard processes.allSatisfy({ $0.terminationStatus == 0 }), output.starts(with: expecting) else { return nil }
        return Array(output)
    }

    struct TypesettingFailure: Error, CustomStringConvertible {
        var description: String
        /// `path:line` of the article block that xelatex stopped in, when the log says.
        var location: String?
    }

    /// Writes the LaTeX artifacts to a scratch folder, runs `latexmk -xelatex` there and returns
    /// the PDF as an artifact (the scratch folder is removed).
    static func typeset(_ artifacts: [Artifact], main: String) throws -> Artifact {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kbcompile-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for artifact in artifacts {
            let url = folder.appendingPathComponent(artifact.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.write(artifact, to: url)
        }
        guard let latexmk = program("latexmk") else {
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
            let logText = (try? String(contentsOf: folder.appendingPathComponent(String(main.dropLast(4)) + ".log"), encoding: .utf8)) ?? text
            let tex = try artifacts.first { $0.path == main }.map { String(decoding: try $0.bytes, as: UTF8.self) } ?? ""
            if let located = locate(log: logText, tex: tex, main: main) { throw located }
            let tail = text.split(separator: "\n").suffix(15).joined(separator: "\n")
            throw TypesettingFailure(description: "xelatex failed:\n\(tail)")
        }
        return Artifact(path: pdfName, bytes: Array(pdf))
    }

    /// The first error of an xelatex log (`! message` … `l.123 …`), mapped through the source
    /// marker above that line of the .tex to the article and line it came from.
    static func locate(log: String, tex: String, main: String) -> TypesettingFailure? {
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false)
        guard let errorIndex = lines.firstIndex(where: { $0.hasPrefix("! ") }) else { return nil }
        let message = lines[errorIndex].dropFirst(2).trimmingCharacters(in: .whitespaces)
        let lineNumber = lines[errorIndex...].prefix(30).lazy.compactMap { line -> Int? in
            guard line.hasPrefix("l.") else { return nil }
            return Int(line.dropFirst(2).prefix { $0.isNumber })
        }.first
        guard let lineNumber else { return TypesettingFailure(description: "xelatex: \(message)") }
        let texLines = tex.split(separator: "\n", omittingEmptySubsequences: false)
        let marker = LaTeXBackend.sourceMarker
        let source = texLines.prefix(min(lineNumber, texLines.count)).last { $0.hasPrefix(marker) }
            .map { String($0.dropFirst(marker.count)) }
            .flatMap { $0 == LaTeXBackend.endOfArticles ? nil : $0 }
        return TypesettingFailure(description: "xelatex: \(message) (\(main) line \(lineNumber))", location: source)
    }
}
