import Foundation
import Testing
import TestSupport

/// One example of a spec-style suite (CommonMark, GFM): Markdown in, HTML out.
struct SpecExample: Decodable, Sendable, CustomTestStringConvertible {
    let markdown: String
    let html: String
    let example: Int
    let section: String
    let disabled: Bool?

    var testDescription: String { "\(section) #\(example)" }

    static func loadAll(_ relative: String) -> [SpecExample] {
        (try? SharedData.load(relative, as: [SpecExample].self)) ?? []
    }
}
