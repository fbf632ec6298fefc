/// A format kbcompile can write.
public enum OutputFormat: String, Sendable, CaseIterable, Hashable {
    case epub, latex, html, pdf
}

/// A file a backend produced: a path relative to the output folder and its contents.
/// Backends do no I/O; the driver writes artifacts atomically.
public struct Artifact: Sendable {
    /// A run of the file's bytes: bytes, a string's UTF-8, or bytes made as the file is written.
    public enum Piece: Sendable {
        case bytes([UInt8])
        case text(String)
        /// Writes its bytes into the output it is given (offsets from the piece's start) and
        /// returns how many it wrote: a zip archive is written straight into the book's file.
        case generated(@Sendable (ArtifactOutput) throws -> Int)
    }

    public var path: String
    /// The contents, in order. A book's file is written piece by piece, so that one of a hundred
    /// megabytes (the LaTeX, the HTML file) is never joined in memory beside its pieces.
    public var pieces: [Piece]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.pieces = [.bytes(bytes)]
    }

    public init(path: String, pieces: [Piece]) {
        self.path = path
        self.pieces = pieces
    }

    /// The whole contents in one array (for tools and tests that read the file as a whole).
    public var bytes: [UInt8] {
        get throws {
            if pieces.count == 1, case .bytes(let bytes) = pieces[0] { return bytes }
            var bytes: [UInt8] = []
            for piece in pieces {
                switch piece {
                case .bytes(let run): bytes += run
                case .text(let text): bytes += text.utf8
                case .generated(let generate):
                    let output = ChunkedOutput()
                    _ = try generate(output)
                    for chunk in output.takeChunks() { bytes += chunk }
                }
            }
            return bytes
        }
    }
}

/// What every backend is given besides the book.
public struct RenderContext: Sendable {
    /// The base name of the output files (e.g. `my-kb` → `my-kb.epub`).
    public var baseName: String
    /// `SOURCE_DATE_EPOCH`, when set: the date written into the output.
    public var sourceDateEpoch: Int?
    /// The `epub:`/`latex:`/`html:` section of the config for this backend.
    public var options: [String: String]
    /// The user's replacement for the format's built-in stylesheet (EPUB, HTML: the config's
    /// `stylesheet`) or template (LaTeX: the config's `template`).
    public var customTemplate: String?
    /// Converts an image that xelatex cannot read (SVG, WebP, GIF: anything but PNG, JPEG and
    /// PDF) for the LaTeX book, given its bytes and media type; the command line runs
    /// rsvg-convert, dwebp and netpbm. nil, or a nil result: the image shows its alt text.
    public var convertImage: (@Sendable (_ bytes: [UInt8], _ mediaType: String) -> ConvertedImage?)?

    public init(baseName: String, sourceDateEpoch: Int? = nil, options: [String: String] = [:], customTemplate: String? = nil,
                convertImage: (@Sendable ([UInt8], String) -> ConvertedImage?)? = nil) {
        self.baseName = baseName
        self.sourceDateEpoch = sourceDateEpoch
        self.options = options
        self.customTemplate = customTemplate
        self.convertImage = convertImage
    }
}

/// An image in a format xelatex reads: its bytes and the file extension for them.
public struct ConvertedImage: Sendable {
    public var bytes: [UInt8]
    public var fileExtension: String

    public init(bytes: [UInt8], fileExtension: String) {
        self.bytes = bytes
        self.fileExtension = fileExtension
    }
}

/// A backend could not finish (an image it cannot read, an archive libzip refused): the driver
/// reports it and writes nothing for that format.
public struct BackendFailure: Error, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
