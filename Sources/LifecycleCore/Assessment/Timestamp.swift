import FoundationEssentials
import Glibc

/// An ISO 8601 UTC time in whole seconds ("2026-11-27T10:04:31Z"), kept as its text so a
/// file written by another tool round-trips byte for byte.
public struct Timestamp: Sendable, Equatable, Comparable, CustomStringConvertible {
    public let text: String
    /// The moment the text names, parsed once: comparisons (the latest change of 10,000
    /// answers) used to parse both texts every time.
    public let date: Date

    public init?(_ text: String) {
        guard let date = Timestamp.parse(text) else { return nil }
        self.text = text
        self.date = date
    }

    public init(_ date: Date) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let date = String(Int(parts.tm_year) + 1900, zeroPaddedTo: 4) + "-" + String(Int(parts.tm_mon) + 1, zeroPaddedTo: 2)
            + "-" + String(Int(parts.tm_mday), zeroPaddedTo: 2)
        let clock = String(Int(parts.tm_hour), zeroPaddedTo: 2) + ":" + String(Int(parts.tm_min), zeroPaddedTo: 2)
            + ":" + String(Int(parts.tm_sec), zeroPaddedTo: 2)
        text = date + "T" + clock + "Z"
        self.date = Date(timeIntervalSince1970: Double(seconds))
    }

    public static func now() -> Timestamp { Timestamp(Date()) }

    public var description: String { text }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.date < rhs.date }

    /// Equal texts: the file's bytes are what is compared, as they round-trip.
    public static func == (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.text == rhs.text }

    /// Accepts "YYYY-MM-DDTHH:MM:SS" with an optional fraction, then "Z" or "+HH:MM".
    /// Hand-written: a date formatter per timestamp made loading 10,000 answers take most
    /// of a second.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + length] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84 || bytes[10] == 116,
              bytes[13] == 58, bytes[16] == 58,
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count && bytes[index] == 46 {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, bytes[index] >= 48 && bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        var offset = 0
        guard index < bytes.count else { return nil }
        if bytes[index] == 90 || bytes[index] == 122 {
            index += 1
        } else if bytes[index] == 43 || bytes[index] == 45 {
            guard index + 6 == bytes.count, bytes[index + 3] == 58,
                  let hours = number(index + 1, 2), let minutes = number(index + 4, 2), hours < 24, minutes < 60 else { return nil }
            offset = (hours * 3600 + minutes * 60) * (bytes[index] == 43 ? 1 : -1)
            index += 6
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }
        // Days from the civil calendar (proleptic Gregorian), without the C library's locale or time zone.
        let daysInMonth = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= daysInMonth[month - 1] else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset) + fraction
        return Date(timeIntervalSince1970: seconds)
    }
}
