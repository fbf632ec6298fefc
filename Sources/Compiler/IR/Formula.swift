@_exported import TeXMath

/// A TeX formula as the frontend read it: the source, where it stands, and its parsed tree
/// (nil when it could not be read; `error` says why and backends show the source instead).
public struct Formula: Sendable, Hashable {
    public var tex: String
    public var display: Bool
    public var position: SourcePosition
    public var node: MathNode?
    /// `\tag{…}` of a display formula.
    public var tag: String?
    public var error: TeXError?

    /// Parses `tex` with KaTeX's dialect.
    public init(tex: String, display: Bool, position: SourcePosition) {
        self.tex = tex
        self.display = display
        self.position = position
        switch TeXMath.parse(tex, display: display) {
        case .success(let (node, tag)):
            self.node = node
            self.tag = tag
        case .failure(let error):
            self.error = error
        }
    }

    /// The formula as a MathML `<math>` element (`<merror>` with the source when it could not be read).
    public var mathML: String { TeXMath.mathML(node: node, tag: tag, tex: tex, display: display) }

    /// Appends ``mathML`` to a document being written as UTF-8.
    public func appendMathML(to out: inout [UInt8]) {
        TeXMath.appendMathML(node: node, tag: tag, tex: tex, display: display, to: &out)
    }
}
