import XCTest
@testable import LifecycleCore

final class DiffTests: XCTestCase {
    let catalog = builtInCatalog()

    private func assessment(_ answers: [String: Answer], name: String = "P", maturity: String? = "scaling") -> Assessment {
        Assessment(name: name, maturity: maturity, catalog: catalog.reference, created: fixedTime(), answers: answers)
    }

    private func diff(_ a: Assessment, _ b: Assessment) -> AssessmentDiff {
        AssessmentDiff(left: DiffSide(label: "a", assessment: a), right: DiffSide(label: "b", assessment: b), catalog: catalog)
    }

    func testEachKindOfChangeIsClassified() {
        let before = assessment([
            "generation.event-rate": Answer(status: .gap),
            "generation.duplicates": Answer(status: .addressed),
            "storage.retention": Answer(status: .partial),
            "ingestion.volume": Answer(status: .gap),
            "security.backups": Answer(status: .addressed, note: "daily\nuntested"),
            "serving.reverse-etl-lineage": Answer(status: .notApplicable, reason: "none yet"),
        ])
        let after = assessment([
            "generation.event-rate": Answer(status: .addressed),
            "generation.duplicates": Answer(status: .partial),
            "generation.late-data": Answer(status: .gap),
            "ingestion.volume": Answer(status: .notApplicable, reason: "tiny"),
            "security.backups": Answer(status: .addressed, note: "daily\nrestore tested in May"),
            "serving.reverse-etl-lineage": Answer(status: .notApplicable, reason: "dropped"),
        ])
        let result = diff(before, after)
        let kinds = Dictionary(uniqueKeysWithValues: result.allChanges.map { ($0.questionID, $0.kind) })
        XCTAssertEqual(kinds, [
            "generation.event-rate": .improved,
            "generation.duplicates": .regressed,
            "generation.late-data": .newlyAnswered,
            "storage.retention": .newlyUnanswered,
            "ingestion.volume": .statusChanged,
            "security.backups": .detailsChanged,
            "serving.reverse-etl-lineage": .detailsChanged,
        ])
        XCTAssertTrue(result.hasWorse)
        let generation = result.areas[0]
        XCTAssertEqual(generation.area.id, "generation")
        XCTAssertEqual(generation.changes.map(\.questionID), ["generation.event-rate", "generation.duplicates", "generation.late-data"], "catalog order")
        XCTAssertEqual(generation.improvements, 1)
        XCTAssertEqual(generation.regressions, 1)
        XCTAssertEqual(generation.before.answered, 2)
        XCTAssertEqual(generation.after.answered, 3)
        XCTAssertEqual(generation.neverAnswered.count, catalog.area(id: "generation")!.questions.count - 3)
        let backups = result.allChanges.first { $0.questionID == "security.backups" }!
        XCTAssertEqual(LineDiff.lines(backups.before.note, backups.after.note), [.same("daily"), .removed("untested"), .added("restore tested in May")])
        XCTAssertTrue(result.allChanges.first { $0.questionID == "serving.reverse-etl-lineage" }!.reasonChanged)
    }

    func testIdenticalAssessmentsHaveNoDifferences() {
        let a = assessment(["generation.event-rate": Answer(status: .gap, note: "x")])
        let result = diff(a, a)
        XCTAssertTrue(result.isEmpty)
        XCTAssertEqual(DiffTextRenderer(diff: result, color: false).render(), "--- a\n+++ b\nNo differences.\n")
    }

    func testAnEmptySideMakesEverythingNewlyAnswered() {
        let result = diff(assessment([:]), assessment(["generation.event-rate": Answer(status: .gap), "storage.retention": Answer(status: .addressed)]))
        XCTAssertEqual(result.allChanges.map(\.kind), [.newlyAnswered, .newlyAnswered])
        XCTAssertFalse(result.hasWorse)
    }

    func testMetadataChangesAreReported() {
        var b = assessment([:], name: "Q", maturity: "leading")
        b.reviewers = ["Ana"]
        let result = diff(assessment([:]), b)
        XCTAssertEqual(result.metadata.map(\.field), ["name", "reviewers", "maturity"])
        XCTAssertFalse(result.isEmpty)
    }

    func testCatalogDriftIsNamed() {
        var old = assessment(["generation.retired-question": Answer(status: .gap), "generation.event-rate": Answer(status: .gap)])
        old.catalog = CatalogReference(id: catalog.id, version: "0.9.0", contentHash: "old")
        let new = assessment(["generation.event-rate": Answer(status: .addressed)])
        let result = diff(old, new)
        XCTAssertTrue(result.catalogsDiffer)
        XCTAssertEqual(result.outsideCatalog.map(\.questionID), ["generation.retired-question"])
        XCTAssertFalse(result.outsideCatalog[0].inCatalog)
        let text = DiffTextRenderer(diff: result, color: false).render()
        XCTAssertTrue(text.contains("made against different catalog versions"))
        XCTAssertTrue(text.contains("Not in this catalog (retired questions or another catalog version)"))
        XCTAssertTrue(text.contains("catalog: fundamentals-of-data-engineering 0.9.0 -> fundamentals-of-data-engineering \(catalog.version)"))
    }

    func testTextOutputHasNoColourUnlessAskedAndEscapesNotes() {
        let result = diff(assessment([:]), assessment(["generation.event-rate": Answer(status: .gap, note: "\u{1B}[2J boom")]))
        let plain = DiffTextRenderer(diff: result, color: false).render()
        XCTAssertFalse(plain.contains("\u{1B}"))
        XCTAssertTrue(plain.contains("+ ^[[2J boom"), plain)
        let coloured = DiffTextRenderer(diff: result, color: true).render()
        XCTAssertTrue(coloured.contains("\u{1B}[31m+ generation.event-rate"), "a new gap is red, like a gap everywhere: \(coloured)")
    }

    func testMarkdownEscapesAndListsChanges() {
        let result = diff(assessment([:]), assessment(["generation.event-rate": Answer(status: .gap, note: "a | b *c*\n=cmd")]))
        let markdown = DiffMarkdownRenderer.render(result)
        XCTAssertTrue(markdown.contains("### Generation"))
        XCTAssertTrue(markdown.contains("note:<br>+ a \\| b \\*c\\*<br>+ \\=cmd"), markdown)
        // A one-line change to a longer note shows that line only, not the whole note twice.
        let edited = diff(assessment(["generation.event-rate": Answer(status: .gap, note: "first\nsecond\nthird")]),
                          assessment(["generation.event-rate": Answer(status: .gap, note: "first\nsecond, fixed\nthird")]))
        let changed = DiffMarkdownRenderer.render(edited)
        XCTAssertTrue(changed.contains("note:<br>− ~~second~~<br>+ second, fixed"), changed)
        XCTAssertFalse(changed.contains("first"), "unchanged lines are not repeated")
        XCTAssertTrue(markdown.contains("| Generation | 0 → 1 of \(catalog.area(id: "generation")!.questions.count) | 0 → 1 |"))
    }

    func testMilestonesSnapshotAndStayFrozen() throws {
        var a = assessment(["generation.event-rate": Answer(status: .gap)])
        try a.addMilestone(label: "Q3", at: fixedTime())
        XCTAssertThrowsError(try a.addMilestone(label: "Q3")) { XCTAssertEqual($0 as? MilestoneError, .duplicateLabel("Q3")) }
        XCTAssertThrowsError(try a.addMilestone(label: "  ")) { XCTAssertEqual($0 as? MilestoneError, .emptyLabel) }
        a.setStatus(.addressed, for: "generation.event-rate")
        XCTAssertEqual(a.milestone(labelled: "Q3")?.answers["generation.event-rate"]?.status, .gap)
        var problems: [ValidationProblem] = []
        let decoded = Assessment.decode(try JSONParser.parse(a.canonicalBytes()), knownMaturityStages: ["scaling"], problems: &problems)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(decoded?.milestones, a.milestones)
        XCTAssertEqual(decoded?.canonicalBytes(), a.canonicalBytes())
        let result = diff(a.milestone(labelled: "Q3")!.assessment, a)
        XCTAssertEqual(result.allChanges.map(\.kind), [.improved])
    }
    func testAnExcludedAnswerIsInNoCountOfTheDiff() {
        var excluded = Answer(status: .gap)
        excluded.exclusion = "out of scope"
        let result = diff(assessment(["generation.event-rate": Answer(status: .gap)]), assessment(["generation.event-rate": excluded]))
        let generation = result.areas.first { $0.area.id == "generation" }!
        XCTAssertEqual(generation.before.total - 1, generation.after.total)
        XCTAssertEqual([generation.before.gaps, generation.after.gaps], [1, 0])
        XCTAssertEqual(result.allChanges.first?.planLines, ["excluded: out of scope"])
    }

    func testARelabelledReferenceReadsAsOne() {
        var before = Answer(status: .gap), after = Answer(status: .gap)
        before.evidence = [Evidence(kind: .ticket, ref: "TWF-1"), Evidence(kind: .ticket, ref: "TWF-2")]
        after.evidence = [Evidence(kind: .ticket, ref: "TWF-2"), Evidence(kind: .ticket, ref: "TWF-1", label: "Design")]
        let result = diff(assessment(["generation.event-rate": before]), assessment(["generation.event-rate": after]))
        XCTAssertEqual(result.allChanges.first?.planLines, ["evidence: ~TWF-1 (label Design)"])
        after.evidence = [Evidence(kind: .ticket, ref: "TWF-2"), Evidence(kind: .ticket, ref: "TWF-1")]
        XCTAssertEqual(diff(assessment(["generation.event-rate": before]), assessment(["generation.event-rate": after])).allChanges.first?.planLines,
                       ["evidence: reordered"])
    }
}
