import Foundation
import XCTest

/// `lifecycle pack …` as scripts use it: output lines, exit codes, where files go, and
/// that nothing is written where it must not be.
final class PackCommandTests: BinaryTestCase {
    private let lenses = packageRoot + "/Tests/LifecycleCoreTests/Fixtures/lenses/"
    private var packs: String { scratch.path + "/workspace/packs/" }

    func testImportWritesThePackToTheWorkspaceAndWarnsOneLinePerDeviation() throws {
        let clean = try lifecycle.run("pack", "import", lenses + "clean.json")
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertEqual(clean.stderr, "")
        XCTAssertEqual(clean.stdout, "imported \(lenses)clean.json as pack streaming-pipelines-review (2 areas, 2 questions): \(packs)streaming-pipelines-review.json\n")
        XCTAssertEqual(try lifecycle.run("pack", "validate", packs + "streaming-pipelines-review.json").status, 0)

        let messy = try lifecycle.run("pack", "import", lenses + "messy.json", "--none-choice", "noneofthese")
        XCTAssertEqual(messy.status, 0, messy.stderr)
        let warnings = messy.stderr.split(separator: "\n")
        XCTAssertEqual(warnings.count, 10, messy.stderr)
        for line in warnings {
            XCTAssertTrue(line.hasPrefix("lifecycle: warning: \(lenses)messy.json: $"), String(line))
        }
        XCTAssertTrue(messy.stdout.hasSuffix("(1 area, 2 questions, 10 warnings): \(packs)messy-real-lens.json\n"), messy.stdout)
    }

    func testARefusalIsOneLineExitTwoAndWritesNothing() throws {
        let notJSON = try lifecycle.run("pack", "import", lenses + "nan.json")
        XCTAssertEqual(notJSON.status, 2)
        XCTAssertEqual(notJSON.stderr, "lifecycle: error: \(lenses)nan.json: 1:334: not JSON: unexpected 'N'; expected a value\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: packs), "nothing written, not even the folder")

        let builtIn = try lifecycle.run("pack", "import", lenses + "clean.json", "--id", "fundamentals")
        XCTAssertEqual(builtIn.status, 2)
        XCTAssertEqual(builtIn.stderr, "lifecycle: error: \(lenses)clean.json: fundamentals is a built-in pack id; choose another with --id\n")
        let badID = try lifecycle.run("pack", "import", lenses + "clean.json", "--id", "Team Pack")
        XCTAssertEqual(badID.status, 2)
        XCTAssertTrue(badID.stderr.contains("\"Team Pack\" is not a pack id"), badID.stderr)
    }

    func testAnExistingPackIsReplacedOnlyOnPurpose() throws {
        XCTAssertEqual(try lifecycle.run("pack", "import", lenses + "clean.json", "--id", "streams").status, 0)
        let target = packs + "streams.json"
        let first = try String(contentsOfFile: target, encoding: .utf8)
        let again = try lifecycle.run("pack", "import", lenses + "messy.json", "--id", "streams")
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already exists; pass --replace"), again.stderr)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), first, "unchanged")
        XCTAssertEqual(try lifecycle.run("pack", "import", lenses + "messy.json", "--id", "streams", "--replace").status, 0)
        XCTAssertNotEqual(try String(contentsOfFile: target, encoding: .utf8), first)
    }

    func testOutputNeverGoesOverTheLensOrAnAssessment() throws {
        let copy = scratch.path + "/lens.json"
        try FileManager.default.copyItem(atPath: lenses + "clean.json", toPath: copy)
        let before = try Data(contentsOf: URL(fileURLWithPath: copy))
        let ontoInput = try lifecycle.run("pack", "import", copy, "--output", copy, "--replace")
        XCTAssertEqual(ontoInput.status, 2, ontoInput.stdout)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: copy)), before)
        let assessment = try newAssessment("review.json")
        let assessmentBefore = try Data(contentsOf: URL(fileURLWithPath: assessment))
        let ontoAssessment = try lifecycle.run("pack", "import", copy, "--output", assessment, "--replace")
        XCTAssertEqual(ontoAssessment.status, 2)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: assessment)), assessmentBefore)
    }

    func testTwoImportsOfOneIDAtOnceLeaveOneWinnerAndAWholeFile() throws {
        for round in 0..<5 {
            let id = "race-\(round)"
            // Both started before either is waited for: they overlap.
            let processes = try ["clean.json", "messy.json"].map { lens in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: BinaryRunner.executable)
                process.arguments = ["pack", "import", lenses + lens, "--id", id]
                process.environment = lifecycle.environment
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            processes.forEach { $0.waitUntilExit() }
            XCTAssertEqual(processes.map(\.terminationStatus).sorted(), [0, 2], "round \(round): exactly one import wins")
            XCTAssertEqual(try lifecycle.run("pack", "validate", packs + id + ".json").status, 0)
        }
    }

    func testExportWritesALensAndRefusesAStatusPack() throws {
        let lens = try lifecycle.run("pack", "export", "operational-readiness")
        XCTAssertEqual(lens.status, 0, lens.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lens.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["schemaVersion"] as? String, "2021-11-01")
        XCTAssertEqual((object["pillars"] as? [Any])?.count, 10)
        XCTAssertTrue(lens.stderr.contains("lifecycle: note: not in the lens: question tags (55)"), lens.stderr)

        let refused = try lifecycle.run("pack", "export", "fundamentals")
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertTrue(refused.stderr.hasPrefix("lifecycle: error: pack fundamentals: 349 of 349 questions are answered by status"), refused.stderr)
        let unknown = try lifecycle.run("pack", "export", "nope")
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.hasPrefix("lifecycle: error: no pack \"nope\" (packs: fundamentals, operational-readiness;"), unknown.stderr)
    }

    func testValidateExitCodes() throws {
        let good = scratch.path + "/good.json"
        let shown = try lifecycle.run("pack", "show", "operational-readiness", "--format", "json")
        try shown.stdout.write(toFile: good, atomically: true, encoding: .utf8)
        let ok = try lifecycle.run("pack", "validate", good)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(ok.stdout, "\(good): ok (pack operational-readiness 1.0.0, 10 areas, 55 questions, 55 answered by choices)\n")

        let broken = scratch.path + "/broken.json"
        try shown.stdout.replacingOccurrences(of: "\"condition\": \"default\"", with: "\"condition\": \"default &&\"")
            .write(toFile: broken, atomically: true, encoding: .utf8)
        let invalid = try lifecycle.run("pack", "validate", good, broken)
        XCTAssertEqual(invalid.status, 2)
        XCTAssertTrue(invalid.stderr.contains("lifecycle: error: \(broken): $.areas[0].questions[0].riskRules[2].condition: column 1: `default` must be the whole condition"), invalid.stderr)
        XCTAssertTrue(invalid.stderr.hasSuffix("1 of 2 files invalid\n"), invalid.stderr)

        let placeholder = scratch.path + "/placeholder.json"
        let withPlaceholder = try XCTUnwrap(shown.stdout.range(of: "\"plan\": \"")).upperBound
        var text = shown.stdout
        let end = try XCTUnwrap(text[withPlaceholder...].firstIndex(of: "\""))
        text.replaceSubrange(withPlaceholder..<end, with: "TBD")
        try text.write(toFile: placeholder, atomically: true, encoding: .utf8)
        XCTAssertEqual(try lifecycle.run("pack", "validate", placeholder).status, 0)
        let strict = try lifecycle.run("pack", "validate", "--strict", placeholder)
        XCTAssertEqual(strict.status, 1, strict.stderr)
        XCTAssertTrue(strict.stderr.contains("looks like a placeholder"), strict.stderr)
    }

    func testListAndShow() throws {
        XCTAssertEqual(try lifecycle.run("pack", "import", lenses + "clean.json").status, 0)
        let list = try lifecycle.run("pack", "list", "--format", "json")
        XCTAssertEqual(list.status, 0, list.stderr)
        let entries = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(entries.map { $0["id"] as? String }, ["fundamentals", "operational-readiness", "streaming-pipelines-review"])
        XCTAssertEqual(entries.map { $0["origin"] as? String }, ["built-in", "built-in", packs + "streaming-pipelines-review.json"])
        XCTAssertEqual(entries[1]["choiceQuestions"] as? Int, 55)
        let text = try lifecycle.run("pack", "show", "streaming-pipelines-review")
        XCTAssertTrue(text.stdout.contains("  streaming-pipelines-review:reliability.consumer_lag\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("      risk medium when (lag_metric || lag_alert) && !consumer_lag_no\n"), text.stdout)
    }

    // What a hostile reviewer found in the first version.

    func testExportNeverWritesOverAPack() throws {
        XCTAssertEqual(try lifecycle.run("pack", "import", lenses + "clean.json", "--id", "streams").status, 0)
        let file = packs + "streams.json"
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let refused = try lifecycle.run("pack", "export", "streams", "--output", file)
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stderr, "lifecycle: error: \(file): holds a pack; export writes a lens, so choose another file\n")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before)
    }

    func testAnImportThatAnotherFileWouldHideIsRefused() throws {
        try FileManager.default.createDirectory(atPath: packs, withIntermediateDirectories: true)
        XCTAssertEqual(try lifecycle.run("pack", "import", lenses + "clean.json", "--id", "team", "--output", packs + "aaa-team.json").status, 0)
        let hidden = try lifecycle.run("pack", "import", lenses + "messy.json", "--id", "team", "--replace")
        XCTAssertEqual(hidden.status, 2)
        XCTAssertTrue(hidden.stderr.hasSuffix("pack team is already in \(packs)aaa-team.json; replace that file, or choose another id with --id\n"), hidden.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: packs + "team.json"))
    }

    func testTextFromFilesIsEscapedAndUnrelatedPacksStayQuiet() throws {
        try FileManager.default.createDirectory(atPath: packs, withIntermediateDirectories: true)
        let hostile = packs + "\u{1B}]0;pwned\u{07}.json"
        XCTAssertEqual(try lifecycle.run("pack", "import", lenses + "clean.json", "--id", "esc", "--output", hostile).status, 0)
        let shown = try lifecycle.run("pack", "show", "esc")
        XCTAssertFalse(shown.stdout.contains("\u{1B}"), shown.stdout)
        XCTAssertTrue(shown.stdout.hasPrefix("Streaming Pipelines Review (pack esc 1.0, \(packs)^[]0;pwned^G.json)"), shown.stdout)
        try "{".write(toFile: packs + "broken.json", atomically: true, encoding: .utf8)
        let imported = try lifecycle.run("pack", "import", lenses + "clean.json", "--id", "quiet")
        XCTAssertEqual(imported.stderr, "", "import does not repeat warnings about other packs")
        XCTAssertTrue(try lifecycle.run("pack", "list").stderr.contains("broken.json"), "list does")
    }

    func testMessagesNameWhatTheFileShouldHaveBeen() throws {
        let directory = try lifecycle.run("pack", "import", scratch.path)
        XCTAssertEqual(directory.stderr, "lifecycle: error: \(scratch.path): is a directory, not a lens file\n")
        let validate = try lifecycle.run("pack", "validate", scratch.path)
        XCTAssertTrue(validate.stderr.hasPrefix("lifecycle: error: \(scratch.path): is a directory, not a pack file\n"), validate.stderr)
        let impostor = scratch.path + "/impostor.json"
        try #"{"id": "fundamentals", "version": "1", "title": "T", "areas": [{"id": "a", "title": "A", "questions": [{"id": "a.q", "text": "Q?"}]}]}"#
            .write(toFile: impostor, atomically: true, encoding: .utf8)
        let warned = try lifecycle.run("pack", "validate", "--strict", impostor)
        XCTAssertEqual(warned.status, 1)
        XCTAssertTrue(warned.stderr.contains("fundamentals is a built-in pack id; in a packs/ folder this file is ignored"), warned.stderr)
    }

    func testOutputToADeviceLeavesNoLockFileBesideIt() throws {
        let result = try lifecycle.run("pack", "import", lenses + "clean.json", "--output", "/dev/null")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/dev/.null.lock"))
    }
}
