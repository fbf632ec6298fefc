import Testing
@testable import Backends

/// The search index's postings, kept as chains of blocks in segments of 1 MiB.
@Suite("Posting arena")
struct PostingArenaTests {
    /// LEB128 of each value: what the arena must give back, computed on its own.
    private func leb128(_ values: [UInt32]) -> [UInt8] {
        var bytes: [UInt8] = []
        for var value in values {
            while value >= 0x80 {
                bytes.append(UInt8(value & 0x7F) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }
        return bytes
    }

    @Test("interleaved terms keep their own postings across blocks and segments")
    func chainsAcrossSegments() {
        let arena = PostingArena()
        // Three terms, added in turn: 2.4 MB of postings, so chains cross into a third segment;
        // one- to three-byte postings (documents 1, 41 and 4,050 apart).
        let termCount = 3
        var expected = Array(repeating: [UInt32](), count: termCount)
        var lastDocument = Array(repeating: UInt32(0), count: termCount)
        for _ in 0..<termCount { arena.addTerm() }
        for document in stride(from: UInt32(1), through: 800_000, by: 1) {
            for term in 0..<termCount where term != 2 || document % 50 == 0 {
                let count = Int32(document % 9)
                arena.add(term: term, document: document * UInt32(term * 40 + 1), count: count)
                let scaled = document * UInt32(term * 40 + 1)
                expected[term].append((scaled - lastDocument[term]) << 3 | UInt32(min(count, 7)))
                lastDocument[term] = scaled
            }
        }
        var total = 0
        for term in 0..<termCount {
            var bytes: [UInt8] = []
            arena.appendPostings(of: term, to: &bytes)
            let wanted = leb128(expected[term])
            #expect(bytes == wanted, "term \(term)")
            #expect(arena.byteCount(of: term) == wanted.count)
            total += bytes.count
        }
        #expect(total > 2 << 20, "the postings fill more than two segments")
    }

    @Test("a term without postings has none, and terms added later start empty")
    func emptyTerms() {
        let arena = PostingArena()
        arena.addTerm()
        arena.addTerm()
        arena.add(term: 1, document: 5, count: 1)
        var bytes: [UInt8] = []
        arena.appendPostings(of: 0, to: &bytes)
        #expect(bytes.isEmpty)
        arena.appendPostings(of: 1, to: &bytes)
        #expect(bytes == [5 << 3 | 1])
        #expect(arena.count == 2)
    }
}
