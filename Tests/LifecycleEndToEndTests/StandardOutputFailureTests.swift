import Foundation
import XCTest

/// Every command that prints, with standard output on /dev/full: a write that fails must
/// fail the command (one line on standard error, exit status 2), never exit 0 with a
/// truncated or empty result.
final class StandardOutputFailureTests: BinaryTestCase {
    var file: String!

    override func setUpWithError() throws {
        try super.setUpWithError()
        file = try newAssessment("review.json")
        try answer(file, "generation.event-rate", "gap", note: "n")
        XCTAssertEqual(try lifecycle.run("milestone", file, "--label", "q3").status, 0)
        XCTAssertEqual(try lifecycle.run("set", file, "generation.event-rate", "--status", "addressed").status, 0)
    }

    private let message = "lifecycle: error: cannot write to standard output: No space left on device\n"

    func testEveryPrintingCommandFailsOnAFullStandardOutput() throws {
        let commands: [[String]] = [
            ["show", file], ["show", file, "--format", "json"],
            ["report", file], ["report", file, "--format", "html"], ["report", file, "--format", "csv"],
            ["diff", file + "@q3", file], ["diff", file + "@q3", file, "--format", "json"],
            ["diff", file, file],
            ["textconv", file],
            ["questions"], ["questions", "--format", "json"],
            ["milestones", file], ["milestones", file, "--format", "json"],
            ["validate", file],
            ["--help"], ["--version"], ["show", "--help"], ["help", "diff"],
        ]
        for arguments in commands {
            let result = try lifecycle.run(arguments: arguments, stdoutPath: "/dev/full")
            let command = arguments.joined(separator: " ")
            XCTAssertEqual(result.status, 2, command)
            XCTAssertEqual(result.stderr, message, command)
        }
        // set has saved by the time it prints: it says so, so a script knows the file changed.
        let set = try lifecycle.run(arguments: ["set", file, "storage.retention", "--status", "partial"], stdoutPath: "/dev/full")
        XCTAssertEqual(set.status, 2)
        XCTAssertEqual(set.stderr, message.dropLast() + " (the answer is saved in \(file!); only this confirmation was lost)\n")
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains("\"partial\""))
    }

    func testTheSameCommandsSucceedOnAWritableStandardOutput() throws {
        let sink = scratch.path + "/out.txt"
        XCTAssertTrue(FileManager.default.createFile(atPath: sink, contents: nil))
        let result = try lifecycle.run(arguments: ["report", file], stdoutPath: sink)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(try String(contentsOfFile: sink, encoding: .utf8).hasPrefix("# "), "the report reached the file")
        XCTAssertEqual(try lifecycle.run(arguments: ["--version"], stdoutPath: "/dev/null").status, 0)
    }
}
