import Foundation
import XCTest
@testable import LifecycleCore
@testable import LifecycleTUI

/// `P`, the improvement plan: every open finding across areas in plan order; owner, due
/// date, priority and evidence edited in place, each one undoable change, saved at once;
/// Enter goes to the question even when the current filter would hide it.
final class FindingsViewTests: XCTestCase {
    // fixedMoment's day is 2026-11-27.
    private var answers: [String: Answer] {
        var late = Answer(status: .gap, note: "Everyone is admin.")
        late.owner = "@platform"
        late.due = CalendarDate("2026-11-01")
        var excluded = Answer(status: .gap)
        excluded.exclusion = "reviewed by the security team"
        return [
            "generation.event-rate": Answer(status: .partial),
            "security.least-privilege": late,
            "generation.persistence": Answer(status: .gap),
            "storage.read-write-speed": Answer(status: .addressed),
            "serving.business-intelligence": Answer(status: .notApplicable, reason: "no BI"),
            "storage.retention": excluded,
        ]
    }

    func testPListsThePlanAndEnterGoesToOneAcrossAreas() {
        var driver = Driver(answers: answers)
        XCTAssertTrue(driver.text.contains("· 1 overdue"), "the header counts overdue findings: \(driver.text)")
        driver.press(.char("f"))  // filter "unanswered": the findings are all hidden by it
        driver.press(.char("P"))
        XCTAssertTrue(driver.text.contains("Improvement plan · 3 open · 1 overdue · 1 of 3"), driver.text)
        XCTAssertEqual(driver.explorer.overlayFindings?.map(\.key), ["security.least-privilege", "generation.persistence", "generation.event-rate"],
                       "due date first among equals; the excluded and not-applicable answers are not findings")
        XCTAssertTrue(driver.text.contains("2026-11-01!"), driver.text)
        XCTAssertTrue(driver.text.contains("Owner: @platform · Due: 2026-11-01 (overdue) · Priority: high (from the"), driver.text)
        driver.press(.char("j"))
        driver.press(.enter)
        XCTAssertNil(driver.explorer.overlay)
        XCTAssertEqual(driver.explorer.currentQuestionID, "generation.persistence")
        driver.press(.char("P"), .char("G"), .char("P"))
        XCTAssertNil(driver.explorer.overlay, "P closes the view again")
    }

    func testOwnerDueAndEvidenceAreEditedInPlaceAndSaved() {
        var driver = Driver(answers: answers)
        driver.press(.char("P"), .char("j"))                        // generation.persistence
        driver.press(.char("o"))
        driver.type("Data platform\n")
        XCTAssertEqual(driver.explorer.assessment.answers["generation.persistence"]?.owner, "Data platform")
        XCTAssertEqual(driver.effects.last, .save)
        driver.press(.char("d"))
        driver.type("2026-02-30\n")
        XCTAssertTrue(driver.text.contains("not saved: \"2026-02-30\" is not a date such as 2026-11-27"), driver.text)
        XCTAssertNil(driver.explorer.assessment.answers["generation.persistence"]?.due)
        driver.press(.control("u"))
        driver.type("2026-10-20\n")
        XCTAssertEqual(driver.explorer.assessment.answers["generation.persistence"]?.due, CalendarDate("2026-10-20"))
        XCTAssertTrue(driver.text.contains("2 overdue"), driver.text)
        XCTAssertEqual(driver.explorer.overlayFindings?.first?.key, "generation.persistence", "an earlier due date moves it up; the cursor follows it")
        XCTAssertTrue(driver.text.contains("1 of 3"), driver.text)
        driver.press(.char("e"))
        driver.type("javascript:alert(1)\n")
        XCTAssertTrue(driver.text.contains("not saved: only http and https links are evidence"), driver.text)
        driver.press(.control("u"))
        driver.type("[Retention design](https://wiki.example.com/retention)\n")
        driver.press(.char("e"))
        driver.type("TWF-77\n")
        XCTAssertEqual(driver.explorer.assessment.answers["generation.persistence"]?.evidence.map(\.ref), ["https://wiki.example.com/retention", "TWF-77"])
        driver.press(.char("x"))
        XCTAssertEqual(driver.explorer.assessment.answers["generation.persistence"]?.evidence.map(\.ref), ["https://wiki.example.com/retention"])
        driver.press(.char("U"))
        XCTAssertEqual(driver.explorer.assessment.answers["generation.persistence"]?.evidence.count, 2, "U puts it back")
        XCTAssertNotNil(driver.explorer.overlayFindings, "and the plan stays open")
        driver.press(.char("O"))
        XCTAssertEqual(driver.effects.last, .openEvidence(Evidence(kind: .url, ref: "https://wiki.example.com/retention", label: "Retention design")))
    }

    func testPriorityCyclesHighMediumLowAndBackToTheRisk() {
        var driver = Driver(answers: answers)
        driver.press(.char("P"), .char("G"))                        // generation.event-rate, partial
        let priorities: [FindingPriority?] = (0..<4).map { _ in
            driver.press(.char("p"))
            return driver.explorer.assessment.answers["generation.event-rate"]?.priority
        }
        XCTAssertEqual(priorities, [.high, .medium, .low, nil])
        driver.press(.char("p"))
        XCTAssertEqual(driver.explorer.overlayFindings?.map(\.key).last, "generation.event-rate",
                       "high priority but medium risk: after the high risks")
    }

    func testTheFilterGainsOverdueNoOwnerAndOwnerIs() {
        var driver = Driver(answers: answers)
        driver.press(.char("6"))                                    // security
        for _ in 0..<6 { driver.press(.char("f")) }                 // all → … → overdue
        XCTAssertEqual(driver.explorer.filter, .overdue)
        XCTAssertEqual(driver.explorer.listedQuestionIDs, ["security.least-privilege"])
        driver.press(.char("1"))
        driver.press(.char("f"))
        XCTAssertEqual(driver.explorer.filter, .noOwner)
        XCTAssertEqual(driver.explorer.listedQuestionIDs, ["generation.persistence", "generation.event-rate"])
        driver.press(.char("6"), .char("F"))
        driver.type("@PLATFORM\n")
        XCTAssertEqual(driver.explorer.filter, .owner("@PLATFORM"))
        XCTAssertEqual(driver.explorer.listedQuestionIDs, ["security.least-privilege"])
        driver.press(.char("F"), .control("u"))
        driver.type("\n")
        XCTAssertEqual(driver.explorer.filter, .all, "an empty owner shows everything again")
    }

    func testANewDayMakesFindingsOverdue() {
        var driver = Driver(answers: answers)
        XCTAssertEqual(driver.explorer.overdueCount, 1)
        var due = Answer(status: .gap)
        due.due = CalendarDate("2026-11-27")
        driver.state.explorerSetAnswer(due, for: "generation.persistence")
        XCTAssertEqual(driver.explorer.overdueCount, 1, "due today is not overdue")
        _ = driver.state.update(.tick, now: Moment(timestamp: fixedTime("2026-11-28T00:00:05Z"), localTime: "00:00:05"))
        XCTAssertEqual(driver.explorer.overdueCount, 2)
    }

    func testHelpFromThePlanShowsItsKeysAndGoesBackToIt() {
        var driver = Driver(answers: answers)
        driver.press(.char("P"), .char("j"), .char("?"))
        XCTAssertTrue(driver.text.contains("Improvement plan (open findings)"), driver.text)
        XCTAssertTrue(driver.text.contains("set the owner"), "the plan's own keys, first: \(driver.text)")
        driver.press(.escape)
        guard case .findings(let view) = driver.explorer.overlay else { return XCTFail("back in the plan") }
        XCTAssertEqual(view.cursor, 1, "where it was")
    }

    func testNoFindingsSaysSo() {
        var driver = Driver()
        driver.press(.char("P"))
        XCTAssertTrue(driver.text.contains("No open findings"), driver.text)
        driver.press(.enter, .char("o"), .char("p"), .char("O"))
        XCTAssertNotNil(driver.explorer.overlay, "nothing to act on: the view stays")
        XCTAssertEqual(driver.effects, [])
        driver.press(.escape)
        XCTAssertNil(driver.explorer.overlay)
    }
}

extension ExplorerState {
    var overlayFindings: [Finding]? {
        if case .findings(let view) = overlay { return view.findings }
        return nil
    }
}

extension AppState {
    mutating func explorerSetAnswer(_ answer: Answer, for id: String) {
        guard case .explorer(var explorer) = mode else { return }
        explorer.setAnswer(answer, for: id, at: fixedTime())
        mode = .explorer(explorer)
    }
}

/// Bracketed paste: pasted text goes only into text, a pasted line break in a one-line
/// prompt is a space, and a paste landing on the list runs nothing.
final class PasteTests: XCTestCase {
    private func paste(_ driver: inout Driver, _ text: String) {
        driver.press(.pasteStart)
        driver.type(text)
        driver.press(.pasteEnd)
    }

    func testAPastedLineBreakInAOnePromptIsASpaceAndRunsNothing() {
        var driver = Driver(answers: ["generation.persistence": Answer(status: .gap)])
        driver.press(.char("P"), .char("o"))
        paste(&driver, "Data\nplatform\tteam pxe")
        XCTAssertEqual(driver.explorer.assessment.answers["generation.persistence"]?.owner, "", "nothing confirmed by the paste: \(driver.text)")
        driver.press(.enter)
        XCTAssertEqual(driver.explorer.assessment.answers["generation.persistence"]?.owner, "Data platform team pxe")
        XCTAssertNil(driver.explorer.assessment.answers["generation.persistence"]?.priority, "no pasted p ran")
    }

    func testAPasteOnTheListIsDroppedAndANoteKeepsItsLines() {
        var driver = Driver()
        let before = driver.explorer.assessment.answers
        paste(&driver, "xaq\u{3}")
        XCTAssertEqual(driver.explorer.assessment.answers, before, "no pasted key answered anything")
        XCTAssertNotNil(driver.state.explorer, "a pasted q or Ctrl-C does not quit")
        driver.press(.enter)                                   // the note editor
        paste(&driver, "first\nsecond")
        driver.press(.escape)
        XCTAssertEqual(driver.explorer.assessment.answers[driver.explorer.currentQuestionID!]?.note, "first\nsecond")
    }
    func testAPasteLongerThanTheCapSaysItWasCut() {
        var driver = Driver()
        driver.press(.enter)                                   // the note editor
        paste(&driver, String(repeating: "w", count: TextBuffer.maximumLength + 50))
        XCTAssertTrue(driver.text.contains("Note full at 20000: rest not taken"), driver.text)
        driver.press(.escape)
        XCTAssertEqual(driver.explorer.assessment.answers[driver.explorer.currentQuestionID!]?.note.count, TextBuffer.maximumLength)
    }
}
