import Foundation
import XCTest

/// Each subcommand run as a real process: output, files on disk and exit status.
final class CommandLineTests: XCTestCase {
    var scratch: ScratchDirectory!
    var lifecycle: BinaryRunner!

    override func setUp() {
        scratch = ScratchDirectory()
        lifecycle = BinaryRunner(home: scratch.path)
    }

    private func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    func testVersionAndHelp() throws {
        XCTAssertEqual(try lifecycle.run("--version").stdout, "0.1.0\n")
        let help = try lifecycle.run("--help")
        XCTAssertEqual(help.status, 0)
        for subcommand in ["new", "questions", "set", "show", "validate"] {
            XCTAssertTrue(help.stdout.contains("  \(subcommand) "), subcommand)
            let sub = try lifecycle.run(subcommand, "--help")
            XCTAssertEqual(sub.status, 0, subcommand)
            XCTAssertTrue(sub.stdout.contains("USAGE: lifecycle \(subcommand)"), sub.stdout)
        }
    }

    func testNewCreatesAnAssessmentInTheWorkspace() throws {
        let result = try lifecycle.run("new", "Payments Platform", "--maturity", "scaling", "--reviewer", "Ana", "--reviewer", "Bo")
        XCTAssertEqual(result.status, 0, result.stderr)
        let path = scratch.path + "/workspace/payments-platform.json"
        XCTAssertEqual(result.stdout, "Created \(path) (\(try questionCount()) questions in 11 areas)\n")
        let document = try json(String(contentsOfFile: path, encoding: .utf8)) as! [String: Any]
        XCTAssertEqual(document["name"] as? String, "Payments Platform")
        XCTAssertEqual(document["maturity"] as? String, "scaling")
        XCTAssertEqual(document["reviewers"] as? [String], ["Ana", "Bo"])
        XCTAssertEqual(document["formatVersion"] as? Int, 1)
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
        XCTAssertEqual(mode, 0o600)

        let again = try lifecycle.run("new", "Payments Platform")
        XCTAssertEqual(again.status, 2)
        XCTAssertEqual(again.stderr, "lifecycle: error: \(path): already exists; not overwritten\n")
    }

    func testNewRejectsAnUnknownMaturityAndAMissingDirectory() throws {
        let maturity = try lifecycle.run("new", "X", "--maturity", "expert")
        XCTAssertEqual(maturity.status, 2)
        XCTAssertEqual(maturity.stderr, "lifecycle: error: unknown maturity stage \"expert\" (expected one of starting, scaling, leading)\n")
        let missing = try lifecycle.run("new", "X", "--file", scratch.path + "/no/such/dir/x.json")
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "lifecycle: error: \(scratch.path)/no/such/dir/x.json: the directory \(scratch.path)/no/such/dir does not exist\n")
    }

    func testSetAnswersAQuestionAndShowReportsIt() throws {
        let file = scratch.path + "/review.json"
        try lifecycle.run("new", "Review", "--file", file)
        XCTAssertEqual(try lifecycle.run("set", file, "generation.event-rate", "--status", "gap", "--note", "No load test").stdout,
                       "generation.event-rate: gap\n")
        try lifecycle.run("set", file, "ingestion.online-ml", "--status", "not-applicable", "--reason", "No ML")
        try lifecycle.run("set", file, "storage.retention", "--status", "addressed")

        let show = try lifecycle.run("show", file, "--format", "json")
        XCTAssertEqual(show.status, 0)
        let document = try json(show.stdout) as! [String: Any]
        let areas = document["areas"] as! [[String: Any]]
        XCTAssertEqual(areas.map { $0["id"] as! String }.prefix(3), ["generation", "storage", "ingestion"])
        let generation = areas[0]
        XCTAssertEqual(generation["answered"] as? Int, 1)
        XCTAssertEqual(generation["gaps"] as? Int, 1)
        XCTAssertEqual(generation["total"] as? Int, 48)
        XCTAssertEqual((document["overall"] as! [String: Any])["answered"] as? Int, 3)

        let text = try lifecycle.run("show", file).stdout
        XCTAssertTrue(text.contains("  Generation             [..........]   1/48  1 gap, 0 partial"), text)
        XCTAssertTrue(text.contains("Overall: 3/"), text)

        let saved = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(saved.contains("\"reason\": \"No ML\""))
        XCTAssertTrue(saved.contains("\"note\": \"No load test\""))
    }

    func testSetRejectsUnknownQuestionsStatusesAndMisplacedReasons() throws {
        let file = scratch.path + "/review.json"
        try lifecycle.run("new", "Review", "--file", file)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let unknown = try lifecycle.run("set", file, "generation.nope", "--status", "gap")
        XCTAssertEqual(unknown.status, 2)
        XCTAssertEqual(unknown.stderr, "lifecycle: error: unknown question \"generation.nope\" (see `lifecycle questions` or `lifecycle pack show ID`)\n")
        let badStatus = try lifecycle.run("set", file, "generation.event-rate", "--status", "done")
        XCTAssertEqual(badStatus.status, 2)
        XCTAssertTrue(badStatus.stderr.hasPrefix("lifecycle: error: the value 'done' is invalid for '--status <status>'"), badStatus.stderr)
        let reason = try lifecycle.run("set", file, "generation.event-rate", "--status", "gap", "--reason", "x")
        XCTAssertEqual(reason.status, 2)
        XCTAssertTrue(reason.stderr.contains("--reason is only for --status not-applicable"), reason.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before)
    }

    func testBrokenFilesGiveOneLineAndExitTwo() throws {
        let broken = scratch.path + "/broken.json"
        try Data("{\"formatVersion\": 1,\n \"name\": }".utf8).write(to: URL(fileURLWithPath: broken))
        for arguments in [["show", broken], ["set", broken, "generation.event-rate", "--status", "gap"]] {
            let result = try lifecycle.run(arguments: arguments)
            XCTAssertEqual(result.status, 2, arguments.joined(separator: " "))
            XCTAssertEqual(result.stderr, "lifecycle: error: \(broken):2:10: unexpected '}'; expected a value\n")
        }
        XCTAssertEqual(try String(contentsOfFile: broken, encoding: .utf8), "{\"formatVersion\": 1,\n \"name\": }")
    }

    func testQuestionsInTextAndJSON() throws {
        let text = try lifecycle.run("questions", "--area", "orchestration")
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.stdout.hasPrefix("Orchestration (pack fundamentals, undercurrent, 14 questions)\n  orchestration.dependency-graph  [chapter 2; automation, reliability]\n"), text.stdout)

        let all = try json(try lifecycle.run("questions", "--format", "json").stdout) as! [[String: Any]]
        XCTAssertEqual(all.count, 11)
        XCTAssertEqual(all.map { $0["kind"] as! String }, Array(repeating: "stage", count: 5) + Array(repeating: "undercurrent", count: 6))
        let first = (all[0]["questions"] as! [[String: Any]])[0]
        XCTAssertEqual(Set(first.keys), ["id", "text", "hint", "tags", "chapter"])

        let tagged = try json(try lifecycle.run("questions", "--tag", "idempotent", "--format", "json").stdout) as! [[String: Any]]
        let ids = tagged.flatMap { ($0["questions"] as! [[String: Any]]).map { $0["id"] as! String } }
        XCTAssertTrue(ids.contains("ingestion.idempotent-loads"))
        XCTAssertTrue(tagged.allSatisfy { area in (area["questions"] as! [[String: Any]]).allSatisfy { ($0["tags"] as! [String]).contains("idempotent") } })

        let badArea = try lifecycle.run("questions", "--area", "nope")
        XCTAssertEqual(badArea.status, 2)
        XCTAssertTrue(badArea.stderr.hasPrefix("lifecycle: error: unknown area \"nope\" (areas: generation, storage,"), badArea.stderr)
    }

    func testValidateReportsEveryProblemAndAcceptsContentFiles() throws {
        let bad = scratch.path + "/bad.json"
        try Data(#"{"formatVersion": 1, "name": "", "catalog": {"id": "c", "version": "1"}, "created": "x", "answers": {"a.b": {"status": "nope"}}}"#.utf8)
            .write(to: URL(fileURLWithPath: bad))
        let result = try lifecycle.run("validate", bad, packageRoot + "/assets/sample-assessment.json", packageRoot + "/content/generation.json")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stdout.contains("sample-assessment.json: ok (assessment \"Tidewater Freight data platform\""), result.stdout)
        XCTAssertTrue(result.stdout.contains("content/generation.json: ok (catalog area, 48 questions)"), result.stdout)
        for expected in ["\(bad): $.name: must not be empty",
                         "\(bad): $.created: \"x\" is not an ISO 8601 time",
                         "\(bad): $.answers[\"a.b\"].status: unknown status \"nope\"",
                         "1 of 3 files invalid"] {
            XCTAssertTrue(result.stderr.contains(expected), "missing: \(expected)\n\(result.stderr)")
        }
        let good = try lifecycle.run("validate", packageRoot + "/assets/sample-assessment.json")
        XCTAssertEqual(good.status, 0)
    }

    func testUnknownAnswersAreKeptAndReported() throws {
        let file = scratch.path + "/drift.json"
        try Data(#"{"formatVersion": 1, "name": "Old", "catalog": {"id": "fundamentals-of-data-engineering", "version": "0.9"}, "created": "2026-01-01T00:00:00Z", "answers": {"generation.retired": {"status": "gap", "note": "keep me"}}}"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        let result = try lifecycle.run("set", file, "generation.event-rate", "--status", "addressed")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("1 answer(s) for questions not in this catalog are kept: generation.retired"), result.stderr)
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(saved.contains("\"generation.retired\": {\n      \"note\": \"keep me\",\n      \"status\": \"gap\"\n    }"), saved)
    }

    func testHostileTextIsPrintedVisiblyNeverRaw() throws {
        let file = scratch.path + "/hostile.json"
        try lifecycle.run("new", "Evil\u{1B}]0;pwned\u{07}\u{1B}[2J", "--file", file)
        try lifecycle.run("set", file, "generation.event-rate", "--status", "gap", "--note", "\u{1B}[31mred\u{9B}")
        for arguments in [["show", file], ["show", file, "--format", "json"], ["validate", file]] {
            let result = try lifecycle.run(arguments: arguments)
            XCTAssertFalse(result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B },
                           arguments.joined(separator: " "))
        }
        XCTAssertTrue(try lifecycle.run("show", file).stdout.hasPrefix("Evil^[]0;pwned^G^[[2J"))
    }

    private func questionCount() throws -> Int {
        let all = try json(try lifecycle.run("questions", "--format", "json").stdout) as! [[String: Any]]
        return all.reduce(0) { $0 + ($1["questions"] as! [Any]).count }
    }
}
