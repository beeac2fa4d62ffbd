import Foundation
import XCTest
@testable import LifecycleCore
@testable import LifecycleTUI

/// `P`: every gap and partial across areas in one list, highest risk first, and Enter
/// goes to the question even when the current filter would hide it.
final class FindingsViewTests: XCTestCase {
    private let answers: [String: Answer] = [
        "generation.event-rate": Answer(status: .partial),
        "security.least-privilege": Answer(status: .gap, note: "Everyone is admin."),
        "generation.persistence": Answer(status: .gap),
        "storage.read-write-speed": Answer(status: .addressed),
        "serving.business-intelligence": Answer(status: .notApplicable, reason: "no BI"),
    ]

    func testOpenFindingsAreGapsThenPartialsInCatalogOrder() {
        var assessment = Assessment(name: "x", catalog: catalog.reference, created: fixedTime())
        assessment.answers = answers
        let findings = OpenFindings.list(assessment, in: catalog)
        XCTAssertEqual(findings.map(\.questionID), ["generation.persistence", "security.least-privilege", "generation.event-rate"])
        XCTAssertEqual(findings.map(\.risk), [.high, .high, .medium])
        XCTAssertEqual(findings.map(\.area), ["generation", "security", "generation"])
        XCTAssertEqual(findings.map(\.hasNote), [false, true, false])
    }

    func testPListsTheFindingsAndEnterGoesToOneAcrossAreas() {
        var driver = Driver(answers: answers)
        driver.press(.char("f"))  // filter "unanswered": the findings are all hidden by it
        driver.press(.char("P"))
        XCTAssertTrue(driver.text.contains("Open findings · 2 high · 1 medium · 1 of 3"), driver.text)
        XCTAssertTrue(driver.text.contains("[✗] high   Security"), driver.text)
        XCTAssertTrue(driver.text.contains("[~] medium Generation"), driver.text)
        driver.press(.char("j"))
        driver.press(.enter)
        XCTAssertNil(driver.explorer.overlay)
        XCTAssertEqual(driver.explorer.currentQuestionID, "security.least-privilege")
        XCTAssertEqual(driver.explorer.currentArea.id, "security")
        driver.press(.char("P"), .char("G"), .char("P"))
        XCTAssertNil(driver.explorer.overlay, "P closes the view again")
    }

    func testNoFindingsSaysSo() {
        var driver = Driver()
        driver.press(.char("P"))
        XCTAssertTrue(driver.text.contains("No open findings"), driver.text)
        driver.press(.enter)
        XCTAssertNotNil(driver.explorer.overlay, "Enter on an empty list does nothing")
        driver.press(.escape)
        XCTAssertNil(driver.explorer.overlay)
    }
}
