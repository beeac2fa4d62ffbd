import Foundation
import XCTest
@testable import LifecycleCore
@testable import LifecycleTUI

/// Every screen and overlay at 80x24, 120x40 and the 60x16 minimum, as golden snapshots
/// (text, and the style layers with colour and with NO_COLOR; see SnapshotSupport).
final class ScreenSnapshotTests: XCTestCase {
    let catalog = Snapshot.catalog
    let now = Moment(timestamp: Timestamp("2026-11-27T10:00:00Z")!, localTime: "12:04:31")
    static let sizes = [(80, 24), (120, 40), (60, 16)]

    private func assessment() -> Assessment {
        var assessment = Assessment(name: "Tidewater Freight", reviewers: ["Ana", "Bo"], maturity: "scaling",
                                    catalog: catalog.reference, created: now.timestamp)
        let answers: [(String, Answer)] = [
            ("generation.source-kind", Answer(status: .addressed, note: "Postgres (orders team) and a Kafka topic (fleet).")),
            ("generation.persistence", Answer(status: .gap, note: "Nobody knows how long the topic keeps events.\nAsk the fleet team.")),
            ("generation.event-rate", Answer(status: .partial)),
            ("storage.read-write-speed", Answer(status: .notApplicable, reason: "No storage of our own yet")),
            ("security.least-privilege", Answer(status: .gap, note: "Everyone has admin on the warehouse.")),
        ]
        for (id, answer) in answers { assessment.setAnswer(answer, for: id, at: now.timestamp) }
        // The plan fields of two findings, one of them overdue on the snapshots' day.
        var persistence = assessment.answer(for: "generation.persistence")
        persistence.owner = "Fleet team"
        persistence.due = CalendarDate("2026-11-20")
        persistence.evidence = [Evidence(kind: .ticket, ref: "TWF-412"), Evidence(kind: .url, ref: "https://wiki.example.com/topics", label: "Topic settings")]
        assessment.setAnswer(persistence, for: "generation.persistence", at: now.timestamp)
        var privilege = assessment.answer(for: "security.least-privilege")
        privilege.owner = "@platform"
        privilege.due = CalendarDate("2027-01-15")
        privilege.priority = .high
        assessment.setAnswer(privilege, for: "security.least-privilege", at: now.timestamp)
        return assessment
    }

    private func explorer(_ width: Int, _ height: Int) -> AppState {
        let loaded = LoadedAssessment(assessment: assessment(), path: "/w/tidewater-freight.json",
                                      fingerprint: FileFingerprint(bytes: assessment().canonicalBytes()))
        var state = AppState(catalog: catalog, mode: .start(StartScreenState(workspaceDirectory: "/w", entries: [])),
                             width: width, height: height)
        state.showExplorer(OpenDocument(loaded: loaded), fromStartScreen: false)
        return state
    }

    private func start(_ width: Int, _ height: Int) -> AppState {
        let entries = [
            WorkspaceEntry(path: "/w/tidewater-freight.json", name: "Tidewater Freight", progress: assessment().overallProgress(in: catalog),
                           lastChange: "2026-11-27 10:00"),
            WorkspaceEntry(path: "/w/broken.json", name: "broken.json", progress: Progress(), lastChange: "",
                           problem: "/w/broken.json:1:1: the file is empty"),
        ]
        return AppState(catalog: catalog, mode: .start(StartScreenState(workspaceDirectory: "/w", entries: entries)), width: width, height: height)
    }

    private func pressing(_ state: AppState, _ keys: [Key]) -> AppState {
        var state = state
        for key in keys { _ = state.update(.key(key), now: now) }
        return state
    }

    private func receiving(_ state: AppState, _ report: RuntimeReport) -> AppState {
        var state = state
        _ = state.receive(report, now: now)
        return state
    }

    /// The packs step of a new assessment, the book's and the team's packs on offer.
    private func startWithPacks(_ width: Int, _ height: Int) -> AppState {
        var state = start(width, height)
        if case .start(var screen) = state.mode {
            screen.availablePacks = [PackChoice(PackLibrary.fundamentals(catalog)), PackChoice(PackFixture.team)]
            state.mode = .start(screen)
        }
        return pressing(state, [.character("n")] + "Harbour".map { .character($0) } + [.enter, .enter])
    }

    /// The book's pack and a team pack, on the team pack's question answered by choices.
    private func packs(_ width: Int, _ height: Int) -> AppState {
        var state = PackFixture.state(catalog: catalog, width: width, height: height,
                                      answers: ["generation.source-kind": Answer(status: .gap)], now: now.timestamp)
        let index = state.explorer!.catalog.areas.firstIndex { $0.id == "team:ops" }!
        state = pressing(state, [.character("h")] + Array(repeating: .character("j"), count: index - state.explorer!.areaIndex) + [.character("l")])
        return state
    }

    /// (name, state) for every screen and overlay at one size.
    private func screens(_ width: Int, _ height: Int) -> [(String, AppState)] {
        let base = explorer(width, height)
        var theirs = assessment()
        theirs.setStatus(.partial, for: "generation.output-consistency", at: now.timestamp)
        let theirsLoaded = LoadedAssessment(assessment: theirs, path: "/w/tidewater-freight.json", fingerprint: FileFingerprint(bytes: []))
        let conflicted = receiving(pressing(base, [.character("x")]),
                                   .saveFinished(.conflict(theirs: theirsLoaded, questionIDs: ["generation.output-consistency"])))
        let withMilestone = pressing(base, [.character("m"), .enter, .character("a"), .character("j"), .character("x"), .character("D")])
        let candidates = [WorkspaceEntry(path: "/w/harbour.json", name: "Harbour analytics", progress: Progress(), lastChange: "2026-11-20 09:12")]
        let picker = receiving(withMilestone, .compareCandidates(candidates))
        return [
            ("explorer", base),
            ("explorer-areas", pressing(base, [.character("h")])),
            ("explorer-list-only", pressing(base, [.character("z")])),
            ("explorer-filter", pressing(base, [.character("f"), .character("f")])),
            ("help", pressing(base, [.character("?")])),
            ("search", pressing(base, [.character("/")] + "fleet".map { .character($0) })),
            ("overview", pressing(base, [.character("o")])),
            ("note-editor", pressing(base, [.enter] + "Kafka keeps 7 days".map { .character($0) })),
            ("reason-prompt", pressing(base, [.character("-")])),
            ("milestone-prompt", pressing(base, [.character("m")])),
            ("conflict", conflicted),
            ("compare-picker", picker),
            ("comparison", pressing(picker, [.enter])),
            ("findings", pressing(base, [.character("P"), .character("j")])),
            ("plan-due-prompt", pressing(base, [.character("P"), .character("d"), .control("u")] + "2026-02-30\n".map { $0 == "\n" ? Key.enter : .character($0) })),
            ("packs", packs(width, height)),
            ("checklist", pressing(packs(width, height), [.character(" "), .character(" "), .character("j")])),
            ("start", start(width, height)),
            ("start-new", pressing(start(width, height), [.character("n")] + "Harbour".map { .character($0) })),
            ("start-maturity", pressing(start(width, height), [.character("n")] + "Harbour".map { .character($0) } + [.enter])),
            ("start-help", pressing(start(width, height), [.character("?")])),
            ("start-packs", startWithPacks(width, height)),
            ("pack-picker", receiving(pressing(packs(width, height), [.character("+")]),
                                      .packsListed(PackLibrary.builtIn(catalog: catalog).map(PackChoice.init) + [PackChoice(PackFixture.team)]))),
        ]
    }

    func testEveryScreenAndOverlayMatchesItsSnapshot() {
        for (width, height) in ScreenSnapshotTests.sizes {
            for (name, state) in screens(width, height) {
                Snapshot.assert(state.render(), named: "\(name)-\(width)x\(height)")
            }
        }
        Snapshot.assert(explorer(40, 10).render(), named: "too-small-40x10")
        // The wide layout: the detail pane beside the list, the list keeping most of the width.
        Snapshot.assert(explorer(200, 50).render(), named: "explorer-200x50")
        var ascii = explorer(80, 24)
        ascii.asciiOnly = true
        ascii.showExplorer(ascii.explorer!.document, fromStartScreen: false)
        Snapshot.assert(ascii.render(), named: "explorer-ascii-80x24")
    }

    /// A snapshot test that cannot fail proves nothing: one changed cell must fail it.
    func testAOneCellChangeIsCaught() {
        var screen = explorer(80, 24).render()
        let golden = Snapshot.render(screen, name: "x")
        screen[5, 5] = Cell("#", style: Style(.gap))
        XCTAssertNotEqual(Snapshot.render(screen, name: "x"), golden)
        var restyled = explorer(80, 24).render()
        restyled[5, 5].style = Style(.gap, bold: true)
        XCTAssertNotEqual(Snapshot.render(restyled, name: "x"), golden, "a style change alone is caught too")
    }
}
