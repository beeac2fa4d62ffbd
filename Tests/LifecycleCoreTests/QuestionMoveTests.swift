import XCTest
@testable import LifecycleCore

/// A pack's moved questions: answers follow them, nothing is dropped, nothing becomes
/// more favourable by moving, and the old answers stay in a milestone.
final class QuestionMoveTests: XCTestCase {
    let book = builtInCatalog()

    private func pack(version: String, questions: [String], moves: [QuestionMove] = []) -> Pack {
        let area = CatalogArea(id: "ops", kind: .topic, title: "Ops", summary: "", whyItMatters: "", pitfalls: [],
                               questions: questions.map { Question(id: $0, text: $0 + "?", hint: "", tags: [], chapter: 0) })
        return Pack(id: "team", version: version, title: "Team", description: "", source: "", areas: [area], moves: moves)
    }

    func testVersionsCompareByNumberNotByText() {
        XCTAssertTrue(PackVersion.isOlder("1.9.2", than: "1.10.0"))
        XCTAssertTrue(PackVersion.isOlder("v9", than: "v10"))
        XCTAssertTrue(PackVersion.isOlder("1.0-rc2", than: "1.0-rc10"))
        XCTAssertTrue(PackVersion.isOlder("2024-9", than: "2024-10"))
        XCTAssertTrue(PackVersion.isOlder("1", than: "1.0.1"))
        XCTAssertFalse(PackVersion.isOlder("2.0", than: "2"))
        XCTAssertFalse(PackVersion.isOlder("2.1", than: "2.0.9"))
    }

    func testAnswersFollowRenamedMergedAndSplitQuestions() throws {
        let old = pack(version: "1", questions: ["ops.a", "ops.b", "ops.c", "ops.d", "ops.gone"])
        let new = pack(version: "2", questions: ["ops.alpha", "ops.bc", "ops.d1", "ops.d2", "ops.fresh"], moves: [
            QuestionMove(version: "2", from: ["ops.a"], to: ["ops.alpha"]),
            QuestionMove(version: "2", from: ["ops.b", "ops.c"], to: ["ops.bc"]),
            QuestionMove(version: "2", from: ["ops.d"], to: ["ops.d1", "ops.d2"]),
            QuestionMove(version: "2", from: [], to: ["ops.fresh"]),
            QuestionMove(version: "2", from: ["ops.gone"], to: []),
        ])
        XCTAssertEqual(new.moves.map(\.kind), [.renamed, .merged, .split, .added, .retired])
        var assessment = Assessment(name: "R", catalog: book.reference, created: fixedTime())
        assessment.packs = [PackReference(old)]
        assessment.answers = [
            "team:ops.a": Answer(status: .addressed, note: "as it is", choices: []),
            "team:ops.b": Answer(status: .addressed, note: "b is fine"),
            "team:ops.c": Answer(status: .gap, note: "c is not"),
            "team:ops.d": Answer(status: .partial, note: "half"),
            "team:ops.gone": Answer(status: .gap),
        ]
        let review = PackComposition.compose(assessment, book: book, library: PackLibrary(catalog: book, adding: [new]))
        XCTAssertTrue(PackUpgrade.isNeeded(review))
        let (upgraded, reports) = PackUpgrade.upgrade(assessment, review: review, at: fixedTime())

        XCTAssertEqual(upgraded.answers["team:ops.alpha"], assessment.answers["team:ops.a"], "renamed: the answer moves as it is")
        let merged = try XCTUnwrap(upgraded.answers["team:ops.bc"])
        XCTAssertEqual(merged.status, .gap, "merged: the least favourable status wins")
        XCTAssertEqual(merged.note, "[from ops.b, addressed] b is fine\n[from ops.c, gap] c is not")
        for id in ["team:ops.d1", "team:ops.d2"] {
            XCTAssertEqual(upgraded.answers[id]?.status, .unanswered, "split: each new question starts unanswered")
            XCTAssertEqual(upgraded.answers[id]?.note, "[from ops.d, partial] half", "and carries the old note")
        }
        XCTAssertNil(upgraded.answers["team:ops.a"])
        XCTAssertEqual(upgraded.answers["team:ops.gone"], assessment.answers["team:ops.gone"], "retired: kept, shown by id")
        XCTAssertEqual(upgraded.packs, [PackReference(new)])
        let milestone = try XCTUnwrap(upgraded.milestone(labelled: "before team 1"))
        XCTAssertEqual(milestone.answers, assessment.answers, "the old answers are frozen first")
        XCTAssertEqual(reports.first?.moved, ["team: renamed ops.a -> ops.alpha", "team: merged ops.b, ops.c -> ops.bc", "team: split ops.d -> ops.d1, ops.d2"])
        XCTAssertEqual(reports.first?.added, ["team:ops.fresh"])
        XCTAssertEqual(reports.first?.retired, ["team:ops.gone"])
        // Nothing became more favourable: no answered question improved by moving.
        XCTAssertFalse(upgraded.answers.values.contains { $0.status == .addressed && $0.note.contains("gap") })

        // Upgraded once: the review is current, nothing more to do.
        let again = PackComposition.compose(upgraded, book: book, library: PackLibrary(catalog: book, adding: [new]))
        XCTAssertFalse(PackUpgrade.isNeeded(again))
    }

    func testPackValidateChecksTheMoves() {
        let json = #"""
        {"id": "team", "version": "2", "title": "T", "areas": [{"id": "ops", "title": "O", "questions": [{"id": "ops.new", "text": "Q?"}, {"id": "ops.kept", "text": "K?"}]}],
         "moved": [{"version": "2", "from": ["ops.old"], "to": ["ops.new"]},
                   {"version": "3", "from": ["ops.x"], "to": ["ops.new"]},
                   {"version": "2", "from": ["ops.a", "ops.b"], "to": ["ops.new", "ops.kept"]},
                   {"version": "2", "from": ["ops.kept"], "to": ["ops.new"]},
                   {"version": "2", "from": ["ops.y"], "to": ["ops.nowhere"]}]}
        """#
        let errors = PackDecoder.read(bytes: Array(json.utf8)).errors.map(\.description)
        XCTAssertEqual(errors, [
            "$.moved[1].version: 3 is newer than the pack's version 2",
            "$.moved[2]: many to many is not a move: write it as a merge and a split",
            "$.moved[3].from: \"ops.kept\" is still a question of this pack; a moved or retired question's old id must be gone",
            "$.moved[4].to: \"ops.nowhere\" is not a question of this pack, nor moved on by a later version",
        ])
    }

    // What a hostile reviewer found in the first version of the moves.

    private func upgraded(_ answers: [String: Answer], from old: Pack, to new: Pack) -> (Assessment, [PackUpgradeReport]) {
        var assessment = Assessment(name: "R", catalog: book.reference, created: fixedTime())
        assessment.packs = [PackReference(old)]
        assessment.answers = answers
        let review = PackComposition.compose(assessment, book: book, library: PackLibrary(catalog: book, adding: [new]))
        return PackUpgrade.upgrade(assessment, review: review, at: fixedTime())
    }

    func testMovesChainAcrossVersionsAndValidate() throws {
        let v3 = pack(version: "3", questions: ["ops.c"], moves: [
            QuestionMove(version: "3", from: ["ops.b"], to: ["ops.c"]),
            QuestionMove(version: "2", from: ["ops.a"], to: ["ops.b"]),
        ])
        XCTAssertEqual(PackDecoder.read(bytes: PackEncoder.bytes(v3)).errors, [], "a -> b in 2, then b -> c in 3 is valid")
        let (result, _) = upgraded(["team:ops.a": Answer(status: .gap, note: "n")], from: pack(version: "1", questions: ["ops.a"]), to: v3)
        XCTAssertEqual(result.answers["team:ops.c"]?.status, .gap, "applied oldest first, whatever the list's order")
    }

    func testAMoveKeepsReasonsAndChoicesAndFitsTheQuestionItLandsOn() throws {
        var choiceQuestion = Question(id: "ops.pick", text: "Pick?", hint: "", tags: [], chapter: 0,
                                      choices: [QuestionChoice(id: "c1", text: "C1", plan: "p"), QuestionChoice(id: "c_no", text: "None", isNone: true)],
                                      riskRules: [RiskRule(condition: .choice("c1"), risk: .none), RiskRule(condition: .always, risk: .high)])
        choiceQuestion.isCore = false
        let area = CatalogArea(id: "ops", kind: .topic, title: "Ops", summary: "", whyItMatters: "", pitfalls: [],
                               questions: [choiceQuestion, Question(id: "ops.s1", text: "S1?", hint: "", tags: [], chapter: 0),
                                           Question(id: "ops.s2", text: "S2?", hint: "", tags: [], chapter: 0)])
        let new = Pack(id: "team", version: "2", title: "Team", description: "", source: "", areas: [area], moves: [
            QuestionMove(version: "2", from: ["ops.status"], to: ["ops.pick"]),
            QuestionMove(version: "2", from: ["ops.na"], to: ["ops.s1", "ops.s2"]),
        ])
        let (result, _) = upgraded([
            "team:ops.status": Answer(status: .addressed, note: "fine"),
            "team:ops.na": Answer(status: .notApplicable, reason: "no streaming here", choices: ["x1"]),
        ], from: pack(version: "1", questions: ["ops.status", "ops.na"]), to: new)
        let picked = try XCTUnwrap(result.answers["team:ops.pick"])
        XCTAssertEqual(picked.status, .unanswered, "a choice question's status comes from its choices, and none were ticked")
        XCTAssertTrue(picked.note.contains("[was addressed before the move; tick the choices that apply]"), picked.note)
        XCTAssertEqual(result.answers["team:ops.s1"]?.note, "[from ops.na, not applicable: no streaming here; choices x1]", "the reason and choices travel")
    }

    func testAMilestoneLabelInUseGetsASuffixAndTheOldAnswersAreKept() throws {
        var assessment = Assessment(name: "R", catalog: book.reference, created: fixedTime())
        let old = pack(version: "1", questions: ["ops.a"])
        assessment.packs = [PackReference(old)]
        try assessment.addMilestone(label: "before team 1", at: fixedTime())
        assessment.answers["team:ops.a"] = Answer(status: .gap)
        let new = pack(version: "2", questions: ["ops.b"], moves: [QuestionMove(version: "2", from: ["ops.a"], to: ["ops.b"])])
        let review = PackComposition.compose(assessment, book: book, library: PackLibrary(catalog: book, adding: [new]))
        let (result, reports) = PackUpgrade.upgrade(assessment, review: review, at: fixedTime())
        XCTAssertEqual(reports.first?.milestone, "before team 1 (2)")
        XCTAssertEqual(result.milestone(labelled: "before team 1 (2)")?.answers["team:ops.a"]?.status, .gap)
    }

    func testANewVersionThatMovedNothingNeedsNoUpgrade() {
        var assessment = Assessment(name: "R", catalog: book.reference, created: fixedTime())
        assessment.packs = [PackReference(pack(version: "1", questions: ["ops.a"]))]
        let review = PackComposition.compose(assessment, book: book, library: PackLibrary(catalog: book, adding: [pack(version: "2", questions: ["ops.a"])]))
        XCTAssertFalse(PackUpgrade.isNeeded(review))
        XCTAssertEqual(PackUpgrade.upgrade(assessment, review: review, at: fixedTime()).1, [])
    }
}
