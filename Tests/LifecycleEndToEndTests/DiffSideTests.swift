import Foundation
import XCTest

/// `diff` sides: FILE or FILE@LABEL, with "@" allowed in file names and in labels.
final class DiffSideTests: XCTestCase {
    var scratch: ScratchDirectory!
    var lifecycle: BinaryRunner!

    override func setUp() {
        scratch = ScratchDirectory()
        lifecycle = BinaryRunner(home: scratch.path)
    }

    private func assessment(_ name: String, milestone label: String) throws -> String {
        let path = scratch.path + "/" + name
        XCTAssertEqual(try lifecycle.run("new", "Review", "--file", path).status, 0)
        XCTAssertEqual(try lifecycle.run("milestone", path, "--label", label).status, 0)
        return path
    }

    func testALabelContainingAtCanBeAddressed() throws {
        let file = try assessment("review.json", milestone: "v1@team-a")
        let result = try lifecycle.run("diff", file + "@v1@team-a", file)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try lifecycle.run("set", file, "storage.retention", "--status", "gap").status, 0)
        XCTAssertEqual(try lifecycle.run("diff", file + "@v1@team-a", file).status, 1)
    }

    func testAFileNameContainingAtCanBeAddressedWithAndWithoutALabel() throws {
        let file = try assessment("team@a.json", milestone: "q3@final")
        let result = try lifecycle.run("diff", file + "@q3@final", file)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("--- \(file)@q3@final\n+++ \(file)\n"), result.stdout)
    }

    func testTheWholeArgumentIsAFileFirst() throws {
        let plain = try assessment("x.json", milestone: "q3")
        let atNamed = scratch.path + "/x.json@q3"
        try FileManager.default.copyItem(atPath: plain, toPath: atNamed)
        XCTAssertEqual(try lifecycle.run("set", atNamed, "storage.retention", "--status", "gap").status, 0)
        // "x.json@q3" exists as a file: it is that file, not x.json's milestone.
        XCTAssertEqual(try lifecycle.run("diff", plain, atNamed).status, 1)
    }

    func testNoFileBeforeTheAtIsAClearError() throws {
        let file = try assessment("review.json", milestone: "v1")
        let result = try lifecycle.run("diff", "@v1", file)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "lifecycle: error: @v1: no file named before \"@\" (use FILE@LABEL)\n")

        let missing = scratch.path + "/missing.json"
        let noFile = try lifecycle.run("diff", missing + "@v1@x", file)
        XCTAssertEqual(noFile.status, 2)
        XCTAssertEqual(noFile.stderr, "lifecycle: error: \(missing): no such file\n")
    }
}
