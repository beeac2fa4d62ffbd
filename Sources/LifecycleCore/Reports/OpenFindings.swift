/// How urgent an open finding is. A status question's risk follows from its status: a gap
/// is high, a partial answer medium (the plan issue's order: high before medium).
public enum FindingRisk: String, Sendable, CaseIterable, Comparable {
    case high
    case medium

    public init?(status: AnswerStatus) {
        switch status {
        case .gap: self = .high
        case .partial: self = .medium
        case .unanswered, .addressed, .notApplicable: return nil
        }
    }

    public static func < (lhs: FindingRisk, rhs: FindingRisk) -> Bool {
        lhs == .high && rhs == .medium
    }
}

/// One answer that still needs work: a gap or a partial answer.
public struct OpenFinding: Sendable, Equatable {
    public var questionID: String
    public var area: CatalogArea.ID
    public var risk: FindingRisk
    public var status: AnswerStatus
    public var hasNote: Bool
}

public enum OpenFindings {
    /// Every open finding across areas, in one order used wherever findings are listed:
    /// higher risk first, then the catalog's own order.
    public static func list(_ assessment: Assessment, in catalog: Catalog) -> [OpenFinding] {
        var findings: [OpenFinding] = []
        for area in catalog.areas {
            for question in area.questions {
                guard let answer = assessment.answers[question.id], let risk = FindingRisk(status: answer.status) else { continue }
                findings.append(OpenFinding(questionID: question.id, area: area.id, risk: risk, status: answer.status, hasNote: answer.hasNote))
            }
        }
        // Stable: equal risks keep the catalog order they were gathered in.
        return FindingRisk.allCases.flatMap { risk in findings.filter { $0.risk == risk } }
    }
}
