/// A formula as a small tree, the meeting point of the TeX parser and the two writers
/// (MathML for EPUB/HTML, checked TeX for LaTeX).
public indirect enum MathNode: Sendable, Hashable {
    /// An identifier (`x`, `\alpha`, `\sin`); `variant` is a MathML `mathvariant`.
    case identifier(String, variant: MathVariant?)
    case number(String)
    /// An operator or fence; `tex` is the command that wrote it, for the TeX writer.
    case `operator`(String, MathOperator)
    case text(String, variant: MathVariant?)
    /// Horizontal space in em.
    case space(Double)
    case row([MathNode])
    case fraction(MathNode, MathNode, FractionStyle)
    case squareRoot(MathNode)
    case root(MathNode, index: MathNode)
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?)
    /// Limits under and over (`\sum_{i}^{n}` in display, `\underbrace`, `\overset`).
    case underOver(base: MathNode, under: MathNode?, over: MathNode?, accent: Bool)
    case table(MathTable)
    /// `\displaystyle` (true) or `\textstyle` (false) for the content.
    case style(display: Bool, MathNode)
    case color(String, MathNode)
    /// `\boxed`, `\cancel`, `\bcancel`, `\xcancel`, `\sout`, `\fbox`.
    case enclosed(Enclosure, MathNode)
    case phantom(MathNode)
    /// A formula part that could not be read: its source, shown as is.
    case error(String)
}

/// MathML's `mathvariant` values the supported font commands use.
public enum MathVariant: String, Sendable, Hashable {
    case normal, bold, italic, boldItalic = "bold-italic", doubleStruck = "double-struck", script, boldScript = "bold-script"
    case fraktur, boldFraktur = "bold-fraktur", sansSerif = "sans-serif", boldSansSerif = "bold-sans-serif"
    case sansSerifItalic = "sans-serif-italic", monospace
}

/// How an operator behaves.
public struct MathOperator: Sendable, Hashable {
    /// The TeX that writes it (`\leq`, `+`), used by the TeX writer.
    public var tex: String
    public var stretchy: Bool? = nil
    public var fence = false
    public var largeOperator = false
    /// Limits go under and over in display style (`\sum`, `\lim`), as scripts inline.
    public var movableLimits = false
    public var separator = false
    /// `\big` … `\Bigg`: a fixed size in em.
    public var size: Double? = nil
    /// For `\left`, `\middle`, `\right` delimiters: which one (an empty text is `.`, no delimiter).
    public var fenceRole: FenceRole? = nil

    public enum FenceRole: Sendable, Hashable { case left, middle, right }
    /// Operators such as `\sin` and `\operatorname{x}` are written as identifiers followed by
    /// U+2061; this marks the name part.
    public init(tex: String) { self.tex = tex }
}

public enum FractionStyle: Sendable, Hashable {
    case normal, display, text
    /// `\binom`: no bar (the writer adds the parentheses).
    case binomial(display: Bool?)
    /// `\atop`, `\brace`, `\brack`: no bar, no parentheses.
    case atop
}

public enum Enclosure: String, Sendable, Hashable {
    case box, cancel, bcancel, xcancel, strike
}

/// An environment's rows of cells (`matrix`, `cases`, `aligned`, `array`…).
public struct MathTable: Sendable, Hashable {
    public var rows: [[MathNode]]
    /// One letter per column: `l`, `c` or `r` (repeated when there are more columns).
    public var alignments: [Character]
    /// The environment, for the TeX writer and the MathML writer's delimiters.
    public var environment: String
    /// Delimiters around the table (`pmatrix` → `(` `)`), empty when none.
    public var open: String
    public var close: String
    /// `\tag{…}` labels by row.
    public var tags: [Int: String]

    public init(rows: [[MathNode]], alignments: [Character], environment: String, open: String = "", close: String = "", tags: [Int: String] = [:]) {
        self.rows = rows
        self.alignments = alignments
        self.environment = environment
        self.open = open
        self.close = close
        self.tags = tags
    }
}
