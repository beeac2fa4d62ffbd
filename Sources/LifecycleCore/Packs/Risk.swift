/// How much a question's answer exposes the platform, as AWS's lenses grade it. Status
/// questions get theirs from the status (see `StatusRisk`); choice questions from their
/// first true risk rule.
public enum Risk: String, Sendable, CaseIterable, Comparable {
    case high
    case medium
    case none

    /// Worse first: high < medium < none, so sorting ascending lists the riskiest first.
    public static func < (lhs: Risk, rhs: Risk) -> Bool {
        lhs.severity > rhs.severity
    }

    var severity: Int {
        switch self {
        case .high: 2
        case .medium: 1
        case .none: 0
        }
    }
}

/// What a status means as risk. The book's pack uses the default; a pack may choose
/// another mapping (a team that treats partial answers as high risk, say).
public struct StatusRisk: Sendable, Equatable {
    public var gap: Risk
    public var partial: Risk
    public var addressed: Risk

    public static let standard = StatusRisk(gap: .high, partial: .medium, addressed: .none)

    public init(gap: Risk, partial: Risk, addressed: Risk) {
        self.gap = gap
        self.partial = partial
        self.addressed = addressed
    }

    public func risk(of status: AnswerStatus) -> Risk? {
        switch status {
        case .gap: gap
        case .partial: partial
        case .addressed: addressed
        case .unanswered, .notApplicable: nil
        }
    }

    /// The status stored for a choice question whose rules gave `risk`: the answer reads the
    /// same in every tool that only knows statuses (git textconv, older builds, the heat map).
    public static func status(for risk: Risk) -> AnswerStatus {
        switch risk {
        case .high: .gap
        case .medium: .partial
        case .none: .addressed
        }
    }
}

/// A question's result in a review, as reports and `show` name it.
public enum AnswerRisk: Sendable, Equatable {
    case unanswered
    case notApplicable
    case rated(Risk)

    public var name: String {
        switch self {
        case .unanswered: "unanswered"
        case .notApplicable: "not-applicable"
        case .rated(let risk): risk.rawValue
        }
    }
}
