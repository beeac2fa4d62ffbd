/// What changed in the improvement plan between two sides of a diff: findings opened,
/// closed, re-owned, re-dated and newly overdue.
public struct PlanChanges: Sendable, Equatable {
    public var opened: [String] = []
    public var closed: [String] = []
    public var reowned: [String] = []
    public var redated: [String] = []
    public var newlyOverdue: [String] = []

    public var isEmpty: Bool { opened.isEmpty && closed.isEmpty && reowned.isEmpty && redated.isEmpty && newlyOverdue.isEmpty }

    /// "2 opened, 1 closed, 1 re-owned, 0 re-dated, 1 newly overdue"
    public var sentence: String {
        "\(opened.count) opened, \(closed.count) closed, \(reowned.count) re-owned, \(redated.count) re-dated, \(newlyOverdue.count) newly overdue"
    }

    /// `today` judges the right side; the left side is judged by the day of its last
    /// change, so a finding that was already overdue then is not "newly" overdue now.
    public init(left: Assessment, right: Assessment, catalog: Catalog, today: CalendarDate,
                statusRisk: (String) -> StatusRisk = { _ in .standard }) {
        let leftDay = CalendarDate(String(left.lastChange.text.prefix(10))) ?? today
        // One pass over the questions in the packs' order, with no Finding built: a diff of
        // two 10,000-answer files needs only which answers are open, and their owner and date.
        for area in catalog.areas {
            for question in area.questions {
                let old = left.answers[question.id], new = right.answers[question.id]
                guard old != nil || new != nil else { continue }
                let risk = statusRisk(question.id)
                let wasOpen = old.map { ImprovementPlan.isOpen($0, risk: question.risk(of: $0, statusRisk: risk)) } ?? false
                let isOpen = new.map { ImprovementPlan.isOpen($0, risk: question.risk(of: $0, statusRisk: risk)) } ?? false
                switch (wasOpen, isOpen) {
                case (false, false): continue
                case (true, false): closed.append(question.id)
                case (false, true):
                    opened.append(question.id)
                    if ImprovementPlan.isOverdue(new!, today: today) { newlyOverdue.append(question.id) }
                case (true, true):
                    let before = old!, after = new!
                    if before.owner != after.owner { reowned.append(question.id) }
                    if before.due != after.due { redated.append(question.id) }
                    if ImprovementPlan.isOverdue(after, today: today) && !ImprovementPlan.isOverdue(before, today: leftDay) {
                        newlyOverdue.append(question.id)
                    }
                }
            }
        }
    }

    public init() {}

    /// Each kind with its label and its JSON key, in output order.
    public var groups: [(label: String, key: String, ids: [String])] {
        [("opened", "opened", opened), ("closed", "closed", closed), ("re-owned", "reowned", reowned),
         ("re-dated", "redated", redated), ("newly overdue", "newlyOverdue", newlyOverdue)]
    }
}

extension QuestionChange {
    /// The plan fields that changed, one line each: `owner: (none) -> @data-platform`,
    /// `evidence: +TWF-12 -docs/old.md`.
    public var planLines: [String] {
        var lines: [String] = []
        func text(_ value: String) -> String { value.isEmpty ? "(none)" : value }
        if before.owner != after.owner { lines.append("owner: \(text(before.owner)) -> \(text(after.owner))") }
        if before.due != after.due { lines.append("due: \(before.due.map(\.description) ?? "(none)") -> \(after.due.map(\.description) ?? "(none)")") }
        if before.priority != after.priority {
            lines.append("priority: \(before.priority?.rawValue ?? "(none)") -> \(after.priority?.rawValue ?? "(none)")")
        }
        // By reference: a new label on the same reference is a relabelling, not a removal and an addition.
        let beforeRefs = Dictionary(before.evidence.map { ($0.ref, $0.label) }, uniquingKeysWith: { first, _ in first })
        let afterRefs = Dictionary(after.evidence.map { ($0.ref, $0.label) }, uniquingKeysWith: { first, _ in first })
        var parts = after.evidence.filter { beforeRefs[$0.ref] == nil }.map { "+" + $0.ref }
        parts += before.evidence.filter { afterRefs[$0.ref] == nil }.map { "-" + $0.ref }
        parts += after.evidence.filter { item in beforeRefs[item.ref].map { $0 != item.label } ?? false }
            .map { "~\($0.ref) (\($0.label.isEmpty ? "no label" : "label " + $0.label))" }
        if parts.isEmpty && before.evidence != after.evidence { parts = ["reordered"] }
        if !parts.isEmpty { lines.append("evidence: " + parts.joined(separator: " ")) }
        if before.exclusion != after.exclusion {
            lines.append(after.isExcluded ? "excluded: \(after.exclusion)" : "counted again (was excluded: \(before.exclusion))")
        }
        return lines
    }
}

extension Answer {
    /// Equal in owner, due date, priority, evidence and exclusion.
    func samePlan(as other: Answer) -> Bool {
        owner == other.owner && due == other.due && priority == other.priority && evidence == other.evidence && exclusion == other.exclusion
    }
}
