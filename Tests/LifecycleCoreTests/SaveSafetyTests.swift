import Foundation
import XCTest
@testable import LifecycleCore

/// Where saves may and may not go, and what they keep: symlink chains, read-only files,
/// owners, the size cap, long names, hard links, backups around failures, the lock.
final class SaveSafetyTests: XCTestCase {
    let catalog = builtInCatalog()
    var directory: TemporaryDirectory!
    var store: AssessmentStore!

    override func setUp() {
        directory = TemporaryDirectory()
        store = AssessmentStore(catalog: catalog, backups: BackupLocation(directory: directory.file("backups")))
    }

    private func setGap(_ path: String, _ id: String = "generation.duplicates", store: AssessmentStore? = nil) throws -> SaveReceipt {
        try (store ?? self.store).update(path) { (loaded: inout LoadedAssessment) throws(FileProblem) in
            loaded.assessment.setStatus(.gap, for: id)
        }.1
    }

    private func failure(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testASymlinkChainSavesIntoTheFinalFileAndKeepsTheLinks() throws {
        let real = directory.file("real.json")
        try store.create(sampleAssessment(catalog), at: real)
        try FileManager.default.createSymbolicLink(atPath: directory.file("b.json"), withDestinationPath: "real.json")
        try FileManager.default.createSymbolicLink(atPath: directory.file("a.json"), withDestinationPath: directory.file("b.json"))
        _ = try setGap(directory.file("a.json"))
        XCTAssertEqual(try store.load(real).assessment.status(of: "generation.duplicates"), .gap)
        for link in ["a.json", "b.json"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory.file(link))
            XCTAssertEqual(attributes[.type] as? FileAttributeType, .typeSymbolicLink, "\(link) is still a link")
        }
    }

    func testALoopOfSymlinksIsAClearError() throws {
        try FileManager.default.createSymbolicLink(atPath: directory.file("x.json"), withDestinationPath: "y.json")
        try FileManager.default.createSymbolicLink(atPath: directory.file("y.json"), withDestinationPath: "x.json")
        XCTAssertTrue(failure { try store.save(sampleAssessment(catalog), to: directory.file("x.json"), replacing: nil) }
            .contains("too many levels of symbolic links"))
    }

    func testAReadOnlyFileIsRefusedAndUnchanged() throws {
        let path = directory.file("ro.json")
        try store.create(sampleAssessment(catalog), at: path)
        chmod(path, 0o444)
        let before = directory.contents(path)
        XCTAssertEqual(failure { _ = try setGap(path) }, "\(path): is read-only; not changed (make it writable, e.g. chmod u+w, to save)")
        XCTAssertEqual(directory.contents(path), before)
        var info = stat()
        stat(path, &info)
        XCTAssertEqual(info.st_mode & 0o777, 0o444, "no silent chmod")
    }

    /// As root (these machines), a save must keep another user's ownership, not take it.
    func testTheOwnerAndGroupOfAnotherUsersFileAreKept() throws {
        try XCTSkipUnless(geteuid() == 0, "needs root to give the file to another user")
        let path = directory.file("theirs.json")
        try store.create(sampleAssessment(catalog), at: path)
        XCTAssertEqual(chown(path, 4242, 4343), 0)
        _ = try setGap(path)
        var info = stat()
        stat(path, &info)
        XCTAssertEqual([info.st_uid, info.st_gid], [4242, 4343], "still the user's file")
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
    }

    func testWhatWouldPassTheSizeCapIsNotWritten() throws {
        let path = directory.file("big.json")
        try store.create(sampleAssessment(catalog), at: path)
        var small = store!
        small.sizeLimit = directory.contents(path).count + 10
        let before = directory.contents(path)
        let message = failure {
            try small.update(path) { (loaded: inout LoadedAssessment) throws(FileProblem) in
                loaded.assessment.setAnswer(Answer(status: .gap, note: String(repeating: "x", count: 100)), for: "generation.duplicates")
            }
        }
        XCTAssertTrue(message.contains("would be") && message.contains("not written (remove old milestones or split the review)"), message)
        XCTAssertEqual(directory.contents(path), before)
    }

    func testANameNearTheLimitIsSavedAndBackedUp() throws {
        let name = String(repeating: "n", count: 250) + ".json"  // 255 bytes
        let path = directory.file(name)
        try store.create(sampleAssessment(catalog), at: path)
        _ = try setGap(path)
        _ = try setGap(path, "storage.retention")
        XCTAssertEqual(try store.load(path).assessment.status(of: "storage.retention"), .gap)
        let backups = try FileManager.default.contentsOfDirectory(atPath: directory.file("backups"))
        XCTAssertEqual(backups.count, 2, "a backup for each replaced version: \(backups)")
        XCTAssertTrue(backups.allSatisfy { $0.utf8.count <= 255 })
    }

    func testAHardLinkedFileIsSavedWithAWarning() throws {
        let path = directory.file("linked.json")
        try store.create(sampleAssessment(catalog), at: path)
        XCTAssertEqual(link(path, directory.file("other-name.json")), 0)
        let receipt = try setGap(path)
        XCTAssertEqual(receipt.warnings.count, 1)
        XCTAssertTrue(receipt.warnings[0].contains("had 1 other hard link; it still shows the previous version"), receipt.warnings[0])
        XCTAssertEqual(try setGap(path, "storage.retention").warnings, [], "no warning once the file stands alone")
    }

    func testAFailedSaveKeepsEveryBackupAndLeavesNoStagedCopy() throws {
        let path = directory.file("kept.json")
        try store.create(sampleAssessment(catalog), at: path)
        for id in ["generation.duplicates", "storage.retention", "generation.event-rate"] { _ = try setGap(path, id) }
        let backupsDirectory = directory.file("backups")
        func snapshot() throws -> [String: [UInt8]] {
            var result: [String: [UInt8]] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: backupsDirectory) { result[name] = directory.contents(backupsDirectory + "/" + name) }
            return result
        }
        let before = try snapshot()
        XCTAssertEqual(before.count, 3)
        var failing = store!
        failing.writer = AtomicFileWriter { _, _ throws(FileWriteError) in throw FileWriteError(reason: "No space left on device") }
        XCTAssertTrue(failure { _ = try setGap(path, "serving.reverse-etl-lineage", store: failing) }.contains("No space left on device"))
        XCTAssertEqual(try snapshot(), before, "no version rotated away, nothing staged left behind")
    }

    func testOnlyTheLastFiveVersionsAreKeptNewestFirst() throws {
        let path = directory.file("rotated.json")
        try store.create(sampleAssessment(catalog), at: path)
        var versions: [[UInt8]] = [directory.contents(path)]
        for (index, id) in catalog.areas[0].questions.prefix(7).map(\.id).enumerated() {
            _ = try setGap(path, id)
            if index < 6 { versions.append(directory.contents(path)) }
        }
        let backups = store.backups!
        for generation in 1...5 {
            XCTAssertEqual(directory.contents(backups.backupPath(for: path, generation: generation)), versions[versions.count - generation],
                           "generation \(generation)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: backups.backupPath(for: path, generation: 6)))
        XCTAssertNil(BackupLocation.fromEnvironment(["LIFECYCLE_BACKUPS": "0", "HOME": "/h"]), "0 turns backups off")
        XCTAssertEqual(BackupLocation.fromEnvironment(["LIFECYCLE_BACKUPS": "2", "HOME": "/h"])?.keep, 2)
    }

    func testAStagedCopyAbandonedByAKilledWriterIsRemovedLater() throws {
        let path = directory.file("killed.json")
        try store.create(sampleAssessment(catalog), at: path)
        _ = try setGap(path)
        let stale = store.backups!.backupPath(for: path) + ".staged-99999"
        let oldLink = store.backups!.backupPath(for: path) + ".link"
        for leftover in [stale, oldLink] {
            _ = FileManager.default.createFile(atPath: leftover, contents: Data("x".utf8))
            var times = [timespec(tv_sec: time(nil) - 3600, tv_nsec: 0), timespec(tv_sec: time(nil) - 3600, tv_nsec: 0)]
            utimensat(AT_FDCWD, leftover, &times, 0)
        }
        _ = try setGap(path, "storage.retention")
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale))
        XCTAssertFalse(FileManager.default.fileExists(atPath: oldLink))
    }

    func testCreatingOnAFullDiskSaysNothingWasWritten() throws {
        var failing = store!
        failing.writer = AtomicFileWriter { _, _ throws(FileWriteError) in throw FileWriteError(reason: "No space left on device") }
        let path = directory.file("new.json")
        XCTAssertEqual(failure { try failing.create(sampleAssessment(catalog), at: path) },
                       "\(path): cannot be created: No space left on device; nothing was written")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    /// A writer holding the lock makes the next one wait, then the next one's change is
    /// applied to what the first wrote: both answers are on disk.
    func testTheLockSerialisesWritersAndNothingIsLost() throws {
        let path = directory.file("locked.json")
        try store.create(sampleAssessment(catalog), at: path)
        let lock = try FileLock(for: path)
        let released = DispatchSemaphore(value: 0)
        let store = self.store!
        DispatchQueue.global().async {
            usleep(200_000)
            var loaded = try! store.load(path)
            loaded.assessment.setStatus(.partial, for: "storage.retention")
            // Written behind the lock's back (as by a program that does not take it), to
            // show the waiting writer re-reads after getting the lock.
            try! AtomicFileWriter().write(loaded.assessment.canonicalBytes(), to: path)
            lock.release()
            released.signal()
        }
        let started = Date()
        _ = try setGap(path)
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 0.15, "waited for the lock")
        released.wait()
        let onDisk = try store.load(path).assessment
        XCTAssertEqual(onDisk.status(of: "storage.retention"), .partial)
        XCTAssertEqual(onDisk.status(of: "generation.duplicates"), .gap)
    }

    /// Many threads, one file, each changing its own question: every change is on disk.
    func testConcurrentUpdatesLoseNothing() throws {
        let path = directory.file("threads.json")
        try store.create(Assessment(name: "Threads", catalog: catalog.reference), at: path)
        let ids = catalog.areas.flatMap(\.questions).prefix(64).map(\.id)
        let store = self.store!
        DispatchQueue.concurrentPerform(iterations: ids.count) { index in
            _ = try! store.update(path) { (loaded: inout LoadedAssessment) throws(FileProblem) in
                loaded.assessment.setStatus(.gap, for: ids[index])
            }
        }
        let onDisk = try store.load(path).assessment
        XCTAssertEqual(ids.filter { onDisk.status(of: $0) != .gap }, [])
    }

    func testTheExplorersSaveMergesOrReportsAConflictUnderTheLock() throws {
        let path = directory.file("merge.json")
        let created = try store.create(sampleAssessment(catalog), at: path)
        _ = try setGap(path, "storage.retention")  // someone else, meanwhile
        var ours = created.assessment
        ours.setStatus(.partial, for: "generation.duplicates")
        guard case .written(_, let onDisk, let merged) = store.saveMerging(ours, base: created.assessment, to: path, replacing: created.fingerprint) else {
            return XCTFail("expected a merged save")
        }
        XCTAssertTrue(merged)
        XCTAssertEqual(onDisk.status(of: "storage.retention"), .gap)
        XCTAssertEqual(try store.load(path).assessment.status(of: "generation.duplicates"), .partial)

        let current = try store.load(path)
        _ = try setGap(path, "generation.duplicates")  // the same question, differently
        var again = current.assessment
        again.setStatus(.addressed, for: "generation.duplicates")
        let before = directory.contents(path)
        guard case .conflict(_, let ids) = store.saveMerging(again, base: current.assessment, to: path, replacing: current.fingerprint) else {
            return XCTFail("expected a conflict")
        }
        XCTAssertEqual(ids, ["generation.duplicates"])
        XCTAssertEqual(directory.contents(path), before, "nothing written on a conflict")
    }
}
