import Foundation
import XCTest

/// `lifecycle merge BASE OURS THEIRS` through the real binary: what it writes must load.
final class MergeDriverTests: BinaryTestCase {
    var base: String!

    override func setUpWithError() throws {
        try super.setUpWithError()
        base = try newAssessment("base.json", name: "Payments")
    }

    /// A reviewer's copy of the base, with one answer and a milestone "q3" over it.
    private func reviewer(_ name: String, status: String) throws -> String {
        let path = scratch.path + "/\(name).json"
        try FileManager.default.copyItem(atPath: base, toPath: path)
        XCTAssertEqual(try lifecycle.run("set", path, "generation.event-rate", "--status", status, "--note", name).status, 0)
        XCTAssertEqual(try lifecycle.run("milestone", path, "--label", "q3").status, 0)
        return path
    }

    func testThreeReviewersWithTheSameMilestoneLabelMergeIntoAFileThatLoads() throws {
        let ana = try reviewer("ana", status: "gap")
        let bo = try reviewer("bo", status: "partial")
        let cy = try reviewer("cy", status: "addressed")

        let first = try lifecycle.run("merge", base, ana, bo)
        XCTAssertEqual(first.status, 1, "the reviewers answered event-rate differently: a conflict")
        XCTAssertTrue(first.stderr.contains("lifecycle: note: milestone"), "the relabelled milestone is a note, not a conflict: \(first.stderr)")
        XCTAssertTrue(first.stderr.contains("milestone \"q3\": differs on the two sides; theirs kept as \"q3 (theirs)\""), first.stderr)
        let second = try lifecycle.run("merge", base, ana, cy)
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.stderr.contains("theirs kept as \"q3 (theirs 2)\""), second.stderr)

        let show = try lifecycle.run("show", ana)
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertEqual(try lifecycle.run("validate", ana).status, 0)
        let milestones = try lifecycle.run("milestones", ana).stdout
        XCTAssertEqual(milestones.split(separator: "\n").count, 3, milestones)
        for label in ["q3", "q3 (theirs)", "q3 (theirs 2)"] {
            XCTAssertTrue(milestones.contains("Z  \(label)  1/349 answered"), milestones)
        }
        let diff = try lifecycle.run("diff", ana + "@q3 (theirs 2)", ana + "@q3")
        XCTAssertEqual(diff.status, 1, diff.stderr)
        XCTAssertTrue(diff.stdout.contains("generation.event-rate  addressed -> gap"), diff.stdout)
    }

    private func setField(_ path: String, _ key: String, _ value: Any?) throws {
        var document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        document[key] = value
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
    }

    private func field(_ path: String, _ key: String) throws -> Any? {
        (try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any])[key]
    }

    func testAnUnknownFieldChangedOnlyByThemIsTaken() throws {
        try setField(base, "x-owner", "ana")
        let ours = scratch.path + "/ours.json", theirs = scratch.path + "/theirs.json"
        try FileManager.default.copyItem(atPath: base, toPath: ours)
        try FileManager.default.copyItem(atPath: base, toPath: theirs)
        try setField(theirs, "x-owner", "bo")
        let result = try lifecycle.run("merge", base, ours, theirs)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try field(ours, "x-owner") as? String, "bo")
    }

    func testAnUnknownFieldChangedDifferentlyOnBothSidesIsAConflictThatKeepsOurs() throws {
        try setField(base, "x-owner", "ana")
        let ours = scratch.path + "/ours.json", theirs = scratch.path + "/theirs.json"
        try FileManager.default.copyItem(atPath: base, toPath: ours)
        try FileManager.default.copyItem(atPath: base, toPath: theirs)
        try setField(ours, "x-owner", "cy")
        try setField(theirs, "x-owner", "bo")
        let result = try lifecycle.run("merge", base, ours, theirs)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("lifecycle: conflict: field \"x-owner\": changed differently on the two sides; ours kept\n"), result.stderr)
        XCTAssertEqual(try field(ours, "x-owner") as? String, "cy")
        XCTAssertEqual(try lifecycle.run("show", ours).status, 0)
    }
}
