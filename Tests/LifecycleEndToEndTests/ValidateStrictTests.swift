import Foundation
import XCTest

/// `validate --strict`: warnings (unresolved merge conflicts above all) fail the run with
/// exit status 1 so CI can block them; errors still give 2; without --strict warnings pass.
final class ValidateStrictTests: BinaryTestCase {
    var conflicted: String!

    override func setUpWithError() throws {
        try super.setUpWithError()
        conflicted = try newAssessment("conflicted.json")
        let note = "<<<<<<< ours (status: gap)\nmine\n======= theirs (status: addressed)\ntheirs\n>>>>>>> theirs"
        XCTAssertEqual(try lifecycle.run("set", conflicted, "generation.event-rate", "--status", "gap", "--note", note).status, 0)
    }

    func testWarningsPassWithoutStrictAndFailWithIt() throws {
        let warning = "lifecycle: warning: \(conflicted!): unresolved merge conflicts in the notes of generation.event-rate\n"
        let lenient = try lifecycle.run("validate", conflicted)
        XCTAssertEqual(lenient.status, 0)
        XCTAssertEqual(lenient.stderr, warning)
        XCTAssertTrue(lenient.stdout.contains("conflicted.json: valid, with 1 warning ("), "not a plain ok: \(lenient.stdout)")

        let strict = try lifecycle.run("validate", "--strict", conflicted)
        XCTAssertEqual(strict.status, 1)
        XCTAssertEqual(strict.stderr, warning + "lifecycle: 1 warning, failing because of --strict\n")
        XCTAssertEqual(strict.stdout, lenient.stdout, "the file itself is still valid")
    }

    func testStrictPassesCleanFilesAndErrorsStillGiveTwo() throws {
        let clean = scratch.path + "/clean.json"
        XCTAssertEqual(try lifecycle.run("new", "Clean", "--file", clean).status, 0)
        let result = try lifecycle.run("validate", "--strict", clean)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")

        let broken = scratch.path + "/broken.json"
        try Data("{".utf8).write(to: URL(fileURLWithPath: broken))
        XCTAssertEqual(try lifecycle.run("validate", "--strict", conflicted, broken).status, 2)
    }
}
