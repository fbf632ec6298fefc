import Foundation

/// A generated table whose lines are `key value`, in byte order of their keys (the emoji shortcodes
/// and the HTML entities in the parser): a key is found by binary search over the table's UTF-8,
/// so a run that meets one entity or shortcode does not first build a dictionary of thousands.
public struct SortedTableLines: Sendable {
    private let text: String
    /// Where each line starts, then one past the end of the last (as if it ended in a line feed).
    private let lineStarts: [Int]

    public init(_ text: String) {
        var text = text
        var starts = [0]
        text.withUTF8 { bytes in
            // memchr from line feed to line feed: a loop over every byte was most of the cost
            // of the first emoji shortcode or entity a run meets.
            guard let base = bytes.baseAddress else { return }
            var index = 0
            while index < bytes.count, let feed = memchr(base + index, 0x0A, bytes.count - index) {
                index = base.distance(to: feed.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(index)
            }
            if starts.last != bytes.count { starts.append(bytes.count + 1) }
        }
        self.text = text
        lineStarts = starts
    }

    /// How many lines the table has.
    public var count: Int { lineStarts.count - 1 }

    /// The value of the line whose key is `key`: the rest of its line after the first space.
    public func value(of key: ArraySlice<UInt8>) -> String? {
        key.withUnsafeBufferPointer { key in
            text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
                var (low, high) = (0, count)
                while low < high {
                    let middle = (low + high) / 2
                    let (entry, value) = fields(of: middle, in: bytes)
                    let order = Self.compare(UnsafeBufferPointer(rebasing: entry), key)
                    if order == 0 { return String(decoding: bytes[value], as: UTF8.self) }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return nil
            }!
        }
    }

    /// Byte order of `a` and `b`: negative, zero or positive, as `memcmp` and then the lengths say.
    private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        if common > 0, let first = a.baseAddress, let second = b.baseAddress {
            let order = memcmp(first, second, common)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }

    /// The key's bytes and the value's range on line `line`.
    private func fields(of line: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (key: Slice<UnsafeBufferPointer<UInt8>>, value: Range<Int>) {
        let start = lineStarts[line]
        let end = lineStarts[line + 1] - 1
        let space = bytes[start..<end].firstIndex(of: 0x20) ?? end
        return (bytes[start..<space], min(space + 1, end)..<end)
    }
}
