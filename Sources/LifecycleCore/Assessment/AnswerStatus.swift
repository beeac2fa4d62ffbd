/// How well the system under review answers one question.
public enum AnswerStatus: String, Sendable, CaseIterable, Comparable {
    case unanswered
    case addressed
    case partial
    case gap
    case notApplicable = "not-applicable"

    /// The spellings accepted in files and on the command line, for error messages.
    public static let allSpellings = allCases.map(\.rawValue).joined(separator: ", ")

    public var isAnswered: Bool { self != .unanswered }

    /// A rank for "did it get better?": gap < partial < addressed. Not-applicable and
    /// unanswered have no rank; moving to or from them is neither better nor worse.
    public var rank: Int? {
        switch self {
        case .gap: 0
        case .partial: 1
        case .addressed: 2
        case .unanswered, .notApplicable: nil
        }
    }

    /// Human label used in text output.
    public var label: String {
        switch self {
        case .unanswered: "unanswered"
        case .addressed: "addressed"
        case .partial: "partial"
        case .gap: "gap"
        case .notApplicable: "not applicable"
        }
    }

    public static func < (lhs: AnswerStatus, rhs: AnswerStatus) -> Bool {
        let order: [AnswerStatus] = [.unanswered, .addressed, .partial, .gap, .notApplicable]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}
