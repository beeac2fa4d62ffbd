import Glibc
import Testing
@testable import LifecycleCore

/// Display width per grapheme cluster, and per code point against glibc's `wcwidth`
/// (what ncurses and most terminals use) under a UTF-8 locale.
@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("🇺🇸", 2, "a flag: two regional indicators"),
        ("👨\u{200D}👩\u{200D}👧\u{200D}👦", 2, "a family: seven code points joined by U+200D"),
        ("🏳\u{FE0F}\u{200D}🌈", 2, "a ZWJ sequence starting with a text-default emoji"),
        ("1\u{FE0F}\u{20E3}", 2, "a keycap"),
        ("#\u{20E3}", 2, "a keycap without the presentation selector"),
        ("👍🏽", 2, "an emoji with a skin tone"),
        ("☝🏽", 2, "a text-default emoji with a skin tone"),
        ("☺\u{FE0F}", 2, "emoji presentation of a text-default character"),
        ("⌚\u{FE0E}", 1, "text presentation of an emoji-default character"),
        ("☺\u{FE0E}", 1, "text presentation of a text-default character"),
        ("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", 2, "a tag sequence (England)"),
        ("e\u{301}", 1, "a letter and a combining accent"),
        ("\u{1100}\u{1161}\u{11A8}", 2, "a Hangul syllable from conjoining jamo"),
        ("日", 2, "CJK"),
        ("🇺", 1, "a lone regional indicator"),
        ("a\u{FE0F}", 1, "a presentation selector on a letter changes nothing"),
    ])
    func clustersTakeTheirWidthAsAWhole(text: String, width: Int, what: String) {
        #expect(text.count == 1, "\(what) is one Character")
        #expect(DisplayWidth.of(text) == width, "\(what)")
    }

    @Test func cuttingNeverSplitsACluster() {
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
        #expect(DisplayWidth.truncated("ab" + family + "cd", toWidth: 4) == "ab…")
        #expect(DisplayWidth.truncated("ab" + family + "cd", toWidth: 5) == "ab" + family + "…")
        #expect(DisplayWidth.split("🇺🇸🇫🇷", atWidth: 3) == ("🇺🇸", "🇫🇷"))
        #expect(WordWrap.lines("🇺🇸🇺🇸🇺🇸", width: 4) == ["🇺🇸🇺🇸", "🇺🇸"])
    }

    @Test func asciiEllipsisIsThreeDots() {
        #expect(DisplayWidth.truncated("hello world", toWidth: 8, ellipsis: DisplayWidth.ellipsis(ascii: true)) == "hello...")
        #expect(DisplayWidth.truncated("hello world", toWidth: 2, ellipsis: "...") == "..")
        #expect(DisplayWidth.padded("日本語", toWidth: 5, ellipsis: "...") == "日...")
    }

    /// Every assigned code point that glibc knows, except the deliberate differences below.
    @Test func singleCodePointsAgreeWithGlibc() throws {
        let wcwidth = try #require(Self.wcwidth)
        let locale = try #require(newlocale(LC_CTYPE_MASK, "C.UTF-8", nil), "the C.UTF-8 locale is missing")
        let previous = uselocale(locale)  // this thread only; other tests run on
        defer { uselocale(previous); freelocale(locale) }
        #expect(wcwidth(0x65E5) == 2, "the UTF-8 locale is in effect")

        var disagreements: [String] = []
        var compared = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let category = scalar.properties.generalCategory
            if category == .unassigned { continue }
            let theirs = Int(wcwidth(wchar_t(bitPattern: value)))
            let ours = DisplayWidth.of(scalar)
            if theirs == -1 {
                // Controls and line/paragraph separators are non-printing to glibc; we
                // count no column for them because they are escaped before display.
                // Anything else glibc does not know is newer than its Unicode tables.
                if [.control, .lineSeparator, .paragraphSeparator].contains(category) {
                    if ours != 0 { disagreements.append(Self.describe(scalar, ours, theirs)) }
                }
                continue
            }
            compared += 1
            if ours != theirs && !Self.deliberate(value) { disagreements.append(Self.describe(scalar, ours, theirs)) }
        }
        #expect(compared > 250_000)
        #expect(disagreements.isEmpty, "\(disagreements.count): \(disagreements.prefix(20).joined(separator: "; "))")
        for value in Self.deliberateDifferences.flatMap({ $0 }) where Unicode.Scalar(value) != nil {
            let theirs = Int(wcwidth(wchar_t(bitPattern: value)))
            #expect(theirs == -1 || theirs != DisplayWidth.of(Unicode.Scalar(value)!),
                    "U+\(String(value, radix: 16)) is listed as a difference but agrees with glibc")
        }
    }

    /// Where a cluster's width is not the sum of glibc's widths of its code points, and
    /// why: terminals that draw emoji sequences as one glyph use two columns for them.
    @Test func emojiSequencesDifferFromSummingCodePoints() throws {
        let wcwidth = try #require(Self.wcwidth)
        let locale = try #require(newlocale(LC_CTYPE_MASK, "C.UTF-8", nil))
        let previous = uselocale(locale)
        defer { uselocale(previous); freelocale(locale) }
        let sum: (String) -> Int = { $0.unicodeScalars.reduce(0) { $0 + max(0, Int(wcwidth(wchar_t(bitPattern: $1.value)))) } }
        let cases: [(String, ours: Int, glibcSum: Int)] = [
            ("👨\u{200D}👩\u{200D}👧\u{200D}👦", 2, 8),  // glibc counts every member of the family
            ("☺\u{FE0F}", 2, 1),                           // emoji presentation sequence
            ("1\u{FE0F}\u{20E3}", 2, 1),                   // keycap
            ("⌚\u{FE0E}", 1, 2),                          // text presentation sequence
            ("🇺🇸", 2, 2),                                 // a flag: same total, by two 1-column halves
        ]
        for (text, ours, glibcSum) in cases {
            #expect(DisplayWidth.of(text) == ours, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(sum(text) == glibcSum, "glibc's sum for \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Single code points where we differ from glibc 2.36 on purpose (besides controls,
    /// above; the differences for sequences are in the test before).
    static let deliberateDifferences: [ClosedRange<UInt32>] = [
        // AHOM CONSONANT SIGN MEDIAL RA is a spacing mark (Mc) in current Unicode; glibc
        // still treats it as non-spacing.
        0x1171E...0x1171E,
    ]

    static func deliberate(_ value: UInt32) -> Bool {
        deliberateDifferences.contains { $0.contains(value) }
    }

    static func describe(_ scalar: Unicode.Scalar, _ ours: Int, _ theirs: Int) -> String {
        "U+\(String(scalar.value, radix: 16, uppercase: true)) \(scalar.properties.name ?? "") ours \(ours) glibc \(theirs)"
    }

    /// glibc's wcwidth, looked up at run time: Swift's Glibc module does not export it.
    static let wcwidth: (@convention(c) (wchar_t) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (wchar_t) -> Int32).self)
    }()
}
