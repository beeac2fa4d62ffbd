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
        try shell.waitFor("Generation · 1 of 18")
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
