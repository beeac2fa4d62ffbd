/// One open finding: an answer that still needs work, with what the plan knows of it.
public struct Finding: Sendable, Equatable {
    /// The answer's key in the file (the book's questions unprefixed).
    public var key: String
    public var question: Question
    public var area: CatalogArea
    public var answer: Answer
    public var risk: Risk
    public var overdue: Bool
    /// For a question answered by choices: what each practice not ticked would take.
    public var toImprove: [String]
    /// Position in the packs' own order.
    public var position: Int

    /// `PACK_ID:QUESTION_ID`, the book's included.
    public var qualifiedID: String { PackKey.qualified(key) }
    public var packID: String { area.packID }

    /// The reviewer's priority, or the one the risk gives.
    public var priority: FindingPriority {
        answer.priority ?? (risk == .high ? .high : risk == .medium ? .medium : .low)
    }
}

/// The improvement plan: every open finding, in one order used by `lifecycle plan`, the
/// reports and the explorer's plan view.
public enum ImprovementPlan {
    /// Open: a gap or partial answer, or a high or medium risk, neither not applicable nor
    /// excluded.
    public static func isOpen(_ answer: Answer, risk: AnswerRisk) -> Bool {
        guard answer.status != .notApplicable, !answer.isExcluded else { return false }
        if answer.status == .gap || answer.status == .partial { return true }
        if case .rated(let rated) = risk { return rated == .high || rated == .medium }
        return false
    }

    /// Overdue: due before `today` (due today is not overdue yet).
    public static func isOverdue(_ answer: Answer, today: CalendarDate) -> Bool {
        answer.due.map { $0 < today } ?? false
    }

    /// `statusRisk`: the status mapping of the pack a question key belongs to.
    public static func findings(_ assessment: Assessment, in catalog: Catalog, today: CalendarDate,
                                statusRisk: (String) -> StatusRisk = { _ in .standard }) -> [Finding] {
        var findings: [Finding] = []
        var position = 0
        for area in catalog.areas {
            for question in area.questions {
                position += 1
                guard let answer = assessment.answers[question.id] else { continue }
                let answerRisk = question.risk(of: answer, statusRisk: statusRisk(question.id))
                guard isOpen(answer, risk: answerRisk) else { continue }
                let risk: Risk = if case .rated(let rated) = answerRisk { rated } else { .none }
                let missing = question.isAnsweredByChoices
                    ? question.choices.filter { !$0.isNone && !$0.plan.isEmpty && !answer.choices.contains($0.id) }.map(\.plan) : []
                findings.append(Finding(key: question.id, question: question, area: area, answer: answer, risk: risk,
                                        overdue: isOverdue(answer, today: today), toImprove: missing, position: position))
            }
        }
        // Sorted by small keys, then gathered: a Finding carries its question and area, and
        // moving thousands of them around in a sort was most of a 10,000-answer diff.
        let keys = findings.enumerated().map { SortKey(finding: $1, index: $0) }
        return keys.sorted().map { findings[$0.index] }
    }

    /// The plan's one order, as plain numbers: priority (the reviewer's, else the risk's),
    /// then risk, then due date (none last), then the packs' own order.
    struct SortKey: Comparable {
        let priority: Int, risk: Int, dueKnown: Int, due: Int, position: Int, index: Int

        init(finding: Finding, index: Int) {
            priority = finding.priority.rank
            risk = -finding.risk.severity  // worse first, as Risk orders itself
            let due = finding.answer.due
            dueKnown = due == nil ? 1 : 0
            self.due = due.map { $0.year * 10_000 + $0.month * 100 + $0.day } ?? 0
            position = finding.position
            self.index = index
        }

        static func < (a: SortKey, b: SortKey) -> Bool {
            (a.priority, a.risk, a.dueKnown, a.due, a.position) < (b.priority, b.risk, b.dueKnown, b.due, b.position)
        }
    }

    /// The findings of a composed review, each through its own pack's status mapping.
    public static func findings(_ assessment: Assessment, review: ComposedReview, today: CalendarDate) -> [Finding] {
        findings(assessment, in: review.catalog, today: today) { review.pack(ofQuestion: $0)?.statusRisk ?? .standard }
    }

    /// A finding's id for trackers: the assessment (its name as a slug, as for file names)
    /// and the qualified question id.
    /// Stable across exports, so a second import can match the first.
    public static func findingID(assessmentName: String, key: String) -> String {
        Workspace.slug(forName: assessmentName, limit: 60) + "/" + PackKey.qualified(key)
    }

    /// Findings owned by `owner` (case and surrounding spaces ignored).
    public static func owned(by owner: String, _ findings: [Finding]) -> [Finding] {
        let wanted = owner.trimmingWhitespace().lowercased()
        return findings.filter { $0.answer.owner.trimmingWhitespace().lowercased() == wanted }
    }
}
