import XCTest
@testable import LifecycleCore

final class JSONParserTests: XCTestCase {
    func testParsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(#"{"a": [1, -2.5, 3e2, true, false, null], "b": "x\ny\u00e9\ud83d\ude00", "c": {}}"#)
        XCTAssertEqual(value, .object([
            "a": .array([.number(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null]),
            "b": .string("x\nyé😀"),
            "c": .object([:]),
        ]))
    }

    private func syntaxError(_ text: String, maximumDepth: Int = 64) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(Array(text.utf8), maximumDepth: maximumDepth)
            return nil
        } catch {
            return error
        }
    }

    func testReportsLineAndColumnOfTheProblem() {
        let error = syntaxError("{\n  \"a\": 1,\n  \"b\" 2\n}")
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(error?.column, 7)
        XCTAssertEqual(error?.message, "unexpected '2'; expected ':' after the key")
    }

    func testColumnsCountCharactersNotBytes() {
        let error = syntaxError("{\"é€\": x}")
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.column, 8)
    }

    func testTruncatedDocumentsSaySo() {
        for text in ["{\"a\": [1, 2", "{\"a\": \"unterminated", "{\"a\":", "[", "{\"a\": 1,"] {
            XCTAssertTrue(syntaxError(text)?.message.contains("truncated") ?? false, text)
        }
    }

    func testEmptyInputIsAnError() {
        XCTAssertEqual(syntaxError("")?.message, "the file is empty; expected a JSON value")
        XCTAssertEqual(syntaxError("  \n ")?.message, "the file is empty; expected a JSON value")
    }

    func testDuplicateKeysAreRejected() {
        let error = syntaxError(#"{"a": 1, "a": 2}"#)
        XCTAssertEqual(error?.message, "duplicate key \"a\"")
        XCTAssertEqual(error?.column, 10)
    }

    func testNestingIsCapped() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertEqual(syntaxError(deep)?.message, "nesting deeper than 64 levels")
        XCTAssertNil(syntaxError(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)))
    }

    func testInvalidUTF8IsRejectedWithItsPosition() {
        var bytes = Array("{\"a\": \"caf".utf8)
        bytes.append(0xE9)  // Latin-1 é
        bytes += Array("\"}".utf8)
        XCTAssertThrowsError(try JSONParser.parse(bytes)) { error in
            let syntax = error as! JSONSyntaxError
            XCTAssertEqual(syntax.message, "the file is not valid UTF-8 text")
            XCTAssertEqual(syntax.column, 11)
        }
        XCTAssertNotNil(UTF8Validation.firstInvalidOffset(in: [0xED, 0xA0, 0x80]))  // encoded surrogate
        XCTAssertNotNil(UTF8Validation.firstInvalidOffset(in: [0xC0, 0xAF]))  // overlong
        XCTAssertNil(UTF8Validation.firstInvalidOffset(in: Array("日本語 😀".utf8)))
    }

    func testRejectsWhatRFC8259Rejects() {
        for text in ["{'a': 1}", "[01]", "[1.]", "[.5]", "[1,]", "{\"a\":1,}", "[\"a\tb\"]", "[\"\\x\"]",
                     "[\"\\ud800\"]", "tru", "[1] 2", "NaN", "[1e999]"] {
            XCTAssertNotNil(syntaxError(text), text)
        }
    }

    func testAcceptsALeadingByteOrderMark() throws {
        XCTAssertEqual(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)), .array([.number(1)]))
    }

    // MARK: Streaming one top-level value

    func testStreamedElementsArriveInOrderAndLeaveAnEmptyArray() throws {
        var received: [String] = []
        let text = #"{"questions": [{"id": "a"}, {"id": "b"}], "kind": "stage", "inner": {"questions": [1]}}"#
        let value = try JSONParser.parse(Array(text.utf8), streaming: JSONStream(key: "questions", .elements { position, element in
            received.append("\(position):\(element["id"]?.stringValue ?? "?")")
        }))
        XCTAssertEqual(received, ["0:a", "1:b"])
        XCTAssertEqual(value["questions"], .array([]))
        XCTAssertEqual(value["inner"]?["questions"], .array([.number(1)]), "only the top level is streamed")
        XCTAssertEqual(value["kind"], .string("stage"))
    }

    func testStreamedMembersKeepDuplicateKeyErrorsAndPositions() {
        var keys: [String] = []
        let stream = JSONStream(key: "answers", .members { key, _ in keys.append(key) })
        XCTAssertThrowsError(try JSONParser.parse(Array("{\"answers\": {\"x\": 1,\n \"x\": 2}}".utf8), streaming: stream)) { error in
            let syntax = error as! JSONSyntaxError
            XCTAssertTrue(syntax.message.contains("duplicate key \"x\""), syntax.message)
            XCTAssertEqual(syntax.line, 2)
            XCTAssertEqual(syntax.column, 2)
        }
        XCTAssertEqual(keys, ["x"])
    }

    func testAValueOfAnotherKindStaysInTheTreeForTheDecoderToReport() throws {
        let stream = JSONStream(key: "answers", .members { _, _ in XCTFail("nothing to stream") })
        let value = try JSONParser.parse(Array(#"{"answers": [1, 2]}"#.utf8), streaming: stream)
        XCTAssertEqual(value["answers"], .array([.number(1), .number(2)]))
    }

    func testStreamedSyntaxErrorsMatchThePlainParser() {
        for text in [#"{"answers": {"a": 1"#, #"{"answers": {"a" 1}}"#, #"{"answers": {"a": 1,}}"#, #"{"answers": [1 2]}"#] {
            let plain = Result { try JSONParser.parse(Array(text.utf8)) }
            let streamed = Result { try JSONParser.parse(Array(text.utf8), streaming: JSONStream(key: "answers", .members { _, _ in })) }
            switch (plain, streamed) {
            case (.failure(let a as JSONSyntaxError), .failure(let b as JSONSyntaxError)):
                XCTAssertEqual(a.description, b.description, text)
            default:
                XCTFail("both must fail alike: \(text)")
            }
        }
    }

    /// Decoders that read members straight from the parser still get duplicate keys as
    /// syntax errors, in small objects (compared) and large ones (hashed past 16 keys).
    func testPulledMembersRejectDuplicatesInSmallAndLargeObjects() throws {
        func pull(_ text: String) throws -> [[String]] {
            var objects: [[String]] = []
            let stream = JSONStream(key: "answers", .pullMembers { parser, _ throws(JSONSyntaxError) in
                var keys: [String] = []
                try parser.forEachUniqueMember { parser, key throws(JSONSyntaxError) in
                    keys.append(key)
                    _ = try parser.parseValue()
                }
                objects.append(keys)
            })
            _ = try JSONParser.parse(Array(text.utf8), streaming: stream)
            return objects
        }
        XCTAssertEqual(try pull(#"{"answers": {"a": {"status": "gap", "note": "n"}, "b": {}}}"#), [["status", "note"], []])
        let many = (0..<20).map { "\"k\($0)\": \($0)" }
        XCTAssertEqual(try pull("{\"answers\": {\"a\": {" + many.joined(separator: ", ") + "}}}").first?.count, 20)
        for keys in [["x", "y", "x"], (0..<20).map { "k\($0)" } + ["k3"]] {
            let body = keys.map { "\"\($0)\": 1" }.joined(separator: ", ")
            XCTAssertThrowsError(try pull("{\"answers\": {\"a\": {" + body + "}}}")) { error in
                XCTAssertTrue((error as! JSONSyntaxError).message.contains("duplicate key"), "\(error)")
            }
        }
    }
}
