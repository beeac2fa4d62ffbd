import Foundation
import XCTest

/// What a user does in a real terminal that once lost data or crashed the explorer.
final class TrustTerminalTests: XCTestCase {
    let scratch = ScratchDirectory()

    override func setUpWithError() throws {
        try XCTSkipUnless(TmuxSession.isAvailable, "tmux is not installed")
    }

    private func note(_ file: String, _ id: String) throws -> String? {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as! [String: Any]
        return ((document["answers"] as? [String: [String: Any]])?[id])?["note"] as? String
    }

    /// Ctrl-Z stops the process; a stopped process may never be resumed, so a note still
    /// being typed must be on disk before it stops, and the editor is still open after `fg`.
    func testCtrlZSavesANoteBeingTypedAndFgResumesTheEditor() throws {
        let file = scratch.path + "/suspend.json"
        try BinaryRunner(home: scratch.path).run("new", "Suspend", "--file", file)
        let shell = try TmuxSession(command: "bash --norc --noprofile -i", environment: terminalEnvironment(scratch, ["PS1": "READY$ "]))
        try shell.waitFor("READY$")
        try shell.type("\(BinaryRunner.executable) open \(file)")
        try shell.send("Enter")
        try shell.waitFor("Generation · 1 of 48")
        try shell.send("Enter")
        try shell.type("typed before suspend")
        try shell.send("C-z")
        try shell.waitFor("Stopped")
        XCTAssertEqual(try note(file, "generation.source-kind"), "typed before suspend")
        try shell.type("fg")
        try shell.send("Enter")
        try shell.waitFor("typed before suspend")
        try shell.type(", and after")
        try shell.send("Escape")
        try shell.waitFor("note saved")
        try shell.send("q")
        try shell.waitFor("READY$")
        XCTAssertEqual(try note(file, "generation.source-kind"), "typed before suspend, and after")
    }

    /// Digits of other scripts are numbers to Unicode but not keys the explorer binds:
    /// they must do nothing, not crash.
    func testDigitsOfOtherScriptsDoNotCrash() throws {
        let session = try TmuxSession(command: "\(BinaryRunner.executable) demo", environment: terminalEnvironment(scratch))
        try session.waitFor("Tidewater")
        for key in ["²", "½", "٣", "①", "Ⅻ", "六", "𝟗", "７"] { try session.send(key, literal: true) }
        try session.send("3")
        try session.waitFor("▶3 Ingestion")
        try session.send("q")
        try session.waitFor("EXIT=0")
    }
}

/// Command-line findings of the adversarial review.
final class ReviewFindingsCommandLineTests: XCTestCase {
    let scratch = ScratchDirectory()

    func testAClosedPipeIsAnErrorNotASilentDeath() throws {
        let runner = BinaryRunner(home: scratch.path)
        let file = scratch.path + "/big.json"
        try runner.run("new", "Big", "--file", file)
        try runner.run("set", file, "generation.source-kind", "--status", "gap", "--note", String(repeating: "long note ", count: 10_000))
        let script = "'\(BinaryRunner.executable)' textconv '\(file)' | head -c 10 >/dev/null; echo \"status=${PIPESTATUS[0]}\""
        let (_, output) = try runProcess(["bash", "-c", script], environment: runner.environment)
        XCTAssertTrue(output.contains("status=2"), output)
        XCTAssertTrue(output.contains("cannot write to standard output: Broken pipe"), output)
    }

    func testAFileNameThatIsNotUTF8IsRefusedNotRenamed() throws {
        let script = "cd '\(scratch.path)' && '\(BinaryRunner.executable)' new Y --file \"$(printf 'c\\377.json')\"; echo \"status=$?\"; ls"
        let (_, output) = try runProcess(["bash", "-c", script], environment: BinaryRunner(home: scratch.path).environment)
        XCTAssertTrue(output.contains("argument 4 is not valid UTF-8"), output)
        XCTAssertTrue(output.contains("status=2"), output)
        XCTAssertFalse(output.contains(".json\n"), "no file under another name: \(output)")
    }

    /// git passes an empty base when both branches added the same file.
    func testAnAddAddMergeWithAnEmptyBaseMerges() throws {
        let runner = BinaryRunner(home: scratch.path)
        let ours = scratch.path + "/ours.json", theirs = scratch.path + "/theirs.json", base = scratch.path + "/base.json"
        try runner.run("new", "Review", "--file", ours)
        try FileManager.default.copyItem(atPath: ours, toPath: theirs)
        _ = FileManager.default.createFile(atPath: base, contents: Data())
        try runner.run("set", ours, "generation.source-kind", "--status", "gap")
        try runner.run("set", theirs, "storage.retention", "--status", "partial")
        let result = try runner.run("merge", base, ours, theirs)
        XCTAssertEqual(result.status, 0, result.stderr)
        let show = try runner.run("show", ours, "--format", "json")
        XCTAssertEqual(show.status, 0)
        let merged = try runner.run("textconv", ours).stdout
        XCTAssertTrue(merged.contains("generation.source-kind: gap") && merged.contains("storage.retention: partial"), merged)
    }
}
