/// What `lifecycle plan` writes, whatever the format: the open findings of one assessment
/// in plan order, as of one day.
public struct PlanDocument: Sendable {
    public var assessmentName: String
    public var today: CalendarDate
    public var findings: [Finding]
    /// Filters applied, in words ("owner @data-platform", "overdue"), for the heading.
    public var filters: [String]
    /// From the output's folder to the root of the repository evidence paths are relative
    /// to (`../../`), so path links work where the file is read; empty: from the root.
    public var pathPrefix = ""

    public init(assessmentName: String, today: CalendarDate, findings: [Finding], filters: [String] = []) {
        self.assessmentName = assessmentName
        self.today = today
        self.findings = findings
        self.filters = filters
    }

    public var overdueCount: Int { findings.filter(\.overdue).count }

    public func findingID(_ finding: Finding) -> String {
        ImprovementPlan.findingID(assessmentName: assessmentName, key: finding.key)
    }

    /// "3 open findings, 1 overdue, as of 2026-11-28 (owner @data-platform)."
    public var summaryLine: String {
        var line = Counted.noun(findings.count, "open finding") + ", \(overdueCount) overdue, as of \(today)"
        if !filters.isEmpty { line += " (\(filters.joined(separator: ", ")))" }
        return line + "."
    }
}

extension Finding {
    /// "High", "Medium", "Low".
    var priorityTitle: String { priority.rawValue.prefix(1).uppercased() + priority.rawValue.dropFirst() }
}
