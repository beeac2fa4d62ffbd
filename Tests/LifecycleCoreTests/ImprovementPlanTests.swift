import XCTest
@testable import LifecycleCore

/// The plan: which findings are open, which are overdue on a fixed day, and the one order
/// every output uses.
final class ImprovementPlanTests: XCTestCase {
    let catalog = builtInCatalog()
    let today = CalendarDate("2026-11-28")!

    private func answer(_ status: AnswerStatus, owner: String = "", due: String? = nil, priority: FindingPriority? = nil,
                        excluded: String = "") -> Answer {
        var answer = Answer(status: status)
        answer.owner = owner
        answer.due = due.flatMap(CalendarDate.init)
        answer.priority = priority
        answer.exclusion = excluded
        return answer
    }

    private func plan(_ answers: [String: Answer]) -> [Finding] {
        var assessment = Assessment(name: "Payments & Co", catalog: catalog.reference, created: fixedTime())
        assessment.answers = answers
        return ImprovementPlan.findings(assessment, in: catalog, today: today)
    }

    func testOpenMeansGapOrPartialNeitherNotApplicableNorExcluded() {
        let findings = plan([
            "generation.source-kind": answer(.gap),
            "generation.event-rate": answer(.partial),
            "storage.retention": answer(.addressed, owner: "x", due: "2026-01-01"),
            "ingestion.volume": answer(.notApplicable),
            "security.backups": answer(.gap, excluded: "reviewed elsewhere"),
            "serving.semantic-layer": answer(.unanswered, owner: "analytics"),
        ])
        XCTAssertEqual(findings.map(\.key), ["generation.source-kind", "generation.event-rate"])
        XCTAssertEqual(findings.map(\.risk), [.high, .medium])
    }

    func testOverdueIsBeforeTodayAndDueTodayIsNot() {
        let findings = plan([
            "generation.source-kind": answer(.gap, due: "2026-11-27"),
            "generation.event-rate": answer(.gap, due: "2026-11-28"),
            "generation.duplicates": answer(.gap, due: "2026-11-29"),
            "generation.late-data": answer(.gap),
        ])
        XCTAssertEqual(findings.filter(\.overdue).map(\.key), ["generation.source-kind"])
    }

    func testOrderIsPriorityThenRiskThenDueDateThenThePacksOrder() {
        let findings = plan([
            "generation.source-kind": answer(.gap),                                           // high, high, no date
            "generation.event-rate": answer(.partial, priority: .high),                        // high (set), medium
            "generation.duplicates": answer(.gap, due: "2027-01-10"),                          // high, high, later date
            "generation.late-data": answer(.gap, due: "2026-12-01"),                           // high, high, earlier date
            "storage.retention": answer(.gap, priority: .low),                                 // low (set)
            "storage.temperature": answer(.partial),                                           // medium
            "ingestion.volume": answer(.partial, due: "2026-10-01", priority: .medium),       // medium (set), earlier
            "security.backups": answer(.gap),                                                  // high, high, no date, later area
        ])
        XCTAssertEqual(findings.map(\.key), [
            "generation.late-data", "generation.duplicates", "generation.source-kind", "security.backups",
            "generation.event-rate",
            "ingestion.volume", "storage.temperature",
            "storage.retention",
        ])
        XCTAssertEqual(findings.map(\.priority), [FindingPriority.high, .high, .high, .high, .high, .medium, .medium, .low])
    }

    func testTheFindingIDIsStableAndSafeForTrackers() {
        XCTAssertEqual(ImprovementPlan.findingID(assessmentName: "Payments & Co", key: "generation.event-rate"),
                       "payments-co/fundamentals:generation.event-rate")
        XCTAssertEqual(ImprovementPlan.findingID(assessmentName: "Données: plateforme", key: "team:ops.a"), "données-plateforme/team:ops.a")
        XCTAssertEqual(ImprovementPlan.findingID(assessmentName: "東京 物流", key: "team:ops.a"), "東京-物流/team:ops.a",
                       "two reviews named in another script keep ids of their own")
        XCTAssertEqual(ImprovementPlan.findingID(assessmentName: "🎉", key: "team:ops.a"), "assessment/team:ops.a")
    }

    func testOwnerFilterIgnoresCaseAndSpaces() {
        let findings = plan(["generation.source-kind": answer(.gap, owner: " @Data-Platform "), "generation.event-rate": answer(.gap, owner: "other")])
        XCTAssertEqual(ImprovementPlan.owned(by: "@data-platform", findings).map(\.key), ["generation.source-kind"])
    }

    func testAnExcludedAnswerIsInNoCount() {
        var assessment = Assessment(name: "R", catalog: catalog.reference, created: fixedTime())
        assessment.answers = ["generation.source-kind": answer(.gap, excluded: "out of scope"), "generation.event-rate": answer(.gap)]
        let generation = assessment.progress(of: catalog.area(id: "generation")!)
        XCTAssertEqual(generation.total, catalog.area(id: "generation")!.questions.count - 1)
        XCTAssertEqual(generation.gaps, 1)
        let report = AssessmentReport(assessment: assessment, catalog: catalog)
        XCTAssertEqual(report.excluded.map(\.questionID), ["generation.source-kind"])
        XCTAssertTrue(ReportRenderers.markdown(report).contains("## Excluded from counts\n\n- `generation.source-kind`"))
    }
    /// Markdown decodes entities in link targets: `&#106;avascript:` must stay text.
    func testAnEntityInAReferenceNeverBecomesALinkScheme() {
        let link = PlanRenderers.markdownLink(Evidence(kind: .path, ref: "&#106;avascript:alert(1)", label: "click me"))
        XCTAssertEqual(link, "[click me](<&amp;#106;avascript:alert(1)>)")
        XCTAssertEqual(PlanRenderers.markdownLink(Evidence(kind: .url, ref: "https://x.example/?a=1&b=2")), "[https://x.example/?a=1&b=2](<https://x.example/?a=1&amp;b=2>)",
                       "a query string still reads as written once decoded")
    }

    func testJiraLabelsStayWithinJirasLimitsAndSaySomething() {
        XCTAssertEqual(PlanRenderers.label("🎉🎉"), "none")
        XCTAssertEqual(PlanRenderers.label(String(repeating: "a", count: 300)).count, 240)
        var assessment = Assessment(name: "R", catalog: catalog.reference, created: fixedTime())
        var party = Answer(status: .gap)
        party.owner = "🎉"
        assessment.answers = ["generation.source-kind": party]
        let csv = PlanRenderers.jiraCSV(PlanDocument(assessmentName: "R", today: today, findings: ImprovementPlan.findings(assessment, in: catalog, today: today)))
        XCTAssertFalse(csv.contains("owner-none"), "an owner of symbols only gets no label rather than one that reads as nobody")
        XCTAssertTrue(csv.contains("Owner: 🎉"), csv)
    }
}
