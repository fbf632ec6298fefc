/// The name of a `:::` container or GitHub alert: an open set, so a new kind needs no new IR case.
public struct ContainerKind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let tip = ContainerKind(rawValue: "tip")
    public static let note = ContainerKind(rawValue: "note")
    public static let info = ContainerKind(rawValue: "info")
    public static let warning = ContainerKind(rawValue: "warning")
    public static let caution = ContainerKind(rawValue: "caution")
    public static let important = ContainerKind(rawValue: "important")
    public static let details = ContainerKind(rawValue: "details")
    public static let steps = ContainerKind(rawValue: "steps")
    public static let tabs = ContainerKind(rawValue: "tabs")
    public static let codeTabs = ContainerKind(rawValue: "code-tabs")

    /// Hint boxes: a coloured, titled box (tip, note, info, warning, caution, important, details).
    public static let hints: Set<ContainerKind> = [.tip, .note, .info, .warning, .caution, .important, .details]

    /// Layout containers: the site arranges their content; a book keeps the content.
    public static let layout: Set<ContainerKind> = Set(
        ["card", "card-grid", "window", "center", "flex", "collapse", "timeline", "demo-wrapper", "left", "right", "justify", "code-tree", "npm-to"]
            .map(ContainerKind.init(rawValue:)))

    /// Raw containers: the body is not Markdown and is kept as text.
    public static let raw: Set<ContainerKind> = Set(
        ["file-tree", "field", "chat", "table", "field-group"].map(ContainerKind.init(rawValue:)))

    /// Every name the parser accepts after `:::`; any other name leaves the line a paragraph.
    public static let known: Set<ContainerKind> = hints.union(layout).union(raw).union([.steps, .tabs, .codeTabs, .danger])

    /// `danger` is an alias of ``caution``.
    public static let danger = ContainerKind(rawValue: "danger")

    /// The kind a book renders: aliases folded onto their target.
    public var canonical: ContainerKind { self == .danger ? .caution : self }

    /// The title the site shows when the author gives none, for a language tag such as `zh-CN` or `en`.
    public func defaultTitle(language: String) -> String? {
        let chinese = language.lowercased().hasPrefix("zh")
        switch canonical {
        case .tip: return chinese ? "提示" : "Tips"
        case .note: return chinese ? "注" : "Note"
        case .info: return chinese ? "相关信息" : "Info"
        case .warning: return chinese ? "注意" : "Warning"
        case .caution: return chinese ? "警告" : "Caution"
        case .important: return chinese ? "重要" : "Important"
        case .details: return chinese ? "详情" : "Details"
        default: return nil
        }
    }

    public var description: String { rawValue }
}
