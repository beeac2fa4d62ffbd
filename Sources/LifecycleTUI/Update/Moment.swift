import Glibc
import LifecycleCore

/// The time, as `update` sees it: passed in by the runtime with every event, never read
/// inside `update`, so tests fix it and replays are exact.
public struct Moment: Equatable, Sendable {
    /// When answers and milestones are stamped (UTC).
    public var timestamp: Timestamp
    /// Local wall-clock time for the footer ("saved 12:04:31").
    public var localTime: String

    public init(timestamp: Timestamp, localTime: String) {
        self.timestamp = timestamp
        self.localTime = localTime
    }

    /// Read from the system clock: only the runtime calls this.
    public static func current() -> Moment {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        let local = String(Int(parts.tm_hour), zeroPaddedTo: 2) + ":" + String(Int(parts.tm_min), zeroPaddedTo: 2)
            + ":" + String(Int(parts.tm_sec), zeroPaddedTo: 2)
        return Moment(timestamp: .now(), localTime: local)
    }
}
