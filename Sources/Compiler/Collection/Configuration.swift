import Foundation
import Yams

/// The settings of `kbcompile.yml`; every key is optional (see the README for the list).
public struct Configuration: Sendable, Hashable {
    public var title: String?
    public var subtitle: String?
    public var authors: [String] = []
    public var language: String?
    public var identifier: String?
    public var publisher: String?
    /// The cover image: a site path (`/images/cover.png`) or a path relative to the source root.
    public var cover: String?
    /// The VuePress source folder, relative to the config file's folder (default: that folder).
    public var source: String?
    /// The public folder relative to the source root (default `.vuepress/public`).
    public var publicFolder = ".vuepress/public"
    /// Build the book of this locale folder (e.g. `en`) instead of the root language.
    public var locale: String?
    /// Globs (relative to the source root) of the Markdown files to read; default all.
    public var include: [String] = []
    /// Globs of Markdown files to leave out.
    public var exclude: [String] = []
    /// An explicit order of parts (and of the chapters inside them).
    public var order: [OrderEntry] = []
    /// `epub:`, `latex:`, `html:` sections: options of one format, read by its backend.
    public var formatOptions: [String: [String: String]] = [:]

    public init() {}

    /// One part in `order:`: a folder, optionally retitled, optionally with its chapters' order.
    public struct OrderEntry: Sendable, Hashable {
        public var path: String
        public var title: String?
        public var chapters: [String]

        public init(path: String, title: String? = nil, chapters: [String] = []) {
            self.path = path
            self.title = title
            self.chapters = chapters
        }
    }

    static let formatSections: Set<String> = ["epub", "latex", "html"]
    static let topLevelKeys: Set<String> = Set([
        "title", "subtitle", "authors", "author", "language", "identifier", "publisher", "cover", "source",
        "public", "locale", "include", "exclude", "order",
    ]).union(formatSections)

    /// Reads a config file's text; problems are diagnostics located in `file`, never a crash.
    public static func read(_ text: String, file: String) -> (Configuration, [Diagnostic]) {
        var config = Configuration()
        let (document, syntaxError) = YAMLDocument.read(text, file: file, firstLine: 1)
        if let syntaxError { return (config, [syntaxError]) }
        guard let root = document.root else { return (config, []) }
        guard let mapping = root.mapping else {
            return (config, [.error("kbcompile.yml must be a mapping of keys to values", at: document.location(of: root.mark), code: "config")])
        }
        var diagnostics: [Diagnostic] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalarText else { continue }
            let location = document.location(of: value.mark)
            func expected(_ what: String) {
                diagnostics.append(.error("'\(key)' should be \(what)", at: location, code: "config"))
            }
            func text(_ assign: (String) -> Void) {
                if let string = value.scalarText { assign(string) } else { expected("text") }
            }
            switch key {
            case "title": text { config.title = $0 }
            case "subtitle": text { config.subtitle = $0 }
            case "language": text { config.language = $0 }
            case "identifier": text { config.identifier = $0 }
            case "publisher": text { config.publisher = $0 }
            case "cover": text { config.cover = $0 }
            case "source": text { config.source = $0 }
            case "public": text { config.publicFolder = $0 }
            case "locale": text { config.locale = $0 }
            case "authors", "author":
                if let list = value.stringList { config.authors = list } else { expected("a list of names") }
            case "include":
                if let list = value.stringList { config.include = list } else { expected("a list of globs") }
            case "exclude":
                if let list = value.stringList { config.exclude = list } else { expected("a list of globs") }
            case "order":
                if let entries = readOrder(value) { config.order = entries } else {
                    expected("a list of folders, or of {part, title, chapters} mappings")
                }
            case _ where formatSections.contains(key):
                var options: [String: String] = [:]
                for (optionKey, optionValue) in value.mapping ?? [:] {
                    if let name = optionKey.scalarText, let setting = optionValue.scalarText { options[name] = setting }
                }
                config.formatOptions[key] = options
            default:
                diagnostics.append(.warning("unknown key '\(key)' in kbcompile.yml (known: \(topLevelKeys.sorted().joined(separator: ", ")))",
                                            at: document.location(of: keyNode.mark), code: "config"))
            }
        }
        return (config, diagnostics)
    }

    private static func readOrder(_ node: Node) -> [OrderEntry]? {
        guard let sequence = node.sequence else { return nil }
        var entries: [OrderEntry] = []
        for item in sequence {
            if let path = item.scalarText {
                entries.append(OrderEntry(path: path))
            } else if let mapping = item.mapping, let path = mapping["part"]?.scalarText {
                entries.append(OrderEntry(path: path, title: mapping["title"]?.scalarText,
                                          chapters: mapping["chapters"]?.stringList ?? []))
            } else {
                return nil
            }
        }
        return entries
    }
}
