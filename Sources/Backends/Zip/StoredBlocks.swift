/// Deflate's uncompressed blocks (RFC 1951, 3.2.4) laid over bytes as they are read, the stream
/// libdeflate's level 0 writes: a five-byte header (final flag, block type 0, `LEN`, `NLEN`)
/// before every 65,535 bytes and before the rest, or one empty final block for no bytes. Files
/// compressed already go into the archive this way without being copied into a stream first.
enum StoredBlocks {
    static let blockSize = 65_535
    static let headerSize = 5

    /// The length of the stream over `count` bytes.
    static func streamSize(of count: Int) -> Int {
        count + headerSize * max(1, (count + blockSize - 1) / blockSize)
    }

    /// Copies `count` bytes of the stream over `bytes`, from `offset` in the stream, to `destination`.
    static func copy(_ bytes: UnsafeRawBufferPointer, from offset: Int, count: Int, to destination: UnsafeMutableRawPointer) {
        var done = 0
        while done < count {
            let (block, within) = (offset + done).quotientAndRemainder(dividingBy: blockSize + headerSize)
            let blockStart = block * blockSize
            let blockLength = min(blockSize, bytes.count - blockStart)
            let length: Int
            if within < headerSize {
                let isFinal: UInt8 = blockStart + blockLength == bytes.count ? 1 : 0
                let size = UInt16(blockLength)
                let header = [isFinal, UInt8(size & 0xFF), UInt8(size >> 8), UInt8(~size & 0xFF), UInt8(~size >> 8)]
                length = min(count - done, headerSize - within)
                header.withUnsafeBytes { (destination + done).copyMemory(from: $0.baseAddress! + within, byteCount: length) }
            } else {
                let start = blockStart + within - headerSize
                length = min(count - done, blockStart + blockLength - start)
                (destination + done).copyMemory(from: bytes.baseAddress! + start, byteCount: length)
            }
            done += length
        }
    }
}
