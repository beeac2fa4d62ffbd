import XCTest
@testable import LifecycleCore
@testable import LifecycleTUI

/// Cells always hold whole grapheme clusters, and what curses is sent for them advances
/// exactly as the grid does.
final class ScreenTextTests: XCTestCase {
    static let flag = "🇺🇸"
    static let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
    static let note = "flag \(flag) family \(family) 日本語 cafe\u{301} ☝🏽 1\u{FE0F}\u{20E3} ⌚\u{FE0E} x\u{200B}y end"

    /// Every cell is one whole cluster as wide as the grid says; every row is the grid's width.
    private func assertCellsAreWhole(_ screen: Screen, file: StaticString = #filePath, line: UInt = #line) {
        for row in 0..<screen.height {
            XCTAssertEqual(DisplayWidth.of(screen.line(row)), screen.width, "row \(row): \(screen.line(row))", file: file, line: line)
            for column in 0..<screen.width {
                let cell = screen[row, column]
                if cell.isContinuation {
                    XCTAssertTrue(column > 0 && screen.columns(row: row, column: column - 1) == 2, "row \(row) column \(column)", file: file, line: line)
                    continue
                }
                XCTAssertEqual(cell.text.count, 1, "row \(row) column \(column): \(cell.text.debugDescription)", file: file, line: line)
                XCTAssertEqual(DisplayWidth.of(cell.text), screen.columns(row: row, column: column),
                               "row \(row) column \(column): \(cell.text.debugDescription)", file: file, line: line)
            }
        }
    }

    func testEmojiSequencesTakeOneCellEach() {
        var screen = Screen(width: 30, height: 1)
        let used = screen.put("a\(Self.flag)b\(Self.family)c", row: 0, column: 0)
        XCTAssertEqual(used, 7)
        XCTAssertEqual(screen[0, 1].text, Self.flag)
        XCTAssertTrue(screen[0, 2].isContinuation)
        XCTAssertEqual(screen[0, 4].text, Self.family)
        XCTAssertEqual(screen[0, 6].text, "c")
        assertCellsAreWhole(screen)
    }

    func testAWideCharacterCutAtAnEdgeBecomesASpace() {
        var screen = Screen(width: 10, height: 3)
        screen.fill(row: 0, column: 0, width: 10, height: 3, style: .selected)
        for x in 0..<10 { screen[0, x] = Cell("x") }
        XCTAssertEqual(screen.put("日本語", row: 0, column: 0, style: .bold, maxWidth: 2), 2)
        XCTAssertEqual(screen.line(0), "… xxxxxxxx", "the region's last column is a space, not half of 日")
        XCTAssertEqual(screen[0, 1].style, .bold)
        screen.put("日本語テキスト", row: 1, column: 0, maxWidth: 4)
        XCTAssertEqual(screen.line(1), "日…       ", "cut with an ellipsis, the spare column blank")
        screen.put("abcdefghi\(Self.flag)", row: 2, column: 0)
        XCTAssertEqual(screen.line(2), "abcdefghi…", "at the screen's edge")
        var edge = Screen(width: 3, height: 1)
        edge.put("日ab", row: 0, column: -1)
        XCTAssertEqual(edge.line(0), " ab", "half of 日 left of the screen becomes a space")
        edge.put("abc日xy", row: 0, column: -5)
        XCTAssertEqual(edge.line(0), "xyb", "text wholly left of the screen is skipped")
        assertCellsAreWhole(screen)
        assertCellsAreWhole(edge)
    }

    func testOverwritingHalfAWideCharacterClearsTheOtherHalf() {
        var screen = Screen(width: 6, height: 1)
        screen.put("日本語", row: 0, column: 0)
        screen.put("a", row: 0, column: 1)
        screen.put("b", row: 0, column: 4)
        XCTAssertEqual(screen.line(0), " a本b ")
        assertCellsAreWhole(screen)
    }

    func testALoneCombiningMarkJoinsOnlyTheCellThisCallWrote() {
        var screen = Screen(width: 8, height: 1)
        screen.put("日", row: 0, column: 0)
        screen.put("\u{301}x", row: 0, column: 2)
        XCTAssertEqual(screen[0, 0].text, "日", "another call's cell is left alone")
        screen.put("y\u{300}", row: 0, column: 3)
        XCTAssertEqual(screen.line(0), "日xy\u{300}    ")
        assertCellsAreWhole(screen)
    }

    func testTheExplorerDrawsEmojiCJKAndMarksInWholeCells() {
        let answers = ["generation.source-kind": Answer(status: .gap, note: Self.note)]
        for (width, height) in [(80, 24), (130, 40), (61, 17)] {
            var driver = Driver(width: width, height: height, name: "Fleet \(Self.flag)\(Self.family) 東京 cafe\u{301}", answers: answers)
            driver.press(.char("g"))
            let screen = driver.screen
            assertCellsAreWhole(screen)
            XCTAssertTrue(screen.line(0).hasPrefix(" Fleet \(Self.flag)\(Self.family) 東京 café"), screen.line(0))
            let text = screen.text
            if width >= 80 {
                XCTAssertTrue(text.contains("flag \(Self.flag) family \(Self.family) 日本語"), text)
                XCTAssertTrue(text.contains("x<U+200B>y"), "a zero-width space is shown: \(text)")
            }
            driver.press(.enter)
            assertCellsAreWhole(driver.screen)
        }
    }

    func testTypingWideCharactersInTheNamePromptKeepsTheirEndInView() throws {
        var state = AppState(catalog: catalog, mode: .start(StartScreenState(workspaceDirectory: "/w", entries: [])), width: 80, height: 24)
        _ = state.update(.key(.character("n")), now: fixedMoment)
        for character in String(repeating: "日本", count: 30) + "end" { _ = state.update(.key(.character(character)), now: fixedMoment) }
        let screen = state.render()
        let row = try XCTUnwrap(screen.row(containing: "System under review:"))
        XCTAssertTrue(screen.line(row).contains("日本日本end "), screen.line(row))
        XCTAssertFalse(screen.line(row).contains("…"), "the end of the name shows, not a cut beginning: \(screen.line(row))")
        XCTAssertEqual(screen.cursor?.row, row)
        assertCellsAreWhole(screen)
    }

    func testCursesIsSentWholeClustersOrSameWidthStandIns() {
        let glibcLike: (UInt32) -> Int = { value in
            switch value {
            case 0x200B...0x200D, 0x301, 0xFE0E, 0xFE0F, 0x20E3: 0
            case 0x1F1E6...0x1F1FF: 1
            case 0x231A, 0x1F468, 0x1F469, 0x1F467, 0x1F466, 0x1F600, 0x65E5: 2
            default: 1
            }
        }
        let curses = TerminalGlyphs(capacity: 5, unicode: true, columns: glibcLike)
        XCTAssertEqual(curses.glyphs(for: "e\u{301}", width: 1), [[0x65, 0x301]])
        XCTAssertEqual(curses.glyphs(for: "😀", width: 2), [[0x1F600]])
        XCTAssertEqual(curses.glyphs(for: "日", width: 2), [[0x65E5]])
        XCTAssertEqual(curses.glyphs(for: Self.flag, width: 2), [[0xFFFD], [0x20]], "a second spacing character does not fit a cell")
        XCTAssertEqual(curses.glyphs(for: Self.family, width: 2), [[0xFFFD], [0x20]], "seven code points do not fit")
        XCTAssertEqual(curses.glyphs(for: "⌚\u{FE0E}", width: 1), [[0xFFFD]], "curses would advance 2 where the grid has 1")
        XCTAssertEqual(curses.glyphs(for: "a" + String(repeating: "\u{301}", count: 5), width: 1), [[0xFFFD]])
        XCTAssertEqual(curses.glyphs(for: "a\u{200D}", width: 1), [[0x61]], "a trailing joiner is not sent")
        XCTAssertEqual(curses.glyphs(for: "", width: 1), [[0x20]])
        let ascii = TerminalGlyphs(capacity: 5, unicode: false, columns: glibcLike)
        XCTAssertEqual(ascii.glyphs(for: "日", width: 2), [[0x3F], [0x20]])
        XCTAssertEqual(ascii.glyphs(for: "a", width: 1), [[0x61]])
    }

    /// With glibc's real wcwidth, curses's column after every cell of the explorer's
    /// frame is the grid's: nothing on a row shifts.
    func testCursesAdvancesLikeTheGridWithGlibc() throws {
        let answers = ["generation.source-kind": Answer(status: .gap, note: Self.note + " \u{1F3F3}\u{FE0F}\u{200D}🌈 ☺\u{FE0F}")]
        var driver = Driver(width: 100, height: 30, name: "Fleet \(Self.flag)\(Self.family) 東京", answers: answers)
        driver.press(.char("g"))
        let screen = driver.screen
        let mismatches = try XCTUnwrap(CLibrary.withUTF8Wcwidth { wcwidth -> [String] in
            let curses = TerminalGlyphs(capacity: 5, unicode: true, columns: wcwidth)
            var found: [String] = []
            for row in 0..<screen.height {
                var advanced = 0
                for column in 0..<screen.width where !screen[row, column].isContinuation {
                    let glyphs = curses.glyphs(for: screen[row, column].text, width: screen.columns(row: row, column: column))
                    advanced += glyphs.reduce(0) { $0 + wcwidth($1[0]) }
                    XCTAssertTrue(glyphs.allSatisfy { $0.count <= 5 && $0.dropFirst().allSatisfy { wcwidth($0) == 0 } })
                }
                if advanced != screen.width { found.append("row \(row): \(advanced) columns: \(screen.line(row))") }
            }
            return found
        }, "glibc's wcwidth or the C.UTF-8 locale is missing")
        XCTAssertEqual(mismatches, [])
    }
}
