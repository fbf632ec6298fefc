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
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// `YYYY-MM-DD` (UTC), for title pages.
    static func day(_ seconds: Int) -> String {
        String(timestamp(seconds).prefix(10))
    }
}
