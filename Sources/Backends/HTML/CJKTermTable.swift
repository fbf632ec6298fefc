/// A hash table keyed by CJK terms packed as numbers (``SearchIndex/Term/cjk(_:)``, never 0):
/// open addressing, probed linearly from a multiplicative hash. Most terms of a Chinese book are
/// CJK, and Swift's `Dictionary` hashes every key with SipHash — a third of the search index's time.
struct CJKTermTable<Value> {
    /// 0 marks an empty slot.
    private var keys: [UInt64]
    private var values: [Value]
    private let emptyValue: Value
    /// `keys.count - 1`; the table's size is a power of two.
    private var mask: Int
    private(set) var count = 0

    /// A table for about `capacity` keys; `empty` is the value a new key starts from.
    init(capacity: Int, empty: Value) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: empty, count: size)
        emptyValue = empty
        mask = size - 1
    }

    /// Changes the value of `key` (starting from the empty value for a new key).
    mutating func update(_ key: UInt64, _ change: (inout Value) -> Void) {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = Self.slot(of: key, mask: mask)
        while keys[slot] != key {
            if keys[slot] == 0 {
                keys[slot] = key
                count += 1
                break
            }
            slot = (slot + 1) & mask
        }
        change(&values[slot])
    }

    /// The value of `key`, if it is in the table.
    subscript(key: UInt64) -> Value? {
        var slot = Self.slot(of: key, mask: mask)
        while keys[slot] != 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Every key with its value, in no particular order.
    func forEach(_ body: (UInt64, Value) -> Void) {
        for slot in keys.indices where keys[slot] != 0 { body(keys[slot], values[slot]) }
    }

    /// The keys, in no particular order.
    var allKeys: [UInt64] { keys.filter { $0 != 0 } }

    private static func slot(of key: UInt64, mask: Int) -> Int {
        // Fibonacci hashing: the product's high bits mix every bit of the key.
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        var bigger = CJKTermTable(capacity: keys.count, empty: emptyValue)
        for slot in keys.indices where keys[slot] != 0 {
            var target = Self.slot(of: keys[slot], mask: bigger.mask)
            while bigger.keys[target] != 0 { target = (target + 1) & bigger.mask }
            bigger.keys[target] = keys[slot]
            bigger.values[target] = values[slot]
        }
        bigger.count = count
        self = bigger
    }
}

extension CJKTermTable: Sendable where Value: Sendable {}
