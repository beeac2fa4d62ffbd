import XCTest
@testable import LifecycleCore

final class MergeTests: XCTestCase {
    let catalog = builtInCatalog()

    private func assessment(_ answers: [String: Answer]) -> Assessment {
        Assessment(name: "P", maturity: "scaling", catalog: catalog.reference, created: fixedTime(), answers: answers)
    }

    func testChangesOnOneSideEachMergeCleanly() {
        let base = assessment(["generation.event-rate": Answer(status: .gap)])
        var ours = base, theirs = base
        ours.setStatus(.addressed, for: "generation.event-rate", at: fixedTime("2026-12-01T00:00:00Z"))
        theirs.setStatus(.partial, for: "storage.retention", at: fixedTime("2026-12-02T00:00:00Z"))
        theirs.reviewers = ["Bo"]
        let result = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(result.conflicts, [])
        XCTAssertEqual(result.merged.status(of: "generation.event-rate"), .addressed)
        XCTAssertEqual(result.merged.status(of: "storage.retention"), .partial)
        XCTAssertEqual(result.merged.reviewers, ["Bo"])
    }

    func testTheSameChangeOnBothSidesIsTakenOnce() {
        let base = assessment([:])
        var ours = base, theirs = base
        ours.setAnswer(Answer(status: .gap, note: "same"), for: "generation.event-rate", at: fixedTime("2026-12-01T00:00:00Z"))
        theirs.setAnswer(Answer(status: .gap, note: "same"), for: "generation.event-rate", at: fixedTime("2026-12-03T00:00:00Z"))
        let result = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(result.conflicts, [])
        XCTAssertEqual(result.merged.answers["generation.event-rate"]?.note, "same")
        XCTAssertEqual(result.merged.answers["generation.event-rate"]?.changed?.text, "2026-12-03T00:00:00Z")
    }

    func testDifferentChangesToOneAnswerConflictAndKeepBoth() {
        let base = assessment(["generation.event-rate": Answer(status: .gap, note: "unknown")])
        var ours = base, theirs = base
        ours.setAnswer(Answer(status: .addressed, note: "load tested at 10k/s"), for: "generation.event-rate")
        theirs.setAnswer(Answer(status: .partial, note: "only staging tested"), for: "generation.event-rate")
        let result = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(result.conflicts.map(\.subject), ["generation.event-rate"])
        let merged = result.merged.answers["generation.event-rate"]!
        XCTAssertEqual(merged.status, .addressed)
        XCTAssertEqual(merged.note, """
            <<<<<<< ours (status: addressed)
            load tested at 10k/s
            ======= theirs (status: partial)
            only staging tested
            >>>>>>> theirs
            """)
        XCTAssertTrue(ThreeWayMerge.hasConflictMarkers(merged.note))
    }

    func testADeletionAgainstAnEditIsAConflict() {
        let base = assessment(["generation.event-rate": Answer(status: .gap)])
        var ours = base, theirs = base
        ours.setStatus(.unanswered, for: "generation.event-rate")
        theirs.setStatus(.addressed, for: "generation.event-rate")
        XCTAssertEqual(ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs).conflicts.count, 1)
    }

    func testMilestonesAreUnitedAndDifferentCatalogsAreNoted() throws {
        let base = assessment([:])
        var ours = base, theirs = base
        try ours.addMilestone(label: "ours-only", at: fixedTime("2026-12-01T00:00:00Z"))
        try theirs.addMilestone(label: "theirs-only", at: fixedTime("2026-11-30T00:00:00Z"))
        theirs.catalog = CatalogReference(id: catalog.id, version: "1.2.0", contentHash: "x")
        let result = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(result.merged.milestones.map(\.label), ["theirs-only", "ours-only"])
        XCTAssertTrue(result.catalogsDiffer)
        XCTAssertEqual(result.merged.catalog.version, "1.2.0")
    }
}
