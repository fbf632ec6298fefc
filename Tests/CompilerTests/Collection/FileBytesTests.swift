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

    @Test("UTF-8 validation agrees with the standard library's")
    func utf8Validation() {
        var state: UInt64 = 7
        func next() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        // Mostly valid text (ASCII runs, CJK) with a few random bytes, so errors fall in every place.
        let pieces: [[UInt8]] = [Array("abcdefghij".utf8), Array("数据".utf8), Array("é".utf8), Array("😀".utf8), Array("\n".utf8)]
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(next() % 12) {
                let pick = next()
                bytes += pick < 40 ? [next()] : pieces[Int(pick) % pieces.count]
            }
            let offset = firstInvalidUTF8Offset(bytes)
            #expect((offset == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            if let offset { #expect(String(validating: bytes[..<offset], as: UTF8.self) != nil, "\(bytes)") }
        }
    }
}
