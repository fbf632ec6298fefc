#if canImport(Glibc)
import Glibc
#endif

/// An ``ArtifactOutput`` into an open file, from `base` on: the bytes go through a buffer of 1 MiB
/// and `pwrite(2)`, so a zip archive's many small writes (libzip's are 8 KiB and less) cost few
/// calls, and a write back into the buffered bytes (an entry's local header) costs none.
///
/// A generated piece written straight into the book's file is never held in memory whole: the
/// EPUB's archive was 12 MB of chunks for plume-docs, whose pages cost more to map in than the
/// rest of writing the book.
public final class FileOutput: ArtifactOutput {
    /// Why the file could not be written (`errno`'s message).
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    static let bufferSize = 1 << 20

    private let descriptor: Int32
    private let base: Int
    private var buffer: [UInt8]
    /// The piece's offset of the buffer's first byte, and how many bytes it holds.
    private var bufferStart = 0
    private var buffered = 0
    /// The end of the bytes written.
    public private(set) var size = 0

    public init(descriptor: Int32, base: Int) {
        self.descriptor = descriptor
        self.base = base
        // Not zeroed: only bytes written into it are written out.
        buffer = [UInt8](unsafeUninitializedCapacity: Self.bufferSize) { _, count in count = Self.bufferSize }
    }

    public func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        guard !bytes.isEmpty else { return }
        size = max(size, offset + bytes.count)
        // Inside the buffer or right after its bytes, and fits: copied in.
        if offset >= bufferStart, offset <= bufferStart + buffered, offset + bytes.count <= bufferStart + Self.bufferSize {
            let start = offset - bufferStart
            buffer.withUnsafeMutableBytes { ($0.baseAddress! + start).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
            buffered = max(buffered, start + bytes.count)
            return
        }
        // Anywhere else: the buffer is written out and starts again here.
        try flush()
        bufferStart = offset
        if bytes.count >= Self.bufferSize {
            try writeOut(bytes, at: offset)
            bufferStart = offset + bytes.count
        } else {
            buffer.withUnsafeMutableBytes { $0.baseAddress!.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
            buffered = bytes.count
        }
    }

    /// Writes out what is buffered; call once the piece is complete.
    public func flush() throws {
        guard buffered > 0 else { return }
        try buffer.withUnsafeBytes { try writeOut(UnsafeRawBufferPointer(rebasing: $0[..<buffered]), at: bufferStart) }
        bufferStart += buffered
        buffered = 0
    }

    private func writeOut(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        guard writeFully(descriptor, bytes, at: base + offset) else {
            throw Failure(description: "cannot write the file: \(String(cString: strerror(errno)))")
        }
    }
}
