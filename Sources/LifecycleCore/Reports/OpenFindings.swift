/// One answer that still needs work: a gap or a partial answer (high or medium risk).
public struct OpenFinding: Sendable, Equatable {
    public var questionID: String
    public var area: CatalogArea.ID
    public var risk: Risk
    public var status: AnswerStatus
    public var hasNote: Bool
}

public enum OpenFindings {
    /// Every open finding across areas, in one order used wherever findings are listed:
    /// higher risk first, then the catalog's own order.
    public static func list(_ assessment: Assessment, in catalog: Catalog, statusRisk: StatusRisk = .standard) -> [OpenFinding] {
        var findings: [OpenFinding] = []
        for area in catalog.areas {
            for question in area.questions {
                guard let answer = assessment.answers[question.id], let risk = statusRisk.risk(of: answer.status), risk != .none else { continue }
                findings.append(OpenFinding(questionID: question.id, area: area.id, risk: risk, status: answer.status, hasNote: answer.hasNote))
            }
        }
        // Stable: equal risks keep the catalog order they were gathered in.
        return [Risk.high, .medium].flatMap { risk in findings.filter { $0.risk == risk } }
    }
}
