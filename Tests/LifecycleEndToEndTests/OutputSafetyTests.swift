import Foundation
import XCTest

/// `report --output`: never overwrites an assessment (by content, or the input itself by
/// identity), writes devices and FIFOs in place instead of replacing them, and fails
/// loudly when the write fails.
final class OutputSafetyTests: BinaryTestCase {
    var file: String!

    override func setUpWithError() throws {
        try super.setUpWithError()
        file = try newAssessment("review.json")
        try answer(file, "generation.event-rate", "gap")
    }

    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// What the directory entry itself is (lstat: a link is a link).
    private func fileType(_ path: String) throws -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return info.st_mode & S_IFMT
    }

    private func assertRefused(_ output: String, _ reason: String, file line: UInt = #line) throws {
        let before = try bytes(output)
        let backups = (try? FileManager.default.contentsOfDirectory(atPath: scratch.path + "/backups")) ?? []
        let result = try lifecycle.run("report", file, "--output", output)
        XCTAssertEqual(result.status, 2, line: line)
        XCTAssertEqual(result.stderr, "lifecycle: error: \(output): \(reason); not overwritten (choose another output file)\n", line: line)
        XCTAssertEqual(try bytes(output), before, "nothing written", line: line)
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: scratch.path + "/backups")) ?? [], backups, line: line)
    }

    func testTheInputItselfIsRefusedByIdentity() throws {
        try assertRefused(file, "is the file this command reads")
        let link = scratch.path + "/link.md"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        try assertRefused(link, "is the file this command reads")
        let hardLink = scratch.path + "/hard.md"
        try FileManager.default.linkItem(atPath: file, toPath: hardLink)
        try assertRefused(hardLink, "is the file this command reads")
    }

    func testAnyAssessmentIsRefusedByContentWhateverItsName() throws {
        let other = scratch.path + "/notes.md"
        XCTAssertEqual(try lifecycle.run("new", "Other", "--file", other).status, 0)
        try assertRefused(other, "holds an assessment")

        // A damaged one (git's conflict markers) still reads like an assessment.
        let damaged = scratch.path + "/damaged.txt"
        try Data("{\n<<<<<<< HEAD\n  \"answers\": {},\n=======\n>>>>>>> b\n  \"formatVersion\": 1\n}\n".utf8)
            .write(to: URL(fileURLWithPath: damaged))
        try assertRefused(damaged, "holds an assessment")
    }

    func testOtherFilesAreReplacedAtomicallyAndThroughSymlinks() throws {
        let previous = scratch.path + "/report.json"
        XCTAssertEqual(try lifecycle.run("report", file, "--format", "json", "--output", previous).status, 0)
        let again = try lifecycle.run("report", file, "--format", "json", "--output", previous)
        XCTAssertEqual(again.status, 0, "a JSON report is not an assessment: \(again.stderr)")
        XCTAssertEqual(again.stderr, "Wrote \(previous)\n")

        let target = scratch.path + "/real.md", link = scratch.path + "/link-to-real.md"
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        XCTAssertEqual(try lifecycle.run("report", file, "--output", link).status, 0)
        XCTAssertEqual(try fileType(link), S_IFLNK, "the link is kept")
        XCTAssertTrue(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("# Architecture review: Review"))
    }

    func testDevicesAreWrittenInPlaceAndTheirErrorsReported() throws {
        let null = try lifecycle.run("report", file, "--output", "/dev/null")
        XCTAssertEqual(null.status, 0, null.stderr)
        XCTAssertEqual(try fileType("/dev/null"), S_IFCHR)

        let full = try lifecycle.run("report", file, "--output", "/dev/full")
        XCTAssertEqual(full.status, 2)
        XCTAssertEqual(full.stderr, "lifecycle: error: /dev/full: cannot be written: No space left on device\n")
        XCTAssertEqual(try fileType("/dev/full"), S_IFCHR)

        // A link to a device, as /dev/stdout is: the device is written, the link kept.
        let link = scratch.path + "/to-null"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
        XCTAssertEqual(try lifecycle.run("report", file, "--output", link).status, 0)
        XCTAssertEqual(try fileType(link), S_IFLNK)
        XCTAssertEqual(try fileType("/dev/null"), S_IFCHR)
    }

    func testDevStdoutIsWrittenNotReplaced() throws {
        let result = try lifecycle.run("report", file, "--output", "/dev/stdout")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("# Architecture review: Review"), result.stdout)
        XCTAssertEqual(try fileType("/dev/stdout"), S_IFLNK, "the /dev entry is untouched")
    }

    func testAFIFOIsWrittenToItsReader() throws {
        let fifo = scratch.path + "/fifo"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let received = Pipe()
        reader.standardOutput = received
        try reader.run()
        let result = try lifecycle.run("report", file, "--output", fifo)
        // A writer that replaced the FIFO would leave the reader waiting forever.
        let deadline = Date().addingTimeInterval(10)
        while reader.isRunning && Date() < deadline { usleep(10_000) }
        if reader.isRunning { reader.terminate() }
        reader.waitUntilExit()
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = String(decoding: received.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("# Architecture review: Review"), text)
        XCTAssertEqual(try fileType(fifo), S_IFIFO, "still a FIFO, not a regular file")
    }
}
