import Compiler
import CZip
import Foundation

/// Writes a zip archive with libzip, into the book's file or memory (an ``ArtifactOutput``):
/// entries in the order they are added, each with a fixed modification time and fixed
/// permissions, so equal input gives equal bytes.
///
/// Files to compress are deflated with libdeflate (``DeflatedFile``) on all cores, and libzip
/// writes the archive around their compressed data. An EPUB's first entry is `mimetype`, added
/// with `.stored`.
struct ZipWriter {
    /// One file of the archive.
    struct Entry: Sendable {
        var path: String
        var bytes: [UInt8]
        var method: Method
    }

    /// How an entry is written.
    enum Method: Sendable {
        /// As it is (zip's method 0): an EPUB's `mimetype` must be.
        case stored
        /// Deflated (``DeflatedFile/textLevel``).
        case deflated
    }

    /// Files deflated ahead of the archive (by ``deflate(_:)``, on any thread, so that a caller
    /// making many files keeps only their compressed bytes), in order.
    struct DeflatedBatch: Sendable {
        fileprivate var files: [any PrecompressedData]

        /// No files (``ZipWriter/add(_:)-(DeflatedBatch)`` adds nothing).
        static let empty = DeflatedBatch(files: [])
    }

    /// Why the archive could not be made: the step and libzip's own message.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What the archive holds, in order: files as given, files on disk to copy in, or their
    /// compressed data, ready.
    private enum Item: Sendable {
        case file(Entry)
        case onDisk(path: String, filePath: String)
        case precompressed(any PrecompressedData)
    }

    private var items: [Item] = []
    /// The modification time every entry gets (seconds since 1970; zip stores it in DOS form, from 1980).
    let modified: Int

    init(modified: Int) {
        self.modified = max(modified, 315_532_800 + 86_400)
    }

    mutating func add(_ path: String, _ bytes: [UInt8], method: Method = .deflated) {
        items.append(.file(Entry(path: path, bytes: bytes, method: method)))
    }

    mutating func add(_ path: String, text: String, method: Method = .deflated) {
        add(path, Array(text.utf8), method: method)
    }

    /// Adds the file at `filePath` on disk, compressed already (an image), as a copy in Deflate's
    /// stored blocks read straight from the file (``StoredFile``).
    mutating func add(_ path: String, compressedFileAt filePath: String) {
        items.append(.onDisk(path: path, filePath: filePath))
    }

    /// Adds the files of a batch, in its order.
    mutating func add(_ batch: DeflatedBatch) {
        items += batch.files.map(Item.precompressed)
    }

    /// Deflates `count` files that `file` makes, one at a time, into a batch for
    /// ``add(_:)-(DeflatedBatch)``, kept in memory or in `spill` until the archive is written; the
    /// bytes are the same as deflating them in the archive.
    static func deflate(count: Int, spill: SpillFile? = nil, file: (Int) throws -> (path: String, bytes: [UInt8])) throws -> DeflatedBatch {
        DeflatedBatch(files: try DeflatedFile.deflate(count: count, spill: spill, file: file))
    }

    /// Files deflated as they are written: `write` writes the files at `paths` together, each into
    /// its stream, and gives their last bytes.
    static func deflateStreaming(paths: [String], spill: SpillFile?, write: ([DeflateStream]) throws -> [[UInt8]]) throws -> DeflatedBatch {
        let streams = try paths.map(DeflateStream.init(path:))
        var rest = try write(streams)
        return DeflatedBatch(files: try streams.indices.map { try streams[$0].finish(&rest[$0], spill: spill) })
    }

    /// The finished archive in memory, in chunks (``ChunkedOutput``).
    mutating func archive() throws -> [[UInt8]] {
        let output = ChunkedOutput()
        try write(to: output)
        return output.takeChunks()
    }

    /// Writes the archive into `output` (through ``ArchiveSink``); returns its size. The files still
    /// to compress are first deflated on all cores, in batches (as callers may have done for
    /// theirs), and the files on disk measured; libzip then writes every entry in order, copying
    /// the compressed data as it is.
    @discardableResult
    mutating func write(to output: ArtifactOutput) throws -> Int {
        var items = self.items
        // The items are moved out: when this writer held the only reference, each file's compressed
        // data is let go as libzip finishes copying it.
        self.items = []
        let pending = items.indices.filter {
            switch items[$0] {
            case .file(let entry): entry.method == .deflated
            case .onDisk: true
            case .precompressed: false
            }
        }
        let batchCount = min(max(1, pending.count / 64), 4 * ProcessInfo.processInfo.activeProcessorCount)
        let groups = (0..<batchCount).map { group in stride(from: group, to: pending.count, by: batchCount).map { pending[$0] } }
        // The files' bytes are read from the entries inside the work: once deflated, each is held
        // only by its entry, and by nothing once libzip has read it.
        let prepared: [Result<[(Int, Item)], Error>] = { [items] in
            groups.parallelMap { group in
                Result {
                    var ready: [(Int, Item)] = []
                    var deflating: [Int] = []
                    for index in group {
                        if case .onDisk(let path, let filePath) = items[index] {
                            ready.append((index, .precompressed(try StoredFile.measure(path: path, filePath: filePath))))
                        } else {
                            deflating.append(index)
                        }
                    }
                    let deflated = try DeflatedFile.deflate(count: deflating.count) { number in
                        guard case .file(let entry) = items[deflating[number]] else { return ("", []) }
                        return (entry.path, entry.bytes)
                    }
                    return ready + zip(deflating, deflated.map { Item.precompressed($0) })
                }
            }
        }()
        for result in prepared {
            for (index, item) in try result.get() { items[index] = item }
        }

        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        let sink = ArchiveSink(output: output)
        guard let destination = sink.source(error: &error) else { throw Failure("making an archive", error: &error) }
        guard let archive = zip_open_from_source(destination, ZIP_TRUNCATE, &error) else {
            zip_source_free(destination)
            throw Failure("opening an archive", error: &error)
        }
        do {
            for item in items {
                switch item {
                case .file(let entry):
                    try Self.addStored(entry, to: archive, modified: modified)
                case .precompressed(let file):
                    guard let source = PrecompressedSource.make(file, error: &error) else {
                        throw Failure("adding \(file.path)", error: &error)
                    }
                    // No compression method is set: libzip takes the source's (deflate) and copies the data.
                    try Self.insert(source, path: file.path, into: archive, modified: modified)
                case .onDisk:
                    preconditionFailure("files on disk are measured above")
                }
            }
        } catch {
            zip_discard(archive)
            throw error
        }
        items = []
        guard zip_close(archive) == 0 else {
            let failure = sink.outputFailure ?? Failure("closing the archive", archive: archive)
            zip_discard(archive)
            throw failure
        }
        return sink.committedSize
    }

    /// A copy of `bytes` in memory from `malloc`, for libzip to own and free.
    private static func mallocCopy(_ bytes: [UInt8]) -> UnsafeMutableRawPointer {
        let copy = malloc(max(bytes.count, 1))!
        bytes.withUnsafeBytes { if let base = $0.baseAddress { copy.copyMemory(from: base, byteCount: $0.count) } }
        return copy
    }

    /// Adds `entry`, stored (a file to compress was deflated before).
    private static func addStored(_ entry: Entry, to archive: OpaquePointer, modified: Int) throws {
        // libzip reads entry data only when the archive is closed, and then frees this copy itself.
        let copy = mallocCopy(entry.bytes)
        guard let source = zip_source_buffer(archive, copy, zip_uint64_t(entry.bytes.count), 1) else {
            free(copy)
            throw Failure("adding \(entry.path)", archive: archive)
        }
        let index = try insert(source, path: entry.path, into: archive, modified: modified)
        guard zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_STORE, 0) == 0 else {
            throw Failure("setting how \(entry.path) is compressed", archive: archive)
        }
    }

    /// Adds a source under `path` with the fixed time and permissions; its index.
    @discardableResult
    private static func insert(_ source: OpaquePointer, path: String, into archive: OpaquePointer, modified: Int) throws -> Int64 {
        let index = zip_file_add(archive, path, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        guard index >= 0 else {
            zip_source_free(source)
            throw Failure("adding \(path)", archive: archive)
        }
        guard zip_file_set_mtime(archive, zip_uint64_t(index), time_t(modified), 0) == 0,
              zip_file_set_external_attributes(archive, zip_uint64_t(index), 0, UInt8(ZIP_OPSYS_UNIX), 0o100644 << 16) == 0
        else { throw Failure("setting the time and permissions of \(path)", archive: archive) }
        return index
    }
}

extension ZipWriter.Failure {
    /// libzip's error, after the step that failed (so a rare failure says where it happened).
    init(_ step: String, error: inout zip_error_t) {
        description = step + ": " + String(cString: zip_error_strerror(&error))
    }

    init(_ step: String, archive: OpaquePointer) {
        description = step + ": " + String(cString: zip_strerror(archive))
    }
}
