import Foundation
import LifecycleCore
import XCTest

/// The real binary in tmux: the window's size wins over stale LINES/COLUMNS, LANG=C
/// shows only ASCII, and emoji sequences in a note leave nothing stray on the screen.
final class TerminalTextTests: XCTestCase {
    var scratch: ScratchDirectory!

    override func setUpWithError() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed (.ci/run installs it)") }
        scratch = ScratchDirectory()
    }

    private func lines(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func testTheWindowSizeWinsOverStaleLinesAndColumns() throws {
        let session = try TmuxSession(command: BinaryRunner.executable + " demo", width: 100, height: 30,
                                      environment: terminalEnvironment(scratch, ["COLUMNS": "300", "LINES": "100"]))
        var screen = lines(try session.waitFor("no changes"))
        XCTAssertTrue(screen[29].hasSuffix("no changes"), "the footer is on row 30 and ends at column 100:\n\(screen.joined(separator: "\n"))")
        XCTAssertEqual(screen.map { DisplayWidth.of($0) }.max(), 100)
        try session.resize(width: 130, height: 35)
        _ = try session.waitFor("q quit")
        screen = lines(try session.capture())
        XCTAssertTrue(screen[34].hasSuffix("no changes"), "after a resize the footer is on row 35:\n\(screen.joined(separator: "\n"))")
        XCTAssertEqual(screen.map { DisplayWidth.of($0) }.max(), 130)
    }

    func testANonUTF8LocaleShowsOnlyASCII() throws {
        let session = try TmuxSession(command: BinaryRunner.executable + " demo", width: 100, height: 30,
                                      environment: terminalEnvironment(scratch, ["LANG": "C"]))
        _ = try session.waitFor("no changes")
        for keys in ["?", "Escape", "o", "Escape", "/", "Escape"] {
            try session.send(keys)
            usleep(300_000)
            let screen = try session.capture()
            XCTAssertTrue(screen.utf8.allSatisfy { $0 < 0x80 }, "after \(keys):\n\(screen)")
        }
    }

    func testEmojiSequencesInANoteLeaveNothingStray() throws {
        let file = scratch.path + "/fleet.json"
        let runner = BinaryRunner(home: scratch.path)
        XCTAssertEqual(try runner.run("new", "Fleet 🇺🇸 👨‍👩‍👧‍👦", "--file", file).status, 0)
        let note = "flag 🇺🇸 family 👨\u{200D}👩\u{200D}👧\u{200D}👦 日本語 cafe\u{301} 👍🏽 1\u{FE0F}\u{20E3} x\u{200B}y end"
        XCTAssertEqual(try runner.run("set", file, "generation.source-kind", "--status", "gap", "--note", note).status, 0)
        let session = try TmuxSession(command: BinaryRunner.executable + " open " + file, width: 100, height: 30,
                                      environment: terminalEnvironment(scratch))
        _ = try session.waitFor("no changes")
        try session.send("g")  // the first question, which has the note
        let screen = lines(try session.waitFor(all: ["x<U+200B>y end", "no changes"]))
        for (row, line) in screen.enumerated() where row > 0 && row < 29 {
            // The sidebar's border stays in column 34 on every row: nothing before it shifted.
            let border = line.firstIndex(of: "│").map { DisplayWidth.of(line[..<$0]) }
            XCTAssertEqual(border, 33, "row \(row): \(line)")
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 100, "row \(row): \(line)")
        }
        let noteLine = try XCTUnwrap(screen.first { $0.contains("x<U+200B>y end") })
        XCTAssertTrue(noteLine.contains("日本語 café"), noteLine)
        XCTAssertFalse(screen.joined().unicodeScalars.contains { $0.value == 0x200D || (0x1F1E6...0x1F1FF).contains($0.value) },
                       "no joiner or half flag reached the terminal")
    }
}
