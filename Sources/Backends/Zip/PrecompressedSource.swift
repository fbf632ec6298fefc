import CZip

/// The compressed data of an entry, as ``PrecompressedSource`` hands it to libzip: deflated in
/// memory (``DeflatedFile``) or stored blocks over a file on disk (``StoredFile``).
protocol PrecompressedData: Sendable {
    /// The entry's path in the archive.
    var path: String { get }
    /// The size of the original bytes.
    var size: Int { get }
    /// Their CRC-32: known before the stream is read (data deflated in memory), or once it was
    /// read to its end (a file on disk, whose CRC is computed as libzip copies it).
    var crc: UInt32? { get }
    /// The length of the DEFLATE stream.
    var compressedSize: Int { get }
    /// Gets ready to read the stream from its start.
    mutating func open() throws
    /// Copies `count` bytes of the stream, from `offset`, to `destination`.
    mutating func copyStream(from offset: Int, count: Int, to destination: UnsafeMutableRawPointer) throws
    /// Ends a reading.
    mutating func close()
}

extension PrecompressedData {
    mutating func open() {}
    mutating func close() {}
}

/// A libzip source that hands over an entry's compressed data as it is: its `stat` says the data
/// is deflated and gives the original size and CRC, so `zip_close` copies it into the archive
/// instead of compressing it again (libzip 1.7 has no layered sources, so the source answers
/// every command itself). `zip_close` asks for the CRC again after copying the data and writes
/// the entry's local header a second time with it: a CRC known only then is in time.
enum PrecompressedSource {
    /// A source for `file`. It keeps its own reference to the data until libzip has read all of it
    /// and closes the source, and then lets it go (freed there when nothing else holds it).
    static func make(_ file: any PrecompressedData, error: inout zip_error_t) -> OpaquePointer? {
        let reader = Unmanaged.passRetained(Reader(file)).toOpaque()
        guard let source = zip_source_function_create(callback, reader, &error) else {
            Unmanaged<Reader>.fromOpaque(reader).release()
            return nil
        }
        return source
    }

    /// The file's compressed data (nil once read to the end and closed), what `stat` says of it,
    /// and how far libzip has read it.
    private final class Reader {
        var file: (any PrecompressedData)?
        let compressedSize: Int
        let size: Int
        var crc: UInt32?
        var offset = 0
        var error = zip_error_t()

        init(_ file: any PrecompressedData) {
            self.file = file
            compressedSize = file.compressedSize
            size = file.size
            crc = file.crc
            zip_error_init(&error)
        }

        deinit {
            file?.close()
            zip_error_fini(&error)
        }

        /// Reports to libzip that the data failed: a file on disk that could be measured but no
        /// longer read, or that changed since (libzip's "Entry has been changed").
        func fail() -> zip_int64_t {
            zip_error_set(&error, ZIP_ER_CHANGED, 0)
            return -1
        }
    }

    /// The commands a reading source must answer.
    private static let supported: zip_int64_t = [ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                                 ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS]
        .reduce(0) { $0 | (zip_int64_t(1) << zip_int64_t($1.rawValue)) }

    private static let callback: zip_source_callback = { userData, data, length, command in
        let unmanaged = Unmanaged<Reader>.fromOpaque(userData!)
        let reader = unmanaged.takeUnretainedValue()
        switch command {
        case ZIP_SOURCE_OPEN:
            // Opened again after its data was let go: a failure, never an entry cut short.
            guard reader.file != nil else {
                zip_error_set(&reader.error, ZIP_ER_INTERNAL, 0)
                return -1
            }
            do { try reader.file!.open() } catch { return reader.fail() }
            reader.offset = 0
            return 0
        case ZIP_SOURCE_READ:
            guard reader.file != nil else {
                zip_error_set(&reader.error, ZIP_ER_INTERNAL, 0)
                return -1
            }
            let count = min(Int(length), reader.compressedSize - reader.offset)
            guard count > 0, let data else { return 0 }
            do { try reader.file!.copyStream(from: reader.offset, count: count, to: data) } catch { return reader.fail() }
            reader.offset += count
            return zip_int64_t(count)
        case ZIP_SOURCE_CLOSE:
            reader.file?.close()
            if reader.offset == reader.compressedSize {
                reader.crc = reader.crc ?? reader.file?.crc
                reader.file = nil
            }
            return 0
        case ZIP_SOURCE_STAT:
            guard let stat = SourceCommands.statBuffer(data, length, error: &reader.error) else { return -1 }
            stat.pointee.size = zip_uint64_t(reader.size)
            stat.pointee.comp_size = zip_uint64_t(reader.compressedSize)
            stat.pointee.comp_method = zip_uint16_t(ZIP_CM_DEFLATE)
            stat.pointee.valid |= zip_uint64_t(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD)
            if let crc = reader.crc {
                stat.pointee.crc = crc
                stat.pointee.valid |= zip_uint64_t(ZIP_STAT_CRC)
            }
            return zip_int64_t(MemoryLayout<zip_stat_t>.size)
        case ZIP_SOURCE_FREE:
            unmanaged.release()
            return 0
        default:
            return SourceCommands.answer(command, data: data, length: length, error: &reader.error, supported: supported)
        }
    }
}
