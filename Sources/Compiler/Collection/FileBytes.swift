import Foundation

/// Reads a whole file into a byte array with POSIX calls: one read into the array's own storage,
/// where `FileManager` would make a `Data` to be copied again.
public enum FileBytes {
    /// The file's bytes, or `nil` when it cannot be opened or read or is not a regular file (a
    /// FIFO or device would block or never end; it is opened without waiting, then refused).
    public static func read(atPath path: String) -> [UInt8]? {
        guard let (descriptor, status) = openRegularFile(atPath: path) else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        // One byte more than the size: a short read then means the end of the file.
        var chunk = max(Int(status.st_size), 0) + 1
        while true {
            var failed = false
            let part = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, count in
                count = 0
                while count < chunk {
                    let got = Foundation.read(descriptor, buffer.baseAddress! + count, chunk - count)
                    if got > 0 {
                        count += got
                    } else if got == 0 || errno != EINTR {
                        failed = got < 0
                        break
                    }
                }
            }
            if failed { return nil }
            if bytes.isEmpty { bytes = part } else { bytes += part }
            // The file grew since `fstat`: read on in chunks.
            if part.count < chunk { return bytes }
            chunk = 1 << 16
        }
    }

    /// The file at `path` opened for reading, with its status, or nil when it cannot be opened or
    /// is not a regular file (it is opened without waiting, so a FIFO cannot block, then refused).
    /// The caller closes the descriptor.
    public static func openRegularFile(atPath path: String) -> (descriptor: Int32, status: stat)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return nil
        }
        return (descriptor, status)
    }
}
