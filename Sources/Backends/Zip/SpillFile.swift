#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// A temporary file the deflated chapters of an EPUB wait in until its archive is written: the
/// chapters are all deflated before the package document (which says which of them hold MathML),
/// and the archive is written after it. Held in memory, they were 34 MB at 10,000 articles from
/// the first batch until the book was written; in this file they cost the system's page cache
/// instead, and a read each.
///
/// The file is unlinked as soon as it is made (in `TMPDIR`, else `/tmp`), so nothing is left
/// behind however the run ends; it is closed when the last ``SpilledFile`` over it goes. What it
/// cannot take (a full disk) stays in memory.
final class SpillFile: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let descriptor: Int32
    private let folder: String
    /// The end of what has been written; writers on several cores each take the next range.
    private let end = Mutex(0)

    /// A new, empty file, or nil when none can be made in the temporary folder.
    init?() {
        folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/kbcompile-chapters.XXXXXX".utf8CString)
        descriptor = mkstemp(&template)
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }

    deinit { close(descriptor) }

    /// Writes `bytes` after everything written so far and returns where they start, or nil when
    /// the file cannot take them (a full disk): the caller then keeps them in memory, as it does
    /// when no spill file could be made.
    func append(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let start = end.withLock { end in
            defer { end += bytes.count }
            return end
        }
        return writeFully(descriptor, bytes, at: start) ? start : nil
    }

    /// Reads `count` bytes from `offset` into `destination`.
    func read(at offset: Int, count: Int, into destination: UnsafeMutableRawPointer) throws {
        guard readFully(descriptor, at: offset, count: count, into: destination) else {
            throw Failure(description: "cannot read back a temporary file in \(folder)")
        }
    }
}

/// A deflated file whose DEFLATE stream waits in a ``SpillFile``.
struct SpilledFile: PrecompressedData {
    let path: String
    let size: Int
    let crc: UInt32?
    let compressedSize: Int
    let spill: SpillFile
    /// Where the stream starts in the spill file.
    let offset: Int

    func copyStream(from offset: Int, count: Int, to destination: UnsafeMutableRawPointer) throws {
        try spill.read(at: self.offset + offset, count: count, into: destination)
    }
}
