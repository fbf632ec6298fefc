#if canImport(Glibc)
import Glibc
#endif

/// Reads `count` bytes of an open file from `offset` into `destination` with `pread(2)`, as many
/// calls as it takes (a signal may cut one short); false when the file ends first or a read fails.
func readFully(_ descriptor: Int32, at offset: Int, count: Int, into destination: UnsafeMutableRawPointer) -> Bool {
    var done = 0
    while done < count {
        let got = pread(descriptor, destination + done, count - done, off_t(offset + done))
        if got > 0 {
            done += got
        } else if got == 0 || errno != EINTR {
            return false
        }
    }
    return true
}
