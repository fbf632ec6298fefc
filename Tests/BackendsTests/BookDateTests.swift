import Foundation
import Testing
@testable import Backends

/// The book's timestamps, written without `String(format:)`.
@Suite("Book dates")
struct BookDateTests {
    @Test("zero-padded numbers as printf's %0*d writes them")
    func padding() {
        for number in [0, 1, 9, 10, 99, 100, 999, 1000, 2024, 12345, -1, -12, -123, -1234, -12345] {
            for width in [2, 4] {
                #expect(BookDate.padded(number, width) == String(format: "%0*d", width, number), "\(number) \(width)")
            }
        }
    }

    @Test("timestamps in UTC, before and after 1970 and past 9999")
    func timestamps() {
        #expect(BookDate.timestamp(0) == "1970-01-01T00:00:00Z")
        #expect(BookDate.timestamp(1_714_000_000) == "2024-04-24T23:06:40Z")
        #expect(BookDate.timestamp(-86_401) == "1969-12-30T23:59:59Z")
        #expect(BookDate.timestamp(253_402_300_800) == "10000-01-01T00:00:00Z")
        #expect(BookDate.day(1_714_000_000) == "2024-04-24")
    }
}
