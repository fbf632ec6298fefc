import Foundation
import TestSupport
import Testing

/// The command-line contract: commands, flags, output channels and exit codes.
@Suite("Command-line contract")
struct CommandLineContractTests {
    @Test("--version and --help exit 0; --help documents the exit codes")
    func versionAndHelp() throws {
        let version = try KBCompileProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try KBCompileProcess.run(["--help"])
        #expect(help.status == 0)
        for text in ["check", "fragment", "build", "0 success", "1 errors in the input", "2 usage error", "3 I/O failure"] {
            #expect(help.stdout.contains(text), "help lacks \(text)")
        }
        let buildHelp = try KBCompileProcess.run(["build", "--help"])
        for flag in ["--epub", "--latex", "--html", "--pdf", "--all", "--output", "--config", "--strict", "--quiet", "./out"] {
            #expect(buildHelp.stdout.contains(flag), "build --help lacks \(flag)")
        }
    }

    @Test("a usage error exits 2")
    func usageError() throws {
        let result = try KBCompileProcess.run(["check", "--no-such-flag"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--no-such-flag"))
        #expect(try KBCompileProcess.run(["fragment", "--profile", "markdown"]).status == 2)
    }

    @Test("option forms: --name value, --name=value, -o value, -- before the source, help SUBCOMMAND")
    func optionForms() throws {
        let scratch = try TemporaryFolder()
        try scratch.write("-kb/a.md", "# A\n")
        let source = scratch.url.appendingPathComponent("-kb").path
        let attached = try KBCompileProcess.run(["check", "--diagnostics=json", "--", source])
        #expect(attached.status == 0, "\(attached.stderr)")
        #expect(attached.stdout.contains("\"errors\" : 0"))
        // The last value of a repeated option wins; -o is --output.
        let built = try KBCompileProcess.run(["build", "-o", scratch.url.appendingPathComponent("first").path,
                                              "--output", scratch.url.appendingPathComponent("second").path, "--html", "--", source])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("second/-kb.html").path))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("first").path))
        let help = try KBCompileProcess.run(["help", "fragment"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: kbcompile fragment [--profile <profile>]"))
        for (arguments, message) in [(["check", "--strict=yes"], "The flag '--strict' does not take a value"),
                                     (["build", "-o"], "Missing value for '-o <output>'"),
                                     (["check", "--diagnostics", "xml"], "Please provide one of 'text' or 'json'"),
                                     (["check", "a", "b"], "Unexpected argument 'b'")] {
            let result = try KBCompileProcess.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }

    @Test("an unreadable source exits 3 and says which")
    func missingSource() throws {
        let result = try KBCompileProcess.run(["check", "/nonexistent/knowledge-base"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("/nonexistent/knowledge-base: no such folder"))
    }

    @Test("check on the example: exit 0, outline in reading order, a summary line")
    func checkExample() throws {
        let result = try KBCompileProcess.run(["check", "examples/ml-notes", "--outline"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "机器学习笔记 [zh-CN]")
        #expect(lines.contains("# 第一部分 · 基础  (1.基础/)"))
        #expect(lines.firstIndex(of: "  线性回归  (1.基础/2.linear-regression.md)")! < lines.firstIndex(of: "  梯度下降  (1.基础/3.gradient-descent.md)")!)
        #expect(result.stderr.contains("kbcompile: 0 errors"))
        #expect(result.stderr.contains("7 articles in 3 parts"))
    }

    @Test("check on the seed: the nested-container warning, located relative to SOURCE")
    func checkSeed() throws {
        let result = try KBCompileProcess.run(["check", KBCompileProcess.shared.appendingPathComponent("corpus/seed").path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("docs/2023-08-30-大模型概述.md:152:1: warning: container '::: steps' has no closer of its own"))
        // With --strict the same warning fails the run.
        let strict = try KBCompileProcess.run(["check", "--strict", KBCompileProcess.shared.appendingPathComponent("corpus/seed").path])
        #expect(strict.status == 1)
    }

    @Test("input errors exit 1 with path:line:col diagnostics; the other articles are still read")
    func inputErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kbcompile-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("---\ntitle: [broken\n---\n# A\n".utf8).write(to: folder.appendingPathComponent("a.md"))
        try Data([0x23, 0x20, 0xFF, 0x0A]).write(to: folder.appendingPathComponent("b.md"))
        try Data("# C\n".utf8).write(to: folder.appendingPathComponent("c.md"))
        let result = try KBCompileProcess.run(["check", folder.path, "--outline"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("a.md:3:1: error: invalid YAML"))
        #expect(result.stderr.contains("b.md:1:3: error: the file is not UTF-8"))
        #expect(result.stdout.contains("(c.md)") && result.stdout.contains("(a.md)"))
        #expect(!result.stdout.contains("(b.md)"))
        let json = try KBCompileProcess.run(["check", folder.path, "--diagnostics", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["errors"] as? Int == 2)
        let quiet = try KBCompileProcess.run(["check", folder.path, "--quiet"])
        #expect(quiet.stderr.split(separator: "\n").count == 2)
    }

    @Test("fragment renders standard input with the chosen profile")
    func fragment() throws {
        let plume = try KBCompileProcess.run(["fragment"], stdin: "::: tip 小心\n==重点==\n:::\n")
        #expect(plume.status == 0)
        #expect(plume.stdout == "<div class=\"hint-container tip\">\n<p class=\"hint-container-title\">小心</p>\n<p><mark>重点</mark></p>\n</div>\n")
        let commonmark = try KBCompileProcess.run(["fragment", "--profile", "commonmark"], stdin: "::: tip\n~~x~~\n")
        #expect(commonmark.stdout == "<p>::: tip\n~~x~~</p>\n")
        let gfm = try KBCompileProcess.run(["fragment", "--profile", "gfm"], stdin: "~~x~~\n")
        #expect(gfm.stdout == "<p><s>x</s></p>\n")
    }

    @Test("--latex writes the .tex and its images; --pdf writes only the PDF")
    func latexAndPDF() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kbcompile-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let latex = try KBCompileProcess.run(["examples/ml-notes", "--latex", "-o", output.appendingPathComponent("tex").path])
        #expect(latex.status == 0, "\(latex.stderr)")
        let images = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("tex/ml-notes-images").path).sorted()
        #expect(images == ["image-001.jpg", "image-002.png", "image-003.pdf"], "the SVG is converted to PDF by rsvg-convert")
        let pdf = try KBCompileProcess.run(["examples/ml-notes", "--pdf", "-o", output.appendingPathComponent("pdf").path])
        #expect(pdf.status == 0, "\(pdf.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("pdf").path) == ["ml-notes.pdf"])
        let bytes = try Data(contentsOf: output.appendingPathComponent("pdf/ml-notes.pdf"))
        #expect(bytes.starts(with: Data("%PDF".utf8)))
    }

    @Test("--latex converts WebP and GIF images to PNG (dwebp, netpbm) and the book typesets")
    func webpAndGIF() throws {
        let scratch = try TemporaryFolder()
        let folder = scratch.url
        let source = folder.appendingPathComponent("kb")
        let webp = try Data(contentsOf: KBCompileProcess.shared.appendingPathComponent("corpus/plume-docs/.vuepress/public/images/demos/plume.webp"))
        try scratch.write("kb/.vuepress/public/logo.webp", bytes: Array(webp))
        // A 1×1 GIF.
        try scratch.write("kb/.vuepress/public/dot.gif", bytes: Array(Data(base64Encoded: "R0lGODlhAQABAIAAAAUEBAAAACwAAAAAAQABAAACAkQBADs=")!))
        try scratch.write("kb/a.md", "# 图片\n\n![标志](/logo.webp)\n\n![点](/dot.gif)\n")
        let latex = try KBCompileProcess.run([source.path, "--latex", "-o", folder.appendingPathComponent("tex").path])
        #expect(latex.status == 0, "\(latex.stderr)")
        let imageFolder = folder.appendingPathComponent("tex/kb-images")
        let images = try FileManager.default.contentsOfDirectory(atPath: imageFolder.path).sorted()
        #expect(images == ["image-001.png", "image-002.png"])
        for image in images {
            #expect(try Data(contentsOf: imageFolder.appendingPathComponent(image)).starts(with: Data([0x89, 0x50, 0x4E, 0x47])))
        }
        let tex = try String(contentsOf: folder.appendingPathComponent("tex/kb.tex"), encoding: .utf8)
        #expect(tex.contains("kb-images/image-001.png") && tex.contains("kb-images/image-002.png"))
        let pdf = try KBCompileProcess.run([source.path, "--pdf", "-o", folder.appendingPathComponent("pdf").path])
        #expect(pdf.status == 0, "\(pdf.stderr)")
    }

    /// A knowledge base of one article `a.md` whose config names `book.tex`, holding `template`, as its LaTeX template.
    static func knowledgeBase(article: String, template: String) throws -> TemporaryFolder {
        let scratch = try TemporaryFolder()
        try scratch.write("a.md", article)
        try scratch.write("kbcompile.yml", "latex:\n  template: book.tex\n")
        try scratch.write("book.tex", template)
        return scratch
    }

    @Test("--pdf maps an xelatex error back to the article line of the block it came from")
    func xelatexErrorLocated() throws {
        // A template whose \section is broken: the error happens at the article's heading.
        let template = "\\documentclass{article}\n\\usepackage{hyperref}\n\\renewcommand{\\section}[2][]{\\kbundefined}\n"
            + "\\newcommand{\\chapter}[1]{}\n\\begin{document}\n{{body}}\n\\end{document}\n"
        let scratch = try Self.knowledgeBase(article: "# T\n\ntext\n\n## Broken heading\n\nmore\n", template: template)
        let folder = scratch.url
        let result = try KBCompileProcess.run([folder.path, "--pdf", "-o", folder.appendingPathComponent("out").path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("a.md:5: error: xelatex: Undefined control sequence"), "\(result.stderr)")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)) ?? [] == [])
    }

    @Test("a template with a Mustache syntax error is reported at its line and column, exit 3")
    func badTemplate() throws {
        let scratch = try Self.knowledgeBase(article: "# A\n", template: "% x\n{{#title}}\n{{title}\n")
        let folder = scratch.url
        let result = try KBCompileProcess.run([folder.path, "--latex", "-o", folder.appendingPathComponent("out").path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("book.tex:3:"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/\(folder.lastPathComponent).tex").path))
    }

    @Test("build writes <folder>.epub (the default format); two runs with one SOURCE_DATE_EPOCH give the same bytes")
    func buildEPUB() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kbcompile-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var books: [Data] = []
        for run in 0..<2 {
            let result = try KBCompileProcess.run(["examples/ml-notes", "-o", output.appendingPathComponent("\(run)").path],
                                                  environment: ["SOURCE_DATE_EPOCH": "1714000000"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("wrote \(output.path)/\(run)/ml-notes.epub"))
            books.append(try Data(contentsOf: output.appendingPathComponent("\(run)/ml-notes.epub")))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("\(run)").path)
            #expect(leftovers == ["ml-notes.epub"], "no temporary files are left")
        }
        #expect(books[0] == books[1])
        #expect(books[0].prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
    }

    @Test("a stylesheet outside the knowledge base is refused with exit 3 and nothing is written")
    func stylesheetOutside() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kbcompile-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("kb"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("body { color: red }".utf8).write(to: folder.appendingPathComponent("outside.css"))
        try Data("epub:\n  stylesheet: ../outside.css\n".utf8).write(to: folder.appendingPathComponent("kb/kbcompile.yml"))
        try Data("# A\n".utf8).write(to: folder.appendingPathComponent("kb/a.md"))
        let result = try KBCompileProcess.run([folder.appendingPathComponent("kb").path, "-o", folder.appendingPathComponent("out").path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("epub.stylesheet '../outside.css' is not a readable file inside the knowledge base"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/kb.epub").path))
    }

    @Test("a run killed midway leaves no half-written book under the book's name")
    func killedMidway() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kbcompile-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        for delay in [0.05, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2] {
            let process = Process()
            process.executableURL = KBCompileProcess.binary
            process.arguments = [KBCompileProcess.shared.appendingPathComponent("corpus/plume-docs").path, "--epub", "--html", "-o", output.path, "--quiet"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            for name in ["plume-docs.epub", "plume-docs.html"] {
                guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(name).path) else { continue }
                if name.hasSuffix(".epub") {
                    // A complete zip ends with its end-of-central-directory record.
                    #expect(data.suffix(22).prefix(4) == Data([0x50, 0x4B, 0x05, 0x06]), "after \(delay) s: \(name) is cut short")
                } else {
                    #expect(String(decoding: data.suffix(8), as: UTF8.self) == "</html>\n", "after \(delay) s: \(name) is cut short")
                }
            }
        }
    }
}
