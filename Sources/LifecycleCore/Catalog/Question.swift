/// One key engineering question of a pack.
public struct Question: Sendable, Equatable, Identifiable {
    /// Stable key in saved assessments, `<area id>.<slug>`. Never reused for another meaning.
    public var id: String
    public var text: String
    /// One line that tells the reviewer what a good answer looks like (may be empty in
    /// imported lenses, whose description is optional).
    public var hint: String
    public var tags: [String]
    /// Chapter of *Fundamentals of Data Engineering* the question comes from; 0 when none.
    public var chapter: Int
    /// Where to read more about the question (a lens's helpful resource, a chapter's page).
    public var url: String?
    /// Further reading, shown in the detail pane.
    public var resources: [Resource]
    /// For questions answered by choices (as Well-Architected lenses have); empty for
    /// questions answered by status.
    public var choices: [QuestionChoice]
    /// Tried in order; the first true one gives the question's risk. Only with choices.
    public var riskRules: [RiskRule]
    /// In the core set: the questions that matter most, about 40, a 90-minute meeting.
    public var isCore = false

    public init(id: String, text: String, hint: String, tags: [String], chapter: Int, url: String? = nil,
                resources: [Resource] = [], choices: [QuestionChoice] = [], riskRules: [RiskRule] = []) {
        self.id = id
        self.text = text
        self.hint = hint
        self.tags = tags
        self.chapter = chapter
        self.url = url
        self.resources = resources
        self.choices = choices
        self.riskRules = riskRules
    }

    public var isAnsweredByChoices: Bool { !choices.isEmpty }

    public func choice(id: String) -> QuestionChoice? { choices.first { $0.id == id } }

    /// The "none of these" choice, if the question has one.
    public var noneChoice: QuestionChoice? { choices.first(where: \.isNone) }
}

/// One selectable practice of a question answered by choices.
public struct QuestionChoice: Sendable, Equatable, Identifiable {
    public var id: String
    /// What the practice is, as the checklist shows it.
    public var text: String
    /// What to do when the practice is missing: the improvement plan's entry.
    public var plan: String
    /// Where the plan is explained at length (a lens's improvement plan link).
    public var planURL: String?
    public var resources: [Resource]
    /// "None of these": cannot be combined with another choice.
    public var isNone: Bool

    public init(id: String, text: String, plan: String = "", planURL: String? = nil, resources: [Resource] = [], isNone: Bool = false) {
        self.id = id
        self.text = text
        self.plan = plan
        self.planURL = planURL
        self.resources = resources
        self.isNone = isNone
    }
}

/// A pointer to further reading: a label and, usually, a link.
public struct Resource: Sendable, Equatable {
    /// Lenses tell reading that explains a practice from reading on how to adopt it.
    public enum Kind: String, Sendable {
        case helpful
        case plan
    }

    public var text: String
    public var url: String?
    public var kind: Kind

    public init(text: String, url: String? = nil, kind: Kind = .helpful) {
        self.text = text
        self.url = url
        self.kind = kind
    }
}

/// "When this condition holds, the question carries this risk."
public struct RiskRule: Sendable, Equatable {
    public var condition: RiskCondition
    public var risk: Risk

    public init(condition: RiskCondition, risk: Risk) {
        self.condition = condition
        self.risk = risk
    }
}

extension Question {
    /// The question's risk for an answer: a status question's from its status (through the
    /// pack's mapping), a choice question's from the first risk rule that holds for the
    /// selected choices. No choices selected is unanswered; not applicable stays so.
    public func risk(of answer: Answer, statusRisk: StatusRisk = .standard) -> AnswerRisk {
        if answer.status == .notApplicable { return .notApplicable }
        guard isAnsweredByChoices else {
            return statusRisk.risk(of: answer.status).map(AnswerRisk.rated) ?? .unanswered
        }
        guard !answer.choices.isEmpty else { return .unanswered }
        return .rated(risk(selected: Set(answer.choices)))
    }

    /// The first true rule's risk; no rule true gives `none` (a validated pack always ends
    /// with `default`, and the importer adds one when a lens forgot it).
    public func risk(selected: Set<String>) -> Risk {
        riskRules.first { $0.condition.isTrue(selected: selected) }?.risk ?? .none
    }
}
