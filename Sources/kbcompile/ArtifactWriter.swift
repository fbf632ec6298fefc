import Backends
import Compiler
import Foundation

/// Runs the backends and writes what they return: each file is written to a temporary name in
/// the output folder and renamed into place (``AtomicFile``), so a reader never sees half a book. `--pdf` renders
/// the LaTeX into a scratch folder, runs latexmk there, and writes only the PDF.
struct ArtifactWriter {
    let output: URL

    /// Renders one format; returns the written files, or prints why it failed and returns nil.
    func build(_ format: OutputFormat, backend: any Backend, compilation: KnowledgeBaseCompiler.Compilation, baseName: String) -> [URL]? {
        let section = format == .pdf ? "latex" : format.rawValue
        let options = compilation.configuration.formatOptions[section] ?? [:]
        let key = section == "latex" ? "template" : "stylesheet"
        var customTemplate: String?
        if let path = options[key] {
            guard let text = Self.readInside(compilation.layout.root, path: path) else {
                fail("\(section).\(key) '\(path)' is not a readable file inside the knowledge base")
                return nil
            }
            customTemplate = text
        }
        let context = RenderContext(baseName: baseName, sourceDateEpoch: Self.sourceDateEpoch, options: options,
                                    customTemplate: customTemplate, convertImage: ExternalTools.convertImage)
        do {
            var artifacts = try backend.render(compilation.book, context: context)
            if format == .pdf { artifacts = [try ExternalTools.typeset(artifacts, main: baseName + ".tex")] }
            return try artifacts.map { artifact in
                let url = output.appendingPathComponent(artifact.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try AtomicFile.write(artifact, to: url)
                return url
            }
        } catch let failure as ExternalTools.TypesettingFailure {
            if let location = failure.location {
                FileHandle.standardError.write(Data("\(location): error: \(failure.description)\n".utf8))
            } else {
                fail("--\(format.rawValue): \(failure)")
            }
            return nil
        } catch {
            fail("--\(format.rawValue): \(error)")
            return nil
        }
    }

    private func fail(_ message: String) {
        FileHandle.standardError.write(Data("kbcompile: error: \(message)\n".utf8))
    }

    /// `SOURCE_DATE_EPOCH` from the environment, when it is a number.
    static var sourceDateEpoch: Int? {
        ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// The text of `path` (relative to `root`) when it is a file inside `root` once symlinks are resolved.
    static func readInside(_ root: URL, path: String) -> String? {
        let relative = path.hasPrefix("/") ? String(path.dropFirst()) : path
        let file = root.appendingPathComponent(relative).standardizedFileURL.resolvingSymlinksInPath()
        guard file.path.hasPrefix(root.path + "/") else { return nil }
        return try? String(contentsOf: file, encoding: .utf8)
    }

    /// The output files' base name: the knowledge base's folder name, with characters that are
    /// awkward in file names replaced.
    static func baseName(for source: URL) -> String {
        let name = source.standardizedFileURL.lastPathComponent
        let cleaned = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "-" })
        return cleaned.isEmpty || cleaned == "." ? "book" : cleaned
    }
}
