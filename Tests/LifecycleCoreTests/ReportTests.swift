import Foundation
import XCTest
@testable import LifecycleCore

final class ReportTests: XCTestCase {
    let catalog = builtInCatalog()

    private func report() -> AssessmentReport {
        var a = Assessment(name: "Pay <ments> & co", reviewers: ["Ana"], maturity: "scaling", catalog: catalog.reference, created: fixedTime())
        a.setAnswer(Answer(status: .partial, note: "half"), for: "storage.retention", at: fixedTime())
        a.setAnswer(Answer(status: .gap, note: "=HYPERLINK(\"http://x\")\nline 2, with \"quotes\" and 日本"), for: "generation.event-rate", at: fixedTime())
        a.setAnswer(Answer(status: .gap), for: "storage.temperature", at: fixedTime())
        a.setAnswer(Answer(status: .notApplicable, reason: "no ML"), for: "ingestion.online-ml", at: fixedTime())
        return AssessmentReport(assessment: a, catalog: catalog)
    }

    func testTheImprovementPlanIsGapsThenPartialsStageByStage() {
        XCTAssertEqual(report().improvementPlan.map(\.questionID), ["generation.event-rate", "storage.temperature", "storage.retention"])
        XCTAssertEqual(report().notApplicable.map(\.questionID), ["ingestion.online-ml"])
    }

    func testMarkdownHasProgressPlanAndReasons() {
        let markdown = ReportRenderers.markdown(report())
        XCTAssertTrue(markdown.hasPrefix("# Architecture review: Pay &lt;ments> & co\n"), markdown)
        XCTAssertTrue(markdown.contains("- Maturity: Scaling with data"))
        XCTAssertTrue(markdown.contains("| Storage | stage | 2/\(report().catalog.area(id: "storage")!.questions.count) | 0 | 1 | 1 | 0 |"))
        XCTAssertTrue(markdown.contains("- **Partial** `storage.retention`"))
        XCTAssertTrue(markdown.contains(": no ML"))
    }

    func testCSVQuotesEverythingAndDefusesFormulas() {
        let csv = ReportRenderers.csv(report())
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}\"area\",\"question_id\""))
        XCTAssertTrue(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\nline 2, with \"\"quotes\"\" and 日本\""), csv)
        XCTAssertEqual(ReportRenderers.csvField("-1+1"), "\"'-1+1\"")
        XCTAssertEqual(ReportRenderers.csvField("@SUM(A1)"), "\"'@SUM(A1)\"")
        XCTAssertEqual(ReportRenderers.csvField("a\u{1B}b"), "\"a^[b\"")
    }

    func testHTMLIsSelfContainedAndEscaped() {
        let html = HTMLReportRenderer.render(report())
        XCTAssertTrue(html.contains("<title>Architecture review: Pay &lt;ments&gt; &amp; co</title>"))
        XCTAssertFalse(html.contains("src=\"http"), "no external assets")
        XCTAssertFalse(html.contains("<link"))
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 2, "progress chart and heat map")
        XCTAssertTrue(html.contains("&quot;quotes&quot;"))
    }

    func testJSONReportParses() throws {
        let value = try JSONParser.parse(CanonicalJSONWriter.bytes(ReportRenderers.json(report())))
        XCTAssertEqual(value["overall"]?["gaps"], .number(2))
        XCTAssertEqual(value["improvementPlan"]?.arrayValue?.count, 3)
    }
}
