import Foundation
import XCTest
@testable import LifecycleCore

final class OutputFileTests: XCTestCase {
    let directory = TemporaryDirectory()

    private static let diskFull: AtomicFileWriter = AtomicFileWriter { _, _ throws(FileWriteError) in
        throw FileWriteError(reason: "No space left on device")
    }

    func testAFailedWriteToARegularFileLeavesItAsItWasAndSaysWhy() {
        let path = directory.write("report.md", "old report")
        XCTAssertThrowsError(try OutputFile(writer: Self.diskFull).write(Array("new".utf8), to: path, inputs: [])) { error in
            XCTAssertEqual((error as? OutputFileProblem)?.description,
                           "\(path): cannot be saved: No space left on device; the previous file is unchanged")
        }
        XCTAssertEqual(directory.contents(path), Array("old report".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["report.md"], "no temporary file left")
    }

    func testAFailedWriteToADeviceIsReported() {
        XCTAssertThrowsError(try OutputFile(writer: Self.diskFull).write(Array("x".utf8), to: "/dev/null", inputs: [])) { error in
            XCTAssertEqual(error as? OutputFileProblem, .writeFailed(path: "/dev/null", reason: "No space left on device"))
        }
        XCTAssertThrowsError(try OutputFile().write(Array("x".utf8), to: "/dev/full", inputs: [])) { error in
            XCTAssertEqual(error as? OutputFileProblem, .writeFailed(path: "/dev/full", reason: "No space left on device"))
        }
    }

    func testANewFileIsCreatedAndAMissingDirectoryReported() throws {
        let path = directory.file("new.md")
        try OutputFile().write(Array("report".utf8), to: path, inputs: [])
        XCTAssertEqual(directory.contents(path), Array("report".utf8))
        let missing = directory.file("no/such/out.md")
        XCTAssertThrowsError(try OutputFile().write([], to: missing, inputs: [])) { error in
            XCTAssertEqual(error as? OutputFileProblem, .file(.directoryMissing(path: missing, directory: directory.file("no/such"))))
        }
    }

    func testADanglingSymlinkCreatesItsTarget() throws {
        let link = directory.file("link.md")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.md")
        try OutputFile().write(Array("report".utf8), to: link, inputs: [])
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "target.md")
        XCTAssertEqual(directory.contents(directory.file("target.md")), Array("report".utf8))
    }

    func testAssessmentsAreRecognisedByContent() {
        let sample = [UInt8](FileManager.default.contents(atPath: packageRoot + "/assets/sample-assessment.json")!)
        XCTAssertTrue(AssessmentShape.matches(sample))
        XCTAssertTrue(AssessmentShape.matches(Array(#"  {"answers": {}, "formatVersion": 1}"#.utf8)))
        XCTAssertTrue(AssessmentShape.matches(Array("{\n<<<<<<< ours\n\"formatVersion\": 1, \"answers\": {}\n".utf8)), "damaged")
        XCTAssertFalse(AssessmentShape.matches(Array(#"{"formatVersion": 1}"#.utf8)))
        XCTAssertFalse(AssessmentShape.matches(Array(#"[{"formatVersion": 1, "answers": {}}]"#.utf8)))
        XCTAssertFalse(AssessmentShape.matches(Array("# Report\n\"formatVersion\" \"answers\"".utf8)))
        XCTAssertFalse(AssessmentShape.matches([]))
    }
}
