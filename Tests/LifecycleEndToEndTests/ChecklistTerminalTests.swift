import Foundation
import XCTest

/// Ticking choices in a real terminal and seeing the risk change, then finding the ticks
/// in the file and in `lifecycle report`.
final class ChecklistTerminalTests: XCTestCase {
    func testTickingChoicesChangesTheRiskAndIsSaved() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed (.ci/run installs it)") }
        let scratch = ScratchDirectory()
        let runner = BinaryRunner(home: scratch.path)
        let file = scratch.path + "/ops.json"
        XCTAssertEqual(try runner.run("new", "Ops review", "--file", file, "--pack", "operational-readiness").status, 0)

        let session = try TmuxSession(command: "\(BinaryRunner.executable) open \(file)", environment: terminalEnvironment(scratch))
        try session.waitFor(all: ["Cost controls · 1 of 6", "Risk: unanswered (nothing ticked)"])
        try session.send("a")
        try session.waitFor("answered by choices: Space opens its checklist")
        try session.send("Space")
        try session.waitFor("Choices · operational-readiness:cost_controls.unit_cost")
        try session.send("Space")                       // per dataset
        try session.waitFor("Risk: ▲ medium")
        try session.send("j")
        try session.send("Space")                       // per consumer
        try session.send("j")
        try session.send("j")
        try session.send("Space")                       // owner review
        try session.waitFor("Risk: · none")
        try session.send("Escape")
        try session.waitFor("risk none: addressed")
        try session.send("q")
        try session.waitFor("EXIT=0")

        let report = try runner.run("report", file, "--format", "json")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let row = try XCTUnwrap((object["questions"] as? [[String: Any]])?.first { $0["id"] as? String == "operational-readiness:cost_controls.unit_cost" })
        XCTAssertEqual(row["risk"] as? String, "none")
        XCTAssertEqual(row["status"] as? String, "addressed")
        XCTAssertEqual(row["choices"] as? [String], ["uc_owner_review", "uc_per_consumer", "uc_per_dataset"])
    }
}
