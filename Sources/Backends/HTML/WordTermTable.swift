/// Words as UTF-8, one after another in one array, each with its hash: the search index's words
/// that are not CJK, without a `String` for each.
struct WordList: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Where each word ends in `bytes`; it starts where the one before it ends.
    private(set) var ends: [Int32] = []
    private(set) var hashes: [UInt32] = []

    var count: Int { ends.count }

    /// Where word `number` is in ``bytes``.
    func range(_ number: Int) -> Range<Int> {
        (number == 0 ? 0 : Int(ends[number - 1]))..<Int(ends[number])
    }

    mutating func append(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32) {
        bytes.append(contentsOf: word)
        ends.append(Int32(truncatingIfNeeded: bytes.count))
        hashes.append(hash)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
    }

    /// FNV-1a: words are a few bytes long, and SipHash (what `Dictionary` uses) costs more than
    /// counting them.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in word { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return hash
    }
}

/// A hash table keyed by words (``WordList``): open addressing, probed linearly from the word's
/// hash. Its words and values are kept in the order they came, so a section's counts are handed
/// on as they are and emptying the table costs what is in it.
struct WordTermTable<Value> {
    private(set) var words = WordList()
    /// The value of each word, in ``words``' order.
    private(set) var values: [Value] = []
    /// Word number + 1 in each slot; 0 marks an empty slot.
    private var slots: [Int32]
    /// The slot of each word, in ``words``' order.
    private var slotOfWord: [Int32] = []
    private let emptyValue: Value
    /// `slots.count - 1`; the table's size is a power of two.
    private var mask: Int

    /// A table for about `capacity` words; `empty` is the value a new word starts from.
    init(capacity: Int, empty: Value) {
        let size = openAddressingSize(forCapacity: capacity)
        slots = Array(repeating: 0, count: size)
        emptyValue = empty
        mask = size - 1
    }

    var count: Int { words.count }

    /// Changes the value of `word` (whose hash is `hash`), starting from the empty value for a new
    /// word, and returns what `change` returns.
    @discardableResult
    mutating func update<Result>(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32, _ change: (inout Value) -> Result) -> Result {
        if (words.count + 1) * 2 > slots.count { grow() }
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot]) - 1
            if words.hashes[number] == hash, equals(number, word) { return change(&values[number]) }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(truncatingIfNeeded: words.count + 1)
        slotOfWord.append(Int32(truncatingIfNeeded: slot))
        words.append(word, hash: hash)
        values.append(emptyValue)
        return change(&values[values.count - 1])
    }

    /// Empties the table, keeping its size.
    mutating func removeAll() {
        for slot in slotOfWord { slots[Int(slot)] = 0 }
        slotOfWord.removeAll(keepingCapacity: true)
        words.removeAll()
        values.removeAll(keepingCapacity: true)
    }

    private func equals(_ number: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = words.range(number)
        guard range.count == word.count else { return false }
        return words.bytes.withUnsafeBufferPointer { bytes in
            var offset = 0
            while offset < word.count, bytes[range.lowerBound + offset] == word[offset] { offset += 1 }
            return offset == word.count
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for number in 0..<words.count {
            var slot = Int(words.hashes[number]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: number + 1)
            slotOfWord[number] = Int32(truncatingIfNeeded: slot)
        }
    }
}

extension WordTermTable: Sendable where Value: Sendable {}
