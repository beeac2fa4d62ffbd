import Foundation
import XCTest

/// Usage errors are one line plus a one-line hint, exit status 2 (as the README promises);
/// help and version still exit 0; gates keep exit status 1.
final class UsageErrorTests: XCTestCase {
    var scratch: ScratchDirectory!
    var lifecycle: BinaryRunner!

    override func setUp() {
        scratch = ScratchDirectory()
        lifecycle = BinaryRunner(home: scratch.path)
    }

    func testABadArgumentIsOneLineAndAHintWithExitTwo() throws {
        let file = scratch.path + "/review.json"
        try lifecycle.run("new", "Review", "--file", file)
        let cases: [(arguments: [String], error: String, hint: String)] = [
            (["set", file, "generation.event-rate", "--status", "done"],
             "lifecycle: error: the value 'done' is invalid for '--status <status>'. Please provide one of 'unanswered', 'addressed', 'partial', 'gap' or 'not-applicable'.",
             "see 'lifecycle set --help'"),
            (["set", file, "generation.event-rate", "--status", "gap", "--reason", "x"],
             "lifecycle: error: --reason is only for --status not-applicable", "see 'lifecycle set --help'"),
            (["show"], "lifecycle: error: missing expected argument '<file>'", "see 'lifecycle show --help'"),
            (["validate"], "lifecycle: error: missing expected argument '<files> ...'", "see 'lifecycle validate --help'"),
            (["diff", file, file, "--bogus"], "lifecycle: error: unknown option '--bogus'", "see 'lifecycle diff --help'"),
            (["no-such-command"], "lifecycle: error: unexpected argument 'no-such-command'", "see 'lifecycle --help'"),
        ]
        for (arguments, error, hint) in cases {
            let result = try lifecycle.run(arguments: arguments)
            XCTAssertEqual(result.status, 2, arguments.joined(separator: " "))
            XCTAssertEqual(result.stderr, error + "\n" + hint + "\n", arguments.joined(separator: " "))
            XCTAssertEqual(result.stdout, "")
        }
    }

    func testControlCharactersInARejectedArgumentAreMadeVisible() throws {
        let result = try lifecycle.run("questions", "--format", "\u{1B}]0;owned\u{07}")
        XCTAssertEqual(result.status, 2)
        XCTAssertFalse(result.stderr.contains("\u{1B}"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 2, result.stderr)
    }

    func testHelpAndVersionStillExitZeroOnStandardOutput() throws {
        for arguments in [["--help"], ["set", "--help"], ["help", "merge"], ["--version"]] {
            let result = try lifecycle.run(arguments: arguments)
            XCTAssertEqual(result.status, 0, arguments.joined(separator: " "))
            XCTAssertEqual(result.stderr, "")
            XCTAssertFalse(result.stdout.isEmpty)
        }
        XCTAssertEqual(try lifecycle.run("--version").stdout, "0.1.0\n")
    }

    func testGatesKeepExitStatusOne() throws {
        let file = scratch.path + "/review.json"
        try lifecycle.run("new", "Review", "--file", file)
        try lifecycle.run("set", file, "storage.retention", "--status", "addressed")
        try lifecycle.run("milestone", file, "--label", "before")
        try lifecycle.run("set", file, "storage.retention", "--status", "gap")
        XCTAssertEqual(try lifecycle.run("diff", file + "@before", file, "--fail-on", "regression").status, 1)
    }
}
