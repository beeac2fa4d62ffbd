import Foundation
import XCTest

/// The real binary in a real terminal (tmux): what a reviewer does, start to finish.
final class TerminalSessionTests: XCTestCase {
    var scratch: ScratchDirectory!

    override func setUpWithError() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed (.ci/run installs it)") }
        scratch = ScratchDirectory()
    }

    private var environment: [String: String] { terminalEnvironment(scratch) }

    private func document(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    private func answers(_ path: String) throws -> [String: [String: Any]] {
        try document(path)["answers"] as! [String: [String: Any]]
    }

    func testCreateAnswerInThreeAreasWriteANoteQuitReopenAndSeeEverything() throws {
        let session = try TmuxSession(command: BinaryRunner.executable, environment: environment)
        try session.waitFor("+ New assessment")
        try session.send("n")
        try session.waitFor("System under review:")
        try session.type("Payments platform")
        try session.send("Enter")
        try session.waitFor("Data maturity of Payments platform")
        try session.send("k", "k")                // from "not recorded" up to "scaling"
        try session.send("Enter")
        try session.waitFor("Packs to review in Payments platform")
        try session.send("Enter")                 // the book's pack, ticked to start with
        try session.waitFor("Generation · 1 of 48")

        try session.send("Space")                 // generation.source-kind: addressed
        try session.send("3")                     // ingestion
        try session.send("x")                     // ingestion.use-cases: gap
        try session.send("e")
        try session.type("No reuse: three copies of orders")
        try session.send("Escape")
        try session.waitFor("note saved")
        try session.send("7")                     // data management
        try session.send("j", "p")                // data-management.discoverability: partial
        let screen = try session.waitFor("3/349 answered · 1 gap · 1 partial")
        XCTAssertTrue(screen.contains("saved "), screen)

        try session.send("q")                     // back to the start screen
        try session.waitFor("Payments platform")
        try session.send("q")
        try session.waitFor("EXIT=0")

        let file = scratch.path + "/workspace/payments-platform.json"
        let saved = try answers(file)
        XCTAssertEqual(saved["generation.source-kind"]?["status"] as? String, "addressed")
        XCTAssertEqual(saved["ingestion.use-cases"]?["status"] as? String, "gap")
        XCTAssertEqual(saved["ingestion.use-cases"]?["note"] as? String, "No reuse: three copies of orders")
        XCTAssertEqual(saved["data-management.discoverability"]?["status"] as? String, "partial")
        XCTAssertEqual(try document(file)["maturity"] as? String, "scaling")
        XCTAssertEqual(try paneInfo(session, "#{alternate_on}"), "0", "the alternate screen is left")
        XCTAssertEqual(try paneInfo(session, "#{cursor_flag}"), "1", "the cursor is visible again")

        // Reopen: everything is restored.
        let again = try TmuxSession(command: "\(BinaryRunner.executable) open \(file)", environment: environment)
        var reopened = try again.waitFor("3/349 answered · 1 gap · 1 partial")
        XCTAssertTrue(reopened.contains("[✓]"), reopened)
        try again.send("3")
        reopened = try again.waitFor("No reuse: three copies of orders")
        XCTAssertTrue(reopened.contains("[✗] ✎"), reopened)
        try again.send("C-c")
        try again.waitFor("EXIT=0")
    }

    /// The first hour of a new user, as the README tells it: the start screen's help,
    /// create, answer, write a note, find it again by searching for a word in it, the heat
    /// map and back, undo, quit.
    func testTheNewUserPath() throws {
        let session = try TmuxSession(command: BinaryRunner.executable, environment: environment)
        try session.waitFor(all: ["+ New assessment", "? help", "q/Esc quit"])
        try session.send("?")
        try session.waitFor("new assessment")
        try session.send("Escape")
        try session.send("n")
        try session.waitFor("System under review:")
        try session.type("Harbour analytics")
        try session.send("Enter")
        try session.waitFor("Not recorded")
        try session.send("Enter")
        try session.waitFor("[✓] Data engineering lifecycle review (fundamentals, 349 questions)")
        try session.send("Enter")
        try session.waitFor(all: ["Generation · 1 of 48", "? help", "q quit"])
        try session.send("x")
        try session.send("Enter")
        try session.type("Feeds come from Hightouch syncs")
        try session.send("Escape")
        try session.waitFor("note saved")
        try session.send("5")                           // elsewhere, then find the note by a word in it
        try session.send("/")
        try session.type("hightouch")
        try session.waitFor("1 match")
        try session.send("Enter")
        try session.waitFor("Feeds come from Hightouch syncs")
        try session.send("o")
        try session.waitFor("shade: share answered")
        try session.send("Enter")                       // a cell's questions
        try session.waitFor("Generation × Security")
        try session.send("Escape")                      // back to the map, same cell
        try session.waitFor("shade: share answered")
        try session.send("Escape")
        try session.send("U")                           // undo the note
        try session.waitFor("undone")
        try session.send("q")
        try session.waitFor("Harbour analytics")
        try session.send("q")
        try session.waitFor("EXIT=0")
        let saved = try answers(scratch.path + "/workspace/harbour-analytics.json")
        XCTAssertEqual(saved["generation.source-kind"]?["status"] as? String, "gap")
        XCTAssertNil(saved["generation.source-kind"]?["note"], "the note was undone")
        XCTAssertNil(try document(scratch.path + "/workspace/harbour-analytics.json")["maturity"], "no maturity nobody chose")
    }

    private func paneInfo(_ session: TmuxSession, _ format: String) throws -> String {
        try session.paneInfo(format)
    }

    func testResizingToATinyWindowAndBack() throws {
        let session = try TmuxSession(command: "\(BinaryRunner.executable) demo", environment: environment)
        try session.waitFor("Tidewater Freight")
        try session.resize(width: 40, height: 10)
        try session.waitFor("Window too small")
        try session.waitFor("40×10: needs at least 60×16")
        for size in [(100, 30), (61, 17), (45, 12), (132, 40), (20, 5), (80, 24)] {
            try session.resize(width: size.0, height: size.1)
        }
        _ = try session.waitFor(all: ["LIFECYCLE", "UNDERCURRENTS"])
        try session.send("q")
        try session.waitFor("EXIT=0")
    }

    func testSIGTERMSavesThePendingNoteAndRestoresTheTerminal() throws {
        let file = scratch.path + "/review.json"
        let runner = BinaryRunner(home: scratch.path)
        try runner.run("new", "Signals", "--file", file)
        let session = try TmuxSession(command: "\(BinaryRunner.executable) open \(file)", environment: environment)
        try session.waitFor("Generation · 1 of 48")
        try session.send("x", "j", "p", "e")
        try session.type("typed but never closed")
        try session.waitFor("typed but never closed")
        guard let pid = try session.programPID(named: "lifecycle") else { return XCTFail("program not found") }
        kill(pid, SIGTERM)
        try session.waitFor("EXIT=143")
        let saved = try answers(file)
        XCTAssertEqual(saved["generation.source-kind"]?["status"] as? String, "gap")
        XCTAssertEqual(saved["generation.event-rate"]?["status"] as? String, "partial")
        XCTAssertEqual(saved["generation.event-rate"]?["note"] as? String, "typed but never closed")
        XCTAssertEqual(try session.paneInfo("#{alternate_on}"), "0")
        XCTAssertEqual(try session.paneInfo("#{cursor_flag}"), "1")
        XCTAssertEqual(try runner.run("validate", file).status, 0)
    }

    func testNotATerminalIsAClearErrorAndSubcommandsStillWork() throws {
        let runner = BinaryRunner(home: scratch.path)
        for arguments in [[String](), ["demo"], ["open", scratch.path + "/x.json"]] {
            let result = try runner.run(arguments: arguments)
            XCTAssertEqual(result.status, 2, arguments.joined(separator: " "))
            XCTAssertEqual(result.stderr, "lifecycle: error: the explorer needs a terminal (standard input and output must be a TTY); in scripts use the subcommands: lifecycle show, set, validate\n")
            XCTAssertEqual(result.stdout, "")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path + "/x.json"), "nothing is created without a terminal")
    }

    func testUnusableTerminalTypesAreAClearError() throws {
        for (term, expected) in [("dumb", "cannot move the cursor"), ("no-such-terminal-xyz", "is unknown or unusable here"), ("", "TERM is not set")] {
            var environment = self.environment
            environment["TERM"] = term
            let session = try TmuxSession(command: "\(BinaryRunner.executable) demo", environment: environment)
            let screen = try session.waitFor("EXIT=2")
            XCTAssertTrue(screen.contains(expected), screen)
        }
    }
}

/// $EDITOR, NO_COLOR and Ctrl-Z in a real terminal.
final class TerminalIntegrationTests: XCTestCase {
    var scratch: ScratchDirectory!

    override func setUpWithError() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed (.ci/run installs it)") }
        scratch = ScratchDirectory()
    }

    private func environment(_ extra: [String: String] = [:]) -> [String: String] { terminalEnvironment(scratch, extra) }

    func testEditingANoteInTheExternalEditor() throws {
        let editor = scratch.path + "/fake-editor.sh"
        // Appends a line to whatever the note held, as a person would in their editor.
        try "#!/bin/sh\nprintf 'written in the editor\\n' >> \"$1\"\n".write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        let file = scratch.path + "/e.json"
        try BinaryRunner(home: scratch.path).run("new", "Editor", "--file", file)
        let session = try TmuxSession(command: "\(BinaryRunner.executable) open \(file)", environment: environment(["EDITOR": editor, "VISUAL": ""]))
        try session.waitFor("Generation · 1 of 48")
        try session.send("E")
        try session.waitFor("written in the editor")
        try session.send("q")
        try session.waitFor("EXIT=0")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as! [String: Any]
        let answers = document["answers"] as! [String: [String: Any]]
        XCTAssertEqual(answers["generation.source-kind"]?["note"] as? String, "written in the editor")
    }

    private func colourCodes(in text: String) -> Int {
        text.components(separatedBy: "\u{1B}[").filter { $0.range(of: #"^(3[0-7]|4[0-7]|38;|48;)"#, options: .regularExpression) != nil }.count
    }

    func testNoColorLeavesOnlyAttributes() throws {
        let coloured = try TmuxSession(command: "\(BinaryRunner.executable) demo", environment: environment())
        try coloured.waitFor("Tidewater")
        let colouredScreen = try coloured.tmux(["capture-pane", "-p", "-e", "-t", coloured.name])
        XCTAssertGreaterThan(colourCodes(in: colouredScreen), 0, colouredScreen.debugDescription)
        let plain = try TmuxSession(command: "\(BinaryRunner.executable) demo", environment: environment(["NO_COLOR": "1"]))
        try plain.waitFor("Tidewater")
        let screen = try plain.tmux(["capture-pane", "-p", "-e", "-t", plain.name])
        XCTAssertEqual(colourCodes(in: screen), 0, screen)
        XCTAssertTrue(screen.contains("[✓]"), "statuses still have their marks")
    }

    func testCtrlZSuspendsAndFgResumes() throws {
        let file = scratch.path + "/z.json"
        try BinaryRunner(home: scratch.path).run("new", "Suspend", "--file", file)
        // An interactive shell with job control, so fg works.
        let session = try TmuxSession(command: "sh -i", environment: environment(["PS1": "prompt$ "]))
        try session.waitFor("prompt$")
        try session.type("\(BinaryRunner.executable) open \(file)")
        try session.send("Enter")
        try session.waitFor("Generation · 1 of 48")
        try session.send("x")
        try session.send("C-z")
        try session.waitFor("prompt$ ")
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(saved.contains("\"status\": \"gap\""), "saved before suspending")
        try session.type("fg")
        try session.send("Enter")
        try session.waitFor("Generation · 1 of 48")
        try session.send("q")
        try session.waitFor("prompt$ ")
    }
}
