#if canImport(Glibc)
import Glibc
#endif

/// Parses one Markdown document of the Plume dialect into IR blocks.
///
/// The pipeline follows markdown-it: normalise line endings, run the block rules over the line
/// table, run the inline rules over each `inline` token, then ``IRBuilder`` folds the token
/// stream into ``Block``s, footnotes and abbreviations.
public struct MarkdownParser: Sendable {
    public let options: MarkdownOptions
    let blockParser: BlockParser
    let inlineParser: InlineParser

    public init(options: MarkdownOptions) {
        self.options = options
        blockParser = BlockParser(options: options)
        inlineParser = InlineParser(options: options)
    }

    /// What parsing one document produced.
    public struct Document: Sendable {
        public var blocks: [Block]
        public var footnotes: [Footnote]
        public var abbreviations: [String: String]
        public var diagnostics: [Diagnostic]

        /// The plain text of the first level-1 heading (the article title when the frontmatter has none).
        public var firstHeadingText: String? {
            for block in blocks {
                if case .heading(let content, 1) = block.kind { return content.plainText }
            }
            return nil
        }
    }

    /// Parses `bytes` (UTF-8); `firstLine` is the file line of its first line, for diagnostics.
    public func parse(_ bytes: [UInt8], file: String, firstLine: Int = 1) -> Document {
        parse(bytes, file: file, sourceMap: SourceMap(file: file, firstLine: firstLine), importer: nil)
    }

    /// Parses an include-expanded document whose lines map back to files through `sourceMap`;
    /// `importer` reads the files of `@[code](…)` imports (without one, imports are reported).
    ///
    /// Bytes that are not UTF-8 are read as the site's parser sees such a file decoded: each bad
    /// sequence is a U+FFFD. `isValidUTF8`: the caller checked them (an article's reader has), so
    /// they are not checked again.
    public func parse(_ bytes: [UInt8], file: String, sourceMap: SourceMap, importer: FileImporter?, isValidUTF8: Bool = false) -> Document {
        let env = ParseEnvironment(file: file, sourceMap: sourceMap, importer: importer, textCapacity: bytes.count)
        let valid = isValidUTF8 || firstInvalidUTF8Offset(bytes) == nil ? bytes : Array(String(decoding: bytes, as: UTF8.self).utf8)
        let state = BlockState(src: Self.normalized(valid), parser: blockParser, env: env)
        blockParser.tokenize(state, 0, state.lineMax)
        var tokens = state.tokens
        state.tokens = []  // the one reference left: attaching children below copies nothing
        for index in tokens.indices where tokens[index].kind == .inline {
            // Plain text (many headings, table cells and CJK lines) needs no child tokens.
            if InlineParser.isPlainText(tokens[index].content) {
                tokens[index].isPlainText = true
            } else {
                tokens[index].children = inlineParser.parse(tokens[index].content, env: env, line: tokens[index].map?.start ?? 0)
            }
        }
        var builder = IRBuilder(tokens: tokens, env: env, options: options)
        let blocks = builder.buildDocument()
        env.texts.finish()
        return Document(blocks: blocks, footnotes: builder.footnotes(), abbreviations: env.abbreviations, diagnostics: env.diagnostics)
    }

    /// `\r\n` and `\r` become `\n`; NUL becomes U+FFFD (markdown-it's `normalize`).
    static func normalized(_ bytes: [UInt8]) -> [UInt8] {
        let needsWork = bytes.withUnsafeBufferPointer { buffer in
            !buffer.isEmpty && (memchr(buffer.baseAddress!, 0x0D, buffer.count) != nil || memchr(buffer.baseAddress!, 0x00, buffer.count) != nil)
        }
        guard needsWork else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                out.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else if byte == 0x00 {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }
}
