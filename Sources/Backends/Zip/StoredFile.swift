import CDeflate
import Compiler
import Foundation

/// A file compressed already (a PNG, a JPEG…) archived in Deflate's stored blocks straight from
/// the disk, never held whole in memory: ``measure(path:filePath:)`` reads it once in 64 KiB pieces
/// for its size and CRC-32 (which the entry's local header needs before its data), and libzip's
/// reads copy it from the file a second time. Reading a whole image into an array cost a page
/// fault every 4 KiB of fresh memory, and the array was copied again into the archive.
///
/// A file that changed between the two readings fails the archive (``Failure``), where a copy of
/// it would give an entry whose CRC or size is wrong. Stored blocks inside a deflated entry, not a
/// stored entry (zip's method 0): for one of those libzip computes the CRC itself, through zlib,
/// at several times the cost of libdeflate's (it was 6% of the EPUB of plume-docs).
struct StoredFile: PrecompressedData {
    /// The entry's path in the archive, and the file's on disk.
    let path: String
    let filePath: String
    let size: Int
    let crc: UInt32
    /// While libzip reads the entry: the open file and the CRC of the bytes read so far.
    private var descriptor: Int32 = -1
    private var readCRC: UInt32 = 0

    var compressedSize: Int { StoredBlocks.streamSize(of: size) }

    /// Why the file could not be archived.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private static let pieceSize = 1 << 16

    /// Reads the file at `filePath` (a regular file; a FIFO or device would block) for its size and CRC.
    static func measure(path: String, filePath: String) throws -> StoredFile {
        let descriptor = try openRegularFile(filePath)
        defer { Foundation.close(descriptor) }
        var piece = [UInt8](repeating: 0, count: pieceSize)
        var (size, crc) = (0, UInt32(0))
        while true {
            let count = try piece.withUnsafeMutableBytes { try readSome(descriptor, into: $0.baseAddress!, count: $0.count, of: filePath) }
            if count == 0 { break }
            crc = piece.withUnsafeBytes { UInt32(libdeflate_crc32(crc, $0.baseAddress, count)) }
            size += count
        }
        return StoredFile(path: path, filePath: filePath, size: size, crc: crc)
    }

    private init(path: String, filePath: String, size: Int, crc: UInt32) {
        (self.path, self.filePath, self.size, self.crc) = (path, filePath, size, crc)
    }

    mutating func open() throws {
        close()
        descriptor = try Self.openRegularFile(filePath)
        readCRC = 0
    }

    /// Copies the stream's bytes in order (libzip reads an entry forwards, once), checking at the
    /// end that the file gave the bytes it was measured with.
    mutating func copyStream(from offset: Int, count: Int, to destination: UnsafeMutableRawPointer) throws {
        let (descriptor, filePath) = (self.descriptor, self.filePath)
        var crc = readCRC
        try StoredBlocks.copy(streamOver: size, from: offset, count: count, to: destination) { start, length, to in
            var done = 0
            while done < length {
                let got = pread(descriptor, to + done, length - done, off_t(start + done))
                if got > 0 {
                    done += got
                } else if got == 0 || errno != EINTR {
                    throw Failure(description: "\(filePath) changed while the archive was written")
                }
            }
            crc = UInt32(libdeflate_crc32(crc, to, length))
        }
        readCRC = crc
        if offset + count == compressedSize, readCRC != self.crc {
            throw Failure(description: "\(filePath) changed while the archive was written")
        }
    }

    mutating func close() {
        if descriptor >= 0 { Foundation.close(descriptor) }
        descriptor = -1
    }

    private static func openRegularFile(_ filePath: String) throws -> Int32 {
        guard let (descriptor, _) = FileBytes.openRegularFile(atPath: filePath) else {
            throw Failure(description: "cannot read \(filePath): not a readable file")
        }
        return descriptor
    }

    /// Reads up to `count` bytes; 0 at the end of the file.
    private static func readSome(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, count: Int, of filePath: String) throws -> Int {
        while true {
            let got = read(descriptor, buffer, count)
            if got >= 0 { return got }
            if errno != EINTR { throw Failure(description: "cannot read \(filePath)") }
        }
    }
}
