import Backends
import Foundation

/// Writes a file so that a reader sees the old file or the whole new one, never part of it: the
/// bytes go to a temporary file beside it (`.name.XXXXXX`), which is then renamed over the name.
/// The new file gets the permissions a newly created file gets (0666 less the umask). The bytes are
/// written straight from the artifact's pieces, never joined or copied into `Data`; a generated
/// piece (the EPUB's zip archive) writes itself into the file (``FileOutput``).
enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ artifact: Artifact, to url: URL) throws {
        let folder = url.deletingLastPathComponent().path
        var template = Array("\(folder)/.\(url.lastPathComponent).XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw failure("cannot create a file in \(folder)") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do {
            defer { close(descriptor) }
            var offset = 0
            for piece in artifact.pieces {
                switch piece {
                case .bytes(let bytes):
                    try bytes.withUnsafeBytes { try writeAll($0, to: descriptor) }
                    offset += bytes.count
                case .text(var text):
                    try text.withUTF8 { try writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
                    offset += text.utf8.count
                case .generated(let generate):
                    let output = FileOutput(descriptor: descriptor, base: offset)
                    offset += try generate(output)
                    try output.flush()
                    guard lseek(descriptor, off_t(offset), SEEK_SET) == offset else { throw failure("cannot write \(url.path)") }
                }
            }
            guard fchmod(descriptor, 0o666 & ~creationMask) == 0 else { throw failure("cannot set the permissions of \(url.path)") }
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, url.path) == 0 else {
            let error = failure("cannot write \(url.path)")
            unlink(temporary)
            throw error
        }
    }

    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write the file")
            }
            offset += written
        }
    }

    /// The process's umask (reading it means setting it, so it is set back at once).
    private static let creationMask: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()

    private static func failure(_ message: String) -> Failure {
        Failure(description: "\(message): \(String(cString: strerror(errno)))")
    }
}
