import Foundation
import XCTest

/// A pack's new version moved questions: every command reads the file with the moves
/// applied, `upgrade --dry-run` reports, and the first write upgrades after a milestone.
final class UpgradeCommandTests: BinaryTestCase {
    private func writePack(_ version: String, _ questions: [String], moved: String = "") throws {
        let folder = scratch.path + "/repo/packs"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let list = questions.map { #"{"id": "\#($0)", "text": "\#($0)?"}"# }.joined(separator: ", ")
        try #"{"id": "team", "version": "\#(version)", "title": "Team", "areas": [{"id": "ops", "title": "Ops", "questions": [\#(list)]}]\#(moved)}"#
            .write(toFile: folder + "/team.json", atomically: true, encoding: .utf8)
    }

    func testReadingWithTheMovesAppliedThenUpgradingOnTheFirstWrite() throws {
        try writePack("1", ["ops.owner", "ops.pager", "ops.runbook"])
        let file = scratch.path + "/repo/review.json"
        XCTAssertEqual(try lifecycle.run("new", "Review", "--file", file, "--pack", "team").status, 0)
        try answer(file, "ops.owner", "addressed", note: "Ana owns it")
        try answer(file, "ops.pager", "addressed", note: "paged")
        try answer(file, "ops.runbook", "gap", note: "none yet")
        try writePack("2", ["ops.ownership", "ops.response"], moved: #", "moved": [{"version": "2", "from": ["ops.owner"], "to": ["ops.ownership"]}, {"version": "2", "from": ["ops.pager", "ops.runbook"], "to": ["ops.response"]}]"#)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))

        let show = try lifecycle.run("report", file, "--format", "json")
        let questions = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])?["questions"] as? [[String: Any]])
        XCTAssertEqual(questions.first { $0["id"] as? String == "team:ops.response" }?["status"] as? String, "gap", "read with the moves applied")
        XCTAssertEqual(questions.first { $0["id"] as? String == "team:ops.ownership" }?["status"] as? String, "addressed")

        let dry = try lifecycle.run("upgrade", file, "--dry-run")
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertEqual(dry.stdout, """
            team 1 -> 2 (dry run: nothing written)
              moved: team: renamed ops.owner -> ops.ownership
              moved: team: merged ops.pager, ops.runbook -> ops.response

            """)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before, "reading and a dry run write nothing")

        let set = try lifecycle.run("set", file, "ops.ownership", "--note", "Ana and Bo")
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertTrue(set.stderr.contains("upgraded pack team 1 -> 2 (milestone \"before team 1\" keeps the old answers"), set.stderr)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        let answers = try XCTUnwrap(document["answers"] as? [String: [String: Any]])
        XCTAssertEqual(answers["team:ops.response"]?["note"] as? String, "[from ops.pager, addressed] paged\n[from ops.runbook, gap] none yet")
        XCTAssertEqual(answers["team:ops.ownership"]?["note"] as? String, "Ana and Bo")
        XCTAssertNil(answers["team:ops.owner"])
        XCTAssertEqual((document["milestones"] as? [[String: Any]])?.first?["label"] as? String, "before team 1")
        XCTAssertEqual((document["packs"] as? [[String: Any]])?.first?["version"] as? String, "2")

        let again = try lifecycle.run("upgrade", file)
        XCTAssertEqual(again.status, 0, "nothing to do is not trouble")
        XCTAssertEqual(again.stdout, "\(file): every pack is at its current version; nothing to upgrade\n")
        let diff = try lifecycle.run("diff", file + "@before team 1", file)
        XCTAssertTrue(diff.stdout.contains("team:ops.ownership"), "the milestone, made with version 1, compares through the moves: \(diff.stdout)")
        XCTAssertFalse(diff.stdout.contains("ops.owner "), diff.stdout)
    }

    func testTheMergeDriverReadsEachSideThroughTheMoves() throws {
        try writePack("1", ["ops.a", "ops.m", "ops.s"])
        let base = scratch.path + "/repo/base.json"
        XCTAssertEqual(try lifecycle.run("new", "Review", "--file", base, "--pack", "team").status, 0)
        try answer(base, "ops.a", "addressed")
        let repo = scratch.path + "/repo/"
        for name in ["ours.json", "theirs.json", "old.json"] { try FileManager.default.copyItem(atPath: base, toPath: repo + name) }
        try answer(repo + "old.json", "ops.a", "gap")  // a branch still on version 1
        try writePack("2", ["ops.b", "ops.m", "ops.s"], moved: #", "moved": [{"version": "2", "from": ["ops.a"], "to": ["ops.b"]}]"#)
        try answer(repo + "ours.json", "ops.m", "partial")   // each branch upgrades on its first write
        try answer(repo + "theirs.json", "ops.s", "gap")

        let clean = try lifecycle.run("merge", base, repo + "ours.json", repo + "theirs.json")
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        let merged = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: repo + "ours.json"))) as? [String: Any])
        let answers = try XCTUnwrap(merged["answers"] as? [String: [String: Any]])
        XCTAssertEqual(answers["team:ops.b"]?["status"] as? String, "addressed")
        XCTAssertEqual(answers["team:ops.m"]?["status"] as? String, "partial")
        XCTAssertEqual(answers["team:ops.s"]?["status"] as? String, "gap")
        XCTAssertEqual((merged["milestones"] as? [[String: Any]])?.map { $0["label"] as? String }, ["before team 1"], "both froze the same milestone")

        // Against the branch still on version 1, its gap reaches the question's new id.
        try FileManager.default.copyItem(atPath: base, toPath: repo + "base2.json")
        try FileManager.default.removeItem(atPath: repo + "theirs.json")
        try FileManager.default.copyItem(atPath: repo + "old.json", toPath: repo + "theirs.json")
        try answer(repo + "ours.json", "ops.m", "addressed")
        let old = try lifecycle.run("merge", repo + "base2.json", repo + "ours.json", repo + "theirs.json")
        XCTAssertEqual(old.status, 0, old.stdout + old.stderr)
        let after = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: repo + "ours.json"))) as? [String: Any])?["answers"] as? [String: [String: Any]])
        XCTAssertEqual(after["team:ops.b"]?["status"] as? String, "gap", "never more favourable by moving")
        XCTAssertNil(after["team:ops.a"])
    }

    func testAFileMadeWithTheBooksVersion100FollowsItsQuestionsToVersion200() throws {
        let file = try newAssessment("old.json")
        // As version 1.0.0 wrote it: the catalog's old version and the bundled question.
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"version\": \"2.0.0\"", with: "\"version\": \"1.0.0\"")
            .replacingOccurrences(of: "\"answers\": {}", with: #""answers": {"ingestion.readiness": {"note": "Partial files some mornings", "status": "gap"}, "storage.master-data": {"note": "Golden record in the CRM", "status": "partial"}, "data-management.master-data": {"note": "No MDM tool", "status": "gap"}}"#)
        try text.write(toFile: file, atomically: true, encoding: .utf8)

        let report = try lifecycle.run("report", file, "--format", "json")
        let questions = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])?["questions"] as? [[String: Any]])
        XCTAssertNil(questions.first { $0["id"] as? String == "fundamentals:ingestion.readiness" })
        XCTAssertEqual(try lifecycle.run("textconv", file).stdout.components(separatedBy: "[from ingestion.readiness, gap] Partial files some mornings").count - 1, 3,
                       "each of the three new questions carries the old note")
        let upgraded = try lifecycle.run("upgrade", file)
        XCTAssertEqual(upgraded.status, 0, upgraded.stderr)
        XCTAssertTrue(upgraded.stdout.hasPrefix("fundamentals 1.0.0 -> 2.0.0: milestone \"before fundamentals 1.0.0\" frozen first\n"), upgraded.stdout)
        XCTAssertTrue(upgraded.stdout.contains("  moved: fundamentals: split ingestion.readiness -> ingestion.ready-on-arrival, ingestion.shelf-life, ingestion.spoilers\n"), upgraded.stdout)
        XCTAssertTrue(upgraded.stdout.contains("fundamentals: renamed storage.master-data -> data-management.master-data"), upgraded.stdout)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        XCTAssertEqual(document["formatVersion"] as? Int, 1, "still a file every build reads")
        XCTAssertEqual((document["catalog"] as? [String: Any])?["version"] as? String, "2.0.0")
        let answers = try XCTUnwrap(document["answers"] as? [String: [String: Any]])
        XCTAssertNotNil(answers["ingestion.shelf-life"])
        XCTAssertNil(answers["storage.master-data"])
        XCTAssertEqual(answers["data-management.master-data"]?["status"] as? String, "gap", "merged: the least favourable status")
        XCTAssertEqual(answers["data-management.master-data"]?["note"] as? String, "[from storage.master-data, partial] Golden record in the CRM\n[from data-management.master-data, gap] No MDM tool")
        XCTAssertEqual(try lifecycle.run("validate", "--strict", file).status, 0)
    }
}
