import Compiler
import CZip
import Foundation

/// Writes a zip archive in memory with libzip: entries in the order they are added, each with a
/// fixed modification time and fixed permissions, so equal input gives equal bytes.
///
/// An EPUB's first entry is `mimetype`, added with `compressed: false`.
struct ZipWriter {
    /// One file of the archive.
    struct Entry {
        var path: String
        var bytes: [UInt8]
        var compressed: Bool
    }

    /// Why libzip refused: its own message.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// zlib's default level, as `zip -6`: level 9 took twice the time for under 1% smaller books.
    static let deflateLevel: zip_uint32_t = 6

    private(set) var entries: [Entry] = []
    /// The modification time every entry gets (seconds since 1970; zip stores it in DOS form, from 1980).
    let modified: Int

    init(modified: Int) {
        self.modified = max(modified, 315_532_800 + 86_400)
    }

    mutating func add(_ path: String, _ bytes: [UInt8], compressed: Bool = true) {
        entries.append(Entry(path: path, bytes: bytes, compressed: compressed))
    }

    mutating func add(_ path: String, text: String, compressed: Bool = true) {
        add(path, Array(text.utf8), compressed: compressed)
    }

    /// The finished archive. Deflating is the archive's main cost and libzip does it one entry
    /// after another, so the entries to compress are first deflated on all cores, in batches, into
    /// archives of their own; the book's archive then copies their compressed data as it is
    /// (`ZIP_FL_COMPRESSED`), in the entries' order. The bytes are the same as deflating in place.
    func archive() throws -> [UInt8] {
        let entries = self.entries
        let modified = self.modified
        let compressed = entries.indices.filter { entries[$0].compressed }
        let batchCount = min(max(1, compressed.count / 64), 4 * ProcessInfo.processInfo.activeProcessorCount)
        let batches = (0..<batchCount).map { batch in stride(from: batch, to: compressed.count, by: batchCount).map { compressed[$0] } }
        let deflated: [Result<[UInt8], Failure>] = batches.parallelMap { batch in
            Result { try Self.build { archive in
                for index in batch { try Self.add(entries[index], to: archive, modified: modified) }
            } }.mapError { $0 as? Failure ?? Failure(description: "\($0)") }
        }
        // Each batch's archive, opened for reading; entry index → (batch archive, index inside it).
        var openArchives: [OpaquePointer] = []
        defer { for archive in openArchives { zip_discard(archive) } }
        var location: [Int: (archive: OpaquePointer, index: Int)] = [:]
        for (batch, result) in zip(batches, deflated) {
            let archive = try Self.open(try result.get())
            openArchives.append(archive)
            for (position, index) in batch.enumerated() { location[index] = (archive, position) }
        }
        return try Self.build { archive in
            for (index, entry) in entries.enumerated() {
                guard let (source, position) = location[index] else {
                    try Self.add(entry, to: archive, modified: modified)
                    continue
                }
                guard let data = zip_source_zip(archive, source, zip_uint64_t(position), zip_flags_t(ZIP_FL_COMPRESSED), 0, -1) else {
                    throw Failure(archive: archive)
                }
                try Self.insert(data, path: entry.path, into: archive, modified: modified)
            }
        }
    }

    /// An archive in memory: `fill` adds its entries; the closed archive's bytes.
    private static func build(_ fill: (OpaquePointer) throws -> Void) throws -> [UInt8] {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let buffer = zip_source_buffer_create(nil, 0, 0, &error) else { throw Failure(error: &error) }
        guard let archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error) else {
            zip_source_free(buffer)
            throw Failure(error: &error)
        }
        // The buffer must outlive zip_close, which writes into it and would otherwise free it.
        zip_source_keep(buffer)
        defer { zip_source_free(buffer) }
        do {
            try fill(archive)
        } catch {
            zip_discard(archive)
            throw error
        }
        guard zip_close(archive) == 0 else {
            let failure = Failure(archive: archive)
            zip_discard(archive)
            throw failure
        }
        return try contents(of: buffer)
    }

    /// Opens archive bytes for reading; libzip keeps (and frees) its own copy of them.
    private static func open(_ bytes: [UInt8]) throws -> OpaquePointer {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        let copy = mallocCopy(bytes)
        guard let source = zip_source_buffer_create(copy, zip_uint64_t(bytes.count), 1, &error) else {
            free(copy)
            throw Failure(error: &error)
        }
        guard let archive = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)
            throw Failure(error: &error)
        }
        return archive
    }

    /// A copy of `bytes` in memory from `malloc`, for libzip to own and free.
    private static func mallocCopy(_ bytes: [UInt8]) -> UnsafeMutableRawPointer {
        let copy = malloc(max(bytes.count, 1))!
        bytes.withUnsafeBytes { if let base = $0.baseAddress { copy.copyMemory(from: base, byteCount: $0.count) } }
        return copy
    }

    /// Adds `entry`, stored or deflated as it says.
    private static func add(_ entry: Entry, to archive: OpaquePointer, modified: Int) throws {
        // libzip reads entry data only when the archive is closed, and then frees this copy itself.
        let copy = mallocCopy(entry.bytes)
        guard let source = zip_source_buffer(archive, copy, zip_uint64_t(entry.bytes.count), 1) else {
            free(copy)
            throw Failure(archive: archive)
        }
        let index = try insert(source, path: entry.path, into: archive, modified: modified)
        let method: Int32 = entry.compressed ? ZIP_CM_DEFLATE : ZIP_CM_STORE
        guard zip_set_file_compression(archive, zip_uint64_t(index), method, deflateLevel) == 0 else { throw Failure(archive: archive) }
    }

    /// Adds a source under `path` with the fixed time and permissions; its index.
    @discardableResult
    private static func insert(_ source: OpaquePointer, path: String, into archive: OpaquePointer, modified: Int) throws -> Int64 {
        let index = zip_file_add(archive, path, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        guard index >= 0 else {
            zip_source_free(source)
            throw Failure(archive: archive)
        }
        guard zip_file_set_mtime(archive, zip_uint64_t(index), time_t(modified), 0) == 0,
              zip_file_set_external_attributes(archive, zip_uint64_t(index), 0, UInt8(ZIP_OPSYS_UNIX), 0o100644 << 16) == 0
        else { throw Failure(archive: archive) }
        return index
    }

    /// Reads the whole buffer source back.
    private static func contents(of source: OpaquePointer) throws -> [UInt8] {
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_source_stat(source, &stat) == 0, zip_source_open(source) == 0 else {
            throw Failure(description: "could not read the archive back from memory")
        }
        defer { zip_source_close(source) }
        var bytes = [UInt8](repeating: 0, count: Int(stat.size))
        let read = bytes.withUnsafeMutableBytes { zip_source_read(source, $0.baseAddress!, zip_uint64_t($0.count)) }
        guard read == Int64(stat.size) else { throw Failure(description: "could not read the archive back from memory") }
        return bytes
    }
}

extension ZipWriter.Failure {
    init(error: inout zip_error_t) {
        description = String(cString: zip_error_strerror(&error))
    }

    init(archive: OpaquePointer) {
        description = String(cString: zip_strerror(archive))
    }
}
