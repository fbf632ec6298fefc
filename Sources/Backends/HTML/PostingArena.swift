import Foundation

/// Every term's postings of a ``SearchIndex``, in one arena of bytes: a term's postings are a
/// chain of blocks, each a 4-byte link to the next (0 ends the chain) and then its bytes, the
/// first block 8 bytes and each next one twice the last, up to 256.
///
/// An array per term cost a heap object per term (most terms have a posting or two) and two
/// uniqueness checks per posting, the list's and the term's: 6% of the time of a 10,000-article
/// HTML file, whose index has 7 million postings. Here adding a posting writes through pointers.
///
/// Sections are added on one thread; the terms are then written on all cores, which only read.
final class PostingArena: @unchecked Sendable {
    /// A term's chain: blocks by where they start (segment << 20 | offset, see ``segments``).
    private struct Chain {
        var head: UInt32 = 0
        var tail: UInt32 = 0
        var byteCount: UInt32 = 0
        var lastDocument: UInt32 = 0
        /// The bytes used and held by the tail block (0 and 0 before the first).
        var used: UInt16 = 0
        var capacity: UInt16 = 0
    }

    private static let linkSize = 4
    private static let firstBlock: UInt16 = 8
    private static let largestBlock: UInt16 = 256
    private static let segmentShift = 20
    private static let segmentSize = 1 << segmentShift

    /// The arena's segments of 1 MiB each, filled one after another: a segment never moves (an
    /// arena grown by `realloc` held its old copy and its new one at once, 4 MB more at the peak
    /// of a 10,000-article book), and a block never crosses into the next. Offset 0 of segment 0
    /// is left unused, so a link of 0 ends a chain.
    private var segments: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>>
    private var segmentCount = 0
    private var segmentsAllocated = 16
    /// Where the next block goes.
    private var nextBlock = UInt32(linkSize)
    private var chains: UnsafeMutablePointer<Chain>
    private var chainsAllocated = 1 << 12
    /// The number of terms.
    private(set) var count = 0

    init() {
        segments = Self.grown(nil, to: segmentsAllocated)
        chains = Self.grown(nil, to: chainsAllocated)
        addSegment()
    }

    deinit {
        for segment in 0..<segmentCount { free(segments[segment]) }
        free(segments)
        free(chains)
    }

    /// Adds a term without postings; its number is the last ``count``.
    func addTerm() {
        if count == chainsAllocated {
            chainsAllocated *= 2
            chains = Self.grown(chains, to: chainsAllocated)
        }
        (chains + count).initialize(to: Chain())
        count += 1
    }

    /// Adds the posting `(document − previous document) << 3 | min(count, 7)` to term `term`, in
    /// as few bytes as it needs, seven bits a byte (LEB128).
    func add(term: Int, document: UInt32, count: Int32) {
        let chain = chains + term
        var value = (document - chain.pointee.lastDocument) << 3 | UInt32(min(count, 7))
        chain.pointee.lastDocument = document
        while value >= 0x80 {
            append(UInt8(truncatingIfNeeded: value) | 0x80, to: chain)
            value >>= 7
        }
        append(UInt8(value), to: chain)
    }

    /// How many bytes term `term`'s postings take.
    func byteCount(of term: Int) -> Int { Int(chains[term].byteCount) }

    /// Appends term `term`'s postings to `output`.
    func appendPostings(of term: Int, to output: inout [UInt8]) {
        let chain = chains[term]
        var block = chain.head
        var capacity = Self.capacity(after: 0)
        while block != 0 {
            let start = address(of: block)
            let next = UnsafeRawPointer(start).loadUnaligned(as: UInt32.self)
            let size = next == 0 ? chain.used : capacity
            output.append(contentsOf: UnsafeBufferPointer(start: start + Self.linkSize, count: Int(size)))
            block = next
            capacity = Self.capacity(after: capacity)
        }
    }

    private func address(of block: UInt32) -> UnsafeMutablePointer<UInt8> {
        segments[Int(block >> UInt32(Self.segmentShift))] + Int(block & UInt32(Self.segmentSize - 1))
    }

    private func append(_ byte: UInt8, to chain: UnsafeMutablePointer<Chain>) {
        if chain.pointee.used == chain.pointee.capacity { addBlock(to: chain) }
        address(of: chain.pointee.tail)[Self.linkSize + Int(chain.pointee.used)] = byte
        chain.pointee.used += 1
        chain.pointee.byteCount += 1
    }

    /// Puts a new block at the end of a chain.
    private func addBlock(to chain: UnsafeMutablePointer<Chain>) {
        let capacity = Self.capacity(after: chain.pointee.capacity)
        let size = UInt32(Self.linkSize + Int(capacity))
        if Int(nextBlock & UInt32(Self.segmentSize - 1)) + Int(size) > Self.segmentSize { addSegment() }
        let block = nextBlock
        nextBlock += size
        UnsafeMutableRawPointer(address(of: block)).storeBytes(of: 0, as: UInt32.self)
        if chain.pointee.capacity == 0 {
            chain.pointee.head = block
        } else {
            UnsafeMutableRawPointer(address(of: chain.pointee.tail)).storeBytes(of: block, as: UInt32.self)
        }
        chain.pointee.tail = block
        chain.pointee.used = 0
        chain.pointee.capacity = capacity
    }

    /// The size of the block after one of `capacity` bytes (0: before the first), as the chain
    /// grows and as it is read back.
    private static func capacity(after capacity: UInt16) -> UInt16 {
        capacity == 0 ? firstBlock : min(capacity * 2, largestBlock)
    }

    /// Starts the next segment: the next block goes at its start.
    private func addSegment() {
        // 4,096 segments of 1 MiB: 4 GiB of postings, some 400 times a 10,000-article book's.
        precondition(segmentCount < 1 << (32 - Self.segmentShift), "the search index's postings passed 4 GiB")
        if segmentCount == segmentsAllocated {
            segmentsAllocated *= 2
            segments = Self.grown(segments, to: segmentsAllocated)
        }
        segments[segmentCount] = Self.grown(nil, to: Self.segmentSize)
        if segmentCount > 0 { nextBlock = UInt32(segmentCount << Self.segmentShift) }
        segmentCount += 1
    }

    /// `memory` reallocated to hold `count` values.
    private static func grown<Value>(_ memory: UnsafeMutablePointer<Value>?, to count: Int) -> UnsafeMutablePointer<Value> {
        guard let raw = realloc(memory, count * MemoryLayout<Value>.stride) else {
            fatalError("out of memory for the search index (\(count * MemoryLayout<Value>.stride) bytes)")
        }
        return raw.bindMemory(to: Value.self, capacity: count)
    }
}
