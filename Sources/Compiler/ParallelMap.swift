import Dispatch

extension Array where Element: Sendable {
    /// `map` on all cores, keeping the order: for work per article (parsing, writing chapters),
    /// which is independent and of similar size.
    public func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots[index] = transform(self[index])
        }
        return results.map { $0! }
    }

    /// Changes every element in place on all cores (each call gets its own element, so nothing is
    /// copied) and returns what the calls returned, in order.
    public mutating func parallelUpdate<Result: Sendable>(_ body: @Sendable (inout Element) -> Result) -> [Result] {
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let elements = buffer
            DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                slots[index] = body(&elements[index])
            }
        }
        return results.map { $0! }
    }
}
