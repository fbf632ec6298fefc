import CDeflate
import Compiler
import Foundation

/// A file compressed already (a PNG, a JPEG…) archived in Deflate's stored blocks straight from
/// the disk, never held whole in memory: ``measure(path:filePath:)`` takes its size, and libzip's
/// reads copy it from the file once, its CRC-32 computed on the way (libzip asks for the CRC after
/// the data and finishes the entry's local header with it). Reading a whole image into an array
/// cost a page fault every 4 KiB of fresh memory, and the array was copied again into the
/// archive; reading it a first time for its CRC cost as much as the copy.
///
/// A file whose size changed since it was measured fails the archive (``Failure``), where a copy
/// of it would give an entry cut short or missing its end; one changed in place is archived as it
/// was read, with the CRC of those bytes. Stored blocks inside a deflated entry, not a stored
/// entry (zip's method 0): for one of those libzip computes the CRC itself, through zlib, at
/// several times the cost of libdeflate's (it was 6% of the EPUB of plume-docs).
struct StoredFile: PrecompressedData {
    /// The entry's path in the archive, and the file's on disk.
    let path: String
    let filePath: String
    let size: Int
    /// The CRC-32 of the file's bytes, once libzip has read them all.
    private(set) var crc: UInt32?
    /// While libzip reads the entry: the open file and the CRC of the bytes read so far.
    private var descriptor: Int32 = -1
    private var readCRC: UInt32 = 0

    var compressedSize: Int { StoredBlocks.streamSize(of: size) }

    /// Why the file could not be archived.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads the file at `filePath` (a regular file; a FIFO or device would block) for its size and CRC.
    static func measure(path: String, filePath: String) throws -> StoredFile {
        let (descriptor, status) = try openRegularFile(filePath)
        Foundation.close(descriptor)
        return StoredFile(path: path, filePath: filePath, size: Int(status.st_size))
    }

    private init(path: String, filePath: String, size: Int) {
        (self.path, self.filePath, self.size) = (path, filePath, size)
    }

    mutating func open() throws {
        close()
        descriptor = try Self.openRegularFile(filePath).descriptor
        readCRC = 0
    }

    /// Copies the stream's bytes in order (libzip reads an entry forwards, once), checking at the
    /// end that the file still has the size it was measured with; its CRC is then known.
    mutating func copyStream(from offset: Int, count: Int, to destination: UnsafeMutableRawPointer) throws {
        let (descriptor, filePath) = (self.descriptor, self.filePath)
        var crc = readCRC
        try StoredBlocks.copy(streamOver: size, from: offset, count: count, to: destination) { start, length, to in
            guard readFully(descriptor, at: start, count: length, into: to) else {
                throw Failure(description: "\(filePath) changed while the archive was written")
            }
            crc = UInt32(libdeflate_crc32(crc, to, length))
        }
        readCRC = crc
        if offset + count == compressedSize {
            var status = stat()
            guard fstat(descriptor, &status) == 0, Int(status.st_size) == size else {
                throw Failure(description: "\(filePath) changed while the archive was written")
            }
            self.crc = readCRC
        }
    }

    mutating func close() {
        if descriptor >= 0 { Foundation.close(descriptor) }
        descriptor = -1
    }

    private static func openRegularFile(_ filePath: String) throws -> (descriptor: Int32, status: stat) {
        guard let opened = FileBytes.openRegularFile(atPath: filePath) else {
            throw Failure(description: "cannot read \(filePath): not a readable file")
        }
        return opened
    }
}
