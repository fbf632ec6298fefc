import Foundation

/// Finds the Markdown files that are articles, as the site would: everything under `.vuepress/`
/// (but for nothing here: `public/` holds assets), dot-folders, `node_modules` and `*.snippet.md`
/// are skipped, and locale folders (`en/` with its own home page) are other books.
struct CollectionScanner {
    let layout: SourceLayout
    let config: Configuration

    struct Result {
        /// Paths relative to the source root, sorted by bytes (the ordering pass sorts for the book).
        var files: [String]
        /// Locale folders found and left out of this book.
        var otherLocales: [String]
    }

    func scan() -> Result {
        let includes = config.include.map(Glob.init)
        let excludes = config.exclude.map(Glob.init)
        let rootPath = layout.root.path
        let startPrefix = layout.localeFolder == layout.root ? "" : String(layout.localeFolder.path.dropFirst(rootPath.count + 1)) + "/"
        var files: [String] = []
        var otherLocales: [String] = []
        var pending = [startPrefix]
        while let folder = pending.popLast() {
            // Paths as text and lstat, not URLs and their resource values: a scan of 10,000 files
            // spent 3% of a build in resource values, then 1% making URLs.
            let folderPath = rootPath + "/" + folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folderPath) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") && name != "node_modules" {
                let relative = folder + name
                let childPath = folderPath + name
                var status = stat()
                guard lstat(childPath, &status) == 0 else { continue }
                var isDirectory = status.st_mode & S_IFMT == S_IFDIR
                if status.st_mode & S_IFMT == S_IFLNK {
                    // A link may point anywhere: follow it only when its target stays under the root.
                    let target = URL(fileURLWithPath: childPath).resolvingSymlinksInPath().path
                    guard target.hasPrefix(rootPath + "/"), stat(target, &status) == 0 else { continue }
                    isDirectory = status.st_mode & S_IFMT == S_IFDIR
                }
                if isDirectory {
                    if folder.isEmpty, config.locale == nil, Self.isLocaleFolder(name: name, url: URL(fileURLWithPath: childPath)) {
                        otherLocales.append(name)
                        continue
                    }
                    pending.append(relative + "/")
                } else if name.hasSuffix(".md"), !name.hasSuffix(".snippet.md") {
                    if !includes.isEmpty, !includes.contains(where: { $0.matches(relative) }) { continue }
                    if excludes.contains(where: { $0.matches(relative) }) { continue }
                    files.append(relative)
                }
            }
        }
        return Result(files: files.sorted(), otherLocales: otherLocales.sorted())
    }

    /// A top-level folder named like a language tag (`en`, `ja`, `zh-TW`) that has its own
    /// `README.md` or `index.md`: VuePress's convention for a second language of the site.
    static func isLocaleFolder(name: String, url: URL) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
            parts[0].count == 2, parts[0].allSatisfy({ $0.isASCII && $0.isLowercase }),
            parts.count == 1 || (2...4).contains(parts[1].count) && parts[1].allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        let manager = FileManager.default
        return manager.fileExists(atPath: url.appendingPathComponent("README.md").path)
            || manager.fileExists(atPath: url.appendingPathComponent("index.md").path)
    }
}
