import CZip
import Foundation

/// A writable libzip source that `zip_close` writes the archive into, kept as chunks of 1 MiB.
///
/// The chunks become the artifact's pieces as they are. libzip's own buffer source had to be
/// copied out after closing, which held the archive twice at the end of a build (33 MB each at
/// 10,000 articles). The source starts empty, so an archive opened on it with `ZIP_TRUNCATE` is
/// new; libzip writes forwards, seeking back only to finish an entry's local header.
final class ArchiveSink {
    static let chunkSize = 1 << 20

    /// The archive as last committed, and the size of its data.
    private var committed: [[UInt8]] = []
    private var committedSize = 0
    /// The archive being written, its size so far and the write position.
    private var writing: [[UInt8]] = []
    private var writingSize = 0
    private var writeOffset = 0
    /// The read position (libzip reads only what it wrote, if anything).
    private var readOffset = 0
    private var error = zip_error_t()

    init() { zip_error_init(&error) }

    deinit { zip_error_fini(&error) }

    /// Hands over the committed archive's bytes, chunk by chunk (the last one only as long as the
    /// data), leaving the sink empty: the chunks are not copied.
    func takeChunks() -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        swap(&chunks, &committed)
        if let last = chunks.indices.last { chunks[last].removeLast(chunks.count * Self.chunkSize - committedSize) }
        committedSize = 0
        return chunks
    }

    /// A libzip source over this sink; the source keeps a reference to it until libzip frees it.
    func source(error: inout zip_error_t) -> OpaquePointer? {
        let sink = Unmanaged.passRetained(self).toOpaque()
        guard let source = zip_source_function_create(Self.callback, sink, &error) else {
            Unmanaged<ArchiveSink>.fromOpaque(sink).release()
            return nil
        }
        return source
    }

    /// Drops the archive being written (a new write begins, or the last was committed or rolled back).
    private func discardWriting() {
        (writing, writingSize, writeOffset) = ([], 0, 0)
    }

    /// A chunk for writing into, not zeroed: libzip writes forwards, so no byte of it is read (or
    /// handed out by ``takeChunks()``) before it was written.
    private static func newChunk() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, count in
            count = chunkSize
            prefault(UnsafeMutableRawBufferPointer(buffer))
        }
    }

    /// Maps in the pages of a fresh chunk in one call (`MADV_POPULATE_WRITE`, Linux 5.14), where
    /// libzip's writes would fault on each 4 KiB page one by one; on an older kernel the call
    /// fails and the pages fault as before.
    private static func prefault(_ buffer: UnsafeMutableRawBufferPointer) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (Int(bitPattern: buffer.baseAddress!) + page - 1) / page * page
        let end = (Int(bitPattern: buffer.baseAddress!) + buffer.count) / page * page
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_POPULATE_WRITE)
    }

    /// Copies `count` bytes at `offset` of `chunks` out to `destination` (`write` false) or in from it.
    private static func transfer(_ chunks: inout [[UInt8]], at offset: Int, _ pointer: UnsafeMutableRawPointer, count: Int, write: Bool) {
        var done = 0
        while done < count {
            let position = offset + done
            let (chunk, start) = position.quotientAndRemainder(dividingBy: chunkSize)
            if write, chunk == chunks.count { chunks.append(newChunk()) }
            let length = min(count - done, chunkSize - start)
            chunks[chunk].withUnsafeMutableBytes { bytes in
                if write {
                    (bytes.baseAddress! + start).copyMemory(from: pointer + done, byteCount: length)
                } else {
                    (pointer + done).copyMemory(from: bytes.baseAddress! + start, byteCount: length)
                }
            }
            done += length
        }
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
        case ZIP_SOURCE_OPEN:
            sink.readOffset = 0
            return 0
        case ZIP_SOURCE_READ:
            let count = min(Int(length), sink.committedSize - sink.readOffset)
            guard count > 0, let data else { return 0 }
            transfer(&sink.committed, at: sink.readOffset, data, count: count, write: false)
            sink.readOffset += count
            return zip_int64_t(count)
        case ZIP_SOURCE_CLOSE:
            return 0
        case ZIP_SOURCE_SEEK:
            guard let target = sink.seek(data, length, from: sink.readOffset, size: sink.committedSize) else { return -1 }
            sink.readOffset = target
            return 0
        case ZIP_SOURCE_TELL:
            return zip_int64_t(sink.readOffset)
        case ZIP_SOURCE_STAT:
            guard let stat = SourceCommands.statBuffer(data, length, error: &sink.error) else { return -1 }
            stat.pointee.size = zip_uint64_t(sink.committedSize)
            stat.pointee.valid |= zip_uint64_t(ZIP_STAT_SIZE)
            return zip_int64_t(MemoryLayout<zip_stat_t>.size)
        case ZIP_SOURCE_BEGIN_WRITE:
            sink.discardWriting()
            return 0
        case ZIP_SOURCE_WRITE:
            guard length > 0 else { return 0 }
            guard let data else {
                zip_error_set(&sink.error, ZIP_ER_INVAL, 0)
                return -1
            }
            transfer(&sink.writing, at: sink.writeOffset, data, count: Int(length), write: true)
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
            (sink.committed, sink.committedSize) = (sink.writing, sink.writingSize)
            sink.discardWriting()
            return 0
        case ZIP_SOURCE_ROLLBACK_WRITE:
            sink.discardWriting()
            return 0
        case ZIP_SOURCE_REMOVE:
            (sink.committed, sink.committedSize) = ([], 0)
            return 0
        case ZIP_SOURCE_FREE:
            unmanaged.release()
            return 0
        default:
            return SourceCommands.answer(command, data: data, length: length, error: &sink.error, supported: supported)
        }
    }
}
