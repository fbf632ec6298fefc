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

    /// Compresses `files`, in order, at ``textLevel`` with one compressor (callers on several
    /// threads each call this).
    static func deflate(_ files: [(path: String, bytes: [UInt8])]) throws -> [DeflatedFile] {
        guard !files.isEmpty else { return [] }
        guard let compressor = libdeflate_alloc_compressor(textLevel) else {
            throw ZipWriter.Failure(description: "not enough memory to deflate \(files[0].path)")
        }
        defer { libdeflate_free_compressor(compressor) }
        // Compressed into one scratch buffer of the worst case, then copied out at its size (an
        // array of the worst case would keep about the uncompressed size for each file).
        var scratch: [UInt8] = []
        return files.map { file in
            file.bytes.withUnsafeBytes { input in
                let bound = libdeflate_deflate_compress_bound(compressor, input.count)
                if scratch.count < bound { scratch = [UInt8](unsafeUninitializedCapacity: bound) { _, count in count = bound } }
                let data = scratch.withUnsafeMutableBytes { output in
                    // The bound is never too small, so compression cannot give 0 (no room).
                    let count = libdeflate_deflate_compress(compressor, input.baseAddress, input.count, output.baseAddress, bound)
                    return Array(output[..<count])
                }
                return DeflatedFile(path: file.path, data: data, crc: libdeflate_crc32(0, input.baseAddress, input.count), size: input.count)
            }
        }
    }
}
