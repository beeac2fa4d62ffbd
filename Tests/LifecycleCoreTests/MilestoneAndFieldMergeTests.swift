import XCTest
@testable import LifecycleCore

/// Milestones and unknown top-level fields in the three-way merge: the result must always
/// load again, and no side's change may be dropped silently.
final class MilestoneAndFieldMergeTests: XCTestCase {
    let catalog = builtInCatalog()

    private func assessment() -> Assessment {
        Assessment(name: "P", maturity: "scaling", catalog: catalog.reference, created: fixedTime())
    }

    private func reviewer(_ status: AnswerStatus, frozenAt time: String) throws -> Assessment {
        var side = assessment()
        side.setStatus(status, for: "generation.event-rate", at: fixedTime(time))
        try side.addMilestone(label: "q3", at: fixedTime(time))
        return side
    }

    private func assertLoads(_ merged: Assessment, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNoThrow(try AssessmentStore(catalog: catalog, backups: nil).checkLoads(merged.canonicalBytes(), as: "merged.json"),
                         file: file, line: line)
    }

    func testThreeReviewersFreezingTheSameLabelGetUniqueLabelsAndTheResultLoads() throws {
        let base = assessment()
        let ana = try reviewer(.gap, frozenAt: "2026-12-01T00:00:00Z")
        let bo = try reviewer(.partial, frozenAt: "2026-12-02T00:00:00Z")
        let cy = try reviewer(.addressed, frozenAt: "2026-12-03T00:00:00Z")

        let first = ThreeWayMerge.merge(base: base, ours: ana, theirs: bo)
        XCTAssertEqual(first.merged.milestones.map(\.label), ["q3", "q3 (theirs)"])
        assertLoads(first.merged)

        let second = ThreeWayMerge.merge(base: base, ours: first.merged, theirs: cy)
        XCTAssertEqual(second.merged.milestones.map(\.label), ["q3", "q3 (theirs)", "q3 (theirs 2)"])
        XCTAssertEqual(second.merged.milestone(labelled: "q3 (theirs 2)")?.answers["generation.event-rate"]?.status, .addressed)
        XCTAssertEqual(second.conflicts.filter { $0.subject == "milestone \"q3\"" }.map(\.detail), ["differs on the two sides; theirs kept as \"q3 (theirs 2)\""])
        assertLoads(second.merged)

        // The same branch merged again adds nothing: its snapshot is already kept.
        let again = ThreeWayMerge.merge(base: base, ours: second.merged, theirs: bo)
        XCTAssertEqual(again.merged.milestones.map(\.label), ["q3", "q3 (theirs)", "q3 (theirs 2)"])
        assertLoads(again.merged)
    }

    func testARenameNeverTakesALabelTheirSideBrings() throws {
        let base = assessment()
        let ours = try reviewer(.gap, frozenAt: "2026-12-01T00:00:00Z")
        var theirs = try reviewer(.partial, frozenAt: "2026-12-02T00:00:00Z")
        try theirs.addMilestone(label: "q3 (theirs)", at: fixedTime("2026-12-03T00:00:00Z"))
        let result = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(result.merged.milestones.map(\.label), ["q3", "q3 (theirs 2)", "q3 (theirs)"])
        assertLoads(result.merged)
    }

    func testUnknownFieldsMergeLikeAnswers() {
        var base = assessment()
        base.unknownFields = ["x-owner": .string("ana"), "x-kept": .number(1), "x-dropped": .bool(true)]
        var ours = base, theirs = base
        theirs.unknownFields["x-owner"] = .string("bo")        // only theirs changed it
        theirs.unknownFields["x-new"] = .string("theirs")      // only theirs added it
        theirs.unknownFields["x-dropped"] = nil                // only theirs removed it
        ours.unknownFields["x-mine"] = .string("ours")         // only ours added it
        let clean = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(clean.conflicts, [])
        XCTAssertEqual(clean.merged.unknownFields,
                       ["x-owner": .string("bo"), "x-kept": .number(1), "x-new": .string("theirs"), "x-mine": .string("ours")])

        ours.unknownFields["x-kept"] = .number(2)
        theirs.unknownFields["x-kept"] = .number(3)
        let conflicting = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(conflicting.merged.unknownFields["x-kept"], .number(2), "ours kept")
        XCTAssertEqual(conflicting.conflicts, [MergeConflict(subject: "field \"x-kept\"", detail: "changed differently on the two sides; ours kept")])

        theirs.unknownFields["x-kept"] = .number(2)
        XCTAssertEqual(ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs).conflicts, [], "the same change on both sides")
    }

    func testTheLoadCheckRefusesWhatTheLoaderRefuses() throws {
        var broken = try reviewer(.gap, frozenAt: "2026-12-01T00:00:00Z")
        broken.milestones.append(broken.milestones[0])
        let store = AssessmentStore(catalog: catalog, backups: nil)
        XCTAssertThrowsError(try store.checkLoads(broken.canonicalBytes(), as: "m.json")) { error in
            XCTAssertEqual((error as? FileProblem)?.description, "m.json: $.milestones[1].label: duplicate milestone label \"q3\"")
        }
        XCTAssertThrowsError(try store.checkLoads(Array("{".utf8), as: "m.json"))
        XCTAssertNoThrow(try store.checkLoads(assessment().canonicalBytes(), as: "m.json"))
    }
    /// Evidence merges by reference: a label is part of the reference it labels.
    func testEvidenceMergesReferenceByReference() {
        let ticket = Evidence(kind: .ticket, ref: "TWF-412")
        func labelled(_ label: String) -> Evidence { Evidence(kind: .ticket, ref: "TWF-412", label: label) }
        XCTAssertEqual(ThreeWayMerge.mergeEvidence(base: [ticket], ours: [labelled("L1")], theirs: [ticket]), [labelled("L1")],
                       "one side relabels: taken")
        XCTAssertNil(ThreeWayMerge.mergeEvidence(base: [ticket], ours: [labelled("L1")], theirs: [labelled("L2")]),
                     "both relabel differently: a conflict, not the reference twice")
        XCTAssertNil(ThreeWayMerge.mergeEvidence(base: [ticket], ours: [], theirs: [labelled("L2")]),
                     "one removes what the other relabels: a conflict, not a silent loss")
        let new = Evidence(kind: .ticket, ref: "NEW-1")
        XCTAssertNil(ThreeWayMerge.mergeEvidence(base: [], ours: [new], theirs: [Evidence(kind: .ticket, ref: "NEW-1", label: "x")]))
        XCTAssertEqual(ThreeWayMerge.mergeEvidence(base: [ticket], ours: [ticket, new], theirs: [ticket, new]), [ticket, new], "the same addition once")
        XCTAssertEqual(ThreeWayMerge.mergeEvidence(base: [ticket], ours: [], theirs: [ticket, new]), [new])
    }
}
