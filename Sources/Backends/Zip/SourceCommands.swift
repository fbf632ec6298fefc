import CZip

/// What the libzip sources here (``PrecompressedSource``, ``ArchiveSink``) answer alike: the
/// buffer a `stat` fills, and the error, supports and unknown commands.
enum SourceCommands {
    /// The `zip_stat_t` libzip passed for `ZIP_SOURCE_STAT`, initialised; nil, with `error` set,
    /// when the buffer is missing or too small.
    static func statBuffer(_ data: UnsafeMutableRawPointer?, _ length: zip_uint64_t, error: inout zip_error_t) -> UnsafeMutablePointer<zip_stat_t>? {
        guard let data, length >= MemoryLayout<zip_stat_t>.size else {
            zip_error_set(&error, ZIP_ER_INTERNAL, 0)
            return nil
        }
        let stat = data.assumingMemoryBound(to: zip_stat_t.self)
        zip_stat_init(stat)
        return stat
    }

    /// `ZIP_SOURCE_ERROR` (the source's error), `ZIP_SOURCE_SUPPORTS` (`supported`), and any
    /// other command, which the source does not support. (`ZIP_SOURCE_FREE` is each source's own:
    /// it releases the object that holds `error`.)
    static func answer(_ command: zip_source_cmd, data: UnsafeMutableRawPointer?, length: zip_uint64_t, error: inout zip_error_t,
                       supported: zip_int64_t) -> zip_int64_t {
        switch command {
        case ZIP_SOURCE_ERROR:
            return zip_error_to_data(&error, data, length)
        case ZIP_SOURCE_SUPPORTS:
            return supported
        default:
            zip_error_set(&error, ZIP_ER_OPNOTSUPP, 0)
            return -1
        }
    }
}
