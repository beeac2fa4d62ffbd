import Foundation
import XCTest

/// Reviewing several packs from the command line: new --pack, set --choice, show and
/// report JSON, pack add and remove, a missing pack, textconv and diff.
final class PackReviewCommandTests: BinaryTestCase {
    private let question = "operational-readiness:cost_controls.unit_cost"

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testANewReviewOnTwoPacksIsAnsweredByChoicesAndReportsRisk() throws {
        let file = try newAssessment("pay.json", name: "Payments", "--pack", "fundamentals", "--pack", "operational-readiness")
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains("\"formatVersion\": 2"))

        let set = try lifecycle.run("set", file, "cost_controls.unit_cost", "--choice", "uc_per_dataset", "--choice", "uc_per_consumer")
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertEqual(set.stdout, "\(question): partial (risk medium; choices: uc_per_consumer, uc_per_dataset)\n")

        for (arguments, message) in [
            (["--choice", "uc_no", "--choice", "uc_per_dataset"], "uc_no means none of these and cannot be combined with other choices"),
            (["--choice", "nope"], "unknown choice \"nope\" (choices: uc_per_dataset, uc_per_consumer, uc_unit_metric, uc_owner_review, uc_no)"),
            (["--status", "gap"], "is answered by choices: use --choice"),
        ] {
            let refused = try lifecycle.run(arguments: ["set", file, question] + arguments)
            XCTAssertEqual(refused.status, 2, "\(arguments)")
            XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, refused.stderr)
            XCTAssertTrue(refused.stderr.contains(message), refused.stderr)
        }
        let statusQuestion = try lifecycle.run("set", file, "generation.event-rate", "--choice", "x")
        XCTAssertEqual(statusQuestion.status, 2)
        XCTAssertTrue(statusQuestion.stderr.contains("answered by status, not choices"), statusQuestion.stderr)
        XCTAssertEqual(try lifecycle.run("set", file, "fundamentals:generation.event-rate", "--status", "gap").status, 0)

        let show = try json(try lifecycle.run("show", file, "--format", "json").stdout)
        let packs = try XCTUnwrap(show["packs"] as? [[String: Any]])
        XCTAssertEqual(packs.map { $0["id"] as? String }, ["fundamentals", "operational-readiness"])
        XCTAssertEqual((packs[0]["risk"] as? [String: Int])?["high"], 1)
        XCTAssertEqual((packs[1]["risk"] as? [String: Int])?["medium"], 1)
        XCTAssertEqual((packs[1]["risk"] as? [String: Int])?["unanswered"], 54)

        let report = try json(try lifecycle.run("report", file, "--format", "json").stdout)
        let questions = try XCTUnwrap(report["questions"] as? [[String: Any]])
        XCTAssertEqual(questions.count, 349 + 55)
        let row = try XCTUnwrap(questions.first { $0["id"] as? String == question })
        XCTAssertEqual(row["pack"] as? String, "operational-readiness")
        XCTAssertEqual(row["area"] as? String, "operational-readiness:cost_controls", "the id areas[] uses")
        XCTAssertEqual(row["risk"] as? String, "medium")
        XCTAssertEqual(row["choices"] as? [String], ["uc_per_consumer", "uc_per_dataset"])
        XCTAssertEqual(questions.first { $0["id"] as? String == "fundamentals:generation.event-rate" }?["risk"] as? String, "high")

        let textconv = try lifecycle.run("textconv", file).stdout
        XCTAssertTrue(textconv.contains("packs: fundamentals 2.0.0, operational-readiness 1.0.0\n"), textconv)
        XCTAssertTrue(textconv.contains("[Cost controls (operational-readiness)] 1/6 answered, 0 gaps\n\(question): partial\n  choice: uc_per_consumer\n  choice: uc_per_dataset\n"), textconv)
    }

    func testDiffShowsChoicesAndRiskAndFailsWhenRiskRises() throws {
        let file = try newAssessment("pay.json", "--pack", "operational-readiness")
        XCTAssertEqual(try lifecycle.run("set", file, question, "--choice", "uc_per_dataset", "--choice", "uc_per_consumer", "--choice", "uc_owner_review").status, 0)
        XCTAssertEqual(try lifecycle.run("milestone", file, "--label", "before").status, 0)
        XCTAssertEqual(try lifecycle.run("set", file, question, "--choice", "uc_per_dataset").status, 0)
        let diff = try lifecycle.run("diff", file + "@before", file)
        XCTAssertEqual(diff.status, 1)
        XCTAssertTrue(diff.stdout.contains("      risk none -> medium\n      choices: -uc_owner_review -uc_per_consumer\n"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("Cost controls (operational-readiness)"), diff.stdout)
        XCTAssertEqual(try lifecycle.run("diff", "--fail-on", "regression", file + "@before", file).status, 1, "a risk that rose is a regression")
    }

    func testAddingAndRemovingAPackKeepsEveryAnswer() throws {
        let file = try newAssessment("r.json")
        try answer(file, "generation.event-rate", "gap")
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains("\"formatVersion\": 1"))
        let added = try lifecycle.run("pack", "add", file, "operational-readiness")
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertEqual(added.stdout, "\(file): now reviews fundamentals, operational-readiness (operational-readiness adds 55 questions)\n")
        XCTAssertEqual(try lifecycle.run("set", file, question, "--choice", "uc_no").status, 0)
        XCTAssertEqual(try lifecycle.run("pack", "add", file, "operational-readiness").status, 2)

        let removed = try lifecycle.run("pack", "remove", file, "operational-readiness")
        XCTAssertEqual(removed.status, 0, removed.stderr)
        XCTAssertTrue(removed.stdout.hasSuffix("now reviews fundamentals (1 answer to operational-readiness kept)\n"), removed.stdout)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(text.contains("\"formatVersion\": 1"), "the book's pack alone is version 1 again")
        XCTAssertTrue(text.contains("\"\(question)\""), "its answer is kept")
        XCTAssertTrue(text.contains("\"generation.event-rate\""))
        let last = try lifecycle.run("pack", "remove", file, "fundamentals")
        XCTAssertEqual(last.status, 2)
        XCTAssertTrue(last.stderr.contains("is the only pack"), last.stderr)
    }

    func testAPackFileBesideTheAssessmentTravelsWithItAndAMissingOneLosesNothing() throws {
        let repository = scratch.path + "/repo"
        try FileManager.default.createDirectory(atPath: repository, withIntermediateDirectories: true)
        let packFile = scratch.path + "/team.json"
        try #"{"id": "team", "version": "2", "title": "Team", "areas": [{"id": "ops", "title": "Ops", "questions": [{"id": "ops.owner", "text": "Owner?"}]}]}"#
            .write(toFile: packFile, atomically: true, encoding: .utf8)
        let file = repository + "/review.json"
        XCTAssertEqual(try lifecycle.run("new", "Review", "--file", file).status, 0)
        let added = try lifecycle.run("pack", "add", file, packFile)
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertTrue(added.stderr.contains("Copied \(packFile) to \(repository)/packs/team.json: commit it with the assessment"), added.stderr)
        XCTAssertEqual(try lifecycle.run("set", file, "team:ops.owner", "--status", "partial").status, 0)

        // A teammate without the pack file: everything opens, the answer is kept and named.
        try FileManager.default.removeItem(atPath: repository + "/packs/team.json")
        let show = try lifecycle.run("show", file)
        XCTAssertEqual(show.status, 0)
        XCTAssertTrue(show.stderr.contains("lifecycle: warning: \(file): pack team version 2 is not found (looked in: built in, \(repository)/packs, \(scratch.path)/workspace/packs); its 1 answer is kept and shown by id"), show.stderr)
        XCTAssertEqual(try lifecycle.run("set", file, "team:ops.owner", "--note", "still here").status, 0)
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains("still here"))
    }

    func testAnAmbiguousBareIdIsRefusedAndARefusedAddChangesNothing() throws {
        let packFile = scratch.path + "/team.json"
        try #"{"id": "team", "version": "2", "title": "Team", "areas": [{"id": "generation", "title": "G", "questions": [{"id": "generation.event-rate", "text": "Rate?"}]}]}"#
            .write(toFile: packFile, atomically: true, encoding: .utf8)
        let file = try newAssessment("r.json")
        try answer(file, "generation.event-rate", "gap")
        XCTAssertEqual(try lifecycle.run("pack", "add", file, packFile).status, 0)
        let ambiguous = try lifecycle.run("set", file, "generation.event-rate", "--status", "addressed")
        XCTAssertEqual(ambiguous.status, 2)
        XCTAssertTrue(ambiguous.stderr.contains("is in more than one pack: fundamentals:generation.event-rate, team:generation.event-rate"), ambiguous.stderr)

        // Another version of the pack already beside the assessment: refused, nothing written.
        let other = scratch.path + "/team2.json"
        try #"{"id": "team", "version": "3", "title": "Team", "areas": [{"id": "ops", "title": "O", "questions": [{"id": "ops.q", "text": "Q?"}]}]}"#
            .write(toFile: other, atomically: true, encoding: .utf8)
        let second = try newAssessment("s.json")
        let before = try Data(contentsOf: URL(fileURLWithPath: second))
        let refused = try lifecycle.run("pack", "add", second, other)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("holds another version of pack team"), refused.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: second)), before, "the assessment is unchanged")
    }

    func testValidateAcceptsAReviewOfSeveralPacksEvenWhenStrict() throws {
        let file = try newAssessment("pay.json", "--pack", "fundamentals", "--pack", "operational-readiness")
        XCTAssertEqual(try lifecycle.run("set", file, "cost_controls.unit_cost", "--choice", "uc_no").status, 0)
        let strict = try lifecycle.run("validate", "--strict", file)
        XCTAssertEqual(strict.status, 0, strict.stderr)
        XCTAssertEqual(strict.stderr, "")
    }

    func testTheCoreSetFromTheCommandLine() throws {
        let listed = try lifecycle.run("questions", "--core", "--format", "json")
        let areas = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let count = areas.reduce(0) { $0 + (($1["questions"] as? [Any])?.count ?? 0) }
        XCTAssertTrue((35...45).contains(count), "\(count)")
        let file = try newAssessment("r.json")
        try answer(file, "generation.event-time", "gap")
        try answer(file, "generation.source-kind", "gap")
        let report = try lifecycle.run("report", file, "--core")
        XCTAssertTrue(report.stdout.contains("`generation.source-kind`"), report.stdout)
        XCTAssertFalse(report.stdout.contains("`generation.event-time`"), "not in the core set")
    }

    func testAPackFileThatIsThereButInvalidIsNamedNotCalledMissing() throws {
        let repository = scratch.path + "/repo"
        try FileManager.default.createDirectory(atPath: repository + "/packs", withIntermediateDirectories: true)
        let packFile = repository + "/packs/team.json"
        try #"{"id": "team", "version": "2", "title": "Team", "areas": [{"id": "ops", "title": "Ops", "questions": [{"id": "ops.owner", "text": "Owner?"}]}]}"#
            .write(toFile: packFile, atomically: true, encoding: .utf8)
        let file = repository + "/review.json"
        XCTAssertEqual(try lifecycle.run("new", "Review", "--file", file, "--pack", "team").status, 0)
        XCTAssertEqual(try lifecycle.run("set", file, "team:ops.owner", "--status", "gap").status, 0)
        // A hand edit breaks the pack file: the message names the file, not a search.
        try #"{"id": "team", "version": "2", "title": "Team", "areas": [{"id": "ops", "title": "Ops", "questions": [{"id": "other.owner", "text": "Owner?"}]}]}"#
            .write(toFile: packFile, atomically: true, encoding: .utf8)
        let show = try lifecycle.run("show", file)
        XCTAssertEqual(show.status, 0)
        XCTAssertTrue(show.stderr.contains("pack team is in \(packFile), which is not a valid pack (lifecycle pack validate \(packFile) lists its problems); its 1 answer is kept and shown by id"), show.stderr)
        XCTAssertFalse(show.stderr.contains("is not found"), show.stderr)
    }
}
