import Foundation
import Testing
@testable import LifecycleCore

/// The helpers that stand in for full Foundation: checked against NSString and the
/// Foundation search options where those exist in the test process.
@Suite struct TextHelperTests {
    @Test(arguments: ["a/b/c.json", "c.json", "/c.json", "/", "a/b/", "a//b", "", "./x", "/a/b//"])
    func pathComponentsMatchNSString(_ path: String) {
        #expect(PathText.lastComponent(of: path) == (path as NSString).lastPathComponent, "last of \(path)")
        #expect(PathText.deletingLastComponent(of: path) == (path as NSString).deletingLastPathComponent, "parent of \(path)")
    }

    @Test(arguments: ["name.json", "name", ".hidden", "a.b.c", "team review.v2.json"])
    func extensionRemovalMatchesNSString(_ name: String) {
        #expect(PathText.deletingExtension(of: name) == (name as NSString).deletingPathExtension)
    }

    @Test func trimmingRemovesSpacesTabsAndLineBreaksOnly() {
        #expect("  \t Q3 review \n".trimmingWhitespace() == "Q3 review")
        #expect(" \n\t ".trimmingWhitespace() == "")
        #expect("a b".trimmingWhitespace() == "a b")
        #expect("\u{00A0}x\u{2003}".trimmingWhitespace() == "x", "no-break and em spaces count as space")
    }

    @Test func zeroPaddingMatchesPrintf() {
        #expect(String(7, zeroPaddedTo: 2) == "07")
        #expect(String(2026, zeroPaddedTo: 4) == "2026")
        #expect(String(12345, zeroPaddedTo: 4) == "12345")
        #expect(String(0, zeroPaddedTo: 2) == "00")
    }

    @Test func foldingIgnoresCaseAndAccents() {
        #expect(SearchFolding.fold("Café ÉTÉ") == "cafe ete")
        #expect(SearchFolding.fold("cafe\u{301}") == "cafe", "a combining accent is dropped")
        #expect(SearchFolding.fold("Ångström Øre Żółw") == "angstrom ore zolw")
        #expect(SearchFolding.fold("ΆΛΦΑ") == "αλφα")
        #expect(SearchFolding.fold("日本語") == "日本語", "scripts without case pass through")
    }

    @Test func everyWordMustMatch() {
        #expect(SearchFolding.matchesAllWords("RÉVERSE etl", in: "Reverse ETL feeds"))
        #expect(!SearchFolding.matchesAllWords("reverse kafka", in: "Reverse ETL feeds"))
        #expect(SearchFolding.matchesAllWords("  spaced   words ", in: "words, spaced"))
    }
}

@Suite struct AbbreviatedListTests {
    @Test func longListsAreCutWithACount() {
        let ids = (1...12).map { "q\($0)" }
        #expect(AbbreviatedList.text(ids) == "q1, q2, q3, q4, q5, q6, q7, q8, q9, q10 and 2 more")
        #expect(AbbreviatedList.text(Array(ids.prefix(3))) == "q1, q2, q3")
        #expect(AbbreviatedList.text([]) == "")
    }

    @Test func itemsAreMadeTerminalSafe() {
        #expect(!AbbreviatedList.text(["a\u{1B}[31mred"]).contains("\u{1B}"))
    }
}

@Suite struct ASCIIFallbackTests {
    @Test func symbolsAreSpelledOutAndLettersLoseTheirAccents() {
        #expect(ASCIIFallback.text("a · b → c … “d” – e") == "a - b -> c ... \"d\" - e")
        #expect(ASCIIFallback.text("Café Ångström Øre Straße naïve") == "Cafe Angstrom Ore Strasse naive")
        #expect(ASCIIFallback.text("cafe\u{301}") == "cafe", "a combining accent goes with its letter")
        #expect(ASCIIFallback.text("plain ASCII ~!") == "plain ASCII ~!")
    }

    @Test func anythingElseBecomesQuestionMarksAsWideAsItWas() {
        #expect(ASCIIFallback.text("東京") == "????")
        #expect(ASCIIFallback.text("🇺🇸|👨\u{200D}👩\u{200D}👧|ж") == "??|??|?")
        #expect(ASCIIFallback.text("x\u{301}") == "x")
    }
}
