import XCTest
@testable import LifecycleCore
@testable import LifecycleTUI

/// The footer's save status keeps its beginning, which says what failed and where.
final class FooterTests: XCTestCase {
    static let failure = "/home/ana/reviews/payments-platform.json: cannot be saved: No space left on device (free some space; the next change retries)"

    private func footer(ascii: Bool = false, saveState: SaveState, flash: String? = nil) -> String {
        var driver = Driver(width: 80, height: 24, ascii: ascii)
        guard case .explorer(var explorer) = driver.state.mode else { XCTFail("not in the explorer"); return "" }
        explorer.document.saveState = saveState
        explorer.flash = flash
        driver.state.mode = .explorer(explorer)
        let line = driver.screen.line(23)
        XCTAssertEqual(DisplayWidth.of(line), 80)
        return line
    }

    func testALongSaveFailureIsCutAtTheEndNotTheBeginning() {
        let line = footer(saveState: .failed(message: Self.failure))
        XCTAssertTrue(line.hasPrefix(" NOT SAVED: /home/ana/reviews/payments-platform.json: cannot be saved: No"), line)
        XCTAssertTrue(line.hasSuffix("…"), line)
    }

    func testInASCIIModeTheCutIsThreeDots() {
        let line = footer(ascii: true, saveState: .failed(message: Self.failure))
        XCTAssertTrue(line.hasPrefix(" NOT SAVED: /home/ana/reviews/payments-platform.json: cannot be saved: "), line)
        XCTAssertTrue(line.hasSuffix("..."), line)
    }

    func testAMessageBesideAFailureKeepsItsBeginningToo() {
        let line = footer(saveState: .failed(message: Self.failure), flash: "the file was removed or moved; your next change will ask what to do")
        XCTAssertTrue(line.hasPrefix(" the file was removed or moved"), line)
        XCTAssertTrue(line.contains("NOT SAVED: /home/ana/reviews/"), line)
        XCTAssertTrue(line.hasSuffix("…"), line)
    }

    func testAShortStatusStaysRightOfTheKeys() {
        let line = footer(saveState: .saved(at: "12:04:31"))
        XCTAssertTrue(line.hasPrefix(" Space tick"), line)
        XCTAssertTrue(line.hasSuffix("saved 12:04:31 "), line)
    }
}
