import Foundation
import XCTest
@testable import LifecycleCore
import LifecycleContent

final class SampleAssessmentTests: XCTestCase {
    let catalog = builtInCatalog()

    func testTheSampleLoadsAndIsCanonical() throws {
        let path = packageRoot + "/assets/sample-assessment.json"
        let store = AssessmentStore(catalog: catalog, backups: nil)
        let loaded = try store.load(path)
        XCTAssertEqual(loaded.assessment.unknownQuestionIDs(in: catalog), [])
        XCTAssertEqual(loaded.assessment.catalog, catalog.reference,
                       "the sample must name this build's catalog: after editing content/, update its catalog hash")
        XCTAssertGreaterThanOrEqual(loaded.assessment.answers.count, 30)
        XCTAssertEqual(loaded.assessment.canonicalBytes(), [UInt8](FileManager.default.contents(atPath: path)!),
                       "the sample must be saved in canonical form")
        let statuses = Set(loaded.assessment.answers.values.map(\.status))
        XCTAssertEqual(statuses, [.addressed, .partial, .gap, .notApplicable])
        for area in catalog.areas {
            XCTAssertGreaterThan(loaded.assessment.progress(of: area).answered, 0, "\(area.id) has no sample answers")
        }
        XCTAssertTrue(loaded.assessment.answers.values.filter { $0.status == .notApplicable }.allSatisfy { !$0.reason.isEmpty })
    }

    func testTheSampleIsEmbedded() {
        XCTAssertNotNil(EmbeddedResources.text("assets/sample-assessment.json"))
        XCTAssertNotNil(EmbeddedResources.text("assets/assessment.schema.json"))
    }

    /// Checks the schemas with a real JSON Schema implementation (Python's jsonschema,
    /// installed by .ci/run): the sample against the assessment schema, every content
    /// file against the catalog or pack schema, and a broken document against each.
    func testTheSchemasAcceptTheShippedFilesAndRejectBrokenOnes() throws {
        let script = """
            import json, sys, glob
            try:
                import jsonschema
            except ImportError:
                print("NO-JSONSCHEMA"); sys.exit(0)
            root = sys.argv[1]
            assessment = json.load(open(root + "/assets/assessment.schema.json"))
            catalog = json.load(open(root + "/assets/catalog.schema.json"))
            pack = json.load(open(root + "/assets/pack.schema.json"))
            jsonschema.Draft202012Validator.check_schema(assessment)
            jsonschema.Draft202012Validator.check_schema(catalog)
            jsonschema.Draft202012Validator.check_schema(pack)
            jsonschema.validate(json.load(open(root + "/assets/sample-assessment.json")), assessment)
            for name in sorted(glob.glob(root + "/content/*.json")):
                jsonschema.validate(json.load(open(name)), pack if name.endswith(".pack.json") else catalog)
            try:
                jsonschema.validate({"id": "x", "version": "1", "title": "X", "areas": [{"id": "a", "title": "A", "questions": [
                    {"id": "a.q", "text": "Q?", "choices": [{"id": "c", "title": "C"}]}]}]}, pack)
                print("ACCEPTED-BAD"); sys.exit(1)
            except jsonschema.ValidationError:
                pass
            bad = {"formatVersion": 1, "name": "x", "catalog": {"id": "c", "version": "1"},
                   "created": "2026-01-01T00:00:00Z", "answers": {"a.b": {"status": "done"}}}
            try:
                jsonschema.validate(bad, assessment); print("ACCEPTED-BAD"); sys.exit(1)
            except jsonschema.ValidationError:
                pass
            try:
                jsonschema.validate({"id": "x", "kind": "stage"}, catalog); print("ACCEPTED-BAD"); sys.exit(1)
            except jsonschema.ValidationError:
                pass
            print("SCHEMAS-OK")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, packageRoot]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if text.contains("NO-JSONSCHEMA") { throw XCTSkip("python3 jsonschema is not installed (.ci/run installs it)") }
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("SCHEMAS-OK"), text)
    }
}
