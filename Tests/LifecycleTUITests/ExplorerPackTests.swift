import Foundation
import XCTest
@testable import LifecycleCore
@testable import LifecycleTUI

/// An assessment reviewing the book's pack and a team pack with a choices question: the
/// sidebar groups by pack, Space opens the checklist, the status follows the risk.
enum PackFixture {
    static let team: Pack = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        let bytes = [UInt8](FileManager.default.contents(atPath: url.path + "/Fixtures/packs/team.pack.json")!)
        return PackDecoder.read(bytes: bytes).pack!
    }()

    static func state(catalog book: Catalog, width: Int = 80, height: Int = 24, answers: [String: Answer] = [:], now: Timestamp) -> AppState {
        var assessment = Assessment(name: "Tidewater Freight", maturity: "scaling", catalog: book.reference, created: now)
        assessment.packs = [PackReference(PackLibrary.fundamentals(book)), PackReference(team)]
        for (id, answer) in answers { assessment.setAnswer(answer, for: id, at: now) }
        let review = PackComposition.compose(assessment, book: book, library: PackLibrary(catalog: book, adding: [team]))
        let loaded = LoadedAssessment(assessment: assessment, path: "/w/tidewater.json", fingerprint: FileFingerprint(bytes: assessment.canonicalBytes()))
        var state = AppState(catalog: book, mode: .start(StartScreenState(workspaceDirectory: "/w", entries: [])), width: width, height: height)
        state.showExplorer(OpenDocument(loaded: loaded, review: review), fromStartScreen: false)
        return state
    }
}

final class ExplorerPackTests: XCTestCase {
    private func press(_ state: inout AppState, _ keys: Key...) {
        for key in keys { _ = state.update(.key(key), now: fixedMoment) }
    }

    /// Puts the cursor on the team pack's choices question.
    private func onAlerts(_ state: inout AppState) {
        let index = state.explorer!.catalog.areas.firstIndex { $0.id == "team:ops" }!
        press(&state, .character("h"))
        for _ in 0..<(index - state.explorer!.areaIndex) { press(&state, .character("j")) }
        press(&state, .character("l"))
        XCTAssertEqual(state.explorer?.currentQuestionID, "team:ops.alerts")
    }

    func testTheSidebarExpandsThePackOfTheCurrentAreaAndFoldsTheOthers() {
        var state = PackFixture.state(catalog: catalog, now: fixedTime())
        var text = state.render().text
        XCTAssertTrue(text.contains(" LIFECYCLE"), text)
        XCTAssertTrue(text.contains("▸ team"), "the other pack is one line")
        onAlerts(&state)
        text = state.render().text
        XCTAssertTrue(text.contains("▸ fundamentals"), text)
        XCTAssertTrue(text.contains(" TEAM"), text)
        XCTAssertFalse(text.contains("UNDERCURRENTS"), "the book's pack is folded")
        // Digits count within the current pack: 2 is the team's second area.
        press(&state, .character("2"))
        XCTAssertEqual(state.explorer?.currentArea.id, "team:cost")
    }

    func testSpaceTicksChoicesAndTheStatusFollowsTheRisk() throws {
        var state = PackFixture.state(catalog: catalog, now: fixedTime())
        onAlerts(&state)
        press(&state, .character("a"))
        XCTAssertTrue(state.render().text.contains("answered by choices: Space opens its checklist"))
        XCTAssertEqual(state.explorer?.assessment.status(of: "team:ops.alerts"), .unanswered)

        press(&state, .character(" "))
        guard case .checklist = state.explorer?.overlay else { return XCTFail("no checklist") }
        XCTAssertTrue(state.render().text.contains("Risk: unanswered (nothing ticked)"))
        press(&state, .character(" "))  // paged
        XCTAssertTrue(state.render().text.contains("Risk: ▲ medium"), state.render().text)
        press(&state, .character("j"), .character(" "))  // runbook
        XCTAssertTrue(state.render().text.contains("Risk: · none"))
        press(&state, .character("j"), .character(" "))  // none of these clears the others
        guard case .checklist(let list) = state.explorer?.overlay else { return XCTFail() }
        XCTAssertEqual(list.selected, ["alerts_no"])
        press(&state, .character("k"), .character(" "))  // and a choice clears none of these
        guard case .checklist(let again) = state.explorer?.overlay else { return XCTFail() }
        XCTAssertEqual(again.selected, ["runbook"])
        press(&state, .escape)
        let explorer = try XCTUnwrap(state.explorer)
        XCTAssertNil(explorer.overlay)
        XCTAssertEqual(explorer.assessment.answer(for: "team:ops.alerts").choices, ["runbook"])
        XCTAssertEqual(explorer.assessment.status(of: "team:ops.alerts"), .gap, "runbook alone: the default rule, high")
        XCTAssertEqual(explorer.document.saveState, .pending)

        // The counts moved incrementally; a full recount agrees.
        let recount = explorer.catalog.areas.map { explorer.assessment.progress(of: $0) }
        XCTAssertEqual(explorer.areaProgress, recount)
        XCTAssertEqual(explorer.overallProgress, recount.reduce(Progress(), +))

        press(&state, .character("U"))
        XCTAssertEqual(state.explorer?.assessment.answer(for: "team:ops.alerts").choices, [], "undo takes the ticks back")
        press(&state, .control("r"))
        XCTAssertEqual(state.explorer?.assessment.answer(for: "team:ops.alerts").choices, ["runbook"], "redo puts them back")
        press(&state, .character("u"))
        XCTAssertEqual(state.explorer?.assessment.answer(for: "team:ops.alerts").choices, [], "u clears the choices")
        XCTAssertEqual(state.explorer?.assessment.status(of: "team:ops.alerts"), .unanswered)
    }

    func testTheDetailPaneShowsTheChoicesTheRiskAndWhatToImprove() {
        var state = PackFixture.state(catalog: catalog, width: 120, height: 40,
                                      answers: ["team:ops.alerts": Answer(status: .partial, choices: ["paged"])], now: fixedTime())
        onAlerts(&state)
        let text = state.render().text
        XCTAssertTrue(text.contains("Risk: ▲ medium"), text)
        XCTAssertTrue(text.contains("[✓] The owning team is paged"), text)
        XCTAssertTrue(text.contains("[ ] Each alert links a runbook"), text)
        XCTAssertTrue(text.contains("- Link a runbook from every alert."), text)
        XCTAssertFalse(text.contains("Route pipeline failures"), "a ticked practice needs no plan")
        XCTAssertTrue(text.contains("More: Alerting guide https://example.org/alerting"), text)
    }

    func testQuittingWithTheChecklistOpenKeepsTheTicks() {
        var state = PackFixture.state(catalog: catalog, now: fixedTime())
        onAlerts(&state)
        press(&state, .character(" "), .character(" "))
        if case .explorer(var explorer) = state.mode {
            explorer.commitOpenEditor(now: fixedTime())
            XCTAssertEqual(explorer.assessment.answer(for: "team:ops.alerts").choices, ["paged"])
            XCTAssertNil(explorer.overlay)
        }
    }
}

/// What a new user found on reviews of several packs.
final class ExplorerPackReviewTests: XCTestCase {
    private func onlyReadiness() -> AppState {
        var assessment = Assessment(name: "Ops", catalog: catalog.reference, created: fixedTime())
        let readiness = PackLibrary.builtIn(catalog: catalog)[1]
        assessment.packs = [PackReference(readiness)]
        let review = PackComposition.compose(assessment, book: catalog, library: PackLibrary(catalog: catalog, adding: []))
        let loaded = LoadedAssessment(assessment: assessment, path: "/w/ops.json", fingerprint: FileFingerprint(bytes: []))
        var state = AppState(catalog: catalog, mode: .start(StartScreenState(workspaceDirectory: "/w", entries: [])), width: 80, height: 24)
        state.showExplorer(OpenDocument(loaded: loaded, review: review), fromStartScreen: false)
        return state
    }

    func testTheHeatMapSaysItIsTheBooksWhenTheBookIsNotReviewed() {
        var state = onlyReadiness()
        _ = state.update(.key(.character("o")), now: fixedMoment)
        XCTAssertNil(state.explorer?.overlay)
        XCTAssertTrue(state.render().text.contains("the heat map is the book's stages x undercurrents"), state.render().text)
        XCTAssertTrue(state.render().text.contains(" OPERATIONAL-READINESS"), "one pack: its own heading, not LIFECYCLE")
        XCTAssertFalse(state.render().text.contains("LIFECYCLE"))
    }

    func testClosingTheChecklistWithoutTickingChangesNothing() {
        var state = onlyReadiness()
        for key: Key in [.character("-")] + "why".map({ .character($0) }) + [.enter, .character(" "), .escape] {
            _ = state.update(.key(key), now: fixedMoment)
        }
        let answer = state.explorer!.assessment.answer(for: state.explorer!.currentQuestionID!)
        XCTAssertEqual(answer.status, .notApplicable)
        XCTAssertEqual(answer.reason, "why")
    }

    func testSearchFindsAChoicesText() {
        var state = onlyReadiness()
        for key: Key in [.character("/")] + "thousand".map({ .character($0) }) { _ = state.update(.key(key), now: fixedMoment) }
        guard case .search(let search) = state.explorer?.overlay else { return XCTFail() }
        XCTAssertFalse(search.results.isEmpty, "a practice named only in a choice is found")
    }
}

/// Choosing packs: the last step of a new assessment, and `+` in the explorer.
final class PackChoosingTests: XCTestCase {
    private let choices = PackLibrary.builtIn(catalog: catalog).map(PackChoice.init)

    func testANewAssessmentAsksWhichPacksToReview() {
        var state = AppState(catalog: catalog, mode: .start(StartScreenState(workspaceDirectory: "/w", entries: [], availablePacks: choices)),
                             width: 80, height: 24)
        var effects: [Effect] = []
        for key: Key in [.character("n")] + "Harbour".map({ .character($0) }) + [.enter, .enter] {
            effects += state.update(.key(key), now: fixedMoment)
        }
        XCTAssertTrue(state.render().text.contains("Packs to review in Harbour"), state.render().text)
        XCTAssertTrue(state.render().text.contains("[✓] Data engineering lifecycle review (fundamentals, 144 questions)"))
        effects += state.update(.key(.character(" ")), now: fixedMoment)
        guard case .start(let first) = state.mode, case .packs(_, _, let one) = first.prompt else { return XCTFail() }
        XCTAssertEqual(one.selected, ["fundamentals"], "the last ticked pack cannot be unticked")
        for key: Key in [.character("j"), .character(" "), .character("k"), .character(" ")] { effects += state.update(.key(key), now: fixedMoment) }
        guard case .start(let start) = state.mode, case .packs(_, _, let list) = start.prompt else { return XCTFail() }
        XCTAssertEqual(list.selected, ["operational-readiness"], "once another is ticked, the first can go")
        effects += state.update(.key(.enter), now: fixedMoment)
        XCTAssertEqual(effects, [.createAssessment(path: "/w/harbour.json", name: "Harbour", maturity: nil, packs: ["operational-readiness"])])
    }

    func testPlusChangesThePacksReviewedAndKeepsTheAnswers() throws {
        var state = PackFixture.state(catalog: catalog, answers: ["team:ops.alerts": Answer(status: .gap, choices: ["alerts_no"])], now: fixedTime())
        XCTAssertEqual(state.update(.key(.character("+")), now: fixedMoment), [.listPacks])
        _ = state.receive(.packsListed(choices + [PackChoice(PackFixture.team)]), now: fixedMoment)
        guard case .packPicker(let list) = state.explorer?.overlay else { return XCTFail("no picker") }
        XCTAssertEqual(list.selected, ["fundamentals", "team"])
        // Untick the team pack, tick operational readiness.
        var effects: [Effect] = []
        for key: Key in [.character("j"), .character(" "), .character("j"), .character(" "), .enter] {
            effects += state.update(.key(key), now: fixedMoment)
        }
        XCTAssertEqual(effects, [.changePacks(["fundamentals", "operational-readiness"])])
        var assessment = state.explorer!.assessment
        assessment.packs = [PackReference(PackLibrary.fundamentals(catalog)), PackReference(PackLibrary.builtIn(catalog: catalog)[1])]
        let review = PackComposition.compose(assessment, book: catalog, library: PackLibrary(catalog: catalog, adding: []))
        XCTAssertEqual(state.receive(.packsChanged(packs: assessment.packs, review: review), now: fixedMoment), [.save])
        let explorer = try XCTUnwrap(state.explorer)
        XCTAssertEqual(explorer.assessment.packIDs, ["fundamentals", "operational-readiness"])
        XCTAssertNotNil(explorer.catalog.question(id: "operational-readiness:cost_controls.unit_cost"))
        XCTAssertNil(explorer.catalog.question(id: "team:ops.alerts"))
        XCTAssertEqual(explorer.assessment.answer(for: "team:ops.alerts").choices, ["alerts_no"], "the team pack's answer is kept")
        XCTAssertTrue(state.render().text.contains("now reviewing fundamentals, operational-readiness"), state.render().text)

        // Back to the book alone: recorded as no packs, a version-1 file again.
        let book = PackComposition.compose(Assessment(name: "x", catalog: catalog.reference), book: catalog, library: PackLibrary(catalog: catalog, adding: []))
        _ = state.receive(.packsChanged(packs: [PackReference(PackLibrary.fundamentals(catalog))], review: book), now: fixedMoment)
        XCTAssertEqual(state.explorer?.assessment.packs, [])
    }

    func testThePickerChangesNothingWhenNothingWasTickedAndKeepsPacksItCouldNotShow() {
        var state = PackFixture.state(catalog: catalog, now: fixedTime())
        if case .explorer(var explorer) = state.mode {
            explorer.document.assessment.packs.append(PackReference(id: "ghost", version: "1", contentHash: ""))
            state.mode = .explorer(explorer)
        }
        _ = state.update(.key(.character("+")), now: fixedMoment)
        _ = state.receive(.packsListed([PackChoice(PackFixture.team), PackChoice(PackLibrary.fundamentals(catalog))]), now: fixedMoment)
        XCTAssertEqual(state.update(.key(.enter), now: fixedMoment), [], "the same packs in another order are no change")
        _ = state.update(.key(.character("+")), now: fixedMoment)
        _ = state.receive(.packsListed([PackChoice(PackFixture.team), PackChoice(PackLibrary.fundamentals(catalog))]), now: fixedMoment)
        var effects: [Effect] = []
        for key: Key in [.character(" "), .enter] { effects += state.update(.key(key), now: fixedMoment) }
        XCTAssertEqual(effects, [.changePacks(["fundamentals", "ghost"])], "the pack not found stays, in its place")
    }

    func testAnAreaWithoutGuidanceShowsNoEmptyHeadings() {
        var state = PackFixture.state(catalog: catalog, width: 120, height: 40, now: fixedTime())
        let index = state.explorer!.catalog.areas.firstIndex { $0.id == "team:ops" }!
        _ = state.update(.key(.character("h")), now: fixedMoment)
        for _ in 0..<(index - state.explorer!.areaIndex) { _ = state.update(.key(.character("j")), now: fixedMoment) }
        let text = state.render().text
        XCTAssertTrue(text.contains("Operations · topic · 2 questions"), text)
        XCTAssertFalse(text.contains("Why it matters"), text)
        XCTAssertFalse(text.contains("Pitfalls"), text)
    }
}
