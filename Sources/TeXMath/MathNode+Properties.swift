extension MathNode {
    /// Big operators and limit functions put their scripts under and over in display style.
    var hasMovableLimits: Bool {
        switch self {
        case .operator(_, let info): info.movableLimits
        case .row(let nodes): nodes.contains { $0.hasMovableLimits }
        default: false
        }
    }

    /// `\overbrace` and `\underbrace`, whose scripts go above and below.
    var isHorizontalBrace: Bool {
        if case .underOver(_, let under, let over, true) = self {
            if case .operator("⏞", _)? = over { return true }
            if case .operator("⏟", _)? = under { return true }
        }
        return false
    }
}
