import XCTest
@testable import LifecycleCore
@testable import LifecycleTUI

final class ExplorerAnsweringTests: XCTestCase {
    private func listLine(_ driver: Driver, _ questionID: String) -> String {
        let text = catalog.question(id: questionID)!.text
        let screen = driver.screen
        return screen.line(screen.row(containing: String(text.prefix(25)))!)
    }

    func testEachStatusKeySetsTheStatusShowsItsMarkAndAsksToSave() {
        let cases: [(Key, AnswerStatus, String)] = [
            (.char(" "), .addressed, "[✓]"), (.char("p"), .partial, "[~]"), (.char("x"), .gap, "[✗]"),
            (.char("a"), .addressed, "[✓]"), (.char("u"), .unanswered, "[ ]"), (.char("-"), .notApplicable, "[-]"),
        ]
        var driver = Driver()
        let id = driver.explorer.currentQuestionID!
        for (key, status, mark) in cases {
            let effects = driver.press(key)
            XCTAssertEqual(driver.explorer.assessment.status(of: id), status, "\(key)")
            XCTAssertEqual(effects, [.save], "\(key)")
            XCTAssertTrue(listLine(driver, id).contains(mark), listLine(driver, id))
            if case .reasonPrompt = driver.explorer.overlay { driver.press(.escape) }
        }
    }

    func testSpaceTogglesBetweenUnansweredAndAddressed() {
        var driver = Driver()
        let id = driver.explorer.currentQuestionID!
        driver.press(.char(" "))
        XCTAssertEqual(driver.explorer.assessment.status(of: id), .addressed)
        driver.press(.char(" "))
        XCTAssertEqual(driver.explorer.assessment.status(of: id), .unanswered)
        XCTAssertNil(driver.explorer.assessment.answers[id], "an emptied answer leaves the file")
    }

    func testCountsUpdateInTheSidebarAndHeader() {
        var driver = Driver()
        driver.press(.char("x"), .char("j"), .char("a"))
        let screen = driver.screen
        XCTAssertTrue(screen.line(0).contains("2/144 answered · 1 gap · 0 partial"), screen.line(0))
        XCTAssertTrue(screen.line(screen.row(containing: "1 Generation")!).contains("2/18 1✗"))
    }

    func testNotApplicableAsksForAReasonAndKeepsIt() {
        var driver = Driver()
        let id = driver.explorer.currentQuestionID!
        driver.press(.char("-"))
        XCTAssertTrue(driver.text.contains("Not applicable: why?"))
        driver.type("No streaming at all")
        let effects = driver.press(.enter)
        XCTAssertEqual(effects, [.save])
        XCTAssertEqual(driver.explorer.assessment.answer(for: id).reason, "No streaming at all")
        XCTAssertTrue(driver.text.contains("Reason: No streaming at all"))
    }

    func testStatusKeysInTheSidebarAskToMoveToAQuestion() {
        var driver = Driver()
        driver.press(.char("h"))
        XCTAssertEqual(driver.press(.char("x")), [])
        XCTAssertTrue(driver.screen.line(23).contains("Move to a question first"))
    }

    func testEditingANoteInline() {
        var driver = Driver()
        let id = driver.explorer.currentQuestionID!
        driver.press(.enter)
        XCTAssertTrue(driver.text.contains("Note · \(id)"))
        driver.type("First line\nSecond")
        driver.press(.left, .left, .backspace)
        driver.type("X")
        let effects = driver.press(.escape)
        XCTAssertEqual(effects, [.save])
        XCTAssertEqual(driver.explorer.assessment.answer(for: id).note, "First line\nSecXnd")
        XCTAssertTrue(driver.text.contains("First line"))
        XCTAssertTrue(listLine(driver, id).contains("✎"), "the list marks questions with notes")
    }

    func testTheEditorsEditingKeys() {
        var buffer = TextBuffer("one two\nthree", allowsNewlines: true)
        buffer.moveUp()
        XCTAssertEqual(buffer.cursor, 5)
        _ = buffer.handle(.control("w"))
        XCTAssertEqual(buffer.text, "one wo\nthree")
        _ = buffer.handle(.control("e"))
        _ = buffer.handle(.control("k"))
        XCTAssertEqual(buffer.text, "one wothree")
        _ = buffer.handle(.control("u"))
        XCTAssertEqual(buffer.text, "three")
        buffer.insert("é")
        XCTAssertEqual(buffer.text, "éthree")
        var single = TextBuffer(allowsNewlines: false)
        XCTAssertFalse(single.handle(.enter))
        XCTAssertEqual(single.text, "")
    }

    func testQuittingWhileEditingKeepsTheNote() {
        var driver = Driver()
        let id = driver.explorer.currentQuestionID!
        driver.press(.char("e"))
        driver.type("unsaved thought")
        let effects = driver.state.update(.terminate(signal: 15), now: fixedMoment)
        XCTAssertEqual(effects, [.save, .quit(status: 143)])
        XCTAssertEqual(driver.explorer.assessment.answer(for: id).note, "unsaved thought")
    }

    func testCtrlCSavesAndQuits() {
        var driver = Driver()
        driver.press(.char("x"))
        XCTAssertEqual(driver.state.update(.key(.control("c")), now: fixedMoment), [.save, .quit(status: 0)])
    }

    func testExternalEditsReplaceTheNoteWithoutTheEditorsTrailingNewline() {
        var driver = Driver()
        let id = driver.explorer.currentQuestionID!
        XCTAssertEqual(driver.press(.char("E")), [.editNoteExternally(questionID: id, text: "")])
        guard case .explorer(var explorer) = driver.state.mode else { return XCTFail() }
        XCTAssertEqual(explorer.applyExternalEdit("from vim\n\n", for: id, now: fixedTime()), [.save])
        XCTAssertEqual(explorer.assessment.answer(for: id).note, "from vim")
    }
}
