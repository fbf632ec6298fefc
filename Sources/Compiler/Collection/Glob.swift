/// A path pattern: `*` matches within one path segment, `**` across segments, `?` one character.
struct Glob: Sendable, Hashable {
    private let pattern: [UInt8]

    init(_ pattern: String) {
        var text = pattern
        while text.hasPrefix("./") || text.hasPrefix("/") { text.removeFirst(text.hasPrefix("/") ? 1 : 2) }
        self.pattern = Array(text.utf8)
    }

    func matches(_ path: String) -> Bool {
        Self.match(pattern[...], Array(path.utf8)[...])
    }

    private static func match(_ pattern: ArraySlice<UInt8>, _ path: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex
        var s = path.startIndex
        // Backtracking points for the last `*` (within a segment) and `**` (across segments).
        var star: (p: Int, s: Int)?
        var doubleStar: (p: Int, s: Int)?
        while s < path.endIndex {
            if p < pattern.endIndex {
                let c = pattern[p]
                if c == UInt8(ascii: "*") {
                    if p + 1 < pattern.endIndex, pattern[p + 1] == UInt8(ascii: "*") {
                        var next = p + 2
                        if next < pattern.endIndex, pattern[next] == UInt8(ascii: "/") { next += 1 }
                        doubleStar = (next, s)
                        star = nil
                        p = next
                    } else {
                        star = (p + 1, s)
                        p += 1
                    }
                    continue
                }
                if c == UInt8(ascii: "?") ? path[s] != UInt8(ascii: "/") : c == path[s] {
                    p += 1
                    s += 1
                    continue
                }
            }
            if let current = star, path[current.s] != UInt8(ascii: "/") {
                star = (current.p, current.s + 1)
                p = current.p
                s = current.s + 1
            } else if let current = doubleStar {
                doubleStar = (current.p, current.s + 1)
                star = nil
                p = current.p
                s = current.s + 1
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }
}
