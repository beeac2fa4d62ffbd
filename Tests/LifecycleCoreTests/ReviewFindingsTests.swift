import Foundation
import XCTest
@testable import LifecycleCore

/// Defects an adversarial review found in the save path, each with the test that would
/// have caught it.
final class ReviewFindingsTests: XCTestCase {
    let catalog = builtInCatalog()
    var directory: TemporaryDirectory!

    override func setUp() { directory = TemporaryDirectory() }

    func testTwoRescueCopiesInTheSameSecondNeverShareAFile() throws {
        let time = fixedTime()
        let first = try RescueCopy.write(Array("one".utf8), for: "/a/r.json", at: time, into: [directory.path]).get()
        let second = try RescueCopy.write(Array("two".utf8), for: "/b/r.json", at: time, into: [directory.path]).get()
        XCTAssertNotEqual(first, second)
        XCTAssertEqual(directory.contents(first), Array("one".utf8))
        XCTAssertEqual(directory.contents(second), Array("two".utf8))
    }

    func testARescueCopyOfALongNameFitsAndFallsBackToAnotherFolder() throws {
        let long = "/x/" + String(repeating: "c", count: 240) + ".json"
        let blocked = directory.write("not-a-folder", "x")
        let rescue = try RescueCopy.write(Array("saved".utf8), for: long, at: fixedTime(), into: [blocked, directory.path]).get()
        XCTAssertTrue(rescue.hasPrefix(directory.path + "/"), rescue)
        XCTAssertLessThanOrEqual(PathText.lastComponent(of: rescue).utf8.count, 255)
        XCTAssertEqual(directory.contents(rescue), Array("saved".utf8))
    }

    func testASaveWhoseBackupCannotBeKeptSaysSo() throws {
        let blocked = directory.write("backups-is-a-file", "x")
        let store = AssessmentStore(catalog: catalog, backups: BackupLocation(directory: blocked + "/inside"))
        let path = directory.file("a.json")
        try store.create(sampleAssessment(catalog), at: path)
        let (_, receipt) = try store.update(path) { (loaded: inout LoadedAssessment) throws(FileProblem) in
            loaded.assessment.setStatus(.gap, for: "storage.retention")
        }
        XCTAssertEqual(try store.load(path).assessment.status(of: "storage.retention"), .gap, "the save itself went ahead")
        XCTAssertTrue(receipt.warnings.contains { $0.hasPrefix("no backup of the replaced version was kept") }, "\(receipt.warnings)")
    }

    func testChangingAMissingFileLeavesNoLockFileBehind() throws {
        let store = AssessmentStore(catalog: catalog, backups: nil)
        let path = directory.file("missing.json")
        XCTAssertThrowsError(try store.update(path) { (_: inout LoadedAssessment) throws(FileProblem) in })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [])
    }
}
