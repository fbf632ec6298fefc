@testable import Backends
import CDeflate
import Foundation
import Testing
import TestSupport

/// The zip writer: files deflated by libdeflate and written by libzip read back, through libzip
/// (which checks each entry's CRC-32 as it reads), as the bytes given.
@Suite("Zip writer")
struct ZipWriterTests {
    /// Files of the kinds a book has, and the edge cases of compression.
    static let files: [(path: String, bytes: [UInt8])] = {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let text = Array(String(repeating: "<p>知识库 knowledge base $e^{i\\pi}+1=0$</p>\n", count: 20_000).utf8)
        return [
            ("empty.txt", []),
            ("one.txt", [0x41]),
            ("random.bin", random),
            ("chapter.xhtml", text),
        ]
    }()

    @Test("deflated files, added one by one, as a batch (in memory or in a spill file), deflated as they are written, or as files on disk compressed already, read back as they were from the archive's chunks")
    func roundTrip() throws {
        var zip = ZipWriter(modified: 1_700_000_000)
        zip.add("mimetype", text: "application/epub+zip", method: .stored)
        for file in Self.files { zip.add("single/" + file.path, file.bytes) }
        zip.add(try ZipWriter.deflate(count: Self.files.count) { ("batch/" + Self.files[$0].path, Self.files[$0].bytes) })
        let spill = try #require(SpillFile())
        zip.add(try ZipWriter.deflate(count: Self.files.count, spill: spill) { ("spilled/" + Self.files[$0].path, Self.files[$0].bytes) })
        // Streamed: every file written at once, each into its stream in pieces of 1 to 3,000 bytes,
        // deflated whenever more than 1,000 are waiting.
        zip.add(try ZipWriter.deflateStreaming(paths: Self.files.map { "streamed/" + $0.path }, spill: spill) { streams in
            var buffers = [[UInt8]](repeating: [], count: streams.count)
            var offsets = [Int](repeating: 0, count: streams.count)
            var piece = 0
            while offsets.indices.contains(where: { offsets[$0] < Self.files[$0].bytes.count }) {
                for index in streams.indices where offsets[index] < Self.files[index].bytes.count {
                    piece = (piece * 7_919 + 13) % 3_000 + 1
                    let end = min(offsets[index] + piece, Self.files[index].bytes.count)
                    buffers[index] += Self.files[index].bytes[offsets[index]..<end]
                    offsets[index] = end
                    try streams[index].deflate(&buffers[index], over: 1_000)
                }
            }
            return buffers
        })
        // And each file handed over whole: 300 KB of random bytes deflate to more than zlib's output buffer.
        zip.add(try ZipWriter.deflateStreaming(paths: Self.files.map { "streamed-whole/" + $0.path }, spill: nil) { streams in
            var buffers = Self.files.map(\.bytes)
            for index in streams.indices { try streams[index].deflate(&buffers[index], over: 0) }
            return buffers
        })
        zip.add("stored.bin", Self.files[2].bytes, method: .stored)
        let folder = try TemporaryFolder()
        for file in Self.files {
            try folder.write(file.path, bytes: file.bytes)
            zip.add("as-is/" + file.path, compressedFileAt: folder.url.appendingPathComponent(file.path).path)
        }
        let chunks = try zip.archive()
        // Over a MiB: libzip wrote across chunks, and seeked back into them to finish local headers.
        #expect(chunks.count > 1 && chunks.dropLast().allSatisfy { $0.count == ChunkedOutput.chunkSize })
        let entries = try ZipEntries(chunks.flatMap { $0 }).entries
        let expected = [("mimetype", Array("application/epub+zip".utf8))]
            + Self.files.map { ("single/" + $0.path, $0.bytes) } + Self.files.map { ("batch/" + $0.path, $0.bytes) }
            + Self.files.map { ("spilled/" + $0.path, $0.bytes) } + Self.files.map { ("streamed/" + $0.path, $0.bytes) }
            + Self.files.map { ("streamed-whole/" + $0.path, $0.bytes) }
            + [("stored.bin", Self.files[2].bytes)] + Self.files.map { ("as-is/" + $0.path, $0.bytes) }
        #expect(entries.map(\.name) == expected.map(\.0))
        for (entry, (name, bytes)) in Swift.zip(entries, expected) {
            #expect(entry.bytes == bytes, "\(name)")
            #expect(entry.isCompressed == (name != "mimetype" && name != "stored.bin"), "\(name)")
        }
        let chapter = try #require(entries.first { $0.name == "batch/chapter.xhtml" })
        #expect(chapter.compressedSize < chapter.bytes.count / 20, "repetitive text deflates well")
        // Random bytes do not fit the first buffer (a quarter of their size): deflated again with room for the worst case.
        let random = try #require(entries.first { $0.name == "batch/random.bin" })
        #expect(random.compressedSize > random.bytes.count)
        // Data compressed already is copied in Deflate's uncompressed blocks: five bytes a block of 64 KiB.
        let copied = try #require(entries.first { $0.name == "as-is/random.bin" })
        #expect(copied.compressedSize == copied.bytes.count + 5 * ((copied.bytes.count + 65_534) / 65_535))
    }

    @Test("a file on disk in stored blocks, read in pieces of any size, is libdeflate's level 0 stream")
    func storedBlocks() throws {
        let compressor = try #require(libdeflate_alloc_compressor(0))
        defer { libdeflate_free_compressor(compressor) }
        let folder = try TemporaryFolder()
        let random = Self.files[2].bytes
        for size in [0, 1, 65_534, 65_535, 65_536, 131_070, 131_071, 200_000] {
            let bytes = Array(random[..<size])
            let expected = bytes.withUnsafeBytes { input in
                let bound = libdeflate_deflate_compress_bound(compressor, input.count)
                return [UInt8](unsafeUninitializedCapacity: bound) { output, count in
                    count = libdeflate_deflate_compress(compressor, input.baseAddress, input.count, output.baseAddress, bound)
                }
            }
            try folder.write("image-\(size).png", bytes: bytes)
            var file = try StoredFile.measure(path: "image.png", filePath: folder.url.appendingPathComponent("image-\(size).png").path)
            #expect(file.size == size)
            #expect(file.compressedSize == expected.count, "\(size) bytes")
            for piece in [1, 3, 4_096, 65_540, 1 << 20] {
                var stream = [UInt8](repeating: 0, count: expected.count)
                try file.open()
                defer { file.close() }
                try stream.withUnsafeMutableBytes { output in
                    var offset = 0
                    while offset < expected.count {
                        let count = min(piece, expected.count - offset)
                        try file.copyStream(from: offset, count: count, to: output.baseAddress! + offset)
                        offset += count
                    }
                }
                #expect(stream == expected, "\(size) bytes read \(piece) at a time")
                #expect(file.crc == bytes.withUnsafeBytes { UInt32(libdeflate_crc32(0, $0.baseAddress, $0.count)) }, "the CRC, once read")
            }
        }
    }

    @Test("a file whose size changed after it was measured fails its entry, not a cut or wrong one; one changed in place gives the CRC of what was read; a missing one fails the archive")
    func changedFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("image.png").path
        let original = Self.files[2].bytes
        for changed in [Array(original.reversed()), Array(original.prefix(1_000)), original + [1, 2, 3], []] {
            try folder.write("image.png", bytes: original)
            var file = try StoredFile.measure(path: "image.png", filePath: path)
            #expect(file.size == original.count && file.crc == nil)
            try folder.write("image.png", bytes: changed)
            try file.open()
            var stream = [UInt8](repeating: 0, count: file.compressedSize)
            let read = Result { try stream.withUnsafeMutableBytes { try file.copyStream(from: 0, count: $0.count, to: $0.baseAddress!) } }
            file.close()
            if changed.count == original.count {
                #expect(throws: Never.self) { try read.get() }
                #expect(file.crc == changed.withUnsafeBytes { UInt32(libdeflate_crc32(0, $0.baseAddress, $0.count)) })
            } else {
                #expect(throws: StoredFile.Failure.self, "\(changed.count) bytes") { try read.get() }
                #expect(file.crc == nil)
            }
        }
        var zip = ZipWriter(modified: 1_700_000_000)
        zip.add("gone.png", compressedFileAt: folder.url.appendingPathComponent("missing.png").path)
        #expect(throws: StoredFile.Failure.self) { try zip.archive() }
    }

    @Test("a spill file gives back what was appended, from writers on several cores")
    func spillFile() throws {
        let spill = try #require(SpillFile())
        let pieces = (0..<200).map { number in [UInt8]((0..<(number * 97 % 5_000)).map { UInt8(truncatingIfNeeded: $0 &* number) }) }
        let offsets = pieces.parallelMap { piece in piece.withUnsafeBytes { spill.append($0) } }
        var ranges: [Range<Int>] = []
        for (piece, offset) in zip(pieces, offsets) {
            let start = try #require(offset)
            ranges.append(start..<(start + piece.count))
            var read = [UInt8](repeating: 0, count: piece.count)
            try read.withUnsafeMutableBytes { if let base = $0.baseAddress { try spill.read(at: start, count: piece.count, into: base) } }
            #expect(read == piece)
        }
        // Each writer got its own range, and together they leave no gap.
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(sorted.first?.lowerBound == 0 && sorted.last?.upperBound == pieces.map(\.count).reduce(0, +))
    }

    @Test("the same files give the same archive")
    func deterministic() throws {
        func archive() throws -> [[UInt8]] {
            var zip = ZipWriter(modified: 1_700_000_000)
            for file in Self.files { zip.add(file.path, file.bytes) }
            return try zip.archive()
        }
        #expect(try archive() == archive())
    }

    @Test("written into a file after other bytes (FileOutput: buffered, with writes back into the buffer and before it), the archive is the one made in memory")
    func intoFile() throws {
        func writer() throws -> ZipWriter {
            var zip = ZipWriter(modified: 1_700_000_000)
            zip.add("mimetype", text: "application/epub+zip", method: .stored)
            // Over 1 MiB: the file output's buffer fills, and libzip goes back before it to finish a header.
            for file in Self.files { zip.add(file.path, file.bytes, method: .stored) }
            zip.add(try ZipWriter.deflate(count: Self.files.count) { ("batch/" + Self.files[$0].path, Self.files[$0].bytes) })
            return zip
        }
        var inMemory = try writer()
        let expected = try inMemory.archive().flatMap { $0 }
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("book.epub").path
        let descriptor = open(path, O_CREAT | O_RDWR | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let prefix: [UInt8] = Array("before the archive\n".utf8)
        #expect(prefix.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) } == prefix.count)
        let output = FileOutput(descriptor: descriptor, base: prefix.count)
        var zip = try writer()
        let size = try zip.write(to: output)
        try output.flush()
        #expect(size == expected.count)
        #expect(try Array(Data(contentsOf: folder.url.appendingPathComponent("book.epub"))) == prefix + expected)
        // A file that cannot be written fails the archive with the system's reason.
        var failing = try writer()
        #expect(throws: FileOutput.Failure.self) { try failing.write(to: FileOutput(descriptor: -1, base: 0)) }
    }

    @Test("FileOutput gives the file what its writes say, for random writes forwards and back")
    func fileOutputWrites() throws {
        var generator = SystemRandomNumberGenerator()
        let folder = try TemporaryFolder()
        // Writes take their bytes from a random pool at a random start (made once: the debug build is slow).
        let pool = (0..<(2 * FileOutput.bufferSize + 10)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for round in 0..<10 {
            let path = folder.url.appendingPathComponent("\(round).bin").path
            let descriptor = open(path, O_CREAT | O_RDWR | O_TRUNC, 0o644)
            try #require(descriptor >= 0)
            defer { close(descriptor) }
            let output = FileOutput(descriptor: descriptor, base: 0)
            var model: [UInt8] = []
            for _ in 0..<60 {
                // Forwards from the end most of the time; else back anywhere into what was written.
                let offset = model.isEmpty || Bool.random(using: &generator) ? model.count : Int.random(in: 0..<model.count, using: &generator)
                let count = [1, 30, 8_192, 70_000, FileOutput.bufferSize + 5].randomElement(using: &generator)!
                let start = Int.random(in: 0...(pool.count - count), using: &generator)
                let bytes = Array(pool[start..<(start + count)])
                try bytes.withUnsafeBytes { try output.write($0, at: offset) }
                if offset + count > model.count { model += [UInt8](repeating: 0, count: offset + count - model.count) }
                model.replaceSubrange(offset..<(offset + count), with: bytes)
            }
            try output.flush()
            #expect(output.size == model.count)
            #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == model, "round \(round)")
        }
    }
}
