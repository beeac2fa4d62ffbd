import XCTest
@testable import LifecycleCore
@testable import LifecycleTUI

final class ExplorerOverlayTests: XCTestCase {
    func testSearchFindsQuestionsByTextHintAndTagAndJumpsToThem() {
        var driver = Driver()
        driver.press(.char("/"))
        driver.type("idempotent")
        guard case .search(let search) = driver.explorer.overlay else { return XCTFail("search not open") }
        XCTAssertTrue(search.results.contains("ingestion.idempotent-loads"))
        XCTAssertTrue(search.results.contains("generation.duplicates"), "matches tags too")
        XCTAssertTrue(driver.text.contains("\(search.results.count) matches"))
        let target = search.results[1]
        driver.press(.down, .enter)
        XCTAssertNil(driver.explorer.overlay)
        XCTAssertEqual(driver.explorer.currentQuestionID, target)
        XCTAssertEqual(driver.explorer.focus, .questions)
        driver.press(.char("n"))
        XCTAssertEqual(driver.explorer.currentQuestionID, search.results[2])
        XCTAssertTrue(driver.screen.line(23).contains("/idempotent: 3 of"), driver.screen.line(23))
        driver.press(.char("N"), .char("N"))
        XCTAssertEqual(driver.explorer.currentQuestionID, search.results[0])
    }

    func testSearchIsCaseAndAccentInsensitiveAndMatchesAllWords() {
        XCTAssertEqual(QuestionSearch.matches("RÉVERSE etl", in: catalog), ["serving.reverse-etl", "serving.feedback-loops"].filter { id in
            let question = catalog.question(id: id)!
            let text = ([question.text, question.hint] + question.tags).joined(separator: " ").lowercased()
            return text.contains("reverse") && text.contains("etl")
        })
        XCTAssertEqual(QuestionSearch.matches("zzz-no-such-thing", in: catalog), [])
    }

    func testFiltersCycleAndShowOnlyMatchingQuestions() {
        let answers = [
            "generation.source-kind": Answer(status: .addressed),
            "generation.persistence": Answer(status: .gap),
            "generation.event-rate": Answer(status: .partial, note: "peak?"),
        ]
        var driver = Driver(answers: answers)
        driver.press(.char("f"))
        XCTAssertEqual(driver.explorer.filter, .unanswered)
        XCTAssertEqual(driver.explorer.listedQuestionIDs.count, 15)
        XCTAssertTrue(driver.screen.line(1).contains("filter: unanswered"))
        driver.press(.char("f"))
        XCTAssertEqual(driver.explorer.listedQuestionIDs, ["generation.persistence", "generation.event-rate"])
        driver.press(.char("f"))
        XCTAssertEqual(driver.explorer.filter, .highRisk)
        XCTAssertEqual(driver.explorer.listedQuestionIDs, ["generation.persistence"], "high risk: the gaps")
        driver.press(.char("f"))
        XCTAssertEqual(driver.explorer.listedQuestionIDs, ["generation.event-rate"])
        driver.press(.char("f"))
        XCTAssertEqual(driver.explorer.filter, .core)
        XCTAssertTrue(driver.explorer.listedQuestionIDs.allSatisfy { catalog.question(id: $0)?.isCore == true })
        XCTAssertTrue(driver.explorer.listedQuestionIDs.contains("generation.source-kind"))
        driver.press(.char("f"))
        XCTAssertEqual(driver.explorer.filter, .overdue)
        XCTAssertEqual(driver.explorer.listedQuestionIDs, [], "no due dates, nothing overdue")
        driver.press(.char("f"))
        XCTAssertEqual(driver.explorer.filter, .noOwner)
        XCTAssertEqual(driver.explorer.listedQuestionIDs, ["generation.persistence", "generation.event-rate"], "open findings nobody owns")
        driver.press(.char("f"), .char("f"), .char("f"), .char("f"), .char("f"))  // all, unanswered, gaps, high risk, notes
        driver.press(.char("2"))
        XCTAssertTrue(driver.text.contains("No question matches \"with notes\""))
        driver.press(.escape)
        XCTAssertEqual(driver.explorer.filter, .all)
    }

    func testOverviewShowsTheMatrixAndEnterListsACellsQuestions() {
        var driver = Driver(answers: ["security.encryption-at-rest": Answer(status: .gap)])
        driver.press(.char("o"))
        let text = driver.text
        XCTAssertTrue(text.contains("Overview · stage × undercurrent"))
        for stage in catalog.stages { XCTAssertTrue(text.contains(stage.title), stage.title) }
        let generationRow = driver.screen.line(driver.screen.row(containing: "│Generation")!)
        XCTAssertTrue(generationRow.contains("1/4 1✗"), generationRow)
        // Gaps are drawn in the gap colour, not in a shade of the map.
        let screen = driver.screen
        let row = screen.row(containing: "│Generation")!
        let gapColumn = (0..<screen.width).first { screen[row, $0].text == "✗" }!
        XCTAssertEqual(screen[row, gapColumn].style.role, .gap)
        XCTAssertTrue(text.contains("shade: share answered"), "a legend")
        XCTAssertTrue(text.contains("Generation × Security"))
        XCTAssertTrue(text.contains("Encryption of source data at rest and in transit"))
        driver.press(.char("l"), .char("j"), .enter)
        XCTAssertEqual(driver.explorer.source, .cell(stage: "storage", undercurrent: "data-management"))
        XCTAssertTrue(driver.screen.line(1).contains("Storage × Data management"), driver.screen.line(1))
        XCTAssertEqual(driver.explorer.listedQuestionIDs, catalog.cell(stage: "storage", undercurrent: "data-management")!.questionIDs)
        driver.press(.escape)
        XCTAssertEqual(driver.explorer.source, .area(driver.explorer.areaIndex))
    }

    func testASmallWindowShowsAMessageAndRecoversOnResize() {
        var driver = Driver()
        driver.resize(40, 10)
        XCTAssertTrue(driver.text.contains("Window too small"))
        XCTAssertTrue(driver.text.contains("40×10: needs at least 60×16"))
        XCTAssertEqual(driver.press(.char("x")), [], "keys other than q do nothing while too small")
        driver.resize(80, 24)
        XCTAssertTrue(driver.text.contains("Generation · 1 of 18"))
        for (width, height) in [(1, 1), (0, 0), (20, 5), (60, 16), (200, 60), (61, 17)] {
            driver.resize(width, height)
            let screen = driver.screen
            XCTAssertEqual(screen.width, width)
            XCTAssertEqual(screen.height, height)
        }
        driver.resize(10, 3)
        XCTAssertEqual(driver.press(.char("q")), [.quit(status: 0)])
    }

    func testWideCharactersKeepColumnsAligned() {
        let note = "日本語のメモ 😀 café"
        var driver = Driver(name: "データ基盤 🚀 Plattform", answers: ["generation.source-kind": Answer(status: .gap, note: note)])
        driver.press(.char("g"))
        let screen = driver.screen
        // The sidebar's right border sits in the same column on every body row.
        for row in 1..<23 {
            XCTAssertEqual(screen[row, 33].text, "│", "row \(row): \(screen.line(row))")
        }
        XCTAssertTrue(screen.line(0).hasPrefix(" データ基盤 🚀 Plattform · Scaling"), screen.line(0))
        XCTAssertTrue(driver.text.contains(note))
        driver.press(.enter)
        driver.type("漢字")
        XCTAssertTrue(driver.text.contains(note + "漢字"))
    }

    func testEscapeSequencesFromTheFileAreShownNotSent() {
        let hostileNote = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m"
        var driver = Driver(name: "Evil\u{1B}[31m", answers: ["generation.source-kind": Answer(status: .gap, note: hostileNote, reason: "\u{1B}c")])
        driver.press(.char("g"))
        let screen = driver.screen
        for cell in screen.cells {
            XCTAssertFalse(cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "raw control in \(cell.text.debugDescription)")
        }
        XCTAssertTrue(screen.line(0).contains("Evil^[[31m"))
        XCTAssertTrue(driver.text.contains("^[]0;pwned^G^[[2J<U+009B>31m"))
    }

    func testASCIIModeUsesOnlyASCIIMarks() {
        let driver = Driver(answers: ["generation.source-kind": Answer(status: .addressed), "generation.persistence": Answer(status: .gap, note: "x")], ascii: true)
        let text = driver.text
        XCTAssertTrue(text.contains("[+]"))
        XCTAssertTrue(text.contains("[!] *"))
        XCTAssertFalse(text.contains("✓"))
    }

    func testTheStartScreenListsAssessmentsAndWalksTheNewAssessmentPrompt() {
        var progress = Progress()
        progress.total = 138
        progress.count(.gap)
        let entries = [
            WorkspaceEntry(path: "/w/a.json", name: "Alpha platform", progress: progress, lastChange: "2026-11-27 10:00"),
            WorkspaceEntry(path: "/w/b.json", name: "b.json", progress: Progress(), lastChange: "", problem: "/w/b.json:1:1: unexpected"),
        ]
        var state = AppState(catalog: catalog, mode: .start(StartScreenState(workspaceDirectory: "/w", entries: entries)), width: 80, height: 24)
        var text = state.render().text
        XCTAssertTrue(text.contains("Workspace: /w"))
        XCTAssertTrue(text.contains("Alpha platform"))
        XCTAssertTrue(text.contains("cannot open: /w/b.json:1:1"))
        XCTAssertEqual(state.update(.key(.enter), now: fixedMoment), [.openAssessment(path: "/w/a.json")])
        _ = state.update(.key(.character("j")), now: fixedMoment)
        XCTAssertEqual(state.update(.key(.enter), now: fixedMoment), [], "a broken file does not open")
        _ = state.update(.key(.character("n")), now: fixedMoment)
        for character in "Payments" { _ = state.update(.key(.character(character)), now: fixedMoment) }
        text = state.render().text
        XCTAssertTrue(text.contains("System under review: Payments"))
        _ = state.update(.key(.enter), now: fixedMoment)
        XCTAssertTrue(state.render().text.contains("Data maturity of Payments"))
        XCTAssertTrue(state.render().text.contains("Not recorded"))
        // Nothing is chosen until the reviewer moves: Enter alone records no stage.
        var untouched = state
        XCTAssertEqual(untouched.update(.key(.enter), now: fixedMoment), [.createAssessment(path: "/w/payments.json", name: "Payments", maturity: nil)])
        for _ in 0..<3 { _ = state.update(.key(.character("k")), now: fixedMoment) }
        XCTAssertEqual(state.update(.key(.enter), now: fixedMoment), [.createAssessment(path: "/w/payments.json", name: "Payments", maturity: "starting")])
        XCTAssertEqual(state.update(.key(.character("d")), now: fixedMoment), [.openDemo])
        XCTAssertEqual(state.update(.key(.character("q")), now: fixedMoment), [.quit(status: 0)])
    }
}

final class ExplorerComparisonTests: XCTestCase {
    func testAMilestoneIsFrozenFromTheExplorerAndComparedWith() {
        var driver = Driver(answers: ["generation.source-kind": Answer(status: .gap)])
        driver.press(.char("m"))
        XCTAssertTrue(driver.text.contains("Freeze a milestone"))
        driver.press(.control("u"))
        driver.type("Q3 review")
        XCTAssertEqual(driver.press(.enter), [.save])
        XCTAssertEqual(driver.explorer.assessment.milestones.map(\.label), ["Q3 review"])
        driver.press(.char("g"), .char("a"))          // gap -> addressed
        driver.press(.char("j"), .char("x"))          // newly answered gap
        XCTAssertEqual(driver.press(.char("D")), [.listCompareCandidates])
        // The runtime lists the workspace (empty here); update offers the milestones.
        XCTAssertEqual(driver.state.receive(.compareCandidates([]), now: fixedMoment), [])
        XCTAssertTrue(driver.text.contains("milestone  Q3 review"))
        driver.press(.enter)
        let text = driver.text
        XCTAssertTrue(text.contains("Changes · milestone Q3 review → now"), text)
        XCTAssertTrue(text.contains("↑ generation.source-kind  gap → addressed"), text)
        XCTAssertTrue(text.contains("+ generation.persistence  unanswered → gap"), text)
        XCTAssertTrue(text.contains("1 improved, 0 regressed, 1 newly answered"), text)
        driver.press(.char("j"), .enter)
        XCTAssertNil(driver.explorer.overlay)
        XCTAssertEqual(driver.explorer.currentQuestionID, "generation.persistence")
    }

    func testADuplicateMilestoneLabelIsRefusedWithAMessage() throws {
        var driver = Driver()
        guard case .explorer(var explorer) = driver.state.mode else { return XCTFail() }
        try explorer.document.assessment.addMilestone(label: "same")
        driver.state.mode = .explorer(explorer)
        driver.press(.char("m"), .control("u"))
        driver.type("same")
        XCTAssertEqual(driver.press(.enter), [])
        XCTAssertTrue(driver.screen.line(23).contains("already exists"), driver.screen.line(23))
    }
}
