#if canImport(Glibc)
import Glibc
#endif

/// An ``ArtifactOutput`` in memory, in chunks of 1 MiB (never one array copied as it grows): a
/// generated piece made for a caller that wants the bytes (``Artifact/bytes``, tests).
final class ChunkedOutput: ArtifactOutput {
    static let chunkSize = 1 << 20

    private var chunks: [[UInt8]] = []
    /// The end of the bytes written.
    private(set) var size = 0

    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        var done = 0
        while done < bytes.count {
            let (chunk, start) = (offset + done).quotientAndRemainder(dividingBy: Self.chunkSize)
            if chunk == chunks.count { chunks.append(Self.newChunk()) }
            let length = min(bytes.count - done, Self.chunkSize - start)
            chunks[chunk].withUnsafeMutableBytes { ($0.baseAddress! + start).copyMemory(from: bytes.baseAddress! + done, byteCount: length) }
            done += length
        }
        size = max(size, offset + bytes.count)
    }

    /// Hands over the bytes written, chunk by chunk (the last one only as long as the data),
    /// leaving the output empty: the chunks are not copied.
    func takeChunks() -> [[UInt8]] {
        var taken: [[UInt8]] = []
        swap(&taken, &chunks)
        if let last = taken.indices.last { taken[last].removeLast(taken.count * Self.chunkSize - size) }
        size = 0
        return taken
    }

    /// A chunk to write into, not zeroed: writers write forwards, so no byte of it is read (or
    /// handed out by ``takeChunks()``) before it was written.
    private static func newChunk() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, count in
            count = chunkSize
            prefault(UnsafeMutableRawBufferPointer(buffer))
        }
    }

    /// Maps in the pages of a fresh chunk in one call (`MADV_POPULATE_WRITE`, Linux 5.14), where
    /// the writes would fault on each 4 KiB page one by one; on an older kernel the call fails and
    /// the pages fault as before.
    private static func prefault(_ buffer: UnsafeMutableRawBufferPointer) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (Int(bitPattern: buffer.baseAddress!) + page - 1) / page * page
        let end = (Int(bitPattern: buffer.baseAddress!) + buffer.count) / page * page
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_POPULATE_WRITE)
    }
}
