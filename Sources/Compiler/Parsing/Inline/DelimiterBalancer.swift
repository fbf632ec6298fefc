/// Matches openers to closers in a delimiter list, in linear time (markdown-it `balance_pairs`,
/// with cmark's "openers bottom" and the rule of three).
enum DelimiterBalancer {
    static func balance(_ delimiters: inout [InlineState.Delimiter]) {
        let count = delimiters.count
        guard count > 0 else { return }
        var openersBottom: [UInt8: [Int]] = [:]
        var headerIndex = 0
        var lastTokenIndex = -2
        var jumps = [Int](repeating: 0, count: count)
        for closerIndex in 0..<count {
            let closer = delimiters[closerIndex]
            if delimiters[headerIndex].marker != closer.marker || lastTokenIndex != closer.token - 1 {
                headerIndex = closerIndex
            }
            lastTokenIndex = closer.token
            guard closer.close else { continue }
            if openersBottom[closer.marker] == nil { openersBottom[closer.marker] = [-1, -1, -1, -1, -1, -1] }
            let bottomSlot = (closer.open ? 3 : 0) + closer.length % 3
            let minOpenerIndex = openersBottom[closer.marker]![bottomSlot]
            var openerIndex = headerIndex - jumps[headerIndex] - 1
            var newMinOpenerIndex = openerIndex
            while openerIndex > minOpenerIndex {
                let opener = delimiters[openerIndex]
                if opener.marker == closer.marker, opener.open, opener.end < 0 {
                    var isOddMatch = false
                    if opener.close || closer.open, (opener.length + closer.length) % 3 == 0,
                        opener.length % 3 != 0 || closer.length % 3 != 0
                    {
                        isOddMatch = true
                    }
                    if !isOddMatch {
                        let lastJump = openerIndex > 0 && !delimiters[openerIndex - 1].open ? jumps[openerIndex - 1] + 1 : 0
                        jumps[closerIndex] = closerIndex - openerIndex + lastJump
                        jumps[openerIndex] = lastJump
                        delimiters[closerIndex].open = false
                        delimiters[openerIndex].end = closerIndex
                        delimiters[openerIndex].close = false
                        newMinOpenerIndex = -1
                        lastTokenIndex = -2
                        break
                    }
                }
                openerIndex -= jumps[openerIndex] + 1
            }
            if newMinOpenerIndex != -1 {
                openersBottom[closer.marker]![bottomSlot] = newMinOpenerIndex
            }
        }
    }
}
