/// The content of `lifecycle report`, independent of format: progress, the improvement
/// plan (high risk, then medium, each in the packs' order, with notes and what each missing
/// practice would take), not-applicable items with reasons, and who reviewed what against
/// which catalog.
public struct AssessmentReport: Sendable {
    public struct Item: Sendable {
        public var area: CatalogArea
        public var questionID: String
        public var text: String
        public var answer: Answer
        /// For a question answered by choices: the improvement text of each practice not
        /// ticked (none of these aside).
        public var toImprove: [String] = []
    }

    public var assessment: Assessment
    public var catalog: Catalog
    /// The packs reviewed, for risk per pack (nil: the book's pack alone).
    public var review: ComposedReview?

    /// From the report's folder to the repository root, for evidence path links (see PlanDocument).
    public var pathPrefix = ""
    /// The day overdue findings are judged by (the CLI passes the local date, or a fixed one).
    public var today: CalendarDate

    /// Without `today`, no finding is overdue.
    public init(assessment: Assessment, catalog: Catalog, review: ComposedReview? = nil, today: CalendarDate? = nil) {
        self.assessment = assessment
        self.catalog = catalog
        self.review = review
        self.today = today ?? CalendarDate(year: 1, month: 1, day: 1)!
    }

    /// An item's risk, through its pack's status mapping.
    public func risk(of item: Item) -> AnswerRisk {
        guard let question = catalog.question(id: item.questionID) else { return .unanswered }
        return question.risk(of: item.answer, statusRisk: review?.pack(ofQuestion: item.questionID)?.statusRisk ?? .standard)
    }

    /// Risk counts per pack reviewed.
    public var riskPerPack: [(pack: String, title: String, counts: RiskCounts)] {
        let composed = review ?? ComposedReview(catalog: catalog, packs: [PackLibrary.fundamentals(catalog)], missing: [], otherVersions: [])
        return composed.packs.map { ($0.id, $0.title, composed.riskCounts(of: $0.id, in: assessment)) }
    }

    public var overall: Progress { assessment.overallProgress(in: catalog) }

    public var maturityTitle: String {
        assessment.maturity.map { catalog.maturityStage(id: $0)?.title ?? $0 } ?? "not recorded"
    }

    /// The open findings in plan order (the order of `lifecycle plan` and the explorer's
    /// plan view): priority, risk, due date, then the packs' order.
    public var improvementPlan: [Item] {
        findings.map { Item(area: $0.area, questionID: $0.key, text: $0.question.text, answer: $0.answer, toImprove: $0.toImprove) }
    }

    public var findings: [Finding] {
        ImprovementPlan.findings(assessment, in: catalog, today: today) { self.review?.pack(ofQuestion: $0)?.statusRisk ?? .standard }
    }

    /// Answers left out of every count, with their reasons.
    public var excluded: [Item] {
        catalog.areas.flatMap { area in
            area.questions.filter { assessment.answers[$0.id]?.isExcluded ?? false }
                .map { Item(area: area, questionID: $0.id, text: $0.text, answer: assessment.answer(for: $0.id)) }
        }
    }

    public var notApplicable: [Item] {
        catalog.areas.flatMap { area in
            area.questions.filter { assessment.status(of: $0.id) == .notApplicable }
                .map { Item(area: area, questionID: $0.id, text: $0.text, answer: assessment.answer(for: $0.id)) }
        }
    }

    /// Every catalog question, in order, answered or not (for CSV).
    public var allItems: [Item] {
        catalog.areas.flatMap { area in
            area.questions.map { Item(area: area, questionID: $0.id, text: $0.text, answer: assessment.answer(for: $0.id)) }
        }
    }

    public func cellProgress(stage: String, undercurrent: String) -> Progress {
        assessment.progress(ofQuestions: catalog.cell(stage: stage, undercurrent: undercurrent)?.questionIDs ?? [])
    }
}
