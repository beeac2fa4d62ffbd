import XCTest
@testable import LifecycleCore

final class CanonicalJSONWriterTests: XCTestCase {
    func testSortsKeysIndentsByTwoAndEndsWithANewline() {
        let text = CanonicalJSONWriter.string(.object([
            "b": .array([.number(1), .string("x")]), "a": .object([:]), "c": .array([]), "B": .bool(true),
        ]))
        XCTAssertEqual(text, """
            {
              "B": true,
              "a": {},
              "b": [
                1,
                "x"
              ],
              "c": []
            }

            """)
    }

    func testEscapesControlCharactersSoTheFileIsSafeToCat() {
        let text = CanonicalJSONWriter.string(.string("a\u{1B}]0;x\u{07}\u{7F}\u{9B}\u{2028}\"\\\n\té"))
        XCTAssertEqual(text, "\"a\\u001b]0;x\\u0007\\u007f\\u009b\\u2028\\\"\\\\\\n\\té\"\n")
        XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    func testNumbersPrintWithoutNeedlessFractions() {
        XCTAssertEqual(CanonicalJSONWriter.format(3), "3")
        XCTAssertEqual(CanonicalJSONWriter.format(-2.5), "-2.5")
        XCTAssertEqual(CanonicalJSONWriter.format(1e300), "1e+300")
    }

    func testWriteThenParseIsTheIdentity() throws {
        let value = JSONValue.object(["note": .string("line 1\nline 2 — ünïcödé 日本 😀 \u{1B}[2J"), "n": .number(0.1), "z": .null])
        XCTAssertEqual(try JSONParser.parse(CanonicalJSONWriter.bytes(value)), value)
    }
}

final class KeyOrderTests: XCTestCase {
    func testKeysSortInByteOrderWithAndWithoutNonASCII() {
        XCTAssertEqual(CanonicalJSONWriter.sortedKeys(["b", "B", "a-b", "a.b", "a", "ab"]), ["B", "a", "a-b", "a.b", "ab", "b"])
        // é (C3 A9) sorts after z in byte order, whatever the locale says.
        XCTAssertEqual(CanonicalJSONWriter.sortedKeys(["é", "z", "e", "Z"]), ["Z", "e", "z", "é"])
        XCTAssertEqual(CanonicalJSONWriter.sortedKeys(["e\u{301}", "é", "f"]), ["e\u{301}", "f", "é"])
    }
}
