import XCTest
@testable import LifecycleCore
@testable import LifecycleTUI

/// Where the locale is not UTF-8 (LANG=C) the terminal can show only ASCII: every screen
/// the explorer can reach must then hold nothing else.
final class ASCIIModeTests: XCTestCase {
    static let answers: [String: Answer] = [
        "generation.source-kind": Answer(status: .addressed, note: "Kafka -> S3", changed: fixedTime()),
        "generation.persistence": Answer(status: .gap, note: "line one\nline two"),
        "generation.event-rate": Answer(status: .partial),
        "generation.output-consistency": Answer(status: .notApplicable, reason: "batch only"),
        "security.encryption-at-rest": Answer(status: .gap),
    ]

    /// One state rendered both ways, the steps applied to a Unicode and an ASCII explorer.
    private func render(_ name: String, width: Int = 80, height: Int = 24, _ steps: (inout Driver) -> Void = { _ in }) -> (String, Screen, Screen) {
        var screens: [Screen] = []
        for ascii in [false, true] {
            var driver = Driver(width: width, height: height, answers: Self.answers, ascii: ascii)
            steps(&driver)
            screens.append(driver.screen)
        }
        return (name, screens[0], screens[1])
    }

    private func withOverlay(_ overlay: Overlay?, saveState: SaveState? = nil, flash: String? = nil) -> (inout Driver) -> Void {
        { driver in
            guard case .explorer(var explorer) = driver.state.mode else { return XCTFail("not in the explorer") }
            explorer.overlay = overlay
            if let saveState { explorer.document.saveState = saveState }
            if let flash { explorer.flash = flash }
            driver.state.mode = .explorer(explorer)
        }
    }

    private var explorerScreens: [(String, Screen, Screen)] {
        let diffSteps: (inout Driver) -> Void = { driver in
            driver.press(.char("m"), .control("u"))
            driver.type("Q3")
            driver.press(.enter)
            driver.press(.char("g"), .char("x"))                      // addressed -> gap
            driver.press(.char("j"), .char("a"))                      // gap -> addressed
            driver.press(.char("j"), .char("u"))                      // partial -> unanswered
            driver.press(.char("j"), .char("a"))                      // not applicable -> addressed
            driver.press(.char("j"), .char("x"))                      // newly answered
            guard case .explorer(var explorer) = driver.state.mode else { return XCTFail("not in the explorer") }
            explorer.document.assessment.answers["security.encryption-at-rest"]?.note = "rotated keys"
            explorer.overlay = .comparePicker(ComparePickerState(choices: [.milestone(label: "Q3"), .file(path: "/w/b.json", name: "B")]))
            driver.state.mode = .explorer(explorer)
            driver.press(.enter)
        }
        let longFailure = "/home/ana/reviews/payments-platform.json: cannot be saved: No space left on device (the disk is full; free some space and press any status key to retry)"
        return [
            render("questions"),
            render("questions, wide", width: 130, height: 40),
            render("list only") { $0.press(.char("z")) },
            render("areas") { $0.press(.char("h")) },
            render("detail") { $0.press(.char("l")) },
            render("filter") { $0.press(.char("f"), .char("f")) },
            render("empty filter") { $0.press(.char("f"), .char("f"), .char("f"), .char("5")) },
            render("help") { $0.press(.char("?")) },
            render("help, scrolled") { $0.press(.char("?"), .pageDown, .pageDown) },
            render("search") { $0.press(.char("/")); $0.type("data") },
            render("overview") { $0.press(.char("o")) },
            render("overview cell listed") { $0.press(.char("o"), .enter) },
            render("note editor") { $0.press(.char("j"), .enter); $0.type(" more -> text") },
            render("reason prompt") { $0.press(.char("-")) },
            render("milestone prompt") { $0.press(.char("m")) },
            render("compare picker", withOverlay(.comparePicker(ComparePickerState(choices: [.milestone(label: "Q3"), .file(path: "/w/b.json", name: "B")])))),
            render("diff view", diffSteps),
            render("diff view, wide", width: 130, height: 40, diffSteps),
            render("conflict", withOverlay(.conflict, saveState: .conflict(message: "changed on disk"))),
            render("save copy prompt", withOverlay(.saveCopyPrompt(buffer: TextBuffer("/w/a.mine.json", allowsNewlines: false)))),
            render("saving") { $0.press(.char("a")) },
            render("saved", withOverlay(nil, saveState: .saved(at: "12:04:31"))),
            render("save failed", withOverlay(nil, saveState: .failed(message: longFailure))),
            render("save failed with a message", withOverlay(nil, saveState: .failed(message: longFailure), flash: "the file was removed or moved; your next change will ask what to do")),
            render("too small") { $0.resize(40, 10) },
        ]
    }

    private var startScreens: [(String, Screen, Screen)] {
        var progress = Progress()
        progress.total = 138
        progress.count(.gap)
        let entries = [
            WorkspaceEntry(path: "/w/a.json", name: "Alpha platform with a name far too long to fit the column", progress: progress, lastChange: "2026-11-27 10:00"),
            WorkspaceEntry(path: "/w/b.json", name: "b.json", progress: Progress(), lastChange: "", problem: "/w/b.json:1:1: unexpected 'x'; expected a value"),
        ]
        let states: [(String, StartScreenState, [Key])] = [
            ("start", StartScreenState(workspaceDirectory: "/w", entries: entries), []),
            ("start, empty", StartScreenState(workspaceDirectory: "/w", entries: []), []),
            ("start, name prompt", StartScreenState(workspaceDirectory: "/w", entries: entries), [.char("n"), .char("P")]),
            ("start, maturity prompt", StartScreenState(workspaceDirectory: "/w", entries: entries), [.char("n"), .char("P"), .enter]),
        ]
        var result: [(String, Screen, Screen)] = []
        for (name, start, keys) in states {
            var screens: [Screen] = []
            for ascii in [false, true] {
                var state = AppState(catalog: catalog, mode: .start(start), width: 80, height: 24, asciiOnly: ascii)
                for key in keys { _ = state.update(.key(key), now: fixedMoment) }
                screens.append(state.render())
            }
            result.append((name, screens[0], screens[1]))
        }
        var flashed = StartScreenState(workspaceDirectory: "/w", entries: entries)
        flashed.flash = "cannot open /w/b.json: unexpected 'x'"
        result.append(("start, message", AppState(catalog: catalog, mode: .start(flashed), width: 80, height: 24).render(),
                       AppState(catalog: catalog, mode: .start(flashed), width: 80, height: 24, asciiOnly: true).render()))
        return result
    }

    func testEveryScreenIsPureASCII() {
        let all = explorerScreens + startScreens
        XCTAssertGreaterThan(all.count, 25)
        var drawnSymbols = Set<Character>()
        for (name, unicode, ascii) in all {
            for row in 0..<ascii.height {
                let line = ascii.line(row)
                XCTAssertTrue(line.utf8.allSatisfy { $0 < 0x80 }, "\(name), row \(row): \(line)")
            }
            XCTAssertEqual(DisplayWidth.of(ascii.line(0)), ascii.width, name)
            for character in unicode.text where !character.isASCII { drawnSymbols.insert(character) }
        }
        // Every symbol the views draw has a real ASCII spelling, not a "?" stand-in.
        for symbol in drawnSymbols {
            XCTAssertFalse(ASCIIFallback.replacement(for: symbol).allSatisfy { $0 == "?" }, "\(symbol) has no ASCII spelling")
        }
        XCTAssertTrue(drawnSymbols.isSuperset(of: ["·", "│", "█", "✓", "✗", "✎", "↑", "→", "×", "…"]), "the Unicode screens were reached: \(drawnSymbols)")
    }

    func testTheASCIIScreensSpellTheirSymbolsOut() {
        let screens = Dictionary(uniqueKeysWithValues: (explorerScreens + startScreens).map { ($0.0, $0.2.text) })
        XCTAssertTrue(screens["questions"]!.contains("answered - 2 gaps - 1 partial"), screens["questions"]!)
        XCTAssertTrue(screens["help"]!.contains("Up/Down j/k"), screens["help"]!)
        XCTAssertTrue(screens["overview"]!.contains("stage x undercurrent"), screens["overview"]!)
        let diff = screens["diff view"]!
        for marker in ["^ generation.persistence", "v generation.source-kind", "- generation.event-rate", "~ generation.output-consistency",
                       "+ generation.error-frequency", "* security.encryption-at-rest", "milestone Q3 -> now"] {
            XCTAssertTrue(diff.contains(marker) || screens["diff view, wide"]!.contains(marker), "\(marker) in\n\(diff)")
        }
        XCTAssertTrue(screens["too small"]!.contains("40x10: needs at least 60x16"), screens["too small"]!)
        XCTAssertTrue(screens["saving"]!.contains("saving..."), screens["saving"]!)
    }

    /// Cut text ends in "..." so the reader sees it was cut.
    func testCutTextEndsInThreeDots() {
        let name = "Alpha platform with a name far too long to fit the column"
        let start = startScreens.first { $0.0 == "start" }!
        XCTAssertTrue(start.1.text.contains("Alpha platform with a name far to…"), start.1.text)
        XCTAssertTrue(start.2.text.contains("Alpha platform with a name far ..."), start.2.text)
        var screen = Screen(width: 12, height: 1, asciiOnly: true)
        screen.put(name, row: 0, column: 0)
        XCTAssertEqual(screen.line(0), "Alpha pla...")
        screen.put("日本語テキスト", row: 0, column: 0)
        XCTAssertEqual(screen.line(0), "?????????...")
        screen.put("Café → naïve", row: 0, column: 0)
        XCTAssertEqual(screen.line(0), "Cafe -> n...")
    }
}
