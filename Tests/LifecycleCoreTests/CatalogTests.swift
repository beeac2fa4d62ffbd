import Foundation
import XCTest
@testable import LifecycleCore
import LifecycleContent

final class CatalogTests: XCTestCase {
    let catalog = builtInCatalog()

    func testAreasAreTheFiveStagesThenTheSixUndercurrentsInLifecycleOrder() {
        XCTAssertEqual(catalog.areas.map(\.id), [
            "generation", "storage", "ingestion", "transformation", "serving",
            "security", "data-management", "dataops", "data-architecture", "orchestration", "software-engineering",
        ])
        XCTAssertEqual(catalog.stages.count, 5)
        XCTAssertEqual(catalog.undercurrents.count, 6)
        XCTAssertTrue(catalog.areas.prefix(5).allSatisfy { $0.kind == .stage })
    }

    func testEveryAreaMeetsItsMinimumQuestionCount() {
        let minimums = [
            "generation": 15, "storage": 10, "ingestion": 16, "transformation": 6, "serving": 10,
            "security": 8, "data-management": 10, "dataops": 6, "data-architecture": 12,
            "orchestration": 6, "software-engineering": 8,
        ]
        for (areaID, minimum) in minimums {
            let count = catalog.area(id: areaID)?.questions.count ?? 0
            XCTAssertGreaterThanOrEqual(count, minimum, "\(areaID) has \(count) questions")
        }
    }

    func testServingCoversAnalyticsMachineLearningAndReverseETL() {
        let ids = Set(catalog.area(id: "serving")!.questions.map(\.id))
        for expected in ["serving.decision-dashboards", "serving.operational-analytics", "serving.embedded-analytics",
                         "serving.ml-feature-quality", "serving.ml-discoverability", "serving.ml-boundary",
                         "serving.ground-truth", "serving.training-bias", "serving.reverse-etl-lineage", "serving.semantic-layer"] {
            XCTAssertTrue(ids.contains(expected), expected)
        }
    }

    func testDataArchitectureCoversTheNinePrinciples() {
        let ids = Set(catalog.area(id: "data-architecture")!.questions.map(\.id))
        for principle in ["common-components", "plan-for-failure", "scalability", "leadership", "target-architecture",
                          "loose-coupling", "reversible-decisions", "security-review", "finops"] {
            XCTAssertTrue(ids.contains("data-architecture." + principle), principle)
        }
    }

    func testQuestionIDsAreUniqueWellFormedAndCarryTheirAreaPrefix() {
        var seen: Set<String> = []
        for area in catalog.areas {
            for question in area.questions {
                XCTAssertTrue(seen.insert(question.id).inserted, "duplicate \(question.id)")
                XCTAssertTrue(question.id.hasPrefix(area.id + "."), question.id)
                XCTAssertNotNil(question.id.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression), question.id)
            }
        }
        XCTAssertEqual(seen.count, catalog.questionCount)
    }

    func testEveryQuestionHasTextHintTagsAndAChapter() {
        for area in catalog.areas {
            XCTAssertFalse(area.summary.isEmpty, area.id)
            XCTAssertFalse(area.whyItMatters.isEmpty, area.id)
            XCTAssertGreaterThanOrEqual(area.pitfalls.count, 2, area.id)
            for question in area.questions {
                XCTAssertTrue(question.text.hasSuffix("?"), "\(question.id) should be phrased as a question")
                XCTAssertGreaterThan(question.hint.count, 15, question.id)
                XCTAssertFalse(question.tags.isEmpty, question.id)
                XCTAssertTrue((1...11).contains(question.chapter), question.id)
            }
        }
    }

    func testQuestionTextsAreDistinct() {
        let texts = catalog.areas.flatMap { $0.questions.map { $0.text.lowercased() } }
        XCTAssertEqual(Set(texts).count, texts.count)
    }

    func testTheSeedsHashtagsAreUsedAsTags() {
        let tags = Set(catalog.areas.flatMap { $0.questions.flatMap(\.tags) })
        for tag in ["decoupling", "reversible", "finops", "bottleneck", "idempotent", "scale-down", "scale-up", "architecture", "logs"] {
            XCTAssertTrue(tags.contains(tag), tag)
        }
    }

    func testTheMatrixHasAllThirtyCellsWithTopicsAndKnownQuestions() {
        XCTAssertEqual(catalog.matrix.count, 30)
        for stage in catalog.stages {
            for undercurrent in catalog.undercurrents {
                let cell = catalog.cell(stage: stage.id, undercurrent: undercurrent.id)
                XCTAssertNotNil(cell, "\(stage.id) x \(undercurrent.id)")
                XCTAssertFalse(cell?.topics.isEmpty ?? true)
                for id in cell?.questionIDs ?? [] { XCTAssertTrue(catalog.containsQuestion(id), id) }
            }
        }
    }

    func testTheThreeMaturityStagesAreData() {
        XCTAssertEqual(catalog.maturityStages.map(\.id), ["starting", "scaling", "leading"])
        XCTAssertTrue(catalog.maturityStages.allSatisfy { !$0.focus.isEmpty && !$0.pitfalls.isEmpty })
    }

    /// content/ is the single source: the embedded copy must be exactly the files on disk.
    func testTheEmbeddedCatalogIsExactlyTheContentFolder() throws {
        let folder = packageRoot + "/content"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }
        XCTAssertEqual(Set(names.map { "content/" + $0 }), Set(EmbeddedResources.files.keys.filter { $0.hasPrefix("content/") }))
        for name in names {
            let onDisk = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            XCTAssertEqual(EmbeddedResources.text("content/" + name), onDisk, name)
        }
    }

    func testCatalogHashChangesWithContent() throws {
        var files = EmbeddedResources.files.filter { $0.key.hasPrefix("content/") }
        let original = try CatalogLoader.load(files: files)
        files["content/dataops.json"] = files["content/dataops.json"]!.replacingOccurrences(of: "\"summary\": \"", with: "\"summary\": \"Changed: ")
        let changed = try CatalogLoader.load(files: files)
        XCTAssertEqual(original.contentHash, builtInCatalog().contentHash)
        XCTAssertNotEqual(original.contentHash, changed.contentHash)
    }

    func testBrokenContentIsReportedWithFileAndPath() {
        var files = EmbeddedResources.files.filter { $0.key.hasPrefix("content/") }
        files["content/storage.json"] = files["content/storage.json"]!
            .replacingOccurrences(of: "\"id\": \"storage.retention\"", with: "\"id\": \"generation.retention\"")
        files["content/orchestration.json"] = "{ \"id\": "
        XCTAssertThrowsError(try CatalogLoader.load(files: files)) { error in
            let text = (error as! CatalogError).description
            let index = catalog.area(id: "storage")!.questions.firstIndex { $0.id == "storage.retention" }!
            XCTAssertTrue(text.contains("content/storage.json: $.questions[\(index)].id: \"generation.retention\" must begin with \"storage.\""), text)
            XCTAssertTrue(text.contains("content/orchestration.json: 1:9:"), text)
        }
    }

    func testAQuestionMayCarryChoicesWithoutBreakingOthers() {
        var problems: [ValidationProblem] = []
        let area = CatalogLoader.parseArea(try! JSONParser.parse("""
            {"id": "x", "kind": "stage", "title": "X", "summary": "s", "why": "w", "pitfalls": [],
             "questions": [{"id": "x.one", "text": "One?", "hint": "h", "tags": ["t"], "chapter": 2,
                            "choices": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]}]}
            """), problems: &problems)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(area?.questions.first?.choices.map(\.id), ["a", "b"])
    }
    func testAMatrixTopicMayNameTheQuestionsThatReviewIt() {
        var problems: [ValidationProblem] = []
        let cells = CatalogLoader.parseMatrix(try! JSONParser.parse("""
            {"cells": [{"stage": "s", "undercurrent": "u", "questions": ["s.old"],
                        "topics": ["plain", {"text": "named", "questions": ["s.a", "s.b"]}, {"text": "again", "questions": ["s.a"]}]}]}
            """), problems: &problems)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(cells.first?.topics, ["plain", "named", "again"])
        XCTAssertEqual(cells.first?.topicQuestionIDs, [[], ["s.a", "s.b"], ["s.a"]])
        XCTAssertEqual(cells.first?.questionIDs, ["s.old", "s.a", "s.b"])
    }

    func testAMalformedMatrixTopicIsNamedByPath() {
        var problems: [ValidationProblem] = []
        _ = CatalogLoader.parseMatrix(try! JSONParser.parse("""
            {"cells": [{"stage": "s", "undercurrent": "u", "topics": [3, {"questions": ["s.a"]}, {"text": "t", "questions": "s.a"}]}]}
            """), problems: &problems)
        XCTAssertEqual(problems.map(\.description), [
            "$.cells[0].topics[0]: expected a string or an object with \"text\", found a number",
            "$.cells[0].topics[1].text: missing (expected a string)",
            "$.cells[0].topics[2].questions: expected an array of strings, found a string",
        ])
    }
}
