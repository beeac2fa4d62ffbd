import Foundation
import XCTest
@testable import LifecycleCore

/// Two writers on one file, over and over: an answer a writer reported as saved must be in
/// the file afterwards. Each test counts the rounds in which the two really ran at the same
/// time (a race test that never races proves nothing) and prints the figures.
final class RaceTests: XCTestCase {
    let scratch = ScratchDirectory()
    lazy var runner = BinaryRunner(home: scratch.path)
    static let rounds = ProcessInfo.processInfo.environment["LIFECYCLE_RACE_ROUNDS"].flatMap(Int.init) ?? 1000

    /// Starts `lifecycle set`, returning the process and a way to wait for its end time.
    private func startSet(_ file: String, _ question: String) throws -> (Process, () -> (status: Int32, started: Date, ended: Date)) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.executable)
        process.arguments = ["set", file, question, "--status", "gap"]
        process.environment = runner.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var endTime = Date()
        process.terminationHandler = { _ in endTime = Date(); ended.signal() }
        let started = Date()
        try process.run()
        return (process, {
            ended.wait()
            return (process.terminationStatus, started, endTime)
        })
    }

    func testTwoCommandLineWritersNeverLoseAnAcknowledgedAnswer() throws {
        let catalog = try CatalogLoader.builtInCatalog()
        let ids = catalog.areas.flatMap(\.questions).map(\.id)
        let store = AssessmentStore(catalog: catalog, backups: nil)
        var lost = 0, overlapped = 0, acknowledged = 0
        for round in 0..<RaceTests.rounds {
            let file = scratch.path + "/race-\(round % 20).json"
            if round < 20 { try runner.run("new", "Race \(round)", "--file", file) }
            let first = ids[(2 * round) % ids.count], second = ids[(2 * round + 1) % ids.count]
            // Clear both first, so the round shows whether each write arrived.
            try store.update(file) { (loaded: inout LoadedAssessment) throws(FileProblem) in
                loaded.assessment.answers[first] = nil
                loaded.assessment.answers[second] = nil
            }
            let (_, waitA) = try startSet(file, first)
            let (_, waitB) = try startSet(file, second)
            let a = waitA(), b = waitB()
            if a.started < b.ended && b.started < a.ended { overlapped += 1 }
            let onDisk = try store.load(file).assessment
            for (result, id) in [(a, first), (b, second)] where result.status == 0 {
                acknowledged += 1
                if onDisk.status(of: id) != .gap { lost += 1 }
            }
        }
        print("race CLI vs CLI: \(RaceTests.rounds) rounds, \(overlapped) overlapped, \(acknowledged) acknowledged, \(lost) lost")
        XCTAssertEqual(lost, 0, "acknowledged answers missing from the file")
        XCTAssertEqual(acknowledged, 2 * RaceTests.rounds, "every writer succeeded (they wait for each other)")
        XCTAssertGreaterThan(overlapped, RaceTests.rounds / 2, "the writers must really run at the same time")
    }

    /// The explorer's save path (in this process) against `lifecycle set` (another one):
    /// each saves its own question; whatever either reports as saved is on disk.
    func testTheExplorersSaveAndACommandLineWriterNeverLoseAnAnswer() throws {
        let catalog = try CatalogLoader.builtInCatalog()
        let ids = catalog.areas.flatMap(\.questions).map(\.id)
        let store = AssessmentStore(catalog: catalog, backups: nil)
        let file = scratch.path + "/explorer-race.json"
        try runner.run("new", "Explorer race", "--file", file)
        var lost = 0, overlapped = 0, merged = 0, acknowledged = 0
        var generator = SystemRandomNumberGenerator()
        for round in 0..<RaceTests.rounds {
            let ours = ids[(2 * round) % ids.count], theirs = ids[(2 * round + 1) % ids.count]
            let base = try store.update(file) { (loaded: inout LoadedAssessment) throws(FileProblem) in
                loaded.assessment.answers[ours] = nil
                loaded.assessment.answers[theirs] = nil
            }.0
            var edited = base.assessment
            edited.setStatus(.partial, for: ours)
            let (_, waitCLI) = try startSet(file, theirs)
            // Spread our save over the other process's start-up and save.
            usleep(UInt32.random(in: 0...40_000, using: &generator))
            let saveStarted = Date()
            let outcome = store.saveMerging(edited, base: base.assessment, to: file, replacing: base.fingerprint)
            let saveEnded = Date()
            let cli = waitCLI()
            if cli.started < saveEnded && saveStarted < cli.ended { overlapped += 1 }
            let onDisk = try store.load(file).assessment
            switch outcome {
            case .written(_, _, let didMerge):
                acknowledged += 1
                if didMerge { merged += 1 }
                if onDisk.status(of: ours) != .partial { lost += 1 }
            case .conflict(_, let questions):
                XCTFail("round \(round): no question was changed on both sides, yet a conflict on \(questions)")
            case .failed(let problem):
                XCTFail("round \(round): \(problem)")
            }
            if cli.status == 0 {
                acknowledged += 1
                if onDisk.status(of: theirs) != .gap { lost += 1 }
            }
        }
        print("race explorer vs CLI: \(RaceTests.rounds) rounds, \(overlapped) overlapped, \(merged) merged, \(acknowledged) acknowledged, \(lost) lost")
        XCTAssertEqual(lost, 0)
        XCTAssertEqual(acknowledged, 2 * RaceTests.rounds)
        XCTAssertGreaterThan(overlapped, RaceTests.rounds / 4, "the writers must really run at the same time")
        XCTAssertGreaterThan(merged, 0, "the CLI saved in between at least sometimes, and was merged")
    }
}

/// A user who cannot keep another user's ownership of a file must not take it over.
final class OwnershipTests: XCTestCase {
    func testAnUnprivilegedWriterRefusesToTakeAnotherUsersFile() throws {
        try XCTSkipUnless(geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                          "needs root and setpriv to run the writer as another user")
        let scratch = ScratchDirectory()
        let runner = BinaryRunner(home: scratch.path)
        let file = scratch.path + "/root-owned.json"
        try runner.run("new", "Root owned", "--file", file)
        chmod(scratch.path, 0o777)  // a folder anyone may write in
        chmod(file, 0o666)          // a file anyone may write, owned by root
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        var environment = runner.environment
        environment["LIFECYCLE_BACKUP_DIR"] = scratch.path + "/nobody-backups"
        let (status, output) = try runProcess(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", BinaryRunner.executable,
             "set", file, "generation.source-kind", "--status", "gap"], environment: environment)
        XCTAssertEqual(status, 2, output)
        XCTAssertTrue(output.contains("belongs to user 0 and would become yours (user 65534)"), output)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before, "unchanged")
        var info = stat()
        stat(file, &info)
        XCTAssertEqual(info.st_uid, 0)
    }
}

extension OwnershipTests {
    func testAnUnwritableFolderIsNamedAsSuchNotAsMissing() throws {
        try XCTSkipUnless(geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                          "needs root and setpriv to run the writer as another user")
        let scratch = ScratchDirectory()
        let runner = BinaryRunner(home: scratch.path)
        let folder = scratch.path + "/locked"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/f.json"
        try runner.run("new", "Locked", "--file", file)
        try FileManager.default.removeItem(atPath: folder + "/.f.json.lock")
        chmod(file, 0o666)
        chmod(folder, 0o555)
        chmod(scratch.path, 0o755)
        let (status, output) = try runProcess(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", BinaryRunner.executable,
             "set", file, "generation.source-kind", "--status", "gap"], environment: runner.environment)
        XCTAssertEqual(status, 2, output)
        XCTAssertTrue(output.contains("is not writable (Permission denied)"), output)
        XCTAssertFalse(output.contains("does not exist"), output)
    }
}
