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
        let utf8 = destination.utf8
        var end = utf8.endIndex
        var fragment: String?
        if let hash = utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = decoded(Substring(utf8[utf8.index(after: hash)...]))
            end = hash
        }
        if let query = utf8[..<end].firstIndex(of: UInt8(ascii: "?")) { end = query }
        return (decoded(Substring(utf8[..<end])), fragment)
    }

    /// `text` percent-decoded; as it is when a `%` is not followed by two hex digits or the
    /// decoded bytes are not UTF-8 (as Foundation's `removingPercentEncoding` gives nil then).
    private static func decoded(_ text: Substring) -> String {
        let string = String(text)
        guard string.utf8.contains(UInt8(ascii: "%")) else { return string }
        return percentDecoded(string) ?? string
    }

    /// The bytes of `text` with each `%XX` replaced by the byte it spells; nil when an escape is
    /// malformed or the result is not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        let hexValue = CharacterClass.hexValue
        let utf8 = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            guard utf8[index] == UInt8(ascii: "%") else {
                bytes.append(utf8[index])
                index += 1
                continue
            }
            guard index + 2 < utf8.count, let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2]) else { return nil }
            bytes.append(high << 4 | low)
            index += 3
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The last component of a relative file path (`guide/intro.md` → `intro.md`).
    static func fileName(of path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path[...] }
        return path[path.utf8.index(after: slash)...]
    }

    static func hasScheme(_ destination: String) -> Bool {
        let utf8 = destination.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return utf8.starts(with: "//".utf8) }
        let scheme = utf8[..<colon]
        guard let first = scheme.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20) else { return false }
        return scheme.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
    }

    /// The folder a site path (`/a/b.png`) starts from.
    enum SiteRoot {
        /// The source root, for pages.
        case source
        /// The public folder, for assets.
        case publicFolder
    }

    /// Resolves `path`: a site path (`/a/b.png`) against `siteRoot`, anything else against the
    /// article's folder. The path is made absolute and its `.` and `..` taken out as text (no
    /// Foundation URL: every link and image of the book comes here); then the file system is asked.
    static func resolve(_ path: String, from articlePath: String, siteRoot: SiteRoot, layout: SourceLayout) -> Resolution {
        if path.isEmpty { return .missing(path) }
        let rootPath = layout.rootPath
        let joined: String
        if path.hasPrefix("/") {
            joined = (siteRoot == .source ? rootPath : layout.publicFolderPath) + path
        } else if let slash = articlePath.utf8.lastIndex(of: UInt8(ascii: "/")) {
            joined = rootPath + "/" + articlePath[..<slash] + "/" + path
        } else {
            joined = rootPath + "/" + path
        }
        let target = normalized(joined)
        guard target == rootPath || isUnder(target, rootPath) else { return .outside(path) }
        // One lstat(2) says whether the target exists and what it is; a symbolic link is asked
        // again through it with stat(2).
        var status = stat()
        guard lstat(target, &status) == 0 else { return .missing(path) }
        let isLink = status.st_mode & S_IFMT == S_IFLNK
        if isLink, stat(target, &status) != 0 { return .missing(path) }
        // A symbolic link may point anywhere: follow it only to a place under the root.
        guard let real = realPath(ofExisting: target, isLink: isLink, layout: layout), isUnder(real, rootPath) else { return .outside(path) }
        let relative = String(decoding: target.utf8.dropFirst(rootPath.utf8.count + 1), as: UTF8.self)
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .folder(relative)
        // Only a regular file is a file here: reading a FIFO or a device could block for ever.
        case S_IFREG: return .file(relative)
        default: return .missing(path)
        }
    }

    /// Whether `path` is `root/…`, compared as bytes, as the file system compares names.
    private static func isUnder(_ path: String, _ root: String) -> Bool {
        var (path, root) = (path, root)
        return path.withUTF8 { path in
            root.withUTF8 { root in
                path.count > root.count && path[root.count] == UInt8(ascii: "/")
                    && (root.isEmpty || memcmp(path.baseAddress!, root.baseAddress!, root.count) == 0)
            }
        }
    }

    /// An absolute path without empty, `.` and `..` components (`..` at the top stays at `/`).
    /// Over UTF-8 bytes (`/` and `.` are ASCII, so no character is cut): every link and image of
    /// the book comes here.
    static func normalized(_ absolute: String) -> String {
        var absolute = absolute
        return absolute.withUTF8 { bytes in
            let (slash, dot) = (UInt8(ascii: "/"), UInt8(ascii: "."))
            var kept: [Range<Int>] = []
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != slash { end += 1 }
                switch end - start {
                case 0: break
                case 1 where bytes[start] == dot: break
                case 2 where bytes[start] == dot && bytes[start + 1] == dot: _ = kept.popLast()
                default: kept.append(start..<end)
                }
                start = end + 1
            }
            guard !kept.isEmpty else { return "/" }
            var path: [UInt8] = []
            path.reserveCapacity(bytes.count)
            for component in kept {
                path.append(slash)
                path.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[component]))
            }
            return String(decoding: path, as: UTF8.self)
        }
    }

    /// The path of an existing `target` with every symbolic link followed: its folder's real path
    /// (kept in `layout` for the next path in that folder) and its name, when the name itself is
    /// not a link; else `realpath(3)` of the whole path.
    private static func realPath(ofExisting target: String, isLink: Bool, layout: SourceLayout) -> String? {
        guard !isLink, let slash = target.utf8.lastIndex(of: UInt8(ascii: "/")), slash != target.utf8.startIndex
        else { return RealFolderPaths.realPath(target) }
        guard let folder = layout.realFolders.path(of: String(target[..<slash])) else { return nil }
        return (folder == "/" ? "" : folder) + target[slash...]
    }
}
