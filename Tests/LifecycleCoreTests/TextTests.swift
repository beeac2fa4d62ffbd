import Testing
@testable import LifecycleCore

/// Display width, wrapping, escaping and the default folders (Swift Testing).
@Suite struct TextTests {
    @Test func displayWidthCountsColumns() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("café") == 4)
        #expect(DisplayWidth.of("cafe\u{301}") == 4, "a combining accent takes no column")
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("한국") == 4)
    }

    @Test func truncationShowsAnEllipsisAndRespectsWideCharacters() {
        #expect(DisplayWidth.truncated("hello world", toWidth: 8) == "hello w…")
        #expect(DisplayWidth.truncated("日本語テキスト", toWidth: 6) == "日本…")
        #expect(DisplayWidth.truncated("short", toWidth: 8) == "short")
        #expect(DisplayWidth.padded("日本", toWidth: 6) == "日本  ")
    }

    @Test(arguments: [
        ("the quick brown fox jumps", 10, ["the quick", "brown fox", "jumps"]),
        ("abcdefghijkl", 5, ["abcde", "fghij", "kl"]),
        ("one\n\ntwo", 10, ["one", "", "two"]),
        ("日本語の文章です", 6, ["日本語", "の文章", "です"]),
    ])
    func wordWrapBreaksAtSpacesAndSplitsLongWords(text: String, width: Int, expected: [String]) {
        #expect(WordWrap.lines(text, width: width) == expected)
    }

    @Test func terminalSafeTextMakesControlsVisible() {
        #expect(TerminalSafeText.escaped("a\u{1B}[2Jb") == "a^[[2Jb")
        #expect(TerminalSafeText.escaped("x\u{9B}31m\u{7F}") == "x<U+009B>31m^?")
        #expect(TerminalSafeText.escaped("two\nlines") == "two\\nlines")
        #expect(TerminalSafeText.escapedKeepingLines("two\nlines\u{07}") == "two\nlines^G")
        #expect(TerminalSafeText.escaped("evil\u{202E}txt") == "evil<U+202E>txt")
        #expect(TerminalSafeText.escaped("plain é 日本") == "plain é 日本")
    }

    @Test func workspaceLocationFollowsTheEnvironment() {
        #expect(Workspace.fromEnvironment(["LIFECYCLE_HOME": "/w", "XDG_DATA_HOME": "/x", "HOME": "/h"]).directory == "/w")
        #expect(Workspace.fromEnvironment(["XDG_DATA_HOME": "/x", "HOME": "/h"]).directory == "/x/lifecycle")
        #expect(Workspace.fromEnvironment(["XDG_DATA_HOME": "relative", "HOME": "/h"]).directory == "/h/.local/share/lifecycle")
        #expect(Workspace.fromEnvironment(["HOME": "/h"]).directory == "/h/.local/share/lifecycle")
        #expect(Workspace.fileName(forName: "Payments Platform (EU)!") == "payments-platform-eu.json")
        #expect(Workspace.fileName(forName: "../../etc/passwd") == "etc-passwd.json")
        #expect(Workspace.fileName(forName: "***") == "assessment.json")
    }

    @Test func backupsGoToTheStateDirectory() {
        #expect(BackupLocation.fromEnvironment(["XDG_STATE_HOME": "/s", "HOME": "/h"])?.directory == "/s/lifecycle/backups")
        #expect(BackupLocation.fromEnvironment(["HOME": "/h"])?.directory == "/h/.local/state/lifecycle/backups")
    }
}
