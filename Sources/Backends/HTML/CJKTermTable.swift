/// A hash table keyed by CJK terms packed as numbers (the first character's code point `<< 21 |`
/// the second's, 0 for a lone character; never 0 as a whole):
/// open addressing, probed linearly from a multiplicative hash. Most terms of a Chinese book are
/// CJK, and Swift's `Dictionary` hashes every key with SipHash — a third of the search index's time.
///
/// It remembers its slots in the order their keys came, so visiting the keys and emptying the
/// table cost what is in it, not its size: one table counts every section of an article in turn.
struct CJKTermTable<Value> {
    /// A key and its value side by side: one array to check and one cache line to read a slot.
    fileprivate struct Slot {
        /// 0 marks an empty slot.
        var key: UInt64
        var value: Value
    }

    private var slots: [Slot]
    /// The slots in use, in the order their keys were added.
    private var used: [Int32] = []
    private let emptyValue: Value
    /// `slots.count - 1`; the table's size is a power of two.
    private var mask: Int

    /// A table for about `capacity` keys; `empty` is the value a new key starts from.
    init(capacity: Int, empty: Value) {
        let size = openAddressingSize(forCapacity: capacity)
        slots = Array(repeating: Slot(key: 0, value: empty), count: size)
        emptyValue = empty
        mask = size - 1
    }

    /// How many keys the table holds.
    var count: Int { used.count }

    /// Changes the value of `key` (starting from the empty value for a new key) and returns what
    /// `change` returns.
    @discardableResult
    mutating func update<Result>(_ key: UInt64, _ change: (inout Value) -> Result) -> Result {
        if (used.count + 1) * 2 > slots.count { grow() }
        let mask = mask
        // The slots through one pointer: each subscript of the array checked that it was not
        // shared and the index in bounds (8% of the instructions of reading a section's text).
        let (slot, isNew, result) = slots.withUnsafeMutableBufferPointer { slots in
            let base = slots.baseAddress!
            var slot = Self.slot(of: key, mask: mask)
            var isNew = false
            while base[slot].key != key {
                if base[slot].key == 0 {
                    base[slot].key = key
                    isNew = true
                    break
                }
                slot = (slot + 1) & mask
            }
            return (slot, isNew, change(&base[slot].value))
        }
        if isNew { used.append(Int32(truncatingIfNeeded: slot)) }
        return result
    }

    /// The value of `key`, if it is in the table.
    subscript(key: UInt64) -> Value? {
        var slot = Self.slot(of: key, mask: mask)
        while slots[slot].key != 0 {
            if slots[slot].key == key { return slots[slot].value }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Every key with its value, in the order the keys were added.
    func forEach(_ body: (UInt64, Value) -> Void) {
        for slot in used { body(slots[Int(slot)].key, slots[Int(slot)].value) }
    }

    /// The keys, in the order they were added.
    var allKeys: [UInt64] { used.map { slots[Int($0)].key } }

    /// Empties the table, keeping its size.
    mutating func removeAll() {
        for slot in used { slots[Int(slot)] = Slot(key: 0, value: emptyValue) }
        used.removeAll(keepingCapacity: true)
    }

    private static func slot(of key: UInt64, mask: Int) -> Int {
        // Fibonacci hashing: the product's high bits mix every bit of the key.
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        var bigger = CJKTermTable(capacity: slots.count, empty: emptyValue)
        bigger.used.reserveCapacity(slots.count)
        for slot in used.lazy.map(Int.init) {
            var target = Self.slot(of: slots[slot].key, mask: bigger.mask)
            while bigger.slots[target].key != 0 { target = (target + 1) & bigger.mask }
            bigger.slots[target] = slots[slot]
            bigger.used.append(Int32(truncatingIfNeeded: target))
        }
        self = bigger
    }
}

/// The size of an open-addressing table (``CJKTermTable``, ``WordTermTable``) for about `capacity`
/// keys: a power of two, at least 16, with room for twice the keys (the tables grow when half full).
func openAddressingSize(forCapacity capacity: Int) -> Int {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    return size
}

extension CJKTermTable: Sendable where Value: Sendable {}
extension CJKTermTable.Slot: Sendable where Value: Sendable {}
