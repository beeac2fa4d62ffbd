import Foundation
import XCTest
@testable import LifecycleCore
@testable import LifecycleTUI

/// A terminal that replays scripted events and records frames.
final class ScriptedBackend: TerminalBackend {
    var events: [InputEvent]
    var frames: [Screen] = []
    var size: (width: Int, height: Int) = (80, 24)

    init(_ events: [InputEvent]) { self.events = events }

    func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        events.isEmpty ? .key(.control("c")) : events.removeFirst()
    }

    func draw(_ screen: Screen) { frames.append(screen) }

    func suspend(while body: () -> Void) { body() }
}

final class RuntimeTests: XCTestCase {
    var directory: String!
    var store: AssessmentStore!

    override func setUp() {
        directory = FileManager.default.temporaryDirectory.path + "/lifecycle-runtime-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = AssessmentStore(catalog: catalog, backups: BackupLocation(directory: directory + "/backups"))
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: directory) }

    private func makeRuntime(file: String, events: [InputEvent]) throws -> (ExplorerRuntime, ScriptedBackend) {
        let created = try store.create(Assessment(name: "Runtime", catalog: catalog.reference), at: file)
        var state = AppState(catalog: catalog, mode: .start(StartScreenState(workspaceDirectory: directory, entries: [])), width: 80, height: 24)
        state.showExplorer(OpenDocument(loaded: created), fromStartScreen: false)
        let backend = ScriptedBackend(events)
        let runtime = ExplorerRuntime(state: state, store: store, workspace: Workspace(directory: directory), backend: backend, clock: { fixedMoment })
        return (runtime, backend)
    }

    func testEveryAnswerIsSavedToDiskAtOnce() throws {
        let file = directory + "/a.json"
        let (runtime, backend) = try makeRuntime(file: file, events: [.key(.character("x"))])
        XCTAssertNil(runtime.handle(.key(.character("x"))))
        XCTAssertEqual(try store.load(file).assessment.status(of: "generation.source-kind"), .gap)
        XCTAssertTrue(backend.frames.last!.line(23).hasSuffix("saved 12:04:31 "))
        XCTAssertNil(runtime.handle(.key(.enter)))
        for character in "note" { _ = runtime.handle(.key(.character(character))) }
        _ = runtime.handle(.key(.escape))
        XCTAssertEqual(try store.load(file).assessment.answer(for: "generation.source-kind").note, "note")
    }

    func testRunReturnsTheSignalStatusAfterSaving() throws {
        let file = directory + "/b.json"
        let (runtime, _) = try makeRuntime(file: file, events: [.key(.character("e")), .key(.character("z")), .terminate(signal: SIGTERM)])
        XCTAssertEqual(runtime.run(), 128 + SIGTERM)
        XCTAssertEqual(try store.load(file).assessment.answer(for: "generation.source-kind").note, "z")
    }

    func testAChangeOnDiskIsTakenWhenNothingIsUnsaved() throws {
        let file = directory + "/c.json"
        let (runtime, _) = try makeRuntime(file: file, events: [])
        var other = try store.load(file)
        other.assessment.setStatus(.partial, for: "storage.retention")
        try store.save(other.assessment, to: file, replacing: other.fingerprint)
        _ = runtime.handle(.tick)
        XCTAssertEqual(runtime.state.explorer!.assessment.status(of: "storage.retention"), .partial)
        XCTAssertEqual(runtime.state.explorer!.flash, "reloaded: the file was changed on disk by someone else")
    }

    /// The poll stats before it reads; a file seen unchanged once must still be
    /// noticed when it changes afterwards, whether replaced or rewritten in place.
    func testChangesAfterAnUnchangedCheckAreStillNoticed() throws {
        let file = directory + "/c2.json"
        let (runtime, _) = try makeRuntime(file: file, events: [])
        _ = runtime.handle(.tick)
        XCTAssertNil(runtime.state.explorer!.flash, "nothing changed yet")
        var other = try store.load(file)
        other.assessment.setStatus(.partial, for: "storage.retention")
        try store.save(other.assessment, to: file, replacing: other.fingerprint)  // a new file, renamed over
        _ = runtime.handle(.tick)
        XCTAssertEqual(runtime.state.explorer!.assessment.status(of: "storage.retention"), .partial)

        _ = runtime.handle(.tick)
        var edited = try store.load(file).assessment
        edited.setStatus(.gap, for: "storage.retention")
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: file))  // rewritten in place
        handle.truncateFile(atOffset: 0)
        handle.write(Data(edited.canonicalBytes()))
        handle.closeFile()
        _ = runtime.handle(.tick)
        XCTAssertEqual(runtime.state.explorer!.assessment.status(of: "storage.retention"), .gap)
    }

    func testAnotherWritersChangeToAnotherQuestionIsMergedIntoOurSave() throws {
        let file = directory + "/d0.json"
        let (runtime, _) = try makeRuntime(file: file, events: [])
        var other = try store.load(file)
        other.assessment.setStatus(.partial, for: "storage.retention")
        try store.save(other.assessment, to: file, replacing: other.fingerprint)
        _ = runtime.handle(.key(.character("x")))  // our change, made before we noticed theirs
        let onDisk = try store.load(file).assessment
        XCTAssertEqual(onDisk.status(of: "storage.retention"), .partial, "their answer is kept")
        XCTAssertEqual(onDisk.status(of: "generation.source-kind"), .gap, "ours is saved")
        XCTAssertNil(runtime.state.explorer!.overlay)
        XCTAssertEqual(runtime.state.explorer!.assessment.status(of: "storage.retention"), .partial, "and shown")
        XCTAssertEqual(runtime.state.explorer!.document.saveState, .saved(at: "12:04:31"))
    }

    /// Someone else answered the same question: both versions are kept until the user
    /// chooses; nothing of theirs is overwritten meanwhile.
    private func conflictOnTheCurrentQuestion(_ file: String) throws -> (ExplorerRuntime, ScriptedBackend, Data?) {
        let (runtime, backend) = try makeRuntime(file: file, events: [])
        var other = try store.load(file)
        other.assessment.setStatus(.partial, for: "generation.source-kind")
        other.assessment.setStatus(.addressed, for: "storage.retention")
        try store.save(other.assessment, to: file, replacing: other.fingerprint)
        let theirs = FileManager.default.contents(atPath: file)
        _ = runtime.handle(.key(.character("x")))
        XCTAssertEqual(FileManager.default.contents(atPath: file), theirs, "their file is not overwritten")
        XCTAssertEqual(runtime.state.explorer!.overlay, .conflict)
        return (runtime, backend, theirs)
    }

    func testAConflictingSaveAsksAndCanGoToACopy() throws {
        let file = directory + "/d.json"
        let (runtime, backend, theirs) = try conflictOnTheCurrentQuestion(file)
        let frame = backend.frames.last!.text
        XCTAssertTrue(frame.contains("Answered differently by someone else") && frame.contains("generation.source-kind") && frame.contains("m keep mine for it"), frame)
        // Save ours as a copy and continue there.
        _ = runtime.handle(.key(.character("w")))
        _ = runtime.handle(.key(.enter))
        let copy = directory + "/d.mine.json"
        XCTAssertEqual(try store.load(copy).assessment.status(of: "generation.source-kind"), .gap)
        XCTAssertEqual(runtime.state.explorer!.document.path, copy)
        _ = runtime.handle(.key(.character("a")))
        XCTAssertEqual(try store.load(copy).assessment.status(of: "generation.source-kind"), .addressed)
        XCTAssertEqual(FileManager.default.contents(atPath: file), theirs)
    }

    func testAConflictCanKeepMineOrTakeTheirsAndKeepsEverythingElse() throws {
        for keepMine in [true, false] {
            let file = directory + "/k\(keepMine).json"
            let (runtime, _, _) = try conflictOnTheCurrentQuestion(file)
            _ = runtime.handle(.key(.character(keepMine ? "m" : "t")))
            XCTAssertNil(runtime.state.explorer!.overlay)
            let onDisk = try store.load(file).assessment
            XCTAssertEqual(onDisk.status(of: "generation.source-kind"), keepMine ? .gap : .partial)
            XCTAssertEqual(onDisk.status(of: "storage.retention"), .addressed, "their other answer is kept either way")
            XCTAssertEqual(runtime.state.explorer!.assessment.answers, onDisk.answers, "the screen shows what is on disk")
            XCTAssertFalse(runtime.state.explorer!.document.saveState.hasUnsavedChanges)
        }
    }

    func testReloadAfterAConflictTakesTheirVersion() throws {
        let file = directory + "/e.json"
        let (runtime, _, _) = try conflictOnTheCurrentQuestion(file)
        _ = runtime.handle(.key(.character("r")))
        XCTAssertNil(runtime.state.explorer!.overlay)
        XCTAssertEqual(runtime.state.explorer!.assessment.status(of: "generation.source-kind"), .partial)
        XCTAssertEqual(runtime.state.explorer!.document.saveState, .clean)
    }

    func testQuittingWithUnsavableAnswersWritesARescueCopy() throws {
        let file = directory + "/f.json"
        let (runtime, _, _) = try conflictOnTheCurrentQuestion(file)
        XCTAssertEqual(runtime.handle(.terminate(signal: SIGHUP)), 128 + SIGHUP)
        let rescued = try FileManager.default.contentsOfDirectory(atPath: directory + "/backups").filter { $0.hasSuffix(".unsaved.json") }
        XCTAssertEqual(rescued.count, 1)
        XCTAssertEqual(try store.load(directory + "/backups/" + rescued[0]).assessment.status(of: "generation.source-kind"), .gap)
        XCTAssertTrue(runtime.exitMessages[0].contains("was not saved; your answers were written to"), runtime.exitMessages[0])
    }

    func testTheStartScreenCreatesAndOpensAssessmentsInTheWorkspace() throws {
        let workspace = Workspace(directory: directory + "/ws")
        let state = AppState(catalog: catalog, mode: .start(ExplorerRuntime.scanWorkspace(workspace, store: store)), width: 80, height: 24)
        let runtime = ExplorerRuntime(state: state, store: store, workspace: workspace, backend: ScriptedBackend([]))
        _ = runtime.handle(.key(.character("n")))
        for character in "Data Lake" { _ = runtime.handle(.key(.character(character))) }
        _ = runtime.handle(.key(.enter))
        _ = runtime.handle(.key(.character("k")))  // "not recorded" is where the choice starts
        _ = runtime.handle(.key(.enter))
        guard case .packs(_, _, let packs)? = runtime.state.startScreen?.prompt else { return XCTFail("the packs step comes last") }
        XCTAssertEqual(packs.choices.map(\.id), ["fundamentals", "operational-readiness"], "the runtime found the packs")
        _ = runtime.handle(.key(.enter))              // the book's pack, ticked to start with
        XCTAssertEqual(runtime.state.explorer?.assessment.name, "Data Lake")
        XCTAssertEqual(runtime.state.explorer?.assessment.maturity, "leading")
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory + "/ws/data-lake.json"))
        _ = runtime.handle(.key(.character(" ")))
        _ = runtime.handle(.key(.character("q")))
        guard let start = runtime.state.startScreen else { return XCTFail("q should return to the start screen") }
        XCTAssertEqual(start.entries.map(\.name), ["Data Lake"])
        XCTAssertEqual(start.entries.first?.progress.answered, 1)
    }

    func testTheDemoIsAPrivateCopy() throws {
        let path = try DemoCopy.write()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let loaded = try store.load(path)
        XCTAssertEqual(loaded.assessment.name, "Tidewater Freight data platform")
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
        XCTAssertEqual(mode, 0o600)
    }
}

final class RuntimeComparisonTests: XCTestCase {
    func testComparingWithAnotherAssessmentFromTheStartScreen() throws {
        let directory = FileManager.default.temporaryDirectory.path + "/lifecycle-compare-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = AssessmentStore(catalog: catalog, backups: nil)
        let workspace = Workspace(directory: directory)
        try workspace.ensureExists()
        var team1 = Assessment(name: "Team one", catalog: catalog.reference)
        team1.setStatus(.gap, for: "security.backups")
        var team2 = Assessment(name: "Team two", catalog: catalog.reference)
        team2.setStatus(.addressed, for: "security.backups")
        try store.create(team1, at: directory + "/team-one.json")
        try store.create(team2, at: directory + "/team-two.json")
        let state = AppState(catalog: catalog, mode: .start(ExplorerRuntime.scanWorkspace(workspace, store: store)), width: 80, height: 24)
        let runtime = ExplorerRuntime(state: state, store: store, workspace: workspace, backend: ScriptedBackend([]))
        _ = runtime.handle(.key(.character("c")))   // on "Team one"
        guard case .comparePicker(let picker) = runtime.state.explorer?.overlay else { return XCTFail("no picker") }
        XCTAssertEqual(picker.choices, [.file(path: directory + "/team-two.json", name: "Team two")])
        _ = runtime.handle(.key(.enter))
        guard case .diffView(let view) = runtime.state.explorer?.overlay else { return XCTFail("no diff view") }
        XCTAssertEqual(view.title, "Team two → Team one")
        XCTAssertTrue(view.rows.contains(.change(questionID: "security.backups", marker: "↓", text: "addressed → gap · " + catalog.question(id: "security.backups")!.text, kind: .regressed)))
    }
}

/// The opener is started with an argument list, never through a shell: a fake `xdg-open`
/// on PATH records what it was given, and a reference full of shell syntax runs nothing.
final class EvidenceLauncherTests: XCTestCase {
    func testTheOpenerGetsTheReferenceAsOneArgumentAndNoShellRunsIt() throws {
        let folder = FileManager.default.temporaryDirectory.path + "/opener-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let recorder = folder + "/xdg-open"
        try "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"\(folder)/args\"\n".write(toFile: recorder, atomically: true, encoding: .utf8)
        chmod(recorder, 0o755)
        let reference = "https://example.com/a;touch \(folder)/pwned;$(touch \(folder)/pwned2)`touch \(folder)/pwned3`"
        let oldPath = String(cString: getenv("PATH"))
        setenv("PATH", folder + ":" + oldPath, 1)
        defer { setenv("PATH", oldPath, 1) }
        XCTAssertTrue(EvidenceLauncher.spawnDetached(["xdg-open", reference]))
        let deadline = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: folder + "/args") && Date() < deadline { usleep(20_000) }
        usleep(100_000)
        XCTAssertEqual(try String(contentsOfFile: folder + "/args", encoding: .utf8), reference + "\n", "one argument, exactly as written")
        for name in ["pwned", "pwned2", "pwned3"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/" + name), "\(name): a shell ran the reference")
        }
    }

    func testPathsAreRelativeToTheRepositoryHoldingTheAssessment() throws {
        let folder = FileManager.default.temporaryDirectory.path + "/repo-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/.git", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/reviews/2026", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        XCTAssertEqual(RepositoryRoot.of( folder + "/reviews/2026/payments.json"), folder)
        let outside = FileManager.default.temporaryDirectory.path + "/plain-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        if !FileManager.default.fileExists(atPath: FileManager.default.temporaryDirectory.path + "/.git") {
            XCTAssertEqual(RepositoryRoot.of( outside + "/x.json"), outside, "no repository: the file's folder")
        }
    }
}
