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

/// Writes `bytes` into an open file at `offset` with `pwrite(2)`, as many calls as it takes; false
/// when a write fails (`errno` says why; a write that takes nothing counts as a full disk).
func writeFully(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
    var done = 0
    while done < bytes.count {
        let written = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
        if written > 0 {
            done += written
        } else if written < 0, errno == EINTR {
            continue
        } else {
            if written == 0 { errno = ENOSPC }
            return false
        }
    }
    return true
}
