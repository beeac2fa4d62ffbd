import Foundation
import XCTest
@testable import LifecycleCore

/// Packs: the checks `pack validate` reports, risk from status and from choices, the
/// built-in packs, and where packs are found.
final class PackTests: XCTestCase {
    private func problems(_ json: String) -> (errors: [String], warnings: [String]) {
        let reading = PackDecoder.read(bytes: Array(json.utf8))
        return (reading.errors.map(\.description), reading.warnings.map(\.description))
    }

    private func pack(questions: String, extra: String = "") -> String {
        #"{"id": "team-standards", "version": "2", "title": "Team standards", \#(extra) "areas": [{"id": "ops", "title": "Operations", "questions": [\#(questions)]}]}"#
    }

    func testEveryProblemIsReportedWithItsPath() {
        let question = #"""
        {"id": "ops.alerts", "text": "How are failures noticed?", "choices": [
           {"id": "paged", "title": "Someone is paged", "plan": "Page the owner."},
           {"id": "paged", "title": "Twice", "plan": "x"},
           {"id": "ops_no", "title": "None of these", "none": true},
           {"id": "other_no", "title": "None either", "none": true},
           {"id": "bad id", "title": "Spaces", "plan": "p"}],
         "riskRules": [{"condition": "paged && (ghost", "risk": "none"},
                       {"condition": "ghost || paged", "risk": "medium"},
                       {"condition": "paged", "risk": "severe"}]},
        {"id": "ops.alerts", "text": "Again", "riskRules": [{"condition": "default", "risk": "high"}]},
        {"id": "other.thing", "text": "Wrong area", "resources": [{"text": "Click", "url": "javascript:alert(1)"}]},
        {"id": "ops.typo", "text": "T", "riskrules": []}
        """#
        let found = problems(pack(questions: question, extra: #""id2": 1,"#))
        let expected = [
            "$.id2: unknown key",
            "$.areas[0].questions[0].riskRules[0].condition: column 10: the `(` here is never closed in \"paged && (ghost\"",
            "$.areas[0].questions[0].riskRules[2].risk: unknown risk \"severe\" (expected high, medium or none)",
            "$.areas[0].questions[3].riskrules: unknown key",
            "$.areas[0].questions[0].choices[1].id: duplicate choice id \"paged\" in this question",
            "$.areas[0].questions[0].choices[4].id: \"bad id\" is not a choice id",
            "$.areas[0].questions[0].choices: 2 choices are marked \"none of these\"; at most one may be",
            "$.areas[0].questions[0].riskRules[1].condition: names \"ghost\", which is not a choice of this question",
            "$.areas[0].questions[0].riskRules: no default rule",
            "$.areas[0].questions[1].id: duplicate question id \"ops.alerts\" (first at $.areas[0].questions[0])",
            "$.areas[0].questions[1].riskRules: risk rules need choices",
            "$.areas[0].questions[2].id: \"other.thing\" must start with its area's id: ops.NAME",
            "$.areas[0].questions[2].resources[0].url: \"javascript:alert(1)\" is not an http(s) link",
        ]
        for fragment in expected {
            XCTAssertTrue(found.errors.contains { $0.hasPrefix(fragment) || $0.contains(fragment) }, "missing: \(fragment)\nin:\n\(found.errors.joined(separator: "\n"))")
        }
        XCTAssertEqual(found.errors.count, expected.count, found.errors.joined(separator: "\n"))
    }

    func testWarningsAreWhatAReviewerShouldKnowButDoesNotBreakThePack() {
        let question = #"""
        {"id": "ops.alerts", "text": "How are failures noticed?", "choices": [
           {"id": "paged", "title": "Someone is paged", "plan": "TBD"},
           {"id": "logged", "title": "Failures are logged"}],
         "riskRules": [{"condition": "paged", "risk": "none"}, {"condition": "default", "risk": "high"},
                       {"condition": "logged", "risk": "high"}]}
        """#
        let found = problems(pack(questions: question))
        XCTAssertEqual(found.errors, [])
        XCTAssertEqual(found.warnings, [
            "$.areas[0].questions[0].choices[0].plan: the improvement plan \"TBD\" looks like a placeholder",
            "$.areas[0].questions[0].choices[1].plan: no improvement plan: the plan will say nothing for this choice",
            "$.areas[0].questions[0].riskRules[2]: can never apply: the default rule at riskRules[1] always holds before it",
            "$.areas[0].questions[0].riskRules[2].risk: a second rule for risk high (an AWS lens allows one rule per risk level)",
        ])
    }

    func testLimitsAndIDs() {
        let choices = (0..<51).map { #"{"id": "c\#($0)", "title": "C", "plan": "P"}"# }.joined(separator: ",")
        let found = problems(pack(questions: #"{"id": "ops.many", "text": "T", "choices": [\#(choices)], "riskRules": [{"condition": "default", "risk": "high"}]}"#))
        XCTAssertTrue(found.errors.contains { $0.contains("51 choices, more than the limit of 50") }, "\(found.errors)")
        XCTAssertTrue(problems(#"{"id": "Team", "version": "1", "title": "T", "areas": []}"#).errors
            .contains { $0.hasPrefix("$.id: \"Team\" is not a pack id") })
        XCTAssertTrue(problems(#"{"id": "t", "version": "1", "title": "T", "areas": []}"#).errors.contains("$.areas: a pack needs at least one area"))
        XCTAssertEqual(problems("{").errors, ["$: 1:2: the file ends too early (truncated?) inside an object"])
    }

    func testRiskComesFromTheFirstTrueRuleOrFromTheStatus() throws {
        let pack = try XCTUnwrap(PackDecoder.read(bytes: Array(pack(questions: #"""
            {"id": "ops.alerts", "text": "How are failures noticed?", "choices": [
               {"id": "paged", "title": "Paged", "plan": "Page."},
               {"id": "logged", "title": "Logged", "plan": "Log."},
               {"id": "ops_no", "title": "None of these", "none": true}],
             "riskRules": [{"condition": "paged && logged", "risk": "none"},
                           {"condition": "paged || logged", "risk": "medium"},
                           {"condition": "default", "risk": "high"}]},
            {"id": "ops.status", "text": "Plain?"}
            """#, extra: #""statusRisk": {"partial": "high"},"#).utf8)).pack)
        let question = try XCTUnwrap(pack.question(id: "ops.alerts"))
        let table: [([String], AnswerRisk)] = [
            ([], .unanswered), (["ops_no"], .rated(.high)), (["paged"], .rated(.medium)),
            (["logged"], .rated(.medium)), (["paged", "logged"], .rated(.none)),
        ]
        for (choices, risk) in table {
            XCTAssertEqual(question.risk(of: Answer(choices: choices), statusRisk: pack.statusRisk), risk, "\(choices)")
        }
        XCTAssertEqual(question.risk(of: Answer(status: .notApplicable, choices: ["paged"])), .notApplicable)
        // Order matters: the first true rule wins.
        var reordered = question
        reordered.riskRules.swapAt(0, 1)
        XCTAssertEqual(reordered.risk(selected: ["paged", "logged"]), .medium)
        // A status question follows the pack's mapping (this pack treats partial as high).
        let status = try XCTUnwrap(pack.question(id: "ops.status"))
        XCTAssertEqual(status.risk(of: Answer(status: .partial), statusRisk: pack.statusRisk), .rated(.high))
        XCTAssertEqual(status.risk(of: Answer(status: .gap), statusRisk: pack.statusRisk), .rated(.high))
        XCTAssertEqual(status.risk(of: Answer(status: .addressed), statusRisk: pack.statusRisk), .rated(.none))
        XCTAssertEqual(status.risk(of: Answer()), .unanswered)
        XCTAssertEqual(StatusRisk.status(for: .medium), .partial, "a choice question's stored status follows its risk")
    }

    func testTheBuiltInPacks() throws {
        let catalog = builtInCatalog()
        let packs = PackLibrary.builtIn(catalog: catalog)
        XCTAssertEqual(packs.map(\.id), ["fundamentals", "operational-readiness"])
        XCTAssertEqual(PackLibrary.builtInIDs, Set(packs.map(\.id)), "the reserved ids are the built-in packs'")
        let fundamentals = packs[0]
        XCTAssertEqual(fundamentals.questionCount, catalog.questionCount)
        XCTAssertEqual(fundamentals.choiceQuestionCount, 0)
        // The book's pack is valid as a pack too.
        XCTAssertTrue(PackDecoder.read(bytes: PackEncoder.bytes(fundamentals)).isValid)

        let bytes = Array(try XCTUnwrap(FileManager.default.contents(atPath: packageRoot + "/content/operational-readiness.pack.json")))
        let reading = PackDecoder.read(bytes: bytes)
        XCTAssertTrue(reading.isValid, "\(reading.errors)")
        XCTAssertEqual(reading.warnings, [], "the project's own pack has no placeholder or dead rule")
        let readiness = try XCTUnwrap(reading.pack)
        XCTAssertGreaterThanOrEqual(readiness.choiceQuestionCount, 40)
        XCTAssertEqual(readiness.choiceQuestionCount, readiness.questionCount, "every question answered by choices")
        for question in readiness.questions {
            XCTAssertNotNil(question.noneChoice, question.id)
            XCTAssertEqual(question.riskRules.last?.condition, .always, question.id)
            for choice in question.choices where !choice.isNone {
                XCTAssertGreaterThan(choice.plan.count, 30, "\(question.id).\(choice.id) needs improvement text a team can act on")
            }
        }
    }

    func testAddingAPackFileDoesNotChangeTheBooksCatalogHash() throws {
        var files = EmbeddedFiles.content
        let before = try CatalogLoader.load(fileBytes: files).contentHash
        files["content/extra.pack.json"] = Array("{}".utf8)
        XCTAssertEqual(try CatalogLoader.load(fileBytes: files).contentHash, before)
    }

    func testWhereAPackIsFoundAndWhichCopyWins() throws {
        let temporary = TemporaryDirectory()
        let workspace = Workspace(directory: temporary.file("workspace"))
        let repository = temporary.file("repo")
        for folder in [workspace.directory + "/packs", repository + "/packs"] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        func packJSON(_ id: String, title: String) -> String {
            #"{"id": "\#(id)", "version": "1", "title": "\#(title)", "areas": [{"id": "ops", "title": "O", "questions": [{"id": "ops.q", "text": "Q?"}]}]}"#
        }
        _ = temporary.write("workspace/packs/team.json", packJSON("team", title: "from the workspace"))
        _ = temporary.write("repo/packs/team.json", packJSON("team", title: "beside the assessment"))
        _ = temporary.write("workspace/packs/book.json", packJSON("fundamentals", title: "an impostor"))
        _ = temporary.write("workspace/packs/broken.json", "{")
        let library = PackLibrary(catalog: builtInCatalog(), workspace: workspace, assessmentPath: repository + "/review.json")
        XCTAssertEqual(library.pack(id: "team")?.pack.title, "beside the assessment")
        XCTAssertEqual(library.pack(id: "fundamentals")?.origin, .builtIn)
        XCTAssertEqual(library.searched, ["built in", repository + "/packs", workspace.directory + "/packs"])
        XCTAssertTrue(library.problems.contains { $0.contains("book.json: uses the built-in pack id fundamentals; ignored") }, "\(library.problems)")
        XCTAssertTrue(library.problems.contains { $0.contains("broken.json: not a valid pack") }, "\(library.problems)")
        XCTAssertTrue(library.problems.contains { $0.contains("workspace/packs/team.json: pack team was found first in \(repository)/packs/team.json") }, "\(library.problems)")
    }
}

/// content/ as the catalog loader reads it.
enum EmbeddedFiles {
    static var content: [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let folder = packageRoot + "/content"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".json") {
            files["content/" + name] = Array(FileManager.default.contents(atPath: folder + "/" + name) ?? Data())
        }
        return files
    }
}
