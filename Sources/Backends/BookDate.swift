import Compiler
import Foundation

/// The date a book carries: `SOURCE_DATE_EPOCH` when set, else the newest article's `createTime`
/// — never the clock, so builds are reproducible.
enum BookDate {
    /// Seconds since 1970, or nil when neither source gives a date.
    static func seconds(_ context: RenderContext, _ metadata: BookMetadata) -> Int? {
        context.sourceDateEpoch ?? metadata.modified.map { Int($0.timeIntervalSince1970) }
    }

    /// `YYYY-MM-DDThh:mm:ssZ` (UTC), as EPUB's `dcterms:modified` wants it.
    static func timestamp(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        // As `%04d-%02d-%02dT%02d:%02d:%02dZ` writes it, without `String(format:)`, whose variadic
        // arguments cost the first call of a run a search of every protocol conformance.
        return padded(Int(parts.tm_year) + 1900, 4) + "-" + padded(Int(parts.tm_mon) + 1, 2) + "-" + padded(Int(parts.tm_mday), 2)
            + "T" + padded(Int(parts.tm_hour), 2) + ":" + padded(Int(parts.tm_min), 2) + ":" + padded(Int(parts.tm_sec), 2) + "Z"
    }

    /// `number` in decimal, zero-padded to `width` characters (a minus sign counted), as `%0*d`.
    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number.magnitude)
        let sign = number < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - sign.count - digits.count)) + digits
    }

    /// `YYYY-MM-DD` (UTC), for title pages.
    static func day(_ seconds: Int) -> String {
        String(timestamp(seconds).prefix(10))
    }
}
