import XCTest
@testable import LifecycleCore

/// The risk-rule condition language: precedence, parentheses, `!`, errors with columns,
/// and writing a condition back so it parses to the same thing.
final class RiskConditionTests: XCTestCase {
    private func parse(_ text: String) throws -> RiskCondition { try RiskCondition.parse(text) }

    func testPrecedenceIsNotThenAndThenOr() throws {
        XCTAssertEqual(try parse("a || b && c"), .or(.choice("a"), .and(.choice("b"), .choice("c"))))
        XCTAssertEqual(try parse("a && b || c"), .or(.and(.choice("a"), .choice("b")), .choice("c")))
        XCTAssertEqual(try parse("!a && b"), .and(.not(.choice("a")), .choice("b")))
        XCTAssertEqual(try parse("!(a && b)"), .not(.and(.choice("a"), .choice("b"))))
        XCTAssertEqual(try parse("!!a"), .not(.not(.choice("a"))))
        XCTAssertEqual(try parse("a || b || c"), .or(.or(.choice("a"), .choice("b")), .choice("c")), "left to right")
        XCTAssertEqual(try parse("  default  "), .always)
        XCTAssertEqual(try parse("((c1 || c2) && c3) || (!c1 && c3)"),
                       .or(.and(.or(.choice("c1"), .choice("c2")), .choice("c3")), .and(.not(.choice("c1")), .choice("c3"))))
        XCTAssertEqual(try parse("a&&b"), .and(.choice("a"), .choice("b")), "spaces are optional")
        XCTAssertEqual(try parse("a\n&&\tb"), .and(.choice("a"), .choice("b")), "any whitespace, as multi-line lens text has")
    }

    func testSyntaxErrorsSayWhereWithTheColumn() {
        let cases: [(String, Int, String)] = [
            ("", 1, "empty"),
            ("a &&", 5, "found the end"),
            ("a & b", 3, "`&` alone"),
            ("a | b", 3, "`|` alone"),
            ("(a || b", 1, "never closed"),
            ("a || b)", 7, "without its `(`"),
            ("a b", 3, "found `b`"),
            ("&& a", 1, "before `&&`"),
            ("default && a", 1, "must be the whole condition"),
            ("a || default", 6, "must be the whole condition"),
            ("é", 1, "cannot be part of a choice id"),
            ("a && 🇫🇷", 6, "cannot be part of a choice id"),
            ("()", 2, "found `)`"),
        ]
        for (text, column, message) in cases {
            do {
                _ = try RiskCondition.parse(text)
                XCTFail("\(text) parsed")
            } catch {
                XCTAssertEqual(error.column, column, "\(text): \(error)")
                XCTAssertTrue(error.message.contains(message), "\(text): \(error.message)")
            }
        }
    }

    func testHostileNestingIsRefusedNotAStackOverflow() {
        let deep = String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000)
        XCTAssertThrowsError(try RiskCondition.parse(deep))
        let nots = String(repeating: "!", count: 10_000) + "a"
        XCTAssertThrowsError(try RiskCondition.parse(nots))
        XCTAssertNoThrow(try RiskCondition.parse(String(repeating: "(", count: 30) + "a" + String(repeating: ")", count: 30)))
        // Short enough to pass the length limit, too deep to recurse into.
        XCTAssertThrowsError(try RiskCondition.parse(String(repeating: "(", count: 40) + "a" + String(repeating: ")", count: 40))) {
            XCTAssertTrue(($0 as? RiskConditionError)?.message.contains("nested deeper") == true, "\($0)")
        }
        XCTAssertThrowsError(try RiskCondition.parse(String(repeating: "!", count: 40) + "a"))
    }

    func testEvaluation() throws {
        let condition = try parse("((c1 || c2) && c3) || (!c1 && c3)")
        let table: [([String], Bool)] = [([], false), (["c3"], true), (["c1"], false), (["c1", "c3"], true),
                                         (["c2", "c3"], true), (["c1", "c2"], false)]
        for (selected, expected) in table {
            XCTAssertEqual(condition.isTrue(selected: Set(selected)), expected, "\(selected)")
        }
    }

    func testAnUnknownChoiceBecomesNeverSelectedAndTheConditionIsSimplified() throws {
        let unknown: Set<String> = ["ghost"]
        XCTAssertNil(try parse("a && ghost").assuming(unselected: unknown), "can never hold")
        XCTAssertEqual(try parse("a || ghost").assuming(unselected: unknown), .choice("a"))
        XCTAssertEqual(try parse("!ghost").assuming(unselected: unknown), .always)
        XCTAssertEqual(try parse("a && !ghost").assuming(unselected: unknown), .choice("a"))
        XCTAssertEqual(try parse("!ghost || a").assuming(unselected: unknown), .always)
        XCTAssertNil(try parse("!(a || !ghost)").assuming(unselected: unknown))
        // The simplified condition means the same for every selection of the known choices.
        let original = try parse("(a && !ghost) || (b && ghost) || !(c || ghost)")
        let simplified = try XCTUnwrap(original.assuming(unselected: unknown))
        for mask in 0..<8 {
            let selected = Set(["a", "b", "c"].enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element))
            XCTAssertEqual(simplified.isTrue(selected: selected), original.isTrue(selected: selected), "\(selected)")
        }
    }

    func testTheWrittenFormParsesBackToTheSameCondition() throws {
        var random = SeededGenerator(seed: 20261128)
        func make(_ depth: Int) -> RiskCondition {
            if depth == 0 { return .choice(["a", "b_1", "c-2", "d"][Int.random(in: 0..<4, using: &random)]) }
            switch Int.random(in: 0..<4, using: &random) {
            case 0: return .not(make(depth - 1))
            case 1: return .and(make(depth - 1), make(depth - 1))
            case 2: return .or(make(depth - 1), make(depth - 1))
            default: return make(0)
            }
        }
        for _ in 0..<2000 {
            let condition = make(Int.random(in: 0...5, using: &random))
            XCTAssertEqual(try parse(condition.text), condition, condition.text)
        }
        XCTAssertEqual(try parse("a || b && c").text, "a || (b && c)", "&& inside || gets parentheses for readers")
    }
}
