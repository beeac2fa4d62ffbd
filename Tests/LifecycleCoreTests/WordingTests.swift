import XCTest
@testable import LifecycleCore

/// Counts read as English ("1 other status change", "1 gap") and textconv prints no
/// empty fields.
final class WordingTests: XCTestCase {
    let catalog = builtInCatalog()

    private func assessment(_ answers: [String: Answer], reviewers: [String] = []) -> Assessment {
        Assessment(name: "P", reviewers: reviewers, maturity: "scaling", catalog: catalog.reference, created: fixedTime(), answers: answers)
    }

    private func sentence(_ before: [String: Answer], _ after: [String: Answer]) -> String {
        let diff = AssessmentDiff(left: DiffSide(label: "a", assessment: assessment(before)),
                                  right: DiffSide(label: "b", assessment: assessment(after)), catalog: catalog)
        return DiffSummary(diff.allChanges).sentence
    }

    func testTheDiffSummaryPluralisesEachCount() {
        XCTAssertEqual(sentence(["ingestion.volume": Answer(status: .gap, note: "a")],
                                ["ingestion.volume": Answer(status: .notApplicable, note: "b", reason: "tiny")]),
                       "0 improved, 0 regressed, 0 newly answered, 0 newly unanswered, 1 other status change, 1 note changed")
        XCTAssertEqual(sentence(["ingestion.volume": Answer(status: .gap, note: "a"), "storage.retention": Answer(status: .notApplicable, note: "a")],
                                ["ingestion.volume": Answer(status: .notApplicable, note: "b"), "storage.retention": Answer(status: .gap, note: "b")]),
                       "0 improved, 0 regressed, 0 newly answered, 0 newly unanswered, 2 other status changes, 2 notes changed")
        XCTAssertEqual(sentence([:], [:]),
                       "0 improved, 0 regressed, 0 newly answered, 0 newly unanswered, 0 other status changes, 0 notes changed")
    }

    func testTextconvLeavesOutEmptyFieldsAndTrailingSpaces() {
        let text = TextconvRenderer.render(assessment([
            "generation.event-rate": Answer(status: .gap),
            "storage.retention": Answer(status: .partial, note: "first\n\nthird"),
        ]), catalog: catalog)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertFalse(lines.contains { $0.hasSuffix(" ") }, text)
        XCTAssertFalse(text.contains("reviewers:"), "no reviewers, no line")
        XCTAssertTrue(text.contains("progress: 2/\(catalog.questionCount) answered, 1 gap, 1 partial\n"), text)
        XCTAssertTrue(text.contains("[Generation] 1/\(catalog.area(id: "generation")!.questions.count) answered, 1 gap\ngeneration.event-rate: gap\n\n"), "no note line without a note:\n\(text)")
        XCTAssertTrue(text.contains("storage.retention: partial\n  note: first\n  note:\n  note: third\n"), text)

        let withReviewers = TextconvRenderer.render(assessment([:], reviewers: ["Ana", "Bo"]), catalog: catalog)
        XCTAssertTrue(withReviewers.contains("\nreviewers: Ana, Bo\n"), withReviewers)
    }

    func testCountedNouns() {
        XCTAssertEqual(Counted.noun(0, "gap"), "0 gaps")
        XCTAssertEqual(Counted.noun(1, "gap"), "1 gap")
        XCTAssertEqual(Counted.noun(2, "match", plural: "matches"), "2 matches")
    }
    func testTextconvShowsEachPlanFieldOnALineOfItsOwn() {
        var answer = Answer(status: .gap, note: "n")
        answer.owner = "Data platform"
        answer.due = CalendarDate("2026-12-01")
        answer.priority = .high
        answer.evidence = [Evidence(kind: .ticket, ref: "TWF-1"), Evidence(kind: .url, ref: "https://x.example", label: "Design")]
        answer.exclusion = "reviewed elsewhere"
        let text = TextconvRenderer.render(assessment(["generation.event-rate": answer]), catalog: catalog)
        XCTAssertTrue(text.contains("generation.event-rate: gap\n  owner: Data platform\n  due: 2026-12-01\n  priority: high\n"
            + "  evidence: TWF-1\n  evidence: https://x.example (Design)\n  excluded: reviewed elsewhere\n  note: n\n"), text)
    }
}
