@testable import Backends
import Compiler
import Foundation
import Testing
import TestSupport

/// The LaTeX book typeset by real xelatex (latexmk, TeX Live from Debian): no error, no undefined
/// reference, every article a chapter; article text cannot run TeX.
@Suite("LaTeX and xelatex")
struct LaTeXTests {
    /// Renders a knowledge base to a scratch folder (SVG converted with rsvg-convert when present).
    static func render(_ source: URL) throws -> (folder: TemporaryFolder, tex: String, book: Book) {
        let compilation = try BookBuilder.compile(source)
        let context = RenderContext(baseName: "book", sourceDateEpoch: 1_700_000_000, convertImage: Self.rsvg)
        let folder = try TemporaryFolder()
        let artifacts = try LaTeXBackend().render(compilation.book, context: context)
        for artifact in artifacts { try folder.write(artifact.path, bytes: artifact.bytes) }
        return (folder, String(decoding: try artifacts[0].bytes, as: UTF8.self), compilation.book)
    }

    /// SVG → PDF only (the command line's converter, which also does WebP and GIF, is tested in CLITests).
    static let rsvg: @Sendable ([UInt8], String) -> ConvertedImage? = { svg, mediaType in
        guard mediaType == "image/svg+xml" else { return nil }
        let folder = try? TemporaryFolder()
        guard let folder, (try? folder.write("in.svg", bytes: svg)) != nil else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/rsvg-convert")
        process.arguments = ["--format=pdf", "--output", folder.url.appendingPathComponent("out.pdf").path, folder.url.appendingPathComponent("in.svg").path]
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return (try? Data(contentsOf: folder.url.appendingPathComponent("out.pdf"))).map { ConvertedImage(bytes: Array($0), fileExtension: "pdf") }
    }

    /// Runs latexmk -xelatex; returns the exit status and the log.
    static func typeset(_ folder: URL) throws -> (status: Int32, log: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/latexmk")
        process.arguments = ["-xelatex", "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "-quiet", "book.tex"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let log = (try? String(contentsOf: folder.appendingPathComponent("book.log"), encoding: .utf8)) ?? ""
        return (process.terminationStatus, log)
    }

    @Test("the example, the seed, the fixture and plume-docs typeset with no error and no undefined reference",
          arguments: ["examples/ml-notes", "seed/docs", "every-node", "plume-docs"])
    func typesets(_ knowledgeBase: String) throws {
        let source = switch knowledgeBase {
        case "every-node": XHTMLGoldenTests.fixture
        case let path where path.hasPrefix("examples/"): SharedData.projectRoot.appendingPathComponent(path)
        default: SharedData.url("corpus/" + knowledgeBase)
        }
        let (folder, tex, book) = try Self.render(source)
        let (status, log) = try Self.typeset(folder.url)
        #expect(status == 0, "\(log.split(separator: "\n").filter { $0.hasPrefix("!") }.prefix(5))")
        #expect(!log.contains("There were undefined references"))
        #expect(!log.contains("Reference `"), "an undefined reference")
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("book.pdf").path))
        #expect(Self.count("\\chapter{", in: tex) == book.articles.count)
        // CJK text has its fonts: no CJK character is missing.
        let missing = log.split(separator: "\n").filter { $0.hasPrefix("Missing character") && $0.unicodeScalars.contains { SearchIndex.isCJK($0) } }
        #expect(missing.isEmpty, "\(missing.prefix(3))")
        if knowledgeBase == "examples/ml-notes" {
            // What a reader sees: Chinese and English text, a footnote, a box title, a formula's symbols.
            let text = try Self.pdfText(folder.url.appendingPathComponent("book.pdf"))
            for expected in ["机器学习", "Transformers in brief", "数据的质量往往比模型的复杂度更重要", "为什么是平方", "η", "∇"] {
                #expect(text.contains(expected), "the PDF shows \(expected)")
            }
        }
    }

    @Test("the LaTeX of every node kind matches its golden file (checked by eye in the PDF)")
    func golden() throws {
        let tex = try Self.render(XHTMLGoldenTests.fixture).tex
        let file = SharedData.projectRoot.appendingPathComponent("Tests/BackendsTests/Golden/every-node/book.tex")
        if ProcessInfo.processInfo.environment["KBCOMPILE_UPDATE_GOLDEN"] == "1" { try Data(tex.utf8).write(to: file) }
        #expect(tex == (try String(contentsOf: file, encoding: .utf8)))
    }

    static func pdfText(_ pdf: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [pdf.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("TeX in article text is printed, never run")
    func hostile() throws {
        let folder = try TemporaryFolder()
        try folder.write("kb/.vuepress/config.ts", "")
        try folder.write("kb/a.md", #"""
            # \input{/etc/passwd} 标题

            ## 数组 [0] 与 a] b

            正文 \write18{touch /tmp/kbcompile-pwned} \immediate\write18{ls} \catcode`\@=11 ^^5cinput{x} %comment
            `\def\x{y}` [\href](https://example.com/%7E#frag) {#id} $\input{/etc/passwd}$ $x^2$ ~ & # _ { }
            组合字符 %́ {́ $́ \́input{x} 之后

            ```tex {1}
            \documentclass{article} \end{kbcode} \input{x}
            ```

            $$
            \write18{ls}
            $$

            - [not a label] item
            - [x] done

            | a |
            | - |
            | [2cm] cell |
            """#)
        let (output, tex, _) = try Self.render(folder.url.appendingPathComponent("kb"))
        let start = try #require(tex.range(of: "\\mainmatter")).lowerBound
        let body = String(tex[start...])
        for command in ["\\input{", "\\write18", "\\immediate", "\\catcode", "\\def\\x", "\\end{kbcode} \\input", "\\documentclass{article}"] {
            #expect(!body.contains(command), "\(command) reached the TeX source")
        }
        // A mark combined with a special character does not let it through (a bare `%` would hide the rest of the line).
        #expect(body.contains("\\%\u{301} \\{\u{301} \\$\u{301} \\textbackslash{}\u{301}input\\{x\\} 之后"))
        let (status, log) = try Self.typeset(output.url)
        #expect(status == 0, "\(log.split(separator: "\n").filter { $0.hasPrefix("!") }.prefix(5))")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/kbcompile-pwned"))
    }

    @Test("the same input and SOURCE_DATE_EPOCH give the same .tex")
    func reproducible() throws {
        let example = SharedData.projectRoot.appendingPathComponent("examples/ml-notes")
        #expect(try Self.render(example).tex == (try Self.render(example).tex))
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }
}
