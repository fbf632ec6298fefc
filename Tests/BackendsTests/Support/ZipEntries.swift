import CZip
import Foundation

/// Reads a zip archive in memory with libzip: the entries' names in order, their bytes, and the
/// raw local header of the first entry (EPUB's rules about `mimetype` are about those bytes).
struct ZipEntries {
    struct Entry {
        var name: String
        var bytes: [UInt8]
        var isCompressed: Bool
        /// The size of the entry's data in the archive.
        var compressedSize: Int
    }

    let entries: [Entry]

    init(_ archive: [UInt8]) throws {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        let copy = malloc(archive.count)!
        archive.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        guard let source = zip_source_buffer_create(copy, zip_uint64_t(archive.count), 1, &error),
              let zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error)
        else { throw ZipReadError.unreadable }
        defer { zip_discard(zip) }
        var entries: [Entry] = []
        for index in 0..<zip_get_num_entries(zip, 0) {
            var stat = zip_stat_t()
            guard zip_stat_index(zip, zip_uint64_t(index), 0, &stat) == 0, let file = zip_fopen_index(zip, zip_uint64_t(index), 0) else {
                throw ZipReadError.unreadable
            }
            var bytes = [UInt8](repeating: 0, count: Int(stat.size))
            let read = bytes.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, zip_uint64_t($0.count)) }
            zip_fclose(file)
            guard read == Int64(stat.size) || stat.size == 0 else { throw ZipReadError.unreadable }
            entries.append(Entry(name: String(cString: stat.name), bytes: bytes, isCompressed: stat.comp_method != ZIP_CM_STORE,
                                 compressedSize: Int(stat.comp_size)))
        }
        self.entries = entries
    }

    subscript(name: String) -> [UInt8]? { entries.first { $0.name == name }?.bytes }

    func text(_ name: String) -> String? { self[name].map { String(decoding: $0, as: UTF8.self) } }
}

enum ZipReadError: Error { case unreadable }
