/// Plume's embeds on a line of their own (`@[youtube](id)`, `@[bilibili](BV…)`, `@[pdf](url)`,
/// `@[caniuse](feature)`, `@[codepen](user/slug)` …). A book cannot hold a player or an iframe:
/// each becomes a paragraph with a link to the embedded thing, named by its kind.
enum EmbedRule {
    /// Providers: how the source becomes a URL, and the label shown before it.
    static func link(name: String, source: String) -> (url: String, label: String)? {
        switch name.lowercased() {
        case "youtube": ("https://www.youtube.com/watch?v=\(source)", "YouTube")
        case "bilibili": ("https://www.bilibili.com/video/\(source)", "Bilibili")
        case "acfun": ("https://www.acfun.cn/v/\(source)", "AcFun")
        case "codepen":
            ("https://codepen.io/\(source.split(separator: "/").first ?? "")/pen/\(source.split(separator: "/").dropFirst().joined(separator: "/"))", "CodePen")
        case "jsfiddle": ("https://jsfiddle.net/\(source)", "JSFiddle")
        case "codesandbox", "codesanbox": ("https://codesandbox.io/p/sandbox/\(source)", "CodeSandbox")
        case "replit": ("https://replit.com/\(source)", "Replit")
        case "caniuse": ("https://caniuse.com/\(source)", "Can I use")
        case "pdf": (source, "PDF")
        case "artplayer", "video": (source, "Video")
        case "audioreader", "audio": (source, "Audio")
        case "qrcode": (source, "QR code")
        default: nil
        }
    }

    static func parse(_ state: BlockState, _ startLine: Int, _ endLine: Int, _ silent: Bool) -> Bool {
        let start = state.bMarks[startLine] + state.tShift[startLine]
        let max = state.eMarks[startLine]
        guard state.sCount[startLine] - state.blkIndent < 4, start + 5 < max, state.src[start] == UInt8(ascii: "@"),
            let syntax = EmbedSyntax.parse(state.src, start, max), let target = link(name: syntax.name, source: syntax.source)
        else { return false }
        if silent { return true }
        state.line = startLine + 1
        let index = state.push(.embed, nesting: 0)
        state.tokens[index].map = (startLine, startLine + 1)
        state.tokens[index].info = target.label
        state.tokens[index].content = state.text(target.url)
        state.tokens[index].attrs = [("title", EmbedSyntax.attribute("title", in: syntax.info) ?? "")]
        return true
    }
}
