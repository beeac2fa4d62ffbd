import Foundation
import XCTest
@testable import LifecycleCore

/// AWS custom lens import and export, on lenses written for these tests
/// (Fixtures/lenses): a clean one, one with every deviation real lens files show, and
/// one that is not JSON.
final class LensImportTests: XCTestCase {
    private func lens(_ name: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: packageRoot + "/Tests/LifecycleCoreTests/Fixtures/lenses/" + name) ?? Data())
    }

    private func importing(_ text: String, options: LensImporter.Options = .init()) throws -> LensImporter.Result {
        try LensImporter.importLens(bytes: Array(text.utf8), options: options)
    }

    func testACleanLensBecomesAPackWithScopedIDs() throws {
        let result = try LensImporter.importLens(bytes: lens("clean.json"))
        XCTAssertEqual(result.warnings, [])
        let pack = result.pack
        XCTAssertEqual(pack.id, "streaming-pipelines-review")
        XCTAssertEqual(pack.areas.map(\.id), ["reliability", "security"])
        XCTAssertEqual(pack.areas.map(\.kind), [.topic, .topic])
        let question = try XCTUnwrap(pack.question(id: "reliability.consumer_lag"))
        XCTAssertEqual(pack.qualifiedID(question.id), "streaming-pipelines-review:reliability.consumer_lag")
        XCTAssertEqual(question.choices.map(\.id), ["lag_metric", "lag_alert", "lag_runbook", "consumer_lag_no"])
        XCTAssertEqual(question.noneChoice?.id, "consumer_lag_no")
        XCTAssertEqual(question.hint, "Lag that nobody watches turns into stale dashboards.")
        XCTAssertEqual(question.resources, [Resource(text: "Consumer lag explained", url: "https://example.org/lag")])
        let metric = try XCTUnwrap(question.choice(id: "lag_metric"))
        XCTAssertEqual(metric.plan, "Export consumer lag per group to the metrics system.")
        XCTAssertEqual(metric.planURL, "https://example.org/plan/lag")
        XCTAssertEqual(metric.resources.map(\.kind), [.helpful, .helpful, .plan], "helpful reading first, whatever the lens's order")
        XCTAssertEqual(question.riskRules.map(\.risk), [.none, .medium, .high])
        // The pack it makes is a valid pack.
        let reading = PackDecoder.read(bytes: PackEncoder.bytes(pack))
        XCTAssertTrue(reading.isValid, "\(reading.errors)")
        XCTAssertEqual(reading.pack, pack)
    }

    func testEveryDeviationRealLensesShowIsOneWarningWithItsPath() throws {
        let result = try LensImporter.importLens(bytes: lens("messy.json"))
        let byPath = Dictionary(grouping: result.warnings, by: { $0.path.description }).mapValues { $0.map(\.message) }
        func expect(_ path: String, _ fragment: String, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertTrue(byPath[path]?.contains { $0.contains(fragment) } == true, "\(path): \(byPath[path] ?? [])", file: file, line: line)
        }
        let q = "$.pillars[0].questions[0]"
        expect("$._release_note", "not in the lens specification")
        expect("$._teams", "not in the lens specification")
        expect("$.ready", "not in the lens specification")
        expect("\(q).choices[0].description", "dropped")
        expect("\(q).choices[0].improvementPlan.displayText", "placeholder")
        expect("\(q).choices[1].improvementPlan.url", "empty; dropped")
        expect("\(q).choices[2].helpfulResource.Url", "read as url")
        expect("\(q).choices[3].id", "--none-choice noneofthese")
        expect("\(q).riskRules[0].condition", "ghost_choice")
        expect("\(q).riskRules", "assumed a last rule `default -> none`")
        expect("$.pillars[0].questions[1].id", "imported as q_one_2")
        XCTAssertEqual(result.warnings.count, 11, result.warnings.map(\.description).joined(separator: "\n"))

        let pack = result.pack
        XCTAssertEqual(pack.version, "3.1", "_version becomes the pack version")
        XCTAssertEqual(pack.title, "Messy “Real” Lens")
        XCTAssertEqual(pack.id, "messy-real-lens")
        let first = try XCTUnwrap(pack.question(id: "operationalExcellence.q_one"))
        XCTAssertTrue(first.text.contains("<a href="), "text is kept as written; outputs escape it")
        XCTAssertEqual(first.choice(id: "runs_docs")?.resources.first?.url, "https://docs.example/runs")
        XCTAssertNil(first.choice(id: "runs_alerted")?.planURL)
        XCTAssertEqual(first.choice(id: "runs_tracked")?.plan, "-", "a placeholder is reported, and kept")
        XCTAssertNil(first.noneChoice, "noneofthese is only 'none of these' when asked")
        // ghost_choice's rule can never hold: dropped; a default -> none is assumed last.
        XCTAssertEqual(first.riskRules.map(\.risk), [.medium, .none])
        XCTAssertEqual(first.risk(selected: ["runs_alerted"]), .none)
        XCTAssertEqual(first.risk(selected: ["runs_tracked"]), .medium)
        XCTAssertNotNil(pack.question(id: "operationalExcellence.q_one_2"))

        let marked = try LensImporter.importLens(bytes: lens("messy.json"), options: .init(noneChoiceIDs: ["noneofthese"]))
        XCTAssertEqual(marked.pack.question(id: "operationalExcellence.q_one")?.noneChoice?.id, "noneofthese")
        XCTAssertFalse(marked.warnings.contains { $0.message.contains("--none-choice") })
    }

    func testWhatLosesMeaningIsRefusedWithItsPlace() {
        func refusal(_ text: String) -> String {
            do {
                _ = try importing(text)
                return "imported"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertTrue(refusal(String(decoding: lens("nan.json"), as: UTF8.self)).hasPrefix("1:334: not JSON"), refusal(String(decoding: lens("nan.json"), as: UTF8.self)))
        XCTAssertTrue(refusal("").contains("not JSON"))
        XCTAssertEqual(refusal("[]"), "$: expected an object, found an array")
        XCTAssertEqual(refusal(#"{"name": "x", "pillars": []}"#), "$.pillars: missing or empty: a lens needs at least one pillar")
        XCTAssertEqual(refusal(#"{"pillars": [{"id": "p_1"}]}"#), "$.name: missing, and no --id to name the pack")
        let choice = #"{"id": "ccc", "title": "C", "improvementPlan": {"displayText": "Do."}}"#
        func question(_ choices: String, _ rules: String) -> String {
            #"{"name": "L", "pillars": [{"id": "ppp", "name": "P", "questions": [{"id": "qqq", "title": "Q", "choices": [\#(choices)], "riskRules": [\#(rules)]}]}]}"#
        }
        XCTAssertEqual(refusal(question(choice + "," + choice, #"{"condition": "default", "risk": "HIGH_RISK"}"#)),
                       "$.pillars[0].questions[0].choices[1].id: duplicate choice id \"ccc\": the risk rules cannot tell the two apart")
        XCTAssertEqual(refusal(question(choice, #"{"condition": "ccc &&", "risk": "HIGH_RISK"}"#)),
                       "$.pillars[0].questions[0].riskRules[0].condition: column 7: expected a choice id or `(`, found the end in \"ccc &&\"")
        XCTAssertEqual(refusal(question(choice, #"{"condition": "default", "risk": "SEVERE"}"#)),
                       "$.pillars[0].questions[0].riskRules[0].risk: \"SEVERE\" is not HIGH_RISK, MEDIUM_RISK or NO_RISK")
        XCTAssertTrue(refusal(#"{"name": "L", "pillars": [{"id": "p.1", "name": "P", "questions": []}]}"#).contains("is not an id"))
        XCTAssertTrue(refusal(#"{"name": "🙂", "pillars": [{"id": "ppp", "name": "P", "questions": []}]}"#).contains("give one with --id"))
    }

    func testNeverACrashWhateverTheFile() throws {
        let original = lens("clean.json")
        var random = SeededGenerator(seed: 7)
        var imported = 0
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[position] = UInt8.random(in: 0...255, using: &random)
                case 1: bytes.remove(at: position)
                default: bytes.insert(Array(#"{}[]",:&|!()_0aN"#.utf8).randomElement(using: &random)!, at: position)
                }
            }
            if let result = try? LensImporter.importLens(bytes: bytes) {
                imported += 1
                // Whatever was imported is a valid pack: nothing half-read goes to disk.
                let reading = PackDecoder.read(bytes: PackEncoder.bytes(result.pack))
                XCTAssertTrue(reading.isValid, "\(reading.errors.prefix(3)) from \(String(decoding: bytes, as: UTF8.self))")
            }
        }
        XCTAssertGreaterThan(imported, 100, "the mutations must leave some lenses importable, or this tests only the refusals")
    }

    func testImportExportImportKeepsEverything() throws {
        let first = try LensImporter.importLens(bytes: lens("clean.json")).pack
        let exported = try LensExporter.export(first)
        let second = try LensImporter.importLens(bytes: CanonicalJSONWriter.bytes(exported.lens)).pack
        XCTAssertEqual(second, first)

        let messy = try LensImporter.importLens(bytes: lens("messy.json"), options: .init(noneChoiceIDs: ["noneofthese"])).pack
        let messyAgain = try LensImporter.importLens(bytes: CanonicalJSONWriter.bytes(LensExporter.export(messy).lens),
                                                     options: .init(id: messy.id, noneChoiceIDs: ["noneofthese"])).pack
        var expected = messy
        expected.version = "1.0"  // a lens carries no version of its own
        XCTAssertEqual(messyAgain, expected)
    }

    func testTheOperationalReadinessPackExportsAsALensAndComesBackTheSame() throws {
        let pack = try XCTUnwrap(PackLibrary.builtIn(catalog: builtInCatalog()).first { $0.id == "operational-readiness" })
        let exported = try LensExporter.export(pack)
        XCTAssertLessThanOrEqual(CanonicalJSONWriter.bytes(exported.lens).count, LensImporter.Limits.fileBytes)
        XCTAssertTrue(exported.notCarried.contains { $0.hasPrefix("question tags") })
        XCTAssertTrue(exported.notCarried.contains { $0.hasPrefix("area pitfalls") })
        let again = try LensImporter.importLens(bytes: CanonicalJSONWriter.bytes(exported.lens), options: .init(id: pack.id))
        XCTAssertEqual(again.warnings, [])
        for (before, after) in zip(pack.questions, again.pack.questions) {
            XCTAssertEqual(after.id, before.id)
            XCTAssertEqual(after.text, before.text)
            XCTAssertEqual(after.hint, before.hint)
            XCTAssertEqual(after.choices, before.choices)
            XCTAssertEqual(after.riskRules, before.riskRules)
            XCTAssertEqual(after.resources.prefix(1), before.resources.prefix(1))
        }
        XCTAssertEqual(again.pack.questionCount, pack.questionCount)
    }

    func testAStatusPackOrOneOverTheLimitsIsRefusedSayingWhy() throws {
        XCTAssertThrowsError(try LensExporter.export(PackLibrary.fundamentals(builtInCatalog()))) { error in
            XCTAssertTrue((error as? LensExportError)?.problems.first?.contains("answered by status") == true, "\(error)")
        }
        var pack = try LensImporter.importLens(bytes: lens("clean.json")).pack
        let template = pack.areas[0]
        pack.areas = (0..<11).map { index in template.renamed(to: "pillar_\(index)") }
        pack.areas[0].questions = Array(repeating: template.questions[0], count: 21)
        XCTAssertThrowsError(try LensExporter.export(pack)) { error in
            let problems = (error as? LensExportError)?.problems ?? []
            XCTAssertTrue(problems.contains { $0.contains("11 areas") && $0.contains("split the pack into 2 lenses") }, "\(problems)")
            XCTAssertTrue(problems.contains { $0.contains("area pillar_0 has 21 questions") }, "\(problems)")
        }
    }

    func testTheDefaultIDIsASlugOfTheName() {
        XCTAssertEqual(LensImporter.slug("Data Lake Lens (v2)"), "data-lake-lens-v2")
        XCTAssertEqual(LensImporter.slug("  --Glue & MSK--  "), "glue-msk")
        XCTAssertEqual(LensImporter.slug("Café"), "cafe", "accents folded, as search folds them")
        XCTAssertEqual(LensImporter.slug("🙂"), "")
    }
}

/// What a hostile reviewer found in the first version of the importer.
final class LensImportReviewTests: XCTestCase {
    private func lens(question: String) -> [UInt8] {
        Array(#"{"name": "L", "pillars": [{"id": "ppp", "name": "P", "questions": [\#(question)]}]}"#.utf8)
    }

    private let choices = #"[{"id": "c01", "title": "C", "improvementPlan": {"displayText": "Do."}}, {"id": "q01_no", "title": "None of these"}]"#

    func testAPackPastThePackLimitsIsRefusedNotWrittenBroken() {
        let long = String(repeating: "x", count: 9000)
        let bytes = Array(#"{"name": "L", "description": "\#(long)", "pillars": [{"id": "ppp", "name": "P", "questions": []}]}"#.utf8)
        XCTAssertThrowsError(try LensImporter.importLens(bytes: bytes)) { error in
            XCTAssertTrue("\(error)".hasPrefix("the pack would be invalid: $.description: 9000 characters"), "\(error)")
        }
        XCTAssertThrowsError(try LensImporter.importLens(bytes: [UInt8](repeating: 0x20, count: LensImporter.maximumInputBytes + 1)))
    }

    func testRulesThatCanNeverApplyAreDroppedSoExportNeverWritesTwoDefaults() throws {
        let result = try LensImporter.importLens(bytes: lens(question: #"""
            {"id": "q01", "title": "Q", "choices": \#(choices), "riskRules": [
              {"condition": "!ghost", "risk": "HIGH_RISK"}, {"condition": "c01", "risk": "NO_RISK"},
              {"condition": "default", "risk": "MEDIUM_RISK"}]}
            """#))
        let question = try XCTUnwrap(result.pack.question(id: "ppp.q01"))
        XCTAssertEqual(question.riskRules, [RiskRule(condition: .always, risk: .high)])
        XCTAssertTrue(result.warnings.contains { $0.message.contains("treated as never selected: default") }, "\(result.warnings)")
        XCTAssertTrue(result.warnings.contains { $0.message == "2 rules after a rule that always holds can never apply; dropped" }, "\(result.warnings)")
        let exported = try LensExporter.export(result.pack)
        XCTAssertEqual(CanonicalJSONWriter.string(exported.lens).components(separatedBy: "\"default\"").count - 1, 1)
    }

    func testQuietDeviationsAreReportedToo() throws {
        let result = try LensImporter.importLens(bytes: lens(question: #"""
            {"id": "q-1", "title": "Q", "choices": \#(choices), "riskRules": [
              {"condition": "c01 && q01_no", "risk": "NO_RISK"}, {"condition": "default", "risk": "HIGH_RISK"}]}
            """#), options: .init(noneChoiceIDs: ["typo_id"]))
        let messages = result.warnings.map(\.description)
        XCTAssertTrue(messages.contains { $0.hasPrefix("$.pillars[0].questions[0].id: \"q-1\" has a -") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("$.pillars[0].questions[0].riskRules[0].condition: needs q01_no (none of these) together") }, "\(messages)")
        XCTAssertTrue(messages.contains("$: --none-choice typo_id: no question has a choice with this id"), "\(messages)")
    }

    func testAWrongTypeWhereAListBelongsIsRefusedAndNullIsReported() throws {
        XCTAssertThrowsError(try LensImporter.importLens(bytes: lens(question: #"{"id": "q01", "title": "Q", "choices": {"id": "c01"}}"#))) { error in
            XCTAssertEqual("\(error)", "$.pillars[0].questions[0].choices: expected an array of choices, found an object")
        }
        XCTAssertThrowsError(try LensImporter.importLens(bytes: Array(#"{"name": "L", "pillars": [{"id": "ppp", "name": "P", "questions": {}}]}"#.utf8))) { error in
            XCTAssertEqual("\(error)", "$.pillars[0].questions: expected an array of questions, found an object")
        }
        XCTAssertThrowsError(try LensImporter.importLens(bytes: Array(#"{"name": null, "pillars": [{"id": "ppp", "name": "P", "questions": []}]}"#.utf8))) { error in
            XCTAssertEqual("\(error)", "$.name: missing, and no --id to name the pack")
        }
        let resources = #"[{"id": "c01", "title": "C", "improvementPlan": {"displayText": "Do."}, "additionalResources": [{"type": "IMPROVEMENT_PLAN", "content": {"displayText": "x"}}]}]"#
        XCTAssertThrowsError(try LensImporter.importLens(bytes: lens(question: #"{"id": "q01", "title": "Q", "choices": \#(resources), "riskRules": [{"condition": "default", "risk": "HIGH_RISK"}]}"#))) { error in
            XCTAssertEqual("\(error)", "$.pillars[0].questions[0].choices[0].additionalResources[0].content: expected an array of resources, found an object")
        }
        let nullChoices = try LensImporter.importLens(bytes: lens(question: #"{"id": "q01", "title": "Q", "choices": null}"#))
        XCTAssertTrue(nullChoices.warnings.contains { $0.message == "null; read as no choices" }, "\(nullChoices.warnings)")
        XCTAssertEqual(LensImporter.slug("Ünïcödé Lens"), "unicode-lens")
    }

    func testValidateStillReportsEverythingWhenTheTitleIsBroken() {
        let reading = PackDecoder.read(bytes: Array(#"""
            {"id": "t", "version": "1", "title": null, "areas": [
              {"id": "ops", "title": "O", "questions": [{"id": "ops.q", "text": "Q?",
                "choices": [{"id": "a", "title": "A", "plan": "P", "none": "yes"}],
                "riskRules": [{"condition": "a || ghost", "risk": "none"}, {"condition": "default", "risk": "high"}]}]},
              {"id": "ops", "title": "Again", "questions": []}]}
            """#.utf8))
        let errors = reading.errors.map(\.description)
        XCTAssertTrue(errors.contains("$.title: expected a string, found null"), "\(errors)")
        XCTAssertTrue(errors.contains("$.areas[0].questions[0].choices[0].none: expected true or false, found a string"), "\(errors)")
        XCTAssertTrue(errors.contains { $0.hasPrefix("$.areas[0].questions[0].riskRules[0].condition: names \"ghost\"") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.hasPrefix("$.areas[1].id: duplicate area id \"ops\"") }, "\(errors)")
        XCTAssertFalse(errors.contains { $0.contains("\"a\", which is not a choice") }, "a choice with a bad flag is still a choice")
    }
}

/// Lenses that sit exactly at the specification's limits import without a word; one past
/// them is reported, and still imported.
final class LensLimitTests: XCTestCase {
    private func lens(questions: Int, titleLength: Int) -> [UInt8] {
        let title = String(repeating: "t", count: titleLength - 1) + "?"
        let list = (0..<questions).map { index in
            #"{"id": "q\#(index)_x", "title": "\#(title)", "choices": [{"id": "c_a", "title": "A", "improvementPlan": {"displayText": "Do A."}}, {"id": "q\#(index)_x_no", "title": "None of these"}], "riskRules": [{"condition": "c_a", "risk": "NO_RISK"}, {"condition": "default", "risk": "HIGH_RISK"}]}"#
        }.joined(separator: ",")
        return Array(#"{"schemaVersion": "2021-11-01", "name": "Limits", "pillars": [{"id": "ppp", "name": "P", "questions": [\#(list)]}]}"#.utf8)
    }

    func testAtTheLimitsNoWarningPastThemOne() throws {
        XCTAssertEqual(try LensImporter.importLens(bytes: lens(questions: 20, titleLength: 128)).warnings, [])
        let past = try LensImporter.importLens(bytes: lens(questions: 21, titleLength: 129))
        XCTAssertTrue(past.warnings.contains { $0.message == "21 questions, over the lens limit of 20" }, "\(past.warnings)")
        XCTAssertTrue(past.warnings.contains { $0.message == "129 characters, over the lens limit of 128" }, "\(past.warnings)")
        XCTAssertEqual(past.pack.questionCount, 21)
    }
}
