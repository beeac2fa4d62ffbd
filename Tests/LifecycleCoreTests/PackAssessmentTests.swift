import Foundation
import XCTest
@testable import LifecycleCore

/// Assessments over several packs: the file format, finding a question, answering by
/// choices, merging ticks, and a pack that is not found.
final class PackAssessmentTests: XCTestCase {
    let book = builtInCatalog()
    let team: Pack = {
        let json = #"""
        {"id": "team", "version": "2", "title": "Team", "areas": [{"id": "ops", "title": "Ops", "questions": [
          {"id": "ops.alerts", "text": "Alerts?", "choices": [
             {"id": "paged", "title": "Paged", "plan": "Page."}, {"id": "runbook", "title": "Runbook", "plan": "Write one."},
             {"id": "alerts_no", "title": "None of these", "none": true}],
           "riskRules": [{"condition": "paged && runbook", "risk": "none"}, {"condition": "paged", "risk": "medium"},
                         {"condition": "default", "risk": "high"}]},
          {"id": "ops.event-rate", "text": "Same name as a book question, in another area"},
          {"id": "ops.plain", "text": "Plain?"}]},
          {"id": "generation", "title": "Their generation", "questions": [{"id": "generation.event-rate", "text": "Clash?"}]}]}
        """#
        return PackDecoder.read(bytes: Array(json.utf8)).pack!
    }()

    private func review(_ assessment: Assessment) -> ComposedReview {
        PackComposition.compose(assessment, book: book, library: PackLibrary(catalog: book, adding: [team]))
    }

    private func twoPacks() -> Assessment {
        var assessment = Assessment(name: "R", catalog: book.reference, created: fixedTime())
        assessment.packs = [PackReference(PackLibrary.fundamentals(book)), PackReference(team)]
        return assessment
    }

    func testAFileWithTheBooksPackAloneStaysVersionOne() throws {
        let assessment = Assessment(name: "R", catalog: book.reference, created: fixedTime())
        XCTAssertEqual(assessment.writtenFormatVersion, 1)
        let text = String(decoding: assessment.canonicalBytes(), as: UTF8.self)
        XCTAssertTrue(text.contains("\"formatVersion\": 1"))
        XCTAssertFalse(text.contains("\"packs\""))
    }

    func testVersionTwoRecordsThePacksAndKeysOtherPacksAnswersByPack() throws {
        var assessment = twoPacks()
        assessment.setAnswer(Answer(status: .gap), for: "generation.event-rate", at: fixedTime())
        assessment.setAnswer(Answer(status: .partial, choices: ["paged"]), for: "team:ops.alerts", at: fixedTime())
        let bytes = assessment.canonicalBytes()
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("\"formatVersion\": 2"))
        XCTAssertTrue(text.contains("\"team:ops.alerts\": {"), "another pack's answers are keyed PACK_ID:QUESTION_ID")
        XCTAssertTrue(text.contains("\"generation.event-rate\": {"), "the book's keep their version-1 keys")
        XCTAssertEqual(CanonicalJSONWriter.bytes(assessment.jsonValue), bytes, "the fast writer and the plain one agree")
        var problems: [ValidationProblem] = []
        let again = try XCTUnwrap(Assessment.decode(try JSONParser.parse(bytes), knownMaturityStages: [], problems: &problems))
        XCTAssertEqual(again.packs, assessment.packs)
        XCTAssertEqual(again.answers, assessment.answers)
        // A milestone remembers the packs it was frozen with.
        try assessment.addMilestone(label: "one", at: fixedTime())
        let withMilestone = try XCTUnwrap(Assessment.decode(try JSONParser.parse(assessment.canonicalBytes()), knownMaturityStages: [], problems: &problems))
        XCTAssertEqual(withMilestone.milestones.first?.assessment.packs, assessment.packs)
    }

    func testTheReviewComposesThePacksUnderTheirKeys() {
        let composed = review(twoPacks())
        XCTAssertEqual(composed.catalog.questionCount, book.questionCount + 4)
        XCTAssertEqual(composed.catalog.areas.suffix(2).map(\.id), ["team:ops", "team:generation"])
        XCTAssertNotNil(composed.catalog.question(id: "team:generation.event-rate"))
        XCTAssertNotNil(composed.catalog.question(id: "generation.event-rate"), "the book's own, unscoped")
        XCTAssertEqual(composed.catalog.areas.last?.labelledTitle, "Their generation (team)")
        XCTAssertEqual(composed.catalog.matrix.count, book.matrix.count)
    }

    func testAQuestionIsFoundByItsFullNameOrItsBareIdWhenOnlyOnePackHasIt() {
        let catalog = review(twoPacks()).catalog
        XCTAssertEqual(try QuestionLookup.key(for: "team:ops.alerts", in: catalog), "team:ops.alerts")
        XCTAssertEqual(try QuestionLookup.key(for: "ops.alerts", in: catalog), "team:ops.alerts")
        XCTAssertEqual(try QuestionLookup.key(for: "fundamentals:storage.downstream-bottleneck", in: catalog), "storage.downstream-bottleneck")
        XCTAssertEqual(try QuestionLookup.key(for: "storage.downstream-bottleneck", in: catalog), "storage.downstream-bottleneck")
        XCTAssertThrowsError(try QuestionLookup.key(for: "generation.event-rate", in: catalog)) { error in
            XCTAssertEqual("\(error)", "\"generation.event-rate\" is in more than one pack: fundamentals:generation.event-rate, team:generation.event-rate")
        }
        XCTAssertThrowsError(try QuestionLookup.key(for: "team:nope.x", in: catalog))
        XCTAssertThrowsError(try QuestionLookup.key(for: "nope", in: catalog))
    }

    func testChoicesAreCheckedSortedAndGiveTheStatus() throws {
        let question = try XCTUnwrap(review(twoPacks()).catalog.question(id: "team:ops.alerts"))
        let noted = Answer(status: .notApplicable, note: "kept", reason: "old reason")
        let answer = try ChoiceAnswering.answer(noted, of: question, choosing: ["runbook", "paged", "paged"])
        XCTAssertEqual(answer.choices, ["paged", "runbook"])
        XCTAssertEqual(answer.status, .addressed)
        XCTAssertEqual(answer.note, "kept")
        XCTAssertEqual(answer.reason, "", "a reason goes with not applicable")
        XCTAssertEqual(try ChoiceAnswering.answer(answer, of: question, choosing: ["alerts_no"]).status, .gap)
        XCTAssertEqual(try ChoiceAnswering.answer(answer, of: question, choosing: []).status, .unanswered)
        XCTAssertThrowsError(try ChoiceAnswering.answer(answer, of: question, choosing: ["paged", "alerts_no"])) {
            XCTAssertEqual("\($0)", "alerts_no means none of these and cannot be combined with other choices")
        }
        XCTAssertThrowsError(try ChoiceAnswering.answer(answer, of: question, choosing: ["pager"])) {
            XCTAssertEqual("\($0)", "unknown choice \"pager\" (choices: paged, runbook, alerts_no)")
        }
        let plain = try XCTUnwrap(review(twoPacks()).catalog.question(id: "team:ops.plain"))
        XCTAssertThrowsError(try ChoiceAnswering.answer(Answer(), of: plain, choosing: ["x"]))
        XCTAssertEqual(ChoiceAnswering.toggling("alerts_no", in: ["paged"], of: question), ["alerts_no"])
        XCTAssertEqual(ChoiceAnswering.toggling("paged", in: ["alerts_no"], of: question), ["paged"])
        XCTAssertEqual(ChoiceAnswering.toggling("paged", in: ["paged", "runbook"], of: question), ["runbook"])
    }

    func testTwoReviewersTickingDifferentChoicesMergeAndTheStatusFollows() throws {
        let composed = review(twoPacks())
        let question = try XCTUnwrap(composed.catalog.question(id: "team:ops.alerts"))
        var base = twoPacks(), ours = base, theirs = base
        base.answers["team:ops.alerts"] = try ChoiceAnswering.answer(Answer(), of: question, choosing: ["paged"])
        ours.answers["team:ops.alerts"] = try ChoiceAnswering.answer(Answer(), of: question, choosing: ["paged", "runbook"])
        theirs.answers["team:ops.alerts"] = try ChoiceAnswering.answer(Answer(note: ""), of: question, choosing: [])
        theirs.answers["team:ops.alerts"]!.choices = []
        theirs.answers["team:ops.alerts"]!.status = .unanswered
        let lookup: (String) -> Question? = { composed.catalog.question(id: $0) }
        // Ours added runbook, theirs removed paged: runbook alone, the default rule (high).
        let result = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs, question: lookup)
        XCTAssertEqual(result.conflicts, [])
        XCTAssertEqual(result.merged.answers["team:ops.alerts"]?.choices, ["runbook"])
        XCTAssertEqual(result.merged.answers["team:ops.alerts"]?.status, .gap)

        // One side says none of these, the other ticks a practice: a conflict, never both.
        var none = base
        none.answers["team:ops.alerts"] = try ChoiceAnswering.answer(Answer(), of: question, choosing: ["alerts_no"])
        let clash = ThreeWayMerge.merge(base: base, ours: ours, theirs: none, question: lookup)
        XCTAssertEqual(clash.conflicts.map(\.subject), ["team:ops.alerts"])
        XCTAssertFalse(clash.merged.answers["team:ops.alerts"]!.choices.contains("alerts_no") && clash.merged.answers["team:ops.alerts"]!.choices.count > 1)
    }

    func testPacksMergeLikeReviewers() {
        let book = PackReference(id: "fundamentals", version: "1", contentHash: "")
        let a = PackReference(id: "a", version: "1", contentHash: ""), b = PackReference(id: "b", version: "1", contentHash: "")
        XCTAssertEqual(ThreeWayMerge.mergePacks(base: [book], ours: [book, a], theirs: [book, b]), [book, a, b])
        XCTAssertEqual(ThreeWayMerge.mergePacks(base: [book, a], ours: [book], theirs: [book, a, b]), [book, b], "a removal is kept")
    }

    func testAMissingPackKeepsItsAnswersAndSaysWhereItWasLookedFor() {
        var assessment = twoPacks()
        assessment.packs.append(PackReference(id: "gone", version: "3", contentHash: ""))
        assessment.answers["gone:x.y"] = Answer(status: .gap)
        var composed = review(assessment)
        composed.searched = ["built in", "/repo/packs"]
        XCTAssertEqual(composed.missing.map(\.id), ["gone"])
        XCTAssertEqual(composed.warnings(file: "r.json", assessment: assessment),
                       ["r.json: pack gone version 3 is not found (looked in: built in, /repo/packs); its 1 answer is kept and shown by id"])
        XCTAssertEqual(assessment.unknownQuestionIDs(in: composed.catalog), ["gone:x.y"])
    }

    func testTheImprovementPlanGoesByRiskAndSaysWhatEachMissingPracticeTakes() throws {
        var assessment = twoPacks()
        let composed = review(assessment)
        let question = try XCTUnwrap(composed.catalog.question(id: "team:ops.alerts"))
        assessment.setAnswer(Answer(status: .partial), for: "generation.event-rate", at: fixedTime())
        assessment.setAnswer(try ChoiceAnswering.answer(Answer(), of: question, choosing: ["runbook"]), for: "team:ops.alerts", at: fixedTime())
        let report = AssessmentReport(assessment: assessment, catalog: composed.catalog, review: composed)
        XCTAssertEqual(report.improvementPlan.map(\.questionID), ["team:ops.alerts", "generation.event-rate"], "high risk before medium, whatever the pack")
        XCTAssertEqual(report.improvementPlan.first?.toImprove, ["Page."])
        let markdown = ReportRenderers.markdown(report)
        XCTAssertTrue(markdown.contains("## Improvement plan\n\n- **Gap** `team:ops.alerts` (Ops (team)): Alerts?<br>priority high, risk high<br>To improve: Page.\n"), markdown)
        let html = HTMLReportRenderer.render(report)
        XCTAssertTrue(html.contains("<tr><td>Team (<code>team</code>)</td><td class=\"gap\">1</td><td class=\"partial\">0</td><td>0</td><td>3</td><td>0</td></tr>"), html)
        XCTAssertEqual(report.riskPerPack.map(\.pack), ["fundamentals", "team"])
    }
}

/// What a new user found on reviews of several packs, on the core side.
final class PackReviewFindingsTests: XCTestCase {
    let book = builtInCatalog()

    func testAConflictOnAChoiceQuestionKeepsBothSidesChoicesInTheNote() throws {
        var base = Assessment(name: "R", catalog: book.reference, created: fixedTime())
        base.packs = [PackReference(PackLibrary.builtIn(catalog: book)[1])]
        var ours = base, theirs = base
        ours.answers["operational-readiness:cost_controls.unit_cost"] = Answer(status: .gap, choices: ["uc_no"])
        theirs.answers["operational-readiness:cost_controls.unit_cost"] = Answer(status: .addressed, choices: ["uc_owner_review", "uc_per_consumer"])
        let result = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs)
        let note = try XCTUnwrap(result.merged.answers["operational-readiness:cost_controls.unit_cost"]?.note)
        XCTAssertTrue(note.contains("<<<<<<< ours (status: gap, choices: uc_no)"), note)
        XCTAssertTrue(note.contains("======= theirs (status: addressed, choices: uc_owner_review, uc_per_consumer)"), note)
    }

    func testValidateUnderstandsPacksAndCatchesInconsistentChoices() throws {
        let directory = TemporaryDirectory()
        var assessment = Assessment(name: "R", catalog: book.reference, created: fixedTime())
        assessment.packs = [PackReference(PackLibrary.builtIn(catalog: book)[1]), PackReference(id: "ghost", version: "1", contentHash: "")]
        assessment.answers["operational-readiness:cost_controls.unit_cost"] = Answer(status: .addressed, choices: ["bogus", "uc_no", "uc_per_dataset"])
        assessment.answers["operational-readiness:cost_controls.tagging"] = Answer(status: .gap, choices: ["tag_schema"])
        let path = directory.write("r.json", bytes: assessment.canonicalBytes())
        let book = self.book
        let validator = DocumentValidator(catalog: book) { assessment, path in
            PackComposition.compose(assessment, book: book, library: PackLibrary(catalog: book, adding: []))
        }
        let report = validator.validate(path: path)
        XCTAssertTrue(report.isValid, "inconsistent answers still load: warnings")
        let warnings = report.warnings.joined(separator: "\n")
        XCTAssertTrue(warnings.contains("pack ghost version 1 is not found"), warnings)
        XCTAssertTrue(warnings.contains("\"bogus\" not a choice of this question"), warnings)
        XCTAssertTrue(warnings.contains("uc_no (none of these) is ticked with other choices"), warnings)
        XCTAssertTrue(warnings.contains("cost_controls.unit_cost\"].status: addressed, but its choices give risk"), warnings)
        XCTAssertFalse(warnings.contains("tagging\"].status"), "a status that follows its choices is fine")
        XCTAssertFalse(warnings.contains("not in this catalog"), "answers to a reviewed pack are not unknown")
    }

    func testDiffSaysWhenChoicesOrPacksChanged() {
        var before = Assessment(name: "R", catalog: book.reference, created: fixedTime())
        var after = before
        after.packs = [PackReference(PackLibrary.fundamentals(book)), PackReference(PackLibrary.builtIn(catalog: book)[1])]
        before.answers["generation.event-rate"] = Answer(status: .gap, note: "n")
        after.answers["generation.event-rate"] = Answer(status: .gap, note: "n")
        let diff = AssessmentDiff(left: DiffSide(label: "a", assessment: before), right: DiffSide(label: "b", assessment: after), catalog: book)
        XCTAssertEqual(diff.metadata.map(\.field), ["packs"])
        XCTAssertEqual(diff.metadata.first?.after, "fundamentals, operational-readiness")
        XCTAssertEqual(QuestionChange.Kind.detailsChanged.label, "details changed (note, reason, choices or plan fields)")
    }
}
