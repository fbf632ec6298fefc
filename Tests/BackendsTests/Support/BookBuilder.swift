import Backends
import Compiler
import Foundation

/// Compiles a knowledge base folder and renders it with a backend, as `kbcompile build` does.
enum BookBuilder {
    static func compile(_ source: URL) throws -> KnowledgeBaseCompiler.Compilation {
        try KnowledgeBaseCompiler().compile(source: source)
    }

    static func epub(_ source: URL, sourceDateEpoch: Int? = 1_700_000_000) throws -> [UInt8] {
        let compilation = try compile(source)
        let context = RenderContext(baseName: "book", sourceDateEpoch: sourceDateEpoch,
                                    options: compilation.configuration.formatOptions["epub"] ?? [:])
        let artifacts = try EPUBBackend().render(compilation.book, context: context)
        return try artifacts[0].bytes
    }
}
