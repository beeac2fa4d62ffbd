import XCTest
@testable import LifecycleCore

final class TextTests: XCTestCase {
    func testDisplayWidthCountsColumns() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("café"), 4)
        XCTAssertEqual(DisplayWidth.of("cafe\u{301}"), 4, "combining accent takes no column")
        XCTAssertEqual(DisplayWidth.of("日本語"), 6)
        XCTAssertEqual(DisplayWidth.of("😀"), 2)
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2)
        XCTAssertEqual(DisplayWidth.of("한국"), 4)
    }

    func testTruncationShowsAnEllipsisAndRespectsWideCharacters() {
        XCTAssertEqual(DisplayWidth.truncated("hello world", toWidth: 8), "hello w…")
        XCTAssertEqual(DisplayWidth.truncated("日本語テキスト", toWidth: 6), "日本…")
        XCTAssertEqual(DisplayWidth.truncated("short", toWidth: 8), "short")
        XCTAssertEqual(DisplayWidth.padded("日本", toWidth: 6), "日本  ")
    }

    func testWordWrapBreaksAtSpacesAndSplitsLongWords() {
        XCTAssertEqual(WordWrap.lines("the quick brown fox jumps", width: 10), ["the quick", "brown fox", "jumps"])
        XCTAssertEqual(WordWrap.lines("abcdefghijkl", width: 5), ["abcde", "fghij", "kl"])
        XCTAssertEqual(WordWrap.lines("one\n\ntwo", width: 10), ["one", "", "two"])
        XCTAssertEqual(WordWrap.lines("日本語の文章です", width: 6), ["日本語", "の文章", "です"])
    }

    func testTerminalSafeTextMakesControlsVisible() {
        XCTAssertEqual(TerminalSafeText.escaped("a\u{1B}[2Jb"), "a^[[2Jb")
        XCTAssertEqual(TerminalSafeText.escaped("x\u{9B}31m\u{7F}"), "x<U+009B>31m^?")
        XCTAssertEqual(TerminalSafeText.escaped("two\nlines"), "two\\nlines")
        XCTAssertEqual(TerminalSafeText.escapedKeepingLines("two\nlines\u{07}"), "two\nlines^G")
        XCTAssertEqual(TerminalSafeText.escaped("evil\u{202E}txt"), "evil<U+202E>txt")
        XCTAssertEqual(TerminalSafeText.escaped("plain é 日本"), "plain é 日本")
    }

    func testWorkspaceLocationFollowsTheEnvironment() {
        XCTAssertEqual(Workspace.fromEnvironment(["LIFECYCLE_HOME": "/w", "XDG_DATA_HOME": "/x", "HOME": "/h"]).directory, "/w")
        XCTAssertEqual(Workspace.fromEnvironment(["XDG_DATA_HOME": "/x", "HOME": "/h"]).directory, "/x/lifecycle")
        XCTAssertEqual(Workspace.fromEnvironment(["XDG_DATA_HOME": "relative", "HOME": "/h"]).directory, "/h/.local/share/lifecycle")
        XCTAssertEqual(Workspace.fromEnvironment(["HOME": "/h"]).directory, "/h/.local/share/lifecycle")
        XCTAssertEqual(Workspace.fileName(forName: "Payments Platform (EU)!"), "payments-platform-eu.json")
        XCTAssertEqual(Workspace.fileName(forName: "../../etc/passwd"), "etc-passwd.json")
        XCTAssertEqual(Workspace.fileName(forName: "***"), "assessment.json")
    }

    func testBackupsGoToTheStateDirectory() {
        XCTAssertEqual(BackupLocation.fromEnvironment(["XDG_STATE_HOME": "/s", "HOME": "/h"]).directory, "/s/lifecycle/backups")
        XCTAssertEqual(BackupLocation.fromEnvironment(["HOME": "/h"]).directory, "/h/.local/state/lifecycle/backups")
    }
}
