import Foundation

/// Puts the articles in sidebar order and groups them into parts: files at the top of the
/// collection come first, each top-level folder is a part, sub-folders are read depth first.
///
/// Inside a folder: its `README.md`/`index.md` first, then names with a numeric prefix by number,
/// then the rest with `sticky` pinned first, then by `createTime` (oldest first, as a book reads),
/// then by name. `order:` in the config puts the parts (and chapters) it lists first, in its order.
struct BookAssembler {
    let config: Configuration
    /// The folder prefix of the locale being built (`en/`), or empty.
    let prefix: String

    func assemble(_ articles: [Article]) -> (front: [Article], parts: [Part]) {
        let root = Folder(name: "")
        for article in articles {
            var components = String(article.path.dropFirst(prefix.count)).split(separator: "/").map(String.init)
            let file = components.removeLast()
            var folder = root
            for name in components { folder = folder.child(named: name) }
            folder.articles.append((file, article))
        }
        var front: [Article] = []
        var parts: [Part] = []
        for entry in root.orderedEntries() {
            switch entry {
            case .article(let article): front.append(article)
            case .folder(let folder):
                parts.append(Part(title: SidebarName(folder.name).title, path: prefix + folder.name, articles: folder.flattened()))
            }
        }
        return (front, applyConfiguredOrder(to: parts))
    }

    private func applyConfiguredOrder(to parts: [Part]) -> [Part] {
        guard !config.order.isEmpty else { return parts }
        var remaining = parts
        var ordered: [Part] = []
        for entry in config.order {
            let wanted = prefix + entry.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            guard let index = remaining.firstIndex(where: { $0.path == wanted }) else { continue }
            var part = remaining.remove(at: index)
            if let title = entry.title { part.title = title }
            var chapters: [Article] = []
            for chapter in entry.chapters {
                let path = part.path + "/" + chapter
                if let position = part.articles.firstIndex(where: { $0.path == path }) {
                    chapters.append(part.articles.remove(at: position))
                }
            }
            part.articles = chapters + part.articles
            ordered.append(part)
        }
        return ordered + remaining
    }
}

/// A folder of the collection while the book is assembled.
private final class Folder {
    let name: String
    var articles: [(file: String, article: Article)] = []
    var folders: [String: Folder] = [:]

    init(name: String) { self.name = name }

    func child(named name: String) -> Folder {
        if let existing = folders[name] { return existing }
        let folder = Folder(name: name)
        folders[name] = folder
        return folder
    }

    enum Entry {
        case article(Article)
        case folder(Folder)
    }

    /// Articles and sub-folders in sidebar order.
    func orderedEntries() -> [Entry] {
        struct Key {
            var rank: Int
            var number: Int
            var sticky: Int
            var created: Date
            var name: String
        }
        func key(name: String, article: Article?) -> Key {
            let sidebar = SidebarName(name.hasSuffix(".md") ? String(name.dropLast(3)) : name)
            let lower = name.lowercased()
            if article != nil, lower == "readme.md" || lower == "index.md" {
                return Key(rank: 0, number: 0, sticky: 0, created: .distantPast, name: name)
            }
            if let number = sidebar.order {
                return Key(rank: 1, number: number, sticky: 0, created: .distantPast, name: name)
            }
            return Key(rank: 2, number: 0, sticky: -(article?.metadata.sticky ?? 0),
                       created: article?.metadata.createTime ?? .distantFuture, name: name)
        }
        var keyed: [(Key, Entry)] = articles.map { (key(name: $0.file, article: $0.article), .article($0.article)) }
        keyed += folders.values.map { (key(name: $0.name, article: nil), .folder($0)) }
        keyed.sort { a, b in
            let (x, y) = (a.0, b.0)
            if x.rank != y.rank { return x.rank < y.rank }
            if x.number != y.number { return x.number < y.number }
            if x.sticky != y.sticky { return x.sticky < y.sticky }
            if x.created != y.created { return x.created < y.created }
            return x.name.utf8.lexicographicallyPrecedes(y.name.utf8)
        }
        return keyed.map(\.1)
    }

    /// Every article below this folder, depth first in sidebar order.
    func flattened() -> [Article] {
        orderedEntries().flatMap { entry -> [Article] in
            switch entry {
            case .article(let article): [article]
            case .folder(let folder): folder.flattened()
            }
        }
    }
}
