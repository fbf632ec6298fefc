import CDeflate
import CZlib

/// A file deflated while it is written, a piece at a time (zlib's streaming DEFLATE), for a
/// document too large to hold whole: the EPUB's navigation (19 MB of NCX at 10,000 articles,
/// which deflates to 2 MB). A writer appends to a buffer of its own and hands it to
/// ``deflate(_:over:)`` from time to time.
///
/// The compressed stream is kept in memory and handed over whole by ``finish()`` (to the spill
/// file when there is one), as a stream of the archive must be one run of bytes.
final class DeflateStream {
    private let path: String
    private var stream = z_stream()
    private var compressed: [UInt8] = []
    private var crc: UInt32 = 0
    private var size = 0
    private var scratch = [UInt8](repeating: 0, count: 1 << 16)

    /// zlib's level 3: within 2% of libdeflate's level-1 size for the navigation documents, at
    /// about 10 ms a megabyte.
    static let level: Int32 = 3

    init(path: String) throws {
        self.path = path
        // Raw DEFLATE (negative window bits), as a zip entry holds it.
        let status = deflateInit2_(&stream, Self.level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw ZipWriter.Failure(description: "cannot start to deflate \(path) (zlib \(status))") }
    }

    deinit { deflateEnd(&stream) }

    /// The size ``deflate(_:over:)`` waits for by default.
    static let pieceSize = 1 << 16

    /// Deflates `bytes`, the file's next bytes, and empties it, once it holds more than `threshold`.
    func deflate(_ bytes: inout [UInt8], over threshold: Int = pieceSize) throws {
        guard bytes.count > threshold else { return }
        try deflate(&bytes, flush: Z_NO_FLUSH)
    }

    /// Ends the stream with `bytes`, the file's last bytes, and gives the deflated file.
    func finish(_ bytes: inout [UInt8], spill: SpillFile?) throws -> any PrecompressedData {
        try deflate(&bytes, flush: Z_FINISH)
        if let spill, let offset = compressed.withUnsafeBytes({ spill.append($0) }) {
            return SpilledFile(path: path, size: size, crc: crc, compressedSize: compressed.count, spill: spill, offset: offset)
        }
        return DeflatedFile(path: path, data: compressed, crc: crc, size: size)
    }

    private func deflate(_ bytes: inout [UInt8], flush: Int32) throws {
        try bytes.withUnsafeMutableBufferPointer { input in
            if let base = input.baseAddress, input.count > 0 { crc = UInt32(libdeflate_crc32(crc, base, input.count)) }
            size += input.count
            stream.next_in = input.baseAddress
            stream.avail_in = UInt32(input.count)
            var status: Int32
            repeat {
                status = scratch.withUnsafeMutableBufferPointer { output in
                    stream.next_out = output.baseAddress
                    stream.avail_out = UInt32(output.count)
                    return CZlib.deflate(&stream, flush)
                }
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw ZipWriter.Failure(description: "cannot deflate \(path) (zlib \(status))")
                }
                compressed.append(contentsOf: scratch[..<(scratch.count - Int(stream.avail_out))])
            } while stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END)
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
