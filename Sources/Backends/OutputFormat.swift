/// A format kbcompile can write.
public enum OutputFormat: String, Sendable, CaseIterable, Hashable {
    case epub, latex, html, pdf
}

/// A file a backend produced: a path relative to the output folder and its bytes.
/// Backends do no I/O; the driver writes artifacts atomically.
public struct Artifact: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
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
