import Foundation
import Testing
@testable import Compiler

@Suite("Reading files")
struct FileBytesTests {
    @Test("a file's bytes; nothing for a folder, a missing file or a FIFO")
    func reads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kbcompile-filebytes-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = Array((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let file = folder.appendingPathComponent("a.md")
        try Data(content).write(to: file)
        #expect(FileBytes.read(atPath: file.path) == content)
        let empty = folder.appendingPathComponent("empty.md")
        try Data().write(to: empty)
        #expect(FileBytes.read(atPath: empty.path) == [])
        #expect(FileBytes.read(atPath: folder.path) == nil)
        #expect(FileBytes.read(atPath: folder.appendingPathComponent("missing.md").path) == nil)
        let fifo = folder.appendingPathComponent("pipe.md")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        // A plain open of a FIFO would wait for a writer for ever.
        #expect(FileBytes.read(atPath: fifo.path) == nil)
    }
}
