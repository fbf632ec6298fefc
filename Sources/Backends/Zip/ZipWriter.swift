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

    /// The finished archive.
    func archive() throws -> [UInt8] {
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
        for entry in entries {
            // libzip reads entry data only when the archive is closed, and then frees this copy itself.
            let copy = malloc(max(entry.bytes.count, 1))!
            entry.bytes.withUnsafeBytes { if let base = $0.baseAddress { copy.copyMemory(from: base, byteCount: $0.count) } }
            guard let source = zip_source_buffer(archive, copy, zip_uint64_t(entry.bytes.count), 1) else {
                free(copy)
                throw Failure(archive: archive)
            }
            let index = zip_file_add(archive, entry.path, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
            guard index >= 0 else {
                zip_source_free(source)
                throw Failure(archive: archive)
            }
            let method: Int32 = entry.compressed ? ZIP_CM_DEFLATE : ZIP_CM_STORE
            guard zip_set_file_compression(archive, zip_uint64_t(index), method, Self.deflateLevel) == 0,
                  zip_file_set_mtime(archive, zip_uint64_t(index), time_t(modified), 0) == 0,
                  zip_file_set_external_attributes(archive, zip_uint64_t(index), 0, UInt8(ZIP_OPSYS_UNIX), 0o100644 << 16) == 0
            else { throw Failure(archive: archive) }
        }
        guard zip_close(archive) == 0 else {
            let failure = Failure(archive: archive)
            zip_discard(archive)
            throw failure
        }
        return try Self.contents(of: buffer)
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
