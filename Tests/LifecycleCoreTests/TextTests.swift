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

    @Test(arguments: [0x061C, 0xFEFF, 0x200B, 0x2060, 0x00AD, 0x200E, 0x200F, 0x202E, 0x2066, 0x180E, 0xFFF9, 0xE0001] as [UInt32])
    func formatCharactersAreMadeVisible(value: UInt32) {
        let scalar = Unicode.Scalar(value)!
        let hex = String(value, radix: 16, uppercase: true)
        let expected = "a<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">b"
        #expect(TerminalSafeText.escaped("a" + String(scalar) + "b") == expected)
        #expect(TerminalSafeText.escapedKeepingLines("a" + String(scalar) + "b") == expected)
        #expect(!TerminalSafeText.isSafe(String(scalar)))
    }

    @Test func joinersInsideClustersAreKept() {
        let kept = [
            "👨\u{200D}👩\u{200D}👧\u{200D}👦",                       // ZWJ family
            "🏳\u{FE0F}\u{200D}🌈",                                  // ZWJ flag
            "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", // tag sequence
            "🇺🇸 1\u{FE0F}\u{20E3} 👍🏽",
            "می\u{200C}خواهم",                                       // ZWNJ between Persian letters
            "क्\u{200D}ष",                                            // ZWJ in Devanagari
            "\u{0600}١٢",                                            // a number sign is drawn
        ]
        for text in kept {
            #expect(TerminalSafeText.escaped(text) == text, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(TerminalSafeText.isSafe(text))
        }
    }

    @Test func joinersStandingAloneAreMadeVisible() {
        #expect(TerminalSafeText.escaped("\u{200D}x") == "<U+200D>x")
        #expect(TerminalSafeText.escaped("\u{200C}") == "<U+200C>")
        #expect(TerminalSafeText.escaped("\u{E0067}") == "<U+E0067>")
        #expect(TerminalSafeText.escaped("ab\u{200B}\u{200D}cd") == "ab<U+200B><U+200D>cd")
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
