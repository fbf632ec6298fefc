import Testing
import Synchronization
@testable import Compiler

/// `parallelMap` and `parallelUpdate`: order kept, and results owned only by the returned array.
@Suite("Parallel map")
struct ParallelMapTests {
    /// Counts its live instances, to see results released.
    final class Tracked: Sendable {
        static let live = Atomic<Int>(0)
        let value: Int
        init(_ value: Int) {
            self.value = value
            Self.live.add(1, ordering: .relaxed)
        }
        deinit { Self.live.subtract(1, ordering: .relaxed) }
    }

    @Test("results come in order, and are freed with the array (no second reference is kept)")
    func ordersAndReleases() {
        let before = Tracked.live.load(ordering: .relaxed)
        do {
            let results = Array(0..<1_000).parallelMap { Tracked($0 * 2) }
            #expect(results.map(\.value) == (0..<1_000).map { $0 * 2 })
            // Each result has one owner: changing it does not copy its storage.
            var arrays = Array(0..<100).parallelMap { [$0, 0, 0, 0] }
            let storage = arrays[5].withUnsafeBufferPointer(\.baseAddress)
            arrays[5][1] = 9
            #expect(arrays[5].withUnsafeBufferPointer(\.baseAddress) == storage)
            #expect(arrays[5] == [5, 9, 0, 0])
            var elements = Array(0..<100)
            let found = elements.parallelUpdate { element in
                element += 1
                return Tracked(element)
            }
            #expect(elements == Array(1...100) && found.map(\.value) == Array(1...100))
        }
        #expect(Tracked.live.load(ordering: .relaxed) == before)
    }

}
