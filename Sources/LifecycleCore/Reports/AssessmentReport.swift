/// The content of `lifecycle report`, independent of format: progress, the improvement
/// plan (gaps, then partials, stage by stage with their notes), not-applicable items with
/// reasons, and who reviewed what against which catalog.
public struct AssessmentReport: Sendable {
    public struct Item: Sendable {
        public var area: CatalogArea
        public var questionID: String
        public var text: String
        public var answer: Answer
    }

    public var assessment: Assessment
    public var catalog: Catalog

    public init(assessment: Assessment, catalog: Catalog) {
        self.assessment = assessment
        self.catalog = catalog
    }

    public var overall: Progress { assessment.overallProgress(in: catalog) }

    public var maturityTitle: String {
        assessment.maturity.map { catalog.maturityStage(id: $0)?.title ?? $0 } ?? "not recorded"
    }

    /// Gaps first, then partials, within each area in lifecycle order.
    public var improvementPlan: [Item] {
        catalog.areas.flatMap { area in
            [AnswerStatus.gap, .partial].flatMap { status in
                area.questions.filter { assessment.status(of: $0.id) == status }
                    .map { Item(area: area, questionID: $0.id, text: $0.text, answer: assessment.answer(for: $0.id)) }
            }
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
