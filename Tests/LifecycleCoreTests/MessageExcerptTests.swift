import XCTest
@testable import LifecycleCore

/// Messages quote at most a short excerpt of what a file holds: one error line must not
/// become a screenful because the file holds a 100,000-digit number or key.
final class MessageExcerptTests: XCTestCase {
    static let hugeNumber = String(repeating: "9", count: 100_000)
    static let hugeText = String(repeating: "x", count: 100_000)
    /// Room for the message's own words around one excerpt.
    static let longestMessage = 200

    func testAnExcerptIsShortSafeAndMarkedWhenCut() {
        XCTAssertEqual(Excerpt.of("gap"), "gap")
        XCTAssertEqual(Excerpt.of("a\u{1B}[2J"), "a^[[2J")
        XCTAssertEqual(Excerpt.of(Self.hugeText), String(repeating: "x", count: Excerpt.limit) + "…")
        XCTAssertEqual(Excerpt.of(String(repeating: "\u{1B}", count: 40)), String(repeating: "^[", count: 30) + "…",
                       "the limit counts what is shown")
        XCTAssertEqual(Excerpt.of("ingestion.batch-versus-streaming-tradeoffs"), "ingestion.batch-versus-streaming-tradeoffs",
                       "question ids are quoted whole")
    }

    func testAHundredThousandDigitNumberIsQuotedShort() {
        let document = "{\n  \"formatVersion\": \(Self.hugeNumber)\n}\n"
        XCTAssertThrowsError(try JSONParser.parse(Array(document.utf8))) { error in
            let message = (error as? JSONSyntaxError)?.description ?? "\(error)"
            XCTAssertLessThan(message.count, Self.longestMessage, String(message.prefix(300)))
            XCTAssertTrue(message.hasPrefix("2:20: number 99999"), String(message.prefix(300)))
            XCTAssertTrue(message.contains("… is out of range"), String(message.prefix(300)))
        }
    }

    func testValidatingSuchAFileReportsShortLines() throws {
        let directory = TemporaryDirectory()
        let catalog = try CatalogLoader.builtInCatalog()
        let validator = DocumentValidator(catalog: catalog)
        let files = [
            directory.write("number.json", "{\"formatVersion\": \(Self.hugeNumber)}"),
            directory.write("key.json", "{\"\(Self.hugeText)\": 1, \"\(Self.hugeText)\": 2}"),
            directory.write("status.json", """
                {"formatVersion": 1, "name": "n", "created": "2026-11-27T10:00:00Z",
                 "catalog": {"id": "fundamentals-of-data-engineering", "version": "1.0.0"},
                 "maturity": "\(Self.hugeText)",
                 "answers": {"\(Self.hugeText)": {"status": "\(Self.hugeText)", "changed": "\(Self.hugeText)"}}}
                """),
        ]
        for file in files {
            let report = validator.validate(path: file)
            XCTAssertFalse(report.errors.isEmpty, file)
            for line in report.errors + report.warnings {
                XCTAssertLessThan(line.count, 2 * Self.longestMessage + file.count, String(line.prefix(400)))
                XCTAssertFalse(line.contains(String(repeating: "x", count: Excerpt.limit + 1)), String(line.prefix(400)))
                XCTAssertFalse(line.contains(String(repeating: "9", count: Excerpt.limit + 1)), String(line.prefix(400)))
                XCTAssertTrue(line.contains("xxx…") || line.contains("999…"), String(line.prefix(400)))
            }
        }
    }
}
