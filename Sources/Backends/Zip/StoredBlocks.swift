/// Deflate's uncompressed blocks (RFC 1951, 3.2.4) laid over bytes as they are read, the stream
/// libdeflate's level 0 writes: a five-byte header (final flag, block type 0, `LEN`, `NLEN`)
/// before every 65,535 bytes and before the rest, or one empty final block for no bytes. Files
/// compressed already (``StoredFile``) go into the archive this way, the headers made as the
/// bytes are copied.
enum StoredBlocks {
    static let blockSize = 65_535
    static let headerSize = 5

    /// The length of the stream over `count` bytes.
    static func streamSize(of count: Int) -> Int {
        count + headerSize * max(1, (count + blockSize - 1) / blockSize)
    }

    /// Copies `count` bytes of the stream over `size` bytes, from `offset` in the stream, to
    /// `destination`: the headers itself, the bytes by `content(start, length, to)`, which copies
    /// `length` bytes from `start` (in order, when the stream is read in order).
    static func copy(streamOver size: Int, from offset: Int, count: Int, to destination: UnsafeMutableRawPointer,
                     content: (_ start: Int, _ length: Int, _ to: UnsafeMutableRawPointer) throws -> Void) rethrows {
        var done = 0
        while done < count {
            let (block, within) = (offset + done).quotientAndRemainder(dividingBy: blockSize + headerSize)
            let blockStart = block * blockSize
            let blockLength = min(blockSize, size - blockStart)
            let length: Int
            if within < headerSize {
                let isFinal: UInt8 = blockStart + blockLength == size ? 1 : 0
                let field = UInt16(blockLength)
                let header = [isFinal, UInt8(field & 0xFF), UInt8(field >> 8), UInt8(~field & 0xFF), UInt8(~field >> 8)]
                length = min(count - done, headerSize - within)
                header.withUnsafeBytes { (destination + done).copyMemory(from: $0.baseAddress! + within, byteCount: length) }
            } else {
                let start = blockStart + within - headerSize
                length = min(count - done, blockStart + blockLength - start)
                try content(start, length, destination + done)
            }
            done += length
        }
    }
}
