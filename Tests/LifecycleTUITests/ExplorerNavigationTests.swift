import XCTest
@testable import LifecycleCore
@testable import LifecycleTUI

final class ExplorerNavigationTests: XCTestCase {
    func testOpensOnTheFirstUnansweredQuestionWithFocusInTheList() {
        let answers = ["generation.source-kind": Answer(status: .addressed), "generation.persistence": Answer(status: .gap)]
        let driver = Driver(answers: answers)
        XCTAssertEqual(driver.explorer.currentQuestionID, "generation.event-rate")
        XCTAssertEqual(driver.explorer.focus, .questions)
        let screen = driver.screen
        let row = screen.row(containing: "At what rate is data generated")!
        XCTAssertTrue(screen.line(row).contains("›[ ]"), screen.line(row))
    }

    func testOpensOnTheFirstStageWithAnUnansweredQuestion() {
        var answers: [String: Answer] = [:]
        for question in catalog.area(id: "generation")!.questions { answers[question.id] = Answer(status: .addressed) }
        let driver = Driver(answers: answers)
        XCTAssertEqual(driver.explorer.currentArea.id, "storage")
        XCTAssertEqual(driver.explorer.currentQuestionID, "storage.read-write-speed")
    }

    func testTheSidebarWalksAllElevenAreasInLifecycleOrder() {
        var driver = Driver()
        driver.press(.char("h"))
        XCTAssertEqual(driver.explorer.focus, .sidebar)
        var titles: [String] = []
        for _ in 0..<11 {
            titles.append(driver.explorer.currentArea.title)
            let screen = driver.screen
            let listTitle = screen.line(1)
            XCTAssertTrue(listTitle.contains(driver.explorer.currentArea.title + " · 1 of "), listTitle)
            driver.press(.char("j"))
        }
        XCTAssertEqual(titles, catalog.areas.map(\.title))
        driver.press(.char("j"))
        XCTAssertEqual(driver.explorer.currentArea.id, "software-engineering", "stops at the last area")
        driver.press(.char("g"))
        XCTAssertEqual(driver.explorer.currentArea.id, "generation")
        driver.press(.char("G"))
        XCTAssertEqual(driver.explorer.currentArea.id, "software-engineering")
    }

    func testDigitsJumpToAreasAndTheSidebarShowsCountsAndBars() {
        var driver = Driver(answers: ["ingestion.volume": Answer(status: .gap), "ingestion.format": Answer(status: .addressed)])
        driver.press(.char("3"))
        XCTAssertEqual(driver.explorer.currentArea.id, "ingestion")
        let screen = driver.screen
        let line = screen.line(screen.row(containing: "3 Ingestion")!)
        XCTAssertTrue(line.contains("2/22 1✗"), line)
        XCTAssertTrue(line.hasPrefix("▶3 Ingestion"), line)
    }

    func testMovingInTheListAndPaging() {
        var driver = Driver()
        driver.press(.char("j"), .char("j"))
        XCTAssertEqual(driver.explorer.questionCursor, 2)
        driver.press(.pageDown)
        XCTAssertGreaterThan(driver.explorer.questionCursor, 5)
        driver.press(.char("G"))
        XCTAssertEqual(driver.explorer.currentQuestionID, catalog.area(id: "generation")!.questions.last!.id)
        XCTAssertTrue(driver.text.contains("18 of 18"))
        driver.press(.char("g"))
        XCTAssertEqual(driver.explorer.questionCursor, 0)
    }

    func testTabCyclesPanesAndTheSidebarFocusShowsTheAreasGuidance() {
        var driver = Driver()
        driver.press(.tab)
        XCTAssertEqual(driver.explorer.focus, .detail)
        driver.press(.tab)
        XCTAssertEqual(driver.explorer.focus, .sidebar)
        XCTAssertTrue(driver.text.contains("Why it matters"))
        driver.press(.backTab)
        XCTAssertEqual(driver.explorer.focus, .detail)
        driver.press(.char("G"))  // the detail pane scrolls to the area's pitfalls
        XCTAssertTrue(driver.text.contains("out of sequence."), driver.text)
        let end = driver.explorer.detailScroll
        XCTAssertGreaterThan(end, 0)
        driver.press(.char("k"))
        XCTAssertEqual(driver.explorer.detailScroll, end - 1, "k scrolls back from the end at once")
        driver.press(.backTab)
        XCTAssertEqual(driver.explorer.focus, .questions)
        XCTAssertTrue(driver.text.contains("Status: [ ] unanswered"))
    }

    func testTheDetailPaneShowsTheQuestionHintTagsAndChapter() {
        let driver = Driver()
        let text = driver.text
        XCTAssertTrue(text.contains("Status: [ ] unanswered"), text)
        XCTAssertTrue(text.contains("Hint: Name each source"), text)
        var scrolled = driver
        scrolled.press(.tab, .char("G"))
        XCTAssertTrue(scrolled.text.contains("generation.source-kind · chapter 2 ·"), scrolled.text)
    }

    func testHelpSaysItScrollsShowsWhereYouAreAndOtherKeysCloseIt() {
        var driver = Driver()
        driver.press(.char("?"))
        XCTAssertTrue(driver.text.contains("Keys · ↑/↓ j/k scroll · other keys close"), driver.text)
        XCTAssertTrue(driver.text.contains("tick: unanswered ↔ addressed"))
        let bottom = driver.text.split(separator: "\n").first { $0.contains(" of ") && $0.contains("↓ more") }
        XCTAssertNotNil(bottom, "the position and that there is more: \(driver.text)")
        driver.press(.char("G"))
        XCTAssertTrue(driver.text.contains("Conflict with the file on disk") || driver.text.contains("decide later"), "G goes to the end: \(driver.text)")
        XCTAssertFalse(driver.text.contains("↓ more"), "nothing more below the end")
        driver.press(.escape)
        XCTAssertNil(driver.explorer.overlay)
    }

    func testTheFooterShowsKeysAndSaveState() {
        var driver = Driver()
        XCTAssertTrue(driver.screen.line(23).hasPrefix(" Space tick  a p x - u status  U undo  Enter note"), driver.screen.line(23))
        XCTAssertTrue(driver.screen.line(23).contains("? help  q quit"), "help and quit are always shown: \(driver.screen.line(23))")
        XCTAssertTrue(driver.screen.line(23).hasSuffix("no changes "))
        driver.press(.char(" "))
        XCTAssertTrue(driver.screen.line(23).hasSuffix("saving… "))
    }

    func testMouseClicksSelectAreasAndQuestions() {
        var driver = Driver()
        _ = driver.state.update(.mouse(row: 1 + 4, column: 5, action: .click), now: fixedMoment)  // sidebar row of Transformation
        XCTAssertEqual(driver.explorer.currentArea.id, "transformation")
        XCTAssertEqual(driver.explorer.focus, .sidebar)
        _ = driver.state.update(.mouse(row: 1 + 1 + 2, column: 40, action: .click), now: fixedMoment)  // third question row
        XCTAssertEqual(driver.explorer.focus, .questions)
        XCTAssertEqual(driver.explorer.questionCursor, 2)
    }

    /// `z` hides the detail pane so the list has its room: on 80x24 it shows 20 question
    /// rows instead of 10; Tab skips the hidden pane; editing a note brings the pane back.
    func testListOnlyShowsTwiceTheRowsAndComesBack() {
        var driver = Driver()
        let generation = catalog.area(id: "generation")!.questions
        func visibleQuestions(_ screen: Screen) -> Int {
            generation.filter { question in screen.row(containing: String(question.text.prefix(24))) != nil }.count
        }
        let before = driver.screen
        XCTAssertNotNil(before.row(containing: "Status:"), before.text)
        XCTAssertEqual(visibleQuestions(before), 10, before.text)

        driver.press(.char("z"))
        let listOnly = driver.screen
        XCTAssertNil(listOnly.row(containing: "Status:"), "no detail pane:\n" + listOnly.text)
        XCTAssertEqual(visibleQuestions(listOnly), min(18, generation.count), listOnly.text)
        XCTAssertTrue(listOnly.text.contains("list only"), "the footer says how to come back")

        driver.press(.tab)
        XCTAssertEqual(driver.explorer.focus, .sidebar)
        driver.press(.tab)
        XCTAssertEqual(driver.explorer.focus, .questions, "Tab skips the hidden detail pane")
        driver.press(.char("l"))
        XCTAssertEqual(driver.explorer.focus, .questions)

        for _ in 0..<15 { driver.press(.char("j")) }
        driver.press(.char("z"))
        XCTAssertFalse(driver.explorer.listOnly)
        let back = driver.screen
        XCTAssertNotNil(back.row(containing: "Status:"), back.text)
        let current = catalog.question(id: driver.explorer.currentQuestionID!)!
        XCTAssertNotNil(back.row(containing: String(current.text.prefix(24))), "the cursor stays in view after the list shrinks")

        driver.press(.char("z"), .enter)
        XCTAssertFalse(driver.explorer.listOnly, "editing a note shows the pane it is edited in")
        XCTAssertTrue(driver.text.contains("Note ·"), driver.text)
    }

    /// Answers to questions the catalog does not know are announced when the file opens
    /// (the warning on stderr is hidden by the explorer until it quits).
    func testAnswersOutsideTheCatalogAreAnnouncedOnOpening() {
        let known = Driver()
        XCTAssertNil(known.explorer.flash)
        var driver = Driver(answers: ["generation.retired-question": Answer(status: .gap), "zz.other": Answer(status: .addressed)])
        XCTAssertTrue(driver.text.contains("2 answers for questions not in this catalog: kept as they are"), "whole on 80 columns:\n" + driver.text)
        driver.press(.char("j"))
        XCTAssertFalse(driver.text.contains("not in this catalog"), "a flash lasts until the next key")
    }
}

