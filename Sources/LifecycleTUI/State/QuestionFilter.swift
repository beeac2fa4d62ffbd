import LifecycleCore

/// The question list's filter, cycled with `f`.
public enum QuestionFilter: CaseIterable, Sendable {
    case all
    case unanswered
    case gapsAndPartial
    /// Gaps: high risk (a choice question's status follows from its risk).
    case highRisk
    case withNotes
    /// The core set: the questions that matter most in a short meeting.
    case core

    public var label: String {
        switch self {
        case .all: "all"
        case .unanswered: "unanswered"
        case .gapsAndPartial: "gaps & partial"
        case .highRisk: "high risk"
        case .withNotes: "with notes"
        case .core: "core set"
        }
    }

    public var next: QuestionFilter {
        let all = QuestionFilter.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    public func matches(_ answer: Answer, of question: Question?) -> Bool {
        switch self {
        case .core: question?.isCore == true
        case .all: true
        case .unanswered: answer.status == .unanswered
        case .gapsAndPartial: answer.status == .gap || answer.status == .partial
        case .highRisk: answer.status == .gap
        case .withNotes: answer.hasNote
        }
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
