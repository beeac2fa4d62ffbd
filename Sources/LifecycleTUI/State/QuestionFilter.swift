import LifecycleCore

/// The question list's filter, cycled with `f`.
public enum QuestionFilter: Equatable, Sendable {
    case all
    case unanswered
    case gapsAndPartial
    /// Gaps: high risk (a choice question's status follows from its risk).
    case highRisk
    case withNotes
    /// The core set: the questions that matter most in a short meeting.
    case core
    /// Open findings (gap or partial, not excluded) due before today.
    case overdue
    /// Open findings nobody owns.
    case noOwner
    /// Answers owned by this team or handle (case ignored), set with `F`.
    case owner(String)

    /// The order `f` steps through; `owner` is set by name instead.
    public static let cycle: [QuestionFilter] = [.all, .unanswered, .gapsAndPartial, .highRisk, .withNotes, .core, .overdue, .noOwner]

    public var label: String {
        switch self {
        case .all: "all"
        case .unanswered: "unanswered"
        case .gapsAndPartial: "gaps & partial"
        case .highRisk: "high risk"
        case .withNotes: "with notes"
        case .core: "core set"
        case .overdue: "overdue"
        case .noOwner: "no owner"
        case .owner(let name): "owner is " + name
        }
    }

    public var next: QuestionFilter {
        let all = QuestionFilter.cycle
        return all[((all.firstIndex(of: self) ?? -1) + 1) % all.count]
    }

    public func matches(_ answer: Answer, of question: Question?, today: CalendarDate) -> Bool {
        switch self {
        case .overdue: Self.isOpen(answer) && ImprovementPlan.isOverdue(answer, today: today)
        case .noOwner: Self.isOpen(answer) && answer.owner.isEmpty
        case .owner(let name): answer.owner.trimmingWhitespace().lowercased() == name.trimmingWhitespace().lowercased()
        case .core: question?.isCore == true
        case .all: true
        case .unanswered: answer.status == .unanswered
        // Work still to do: an excluded answer is listed under "all", not here.
        case .gapsAndPartial: (answer.status == .gap || answer.status == .partial) && !answer.isExcluded
        case .highRisk: answer.status == .gap && !answer.isExcluded
        case .withNotes: answer.hasNote
        }
    }

    /// An open finding, by the plan's own rule, from the answer alone: a choice question's
    /// status follows from its risk, so the status says what the risk would.
    static func isOpen(_ answer: Answer) -> Bool {
        ImprovementPlan.isOpen(answer, risk: .unanswered)
    }
}

/// Which questions the main pane lists: one area's, or one matrix cell's (from the overview).
public enum ListSource: Equatable, Sendable {
    case area(Int)
    case cell(stage: String, undercurrent: String)
}

/// The three panes Tab moves between.
public enum Pane: CaseIterable, Sendable {
    case sidebar
    case questions
    case detail
}
