import Glibc
import LifecycleCore

/// The time, as `update` sees it: passed in by the runtime with every event, never read
/// inside `update`, so tests fix it and replays are exact.
public struct Moment: Equatable, Sendable {
    /// When answers and milestones are stamped (UTC).
    public var timestamp: Timestamp
    /// Local wall-clock time for the footer ("saved 12:04:31").
    public var localTime: String
    /// Today in local time: due dates are judged by it (overdue means due before today).
    public var localDate: CalendarDate

    /// Without a local date, the day of `timestamp` (UTC) stands in.
    public init(timestamp: Timestamp, localTime: String, localDate: CalendarDate? = nil) {
        self.timestamp = timestamp
        self.localTime = localTime
        self.localDate = localDate ?? CalendarDate(String(timestamp.text.prefix(10))) ?? CalendarDate(year: 1970, month: 1, day: 1)!
    }

    /// Read from the system clock: only the runtime calls this.
    public static func current() -> Moment {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        let local = String(Int(parts.tm_hour), zeroPaddedTo: 2) + ":" + String(Int(parts.tm_min), zeroPaddedTo: 2)
            + ":" + String(Int(parts.tm_sec), zeroPaddedTo: 2)
        let today = fixedToday ?? CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        return Moment(timestamp: .now(), localTime: local, localDate: today)
    }

    /// `LIFECYCLE_TODAY=YYYY-MM-DD` fixes today, as for `lifecycle plan` (tests, demos).
    static let fixedToday: CalendarDate? = getenv("LIFECYCLE_TODAY").flatMap { CalendarDate(String(cString: $0)) }
}
