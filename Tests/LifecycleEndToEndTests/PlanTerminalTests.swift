import Foundation
import XCTest

/// The plan view in a real terminal: set an owner and a due date on a finding, see the
/// header count it overdue, quit, and find both in `lifecycle plan`.
final class PlanTerminalTests: XCTestCase {
    func testAnOwnerAndADueDateSetInThePlanViewReachLifecyclePlan() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed (.ci/run installs it)") }
        let scratch = ScratchDirectory()
        var runner = BinaryRunner(home: scratch.path)
        runner.environment["LIFECYCLE_TODAY"] = "2026-11-28"
        let file = scratch.path + "/payments.json"
        XCTAssertEqual(try runner.run("new", "Payments", "--file", file).status, 0)
        XCTAssertEqual(try runner.run("set", file, "storage.retention", "--status", "gap", "--note", "Raw kept forever").status, 0)

        let session = try TmuxSession(command: "\(BinaryRunner.executable) open \(file)",
                                      environment: terminalEnvironment(scratch, ["LIFECYCLE_TODAY": "2026-11-28"]))
        try session.waitFor("Generation · 1 of")
        try session.send("P")
        try session.waitFor("Improvement plan · 1 open · 0 overdue · 1 of 1")
        try session.send("o")
        try session.waitFor("Owner of this finding")
        try session.type("Data platform")
        try session.send("Enter")
        try session.waitFor("owner Data platform")
        try session.send("d")
        try session.type("2026-11-20")
        try session.send("Enter")
        try session.waitFor(all: ["due 2026-11-20 (already overdu", "· 1 overdue", "2026-11-20!"])
        try session.send("Escape")
        try session.send("q")
        try session.waitFor("EXIT=0")

        let plan = try runner.run("plan", file, "--format", "json", "--fail-on", "overdue")
        XCTAssertEqual(plan.status, 1, "the overdue finding trips the gate")
        let findings = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings[0]["question"] as? String, "fundamentals:storage.retention")
        XCTAssertEqual(findings[0]["owner"] as? String, "Data platform")
        XCTAssertEqual(findings[0]["due"] as? String, "2026-11-20")
        XCTAssertEqual(findings[0]["overdue"] as? Bool, true)
        XCTAssertTrue(try runner.run("plan", file).stdout.contains("owner Data platform · due 2026-11-20 **overdue**"))
    }
    /// A paste with a line break into the owner prompt is one owner, and the pasted
    /// letters (p, q) run nothing: the terminal's bracketed paste marks them as text.
    func testAPasteIntoAPromptIsTextNotCommands() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed (.ci/run installs it)") }
        let scratch = ScratchDirectory()
        let runner = BinaryRunner(home: scratch.path)
        let file = scratch.path + "/p.json"
        XCTAssertEqual(try runner.run("new", "P", "--file", file).status, 0)
        XCTAssertEqual(try runner.run("set", file, "storage.retention", "--status", "gap").status, 0)
        let session = try TmuxSession(command: "\(BinaryRunner.executable) open \(file)", environment: terminalEnvironment(scratch))
        try session.waitFor("Generation · 1 of")
        try session.send("P")
        try session.waitFor("Improvement plan · 1 open")
        try session.send("o")
        try session.waitFor("Owner of this finding")
        try session.paste("Data\nplatform pq")
        try session.waitFor("Owner: Data platform pq")
        try session.send("Enter")
        try session.waitFor("owner Data platform pq")
        try session.send("Escape")
        try session.paste("q")                          // pasted on the list: dropped, does not quit
        try session.send("x")                           // typed: answers as a gap, so the explorer is still here
        try session.waitFor("saved ")
        try session.send("q")
        try session.waitFor("EXIT=0")
        let answers = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])?["answers"] as? [String: [String: Any]])
        XCTAssertEqual(answers["storage.retention"]?["owner"] as? String, "Data platform pq")
        XCTAssertNil(answers["storage.retention"]?["priority"], "the pasted p set no priority")
    }
}
