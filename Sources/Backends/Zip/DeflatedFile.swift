import CDeflate

/// A file compressed ahead of its archive with libdeflate: raw DEFLATE data (RFC 1951, as a zip
/// entry holds it) with the CRC-32 and the size of the original bytes, which the entry's headers give.
struct DeflatedFile: PrecompressedData {
    var path: String
    /// The DEFLATE stream.
    var data: [UInt8]
    var crc: UInt32?
    var size: Int

    /// The length of the DEFLATE stream.
    var compressedSize: Int { data.count }

    /// Copies `count` bytes of the DEFLATE stream, from `offset`, to `destination`.
    func copyStream(from offset: Int, count: Int, to destination: UnsafeMutableRawPointer) {
        data.withUnsafeBytes { destination.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
    }

    /// libdeflate's level 1 for text: a build of the book should cost little more than reading
    /// and deflating its files, and a few percent of a text-only archive matter less to readers.
    /// On the chapters of 2,000 synthetic articles (20 MB of XHTML) level 1 took 40% less time
    /// than level 4 for 2.8% more bytes (level 6 about level 4's time for 0.8% fewer); the whole
    /// build of 10,000 articles took a fifth less CPU for an EPUB 3.6% larger (34.6 against 33.4
    /// MB); plume-docs' EPUB, mostly images, grew 0.2%. zlib's level 6 (`zip -6`, used at first)
    /// was slower than all of them.
    static let textLevel: Int32 = 1

    /// Compresses `count` files, in order, at ``textLevel`` with one compressor (callers on
    /// several threads each call this): each kept in memory, or written to `spill` when one is
    /// given and has room. `file` makes each file's bytes when it is its turn, so only one is held at a time.
    static func deflate(count: Int, spill: SpillFile? = nil, file: (Int) throws -> (path: String, bytes: [UInt8])) throws -> [any PrecompressedData] {
        guard count > 0 else { return [] }
        guard let compressor = libdeflate_alloc_compressor(textLevel) else {
            throw ZipWriter.Failure(description: "not enough memory to deflate files")
        }
        defer { libdeflate_free_compressor(compressor) }
        // Compressed into one scratch buffer, then copied out at its size (an array of the worst
        // case would keep about the uncompressed size for each file). The book's XHTML deflates to
        // about a third of its size (a chapter of Chinese prose to 35%, the navigation documents to
        // 12–15%), so half is tried first and the worst case only when that is too small: the
        // scratch of a 19 MB navigation document is then 10 MB, not 19, and the book's text is not
        // deflated twice.
        var scratch: [UInt8] = []
        func compress(_ input: UnsafeRawBufferPointer, room: Int) -> Int {
            if scratch.count < room { scratch = [UInt8](unsafeUninitializedCapacity: room) { _, count in count = room } }
            return scratch.withUnsafeMutableBytes { libdeflate_deflate_compress(compressor, input.baseAddress, input.count, $0.baseAddress, room) }
        }
        return try (0..<count).map { index in
            let (path, bytes) = try file(index)
            return bytes.withUnsafeBytes { input -> any PrecompressedData in
                let bound = libdeflate_deflate_compress_bound(compressor, input.count)
                var compressed = compress(input, room: min(bound, input.count / 2 + 4_096))
                // The bound is never too small, so compression cannot give 0 (no room) again.
                if compressed == 0 { compressed = compress(input, room: bound) }
                let crc = UInt32(libdeflate_crc32(0, input.baseAddress, input.count))
                return scratch.withUnsafeBytes { output -> any PrecompressedData in
                    let stream = UnsafeRawBufferPointer(rebasing: output[..<compressed])
                    if let spill, let offset = spill.append(stream) {
                        return SpilledFile(path: path, size: input.count, crc: crc, compressedSize: compressed, spill: spill, offset: offset)
                    }
                    return DeflatedFile(path: path, data: Array(stream), crc: crc, size: input.count)
                }
            }
        }
    }
}
