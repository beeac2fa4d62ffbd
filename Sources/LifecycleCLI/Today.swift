import FoundationEssentials
import LifecycleCore

/// "Today" for due dates: `--today`, else `LIFECYCLE_TODAY`, else the local date. Fixing
/// it makes overdue findings reproducible in tests and CI.
enum Today {
    static let variable = "LIFECYCLE_TODAY"

    static func resolve(option: String?) throws -> CalendarDate {
        if let option {
            guard let date = CalendarDate(option) else { throw reportError("--today \"\(TerminalSafeText.escaped(Excerpt.of(option)))\" is not a date such as 2026-12-31") }
            return date
        }
        if let fixed = ProcessInfo.processInfo.environment[variable], !fixed.isEmpty {
            guard let date = CalendarDate(fixed) else { throw reportError("\(variable)=\"\(TerminalSafeText.escaped(Excerpt.of(fixed)))\" is not a date such as 2026-12-31") }
            return date
        }
        return local(Date())
    }

    static func local(_ now: Date) -> CalendarDate {
        let parts = Calendar.current.dateComponents(in: TimeZone.current, from: now)
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? CalendarDate("1970-01-01")!
    }
}
