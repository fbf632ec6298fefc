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
        return Self.moveAll(results)
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
        return Self.moveAll(results)
    }

    /// The results moved out of their slots, which are left uninitialized for `deallocate`: a
    /// copy (`map`) would keep a second reference to each result, never released, so the parsed
    /// articles would be copied when they are first changed, and every result would leak.
    private static func moveAll<Result>(_ slots: UnsafeMutableBufferPointer<Result?>) -> [Result] {
        (0..<slots.count).map { (slots.baseAddress! + $0).move()! }
    }
}
