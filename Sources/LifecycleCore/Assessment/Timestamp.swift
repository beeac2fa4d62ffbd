import Foundation

/// An ISO 8601 UTC time in whole seconds ("2026-11-27T10:04:31Z"), kept as its text so a
/// file written by another tool round-trips byte for byte.
public struct Timestamp: Sendable, Equatable, Comparable, CustomStringConvertible {
    public let text: String

    public init?(_ text: String) {
        guard Timestamp.parse(text) != nil else { return nil }
        self.text = text
    }

    public init(_ date: Date) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        text = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ",
                      Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    public static func now() -> Timestamp { Timestamp(Date()) }

    public var date: Date { Timestamp.parse(text) ?? Date(timeIntervalSince1970: 0) }

    public var description: String { text }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.date < rhs.date }

    /// Accepts "YYYY-MM-DDTHH:MM:SS" with an optional fraction, then "Z" or "+HH:MM".
    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
