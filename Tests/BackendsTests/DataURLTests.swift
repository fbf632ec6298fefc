@testable import Backends
import Foundation
import Testing

/// The HTML file's `data:` URLs against Foundation's base64.
@Suite("Data URLs")
struct DataURLTests {
    @Test("base64 as Foundation writes it, for every remainder and a large image")
    func matchesFoundation() {
        var generator = SystemRandomNumberGenerator()
        for count in Array(0...64) + [1_000, 100_003] {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(DataURL.make(mediaType: "image/png", bytes: bytes) == "data:image/png;base64," + Data(bytes).base64EncodedString(), "\(count) bytes")
        }
    }
}
