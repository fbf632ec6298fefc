import CZip
import Foundation

/// A writable libzip source that `zip_close` writes the archive through, into an
/// ``ArtifactOutput``: the book's file itself (``FileOutput``), or chunks in memory.
///
/// The source starts empty, so an archive opened on it with `ZIP_TRUNCATE` is new and libzip has
/// nothing to read back; it writes forwards, seeking back only to finish an entry's local header.
final class ArchiveSink {
    private let output: ArtifactOutput
    /// The size of the archive written and committed (nothing before the first commit).
    private(set) var committedSize = 0
    /// The archive being written: its size so far and the write position.
    private var writingSize = 0
    private var writeOffset = 0
    private var error = zip_error_t()
    /// Why the output refused a write (libzip is told only that writing failed).
    private(set) var outputFailure: Error?

    init(output: ArtifactOutput) {
        self.output = output
        zip_error_init(&error)
    }

    deinit { zip_error_fini(&error) }

    /// A libzip source over this sink; the source keeps a reference to it until libzip frees it.
    func source(error: inout zip_error_t) -> OpaquePointer? {
        let sink = Unmanaged.passRetained(self).toOpaque()
        guard let source = zip_source_function_create(Self.callback, sink, &error) else {
            Unmanaged<ArchiveSink>.fromOpaque(sink).release()
            return nil
        }
        return source
    }

    /// The position a seek asks for, or nil (with the error set) if it is outside `0...size`.
    private func seek(_ data: UnsafeMutableRawPointer?, _ length: zip_uint64_t, from current: Int, size: Int) -> Int? {
        guard let data, length >= MemoryLayout<zip_source_args_seek_t>.size else {
            zip_error_set(&error, ZIP_ER_INVAL, 0)
            return nil
        }
        let arguments = data.load(as: zip_source_args_seek_t.self)
        let base: Int
        switch arguments.whence {
        case SEEK_SET: base = 0
        case SEEK_CUR: base = current
        case SEEK_END: base = size
        default:
            zip_error_set(&error, ZIP_ER_INVAL, 0)
            return nil
        }
        let target = base + Int(arguments.offset)
        guard target >= 0, target <= size else {
            zip_error_set(&error, ZIP_ER_INVAL, 0)
            return nil
        }
        return target
    }

    private static func bit(_ command: zip_source_cmd) -> zip_int64_t { zip_int64_t(1) << zip_int64_t(command.rawValue) }

    /// Reading, seeking and writing: what a source libzip opens an archive on and writes must answer.
    private static let supported: zip_int64_t = [
        ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
        ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS, ZIP_SOURCE_BEGIN_WRITE, ZIP_SOURCE_COMMIT_WRITE,
        ZIP_SOURCE_ROLLBACK_WRITE, ZIP_SOURCE_WRITE, ZIP_SOURCE_SEEK_WRITE, ZIP_SOURCE_TELL_WRITE, ZIP_SOURCE_REMOVE,
    ].reduce(0) { $0 | bit($1) }

    private static let callback: zip_source_callback = { userData, data, length, command in
        let unmanaged = Unmanaged<ArchiveSink>.fromOpaque(userData!)
        let sink = unmanaged.takeUnretainedValue()
        switch command {
        case ZIP_SOURCE_OPEN, ZIP_SOURCE_CLOSE:
            return 0
        case ZIP_SOURCE_READ:
            // The archive is new: there is no committed archive to read.
            return 0
        case ZIP_SOURCE_SEEK:
            guard sink.seek(data, length, from: 0, size: 0) != nil else { return -1 }
            return 0
        case ZIP_SOURCE_TELL:
            return 0
        case ZIP_SOURCE_STAT:
            guard let stat = SourceCommands.statBuffer(data, length, error: &sink.error) else { return -1 }
            stat.pointee.size = 0
            stat.pointee.valid |= zip_uint64_t(ZIP_STAT_SIZE)
            return zip_int64_t(MemoryLayout<zip_stat_t>.size)
        case ZIP_SOURCE_BEGIN_WRITE:
            (sink.writingSize, sink.writeOffset) = (0, 0)
            return 0
        case ZIP_SOURCE_WRITE:
            guard length > 0 else { return 0 }
            guard let data else {
                zip_error_set(&sink.error, ZIP_ER_INVAL, 0)
                return -1
            }
            do {
                try sink.output.write(UnsafeRawBufferPointer(start: data, count: Int(length)), at: sink.writeOffset)
            } catch {
                sink.outputFailure = error
                zip_error_set(&sink.error, ZIP_ER_WRITE, 0)
                return -1
            }
            sink.writeOffset += Int(length)
            sink.writingSize = max(sink.writingSize, sink.writeOffset)
            return zip_int64_t(length)
        case ZIP_SOURCE_SEEK_WRITE:
            guard let target = sink.seek(data, length, from: sink.writeOffset, size: sink.writingSize) else { return -1 }
            sink.writeOffset = target
            return 0
        case ZIP_SOURCE_TELL_WRITE:
            return zip_int64_t(sink.writeOffset)
        case ZIP_SOURCE_COMMIT_WRITE:
            sink.committedSize = sink.writingSize
            return 0
        case ZIP_SOURCE_ROLLBACK_WRITE, ZIP_SOURCE_REMOVE:
            // The caller's failure path: what was written is discarded with the whole output.
            return 0
        case ZIP_SOURCE_FREE:
            unmanaged.release()
            return 0
        default:
            return SourceCommands.answer(command, data: data, length: length, error: &sink.error, supported: supported)
        }
    }
}
