import Foundation
import Synchronization

/// The real paths of folders (every symbolic link followed), each asked of the file system once
/// for a whole build: the links, images and includes of the book resolve against a few folders,
/// and `realpath(3)` reads every component of a path with a system call of its own.
final class RealFolderPaths: Sendable {
    private let paths = Mutex<[String: String?]>([:])

    /// The real path of `folder` (absolute, normalized), or nil when it cannot be resolved.
    func path(of folder: String) -> String? {
        if let known = paths.withLock({ $0[folder] }) { return known }
        let real = Self.realPath(folder)
        paths.withLock { $0[folder] = real }
        return real
    }

    /// `path` with every symbolic link followed (`realpath(3)`), or nil when it cannot be.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(decoding: UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)), as: UTF8.self)
    }
}
