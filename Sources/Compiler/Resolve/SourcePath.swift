import Foundation

/// A path an article refers to (a link or image destination), resolved to a file under the
/// source root, or to why it is not one. Nothing outside the root is ever touched.
enum SourcePath {
    enum Resolution: Equatable {
        /// A file inside the source root: its path relative to the root.
        case file(String)
        /// An existing folder inside the source root (relative path).
        case folder(String)
        case missing(String)
        /// The path leads outside the source root (after `..` and symbolic links).
        case outside(String)
        /// `http:`, `mailto:` and other URLs with a scheme.
        case external
    }

    /// Splits `destination` into the path (percent-decoded) and the fragment after `#`.
    static func split(_ destination: String) -> (path: String, fragment: String?) {
        var rest = Substring(destination)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...]).removingPercentEncoding ?? String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        return (String(rest).removingPercentEncoding ?? String(rest), fragment)
    }

    static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return destination.hasPrefix("//") }
        let scheme = destination[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
            && scheme.first!.isLetter
    }

    /// Resolves `path`: a site path (`/a/b.png`) against `siteRoot` (the public folder for assets,
    /// the source root for pages), anything else against the article's folder.
    static func resolve(_ path: String, from articlePath: String, siteRoot: URL, layout: SourceLayout) -> Resolution {
        if path.isEmpty { return .missing(path) }
        let base = path.hasPrefix("/") ? siteRoot : layout.root.appendingPathComponent(articlePath).deletingLastPathComponent()
        // Appended, not resolved `relativeTo:` a base that may not end in `/` (which would drop its last folder).
        let target = base.appendingPathComponent(path.hasPrefix("/") ? String(path.dropFirst()) : path).standardizedFileURL
        let rootPath = layout.root.path
        guard target.path == rootPath || target.path.hasPrefix(rootPath + "/") else { return .outside(path) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder) else { return .missing(path) }
        // A symbolic link may point anywhere: follow it only to a place under the root.
        let real = target.resolvingSymlinksInPath().path
        guard real.hasPrefix(rootPath + "/") else { return .outside(path) }
        let relative = String(target.path.dropFirst(rootPath.count + 1))
        if isFolder.boolValue { return .folder(relative) }
        // Only a regular file is a file here: reading a FIFO or a device could block for ever.
        var status = stat()
        guard stat(real, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return .missing(path) }
        return .file(relative)
    }
}
