import Foundation
import XCTest
@testable import LifecycleCore

final class AssessmentStoreTests: XCTestCase {
    let catalog = builtInCatalog()
    var directory: TemporaryDirectory!
    var store: AssessmentStore!

    override func setUp() {
        directory = TemporaryDirectory()
        store = AssessmentStore(catalog: catalog, backups: BackupLocation(directory: directory.file("backups")))
    }

    private func loadError(_ path: String, store: AssessmentStore? = nil) -> FileProblem? {
        do {
            _ = try (store ?? self.store).load(path)
            return nil
        } catch {
            return error
        }
    }

    func testCreateLoadSaveRoundTrip() throws {
        let path = directory.file("payments.json")
        try store.create(sampleAssessment(catalog), at: path)
        let loaded = try store.load(path)
        XCTAssertEqual(loaded.assessment, sampleAssessment(catalog))
        XCTAssertEqual(directory.contents(path), sampleAssessment(catalog).canonicalBytes())
    }

    func testNewFilesAreReadableByTheOwnerOnly() throws {
        let path = directory.file("new.json")
        try store.create(sampleAssessment(catalog), at: path)
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
        XCTAssertEqual(mode, 0o600)
    }

    func testSavingKeepsTheExistingFilesPermissions() throws {
        let path = directory.file("shared.json")
        try store.create(sampleAssessment(catalog), at: path)
        chmod(path, 0o644)
        var loaded = try store.load(path)
        loaded.assessment.setStatus(.partial, for: "storage.retention")
        try store.save(loaded.assessment, to: path, replacing: loaded.fingerprint)
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
        XCTAssertEqual(mode, 0o644)
    }

    func testSavingUnchangedDataLeavesTheFileByteIdentical() throws {
        let path = directory.file("same.json")
        try store.create(sampleAssessment(catalog), at: path)
        let before = directory.contents(path)
        let loaded = try store.load(path)
        try store.save(loaded.assessment, to: path, replacing: loaded.fingerprint)
        XCTAssertEqual(directory.contents(path), before)
    }

    func testCreateRefusesToOverwrite() throws {
        let path = directory.write("taken.json", "precious")
        XCTAssertThrowsError(try store.create(sampleAssessment(catalog), at: path)) { error in
            XCTAssertEqual(error as? FileProblem, .alreadyExists(path: path))
        }
        XCTAssertEqual(directory.contents(path), Array("precious".utf8))
    }

    func testAFileChangedOnDiskIsNotOverwritten() throws {
        let path = directory.file("stale.json")
        try store.create(sampleAssessment(catalog), at: path)
        var loaded = try store.load(path)
        // Someone else (git pull, another editor) changes the file.
        var theirs = loaded.assessment
        theirs.setStatus(.addressed, for: "security.backups")
        _ = FileManager.default.createFile(atPath: path, contents: Data(theirs.canonicalBytes()))
        loaded.assessment.setStatus(.gap, for: "security.patching")
        XCTAssertThrowsError(try store.save(loaded.assessment, to: path, replacing: loaded.fingerprint)) { error in
            XCTAssertEqual(error as? FileProblem, .changedOnDisk(path: path))
            XCTAssertTrue("\(error)".contains("changed on disk since it was loaded"))
        }
        XCTAssertEqual(directory.contents(path), theirs.canonicalBytes())
    }

    func testAFileRemovedSinceLoadingIsNotRecreatedSilently() throws {
        let path = directory.file("gone.json")
        try store.create(sampleAssessment(catalog), at: path)
        let loaded = try store.load(path)
        unlink(path)
        XCTAssertThrowsError(try store.save(loaded.assessment, to: path, replacing: loaded.fingerprint)) { error in
            XCTAssertEqual(error as? FileProblem, .removedFromDisk(path: path))
        }
    }

    func testAFailedWriteLeavesTheOldFileIntactAndNoTemporaryFiles() throws {
        let path = directory.file("atomic.json")
        try store.create(sampleAssessment(catalog), at: path)
        let before = directory.contents(path)
        var failing = store!
        failing.backups = nil
        failing.writer = AtomicFileWriter { descriptor, bytes throws(FileWriteError) in
            // Write half the bytes, then fail as a full disk would.
            try AtomicFileWriter.writeAll(descriptor, Array(bytes.prefix(bytes.count / 2)))
            throw FileWriteError(reason: "No space left on device")
        }
        var loaded = try store.load(path)
        loaded.assessment.setStatus(.addressed, for: "generation.duplicates")
        XCTAssertThrowsError(try failing.save(loaded.assessment, to: path, replacing: loaded.fingerprint)) { error in
            XCTAssertEqual("\(error)", "\(path): cannot be saved: No space left on device; the previous file is unchanged")
        }
        XCTAssertEqual(directory.contents(path), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [])
    }

    /// Creates the sample at `path`, changes one answer and saves: returns the first bytes.
    private func createAndChangeOnce(_ path: String, with store: AssessmentStore) throws -> [UInt8] {
        try store.create(sampleAssessment(catalog), at: path)
        let first = directory.contents(path)
        var loaded = try store.load(path)
        loaded.assessment.setStatus(.gap, for: "generation.duplicates")
        try store.save(loaded.assessment, to: path, replacing: loaded.fingerprint)
        return first
    }

    func testThePreviousVersionIsKeptOutsideTheRepository() throws {
        let path = directory.file("kept.json")
        let first = try createAndChangeOnce(path, with: store)
        let backup = store.backups!.backupPath(for: path)
        XCTAssertTrue(backup.hasPrefix(directory.file("backups") + "/kept.json."))
        XCTAssertEqual(directory.contents(backup), first)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), [".kept.json.lock", "backups", "kept.json"],
                       "beside the file only its lock file, never removed (see FileLock)")
    }

    func testTheBackupIsTheReplacedFileItselfAndSurvivesMoreSaves() throws {
        let path = directory.file("linked.json")
        try store.create(sampleAssessment(catalog), at: path)
        var loaded = try store.load(path)
        for (round, status) in [AnswerStatus.addressed, .gap, .partial].enumerated() {
            let previous = directory.contents(path)
            let previousInode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int)
            loaded.assessment.setStatus(status, for: "generation.duplicates")
            loaded.fingerprint = try store.save(loaded.assessment, to: path, replacing: loaded.fingerprint)
            let backup = store.backups!.backupPath(for: path)
            XCTAssertEqual(directory.contents(backup), previous, "round \(round)")
            let backupInode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: backup)[.systemFileNumber] as? Int)
            XCTAssertEqual(backupInode, previousInode, "a hard link, not a copy (same file system)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.file("backups")).sorted()
        XCTAssertEqual(names.count, 3, "one backup per replaced version, no stray link names: \(names)")
        XCTAssertTrue(names.allSatisfy { $0.hasSuffix(".previous") || $0.hasSuffix(".previous.2") || $0.hasSuffix(".previous.3") }, "\(names)")
    }

    func testTheBackupIsCopiedWhenItCannotBeLinked() throws {
        // /dev/shm is a different file system from the temporary directory here, so
        // link(2) fails with EXDEV and the copy path runs.
        var isDirectory: ObjCBool = false
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isDirectory) && isDirectory.boolValue)
        let backups = "/dev/shm/lifecycle-test-backups-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: backups) }
        let otherStore = AssessmentStore(catalog: catalog, backups: BackupLocation(directory: backups))
        let path = directory.file("copied.json")
        let first = try createAndChangeOnce(path, with: otherStore)
        XCTAssertEqual(directory.contents(otherStore.backups!.backupPath(for: path)), first)
    }

    func testSavingThroughASymlinkReplacesTheTarget() throws {
        let target = directory.file("real.json")
        try store.create(sampleAssessment(catalog), at: target)
        let link = directory.file("link.json")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        var loaded = try store.load(link)
        loaded.assessment.setStatus(.gap, for: "security.patching")
        try store.save(loaded.assessment, to: link, replacing: loaded.fingerprint)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
        XCTAssertEqual(try store.load(target).assessment.status(of: "security.patching"), .gap)
    }

    // MARK: Bad input: a clear message naming the file and place, and the file untouched.

    private func assertRejected(_ bytes: [UInt8], expect expected: String, file: StaticString = #filePath, line: UInt = #line) {
        let path = directory.write("bad.json", bytes: bytes)
        let message = loadError(path).map { "\($0)" } ?? "(loaded)"
        XCTAssertEqual(message, "\(path)\(expected)", file: file, line: line)
        XCTAssertEqual(directory.contents(path), bytes, "the file must not be modified", file: file, line: line)
    }

    func testInvalidJSON() {
        assertRejected(Array("{\n  \"name\": \"x\",\n  oops\n}".utf8), expect: ":3:3: unexpected 'o'; expected a quoted key")
    }

    func testTruncatedFile() {
        let full = sampleAssessment(catalog).canonicalBytes()
        assertRejected(Array(full.prefix(200)), expect: ":9:4: the file ends too early (truncated?) inside an object")
    }

    func testWrongTypes() {
        assertRejected(Array(#"{"formatVersion": 1, "name": ["x"], "catalog": {"id": "c", "version": "1"}, "created": "2026-01-01T00:00:00Z"}"#.utf8),
                       expect: ": $.name: expected a string, found an array")
    }

    func testUnknownStatus() {
        assertRejected(Array(#"{"formatVersion": 1, "name": "x", "catalog": {"id": "c", "version": "1"}, "created": "2026-01-01T00:00:00Z", "answers": {"generation.event-rate": {"status": "yes"}}}"#.utf8),
                       expect: ": $.answers[\"generation.event-rate\"].status: unknown status \"yes\" (expected one of unanswered, addressed, partial, gap, not-applicable)")
    }

    func testNewerFormatVersion() {
        assertRejected(Array(#"{"formatVersion": 9, "name": "x", "catalog": {"id": "c", "version": "1"}, "created": "2026-01-01T00:00:00Z"}"#.utf8),
                       expect: ": $.formatVersion: format 9 is newer than this build of lifecycle understands (up to 2); upgrade lifecycle to open it")
    }

    func testNotUTF8() {
        assertRejected([0xFF, 0xFE, 0x7B, 0x00], expect: ":1:1: the file is not valid UTF-8 text")
    }

    func testAbsurdSize() {
        let small = AssessmentStore(catalog: catalog, backups: nil, sizeLimit: 1024 * 1024)
        let path = directory.write("huge.json", bytes: [UInt8](repeating: 0x20, count: 1024 * 1024 + 1))
        XCTAssertEqual(loadError(path, store: small).map { "\($0)" }, "\(path): is 1048577 bytes, more than the 1 MiB an assessment may have")
    }

    func testAbsurdNesting() {
        assertRejected(Array((String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)).utf8),
                       expect: ":1:65: nesting deeper than 64 levels")
    }

    func testManyProblemsAreSummarisedOnOneLine() {
        assertRejected(Array(#"{"formatVersion": 1, "name": 1, "catalog": {"id": "c", "version": "1"}, "created": 2}"#.utf8),
                       expect: ": $.name: expected a string, found a number (and 1 more problem; see lifecycle validate)")
    }

    func testADirectoryInsteadOfAFile() {
        XCTAssertEqual(loadError(directory.path).map { "\($0)" }, "\(directory.path): is a directory, not an assessment file")
    }

    func testADeviceInsteadOfAFile() {
        XCTAssertEqual(loadError("/dev/zero").map { "\($0)" }, "/dev/zero: is not a regular file (a device, pipe or socket?)")
    }

    func testAFIFODoesNotHang() {
        let path = directory.file("pipe")
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        XCTAssertEqual(loadError(path).map { "\($0)" }, "\(path): is not a regular file (a device, pipe or socket?)")
    }

    func testAMissingFileAndAMissingDirectory() {
        XCTAssertEqual(loadError(directory.file("nope.json")).map { "\($0)" }, "\(directory.file("nope.json")): no such file")
        let inMissing = directory.file("missing/dir/a.json")
        XCTAssertEqual(loadError(inMissing).map { "\($0)" }, "\(inMissing): the directory \(directory.file("missing/dir")) does not exist")
        XCTAssertThrowsError(try store.create(sampleAssessment(catalog), at: inMissing)) { error in
            XCTAssertEqual("\(error)", "\(inMissing): the directory \(directory.file("missing/dir")) does not exist")
        }
    }

    func testAnUnwritableDirectory() throws {
        // A regular file where the directory should be: fails for root too, unlike chmod.
        let blocker = directory.write("blocker", "not a directory")
        let path = blocker + "/a.json"
        XCTAssertThrowsError(try store.create(sampleAssessment(catalog), at: path)) { error in
            XCTAssertEqual("\(error)", "\(path): \(blocker) is not a directory")
        }
        XCTAssertEqual(directory.contents(blocker), Array("not a directory".utf8))
    }

    func testEscapeSequencesInPathsAreShownVisibly() {
        let message = FileProblem.notFound(path: "/tmp/\u{1B}]0;owned\u{07}.json").description
        XCTAssertEqual(message, "/tmp/^[]0;owned^G.json: no such file")
    }
}

final class AbandonedTemporaryFileTests: XCTestCase {
    func testTemporaryFilesOfKilledWritersAreRemovedOnceTheyAreOld() throws {
        let directory = TemporaryDirectory()
        let store = AssessmentStore(catalog: builtInCatalog(), backups: nil)
        let path = directory.file("review.json")
        try store.create(sampleAssessment(), at: path)
        let old = directory.write(".review.json.AbC123.tmp", "half a file")
        let fresh = directory.write(".review.json.XyZ789.tmp", "a save in progress")
        let unrelated = directory.write(".other.json.AbC123.tmp", "not ours")
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-120)], ofItemAtPath: old)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-120)], ofItemAtPath: unrelated)
        var loaded = try store.load(path)
        loaded.assessment.setStatus(.gap, for: "security.patching")
        try store.save(loaded.assessment, to: path, replacing: loaded.fingerprint)
        XCTAssertFalse(FileManager.default.fileExists(atPath: old))
        XCTAssertTrue(FileManager.default.fileExists(atPath: fresh))
        XCTAssertTrue(FileManager.default.fileExists(atPath: unrelated))
    }
}
