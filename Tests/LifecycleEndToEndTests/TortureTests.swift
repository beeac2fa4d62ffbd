import Foundation
import XCTest
@testable import LifecycleCore

/// Crash safety, signals, concurrent explorers, escape injection and hostile terminals,
/// each bounded to well under a minute.
final class CrashSafetyTests: XCTestCase {
    /// Saves changing assessments while SIGKILL lands at random moments: afterwards the file
    /// always parses and holds the previous or the new state, never a mix, never empty.
    func testSIGKILLDuringSavesNeverLeavesAMixOrAnEmptyFile() throws {
        let scratch = ScratchDirectory()
        let runner = BinaryRunner(home: scratch.path)
        let file = scratch.path + "/crash.json"
        try runner.run("new", "Crash", "--file", file)
        let store = AssessmentStore(catalog: try CatalogLoader.builtInCatalog(), backups: nil)
        var committed = ""   // the note the file held after the last completed round
        var generator = SystemRandomNumberGenerator()
        var completed = 0, interrupted = 0
        let rounds = 500
        let environment = runner.environment.map { "\($0.key)=\($0.value)" }
        // How long one save takes on this machine right now (a loaded CI box is slower):
        // kills are spread over 0-150% of it, so some land mid-save and some after.
        let started = Date()
        for _ in 0..<3 {
            let pid = try spawn([BinaryRunner.executable, "set", file, "generation.event-rate", "--status", "gap", "--note", String(repeating: "y", count: 50_000)], environment: environment)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        let saveMicroseconds = UInt32(Date().timeIntervalSince(started) / 3 * 1_000_000)
        committed = try store.load(file).assessment.answer(for: "generation.event-rate").note
        for round in 0..<rounds {
            // Big notes widen the window in which a kill can land mid-write.
            let note = "round \(round) " + String(repeating: "x", count: Int.random(in: 1...100_000, using: &generator))  // under the 128 KiB argument limit
            let pid = try spawn([BinaryRunner.executable, "set", file, "generation.event-rate", "--status", "gap", "--note", note], environment: environment)
            usleep(UInt32.random(in: 0...(saveMicroseconds * 3 / 2), using: &generator))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            let loaded = try store.load(file)   // throws (fails the test) on any broken file
            let now = loaded.assessment.answer(for: "generation.event-rate").note
            XCTAssertTrue(now == committed || now == note, "round \(round): neither the previous nor the new note (\(now.prefix(40))…)")
            if now == note { completed += 1 } else { interrupted += 1 }
            committed = now
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasSuffix(".tmp") }
        print("crash-safety: one save takes \(saveMicroseconds / 1000) ms here; \(rounds) rounds, \(completed) saves completed, \(interrupted) killed before the rename, \(leftovers.count) temporary files left by killed writers")
        XCTAssertGreaterThan(interrupted, 0, "no kill landed before a save finished: the test proved nothing")
        XCTAssertGreaterThan(completed, 0, "no save ever finished: the test proved nothing")
    }

    private func spawn(_ arguments: [String], environment: [String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard result == 0 else { throw NSError(domain: "spawn", code: Int(result)) }
        return pid
    }
}

final class EscapeInjectionTests: XCTestCase {
    /// No raw ESC or other C0/C1 control byte from a file reaches any output.
    func testNoControlBytesFromTheFileReachAnyOutput() throws {
        let scratch = ScratchDirectory()
        let runner = BinaryRunner(home: scratch.path)
        let hostile = "\u{1B}]0;owned\u{07}\u{1B}[2J\u{9B}31m\u{7F}\u{08}\u{0B}\u{1B}P+q\u{1B}\\"
        let file = scratch.path + "/hostile.json"
        try runner.run("new", "Name " + hostile, "--file", file, "--reviewer", "Rev " + hostile)
        try runner.run("milestone", file, "--label", "M " + hostile)
        try runner.run("set", file, "generation.event-rate", "--status", "gap", "--note", "Note " + hostile + "\nline two " + hostile)
        try runner.run("set", file, "ingestion.online-ml", "--status", "not-applicable", "--reason", "Reason " + hostile)
        // An unknown question id holding escapes, written by hand.
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"answers\": {", with: "\"answers\": {\n    \"x.\\u001b[2J\": {\"status\": \"gap\", \"note\": \"\\u001b]0;t\\u0007\"},")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let commands: [[String]] = [
            ["show", file], ["show", file, "--format", "json"], ["validate", file], ["milestones", file],
            ["diff", file + "@M " + hostile, file], ["diff", file + "@M " + hostile, file, "--format", "json"],
            ["diff", file + "@M " + hostile, file, "--format", "markdown"],
            ["report", file], ["report", file, "--format", "csv"], ["report", file, "--format", "json"], ["report", file, "--format", "html"],
            ["textconv", file], ["set", file, "x.\u{1B}[2J", "--status", "partial"], ["diff", file, scratch.path + "/\u{1B}[2Jmissing.json"],
        ]
        for arguments in commands {
            let result = try runner.run(arguments: arguments)
            for (stream, output) in [("stdout", result.stdout), ("stderr", result.stderr)] {
                let bad = output.unicodeScalars.filter { scalar in
                    (scalar.value < 0x20 && scalar != "\n" && scalar != "\r") || (0x7F...0x9F).contains(scalar.value)
                }
                XCTAssertTrue(bad.isEmpty, "\(arguments.first!) \(arguments.dropFirst().last ?? "") \(stream) has raw control characters \(bad.map { String($0.value, radix: 16) })")
            }
        }
    }
}

final class HostileTerminalTests: XCTestCase {
    var scratch: ScratchDirectory!

    override func setUpWithError() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed (.ci/run installs it)") }
        scratch = ScratchDirectory()
    }

    private func environment(_ extra: [String: String] = [:]) -> [String: String] { terminalEnvironment(scratch, extra) }

    func testTinyWindowsAndAResizeStormNeitherCrashNorGarble() throws {
        let session = try TmuxSession(command: "\(BinaryRunner.executable) demo", width: 20, height: 5, environment: environment())
        try session.waitFor("Window too")
        try session.resize(width: 1, height: 1)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            try session.resize(width: Int.random(in: 1...200, using: &generator), height: Int.random(in: 1...60, using: &generator))
        }
        try session.resize(width: 80, height: 24)
        // The whole frame, header included, must come back after the storm.
        _ = try session.waitFor(all: ["Tidewater", "UNDERCURRENTS", "Software eng."])
        try session.send("q")
        try session.waitFor("EXIT=0")
    }

    func testACLocaleDrawsASCII() throws {
        let session = try TmuxSession(command: "\(BinaryRunner.executable) demo", environment: environment(["LANG": "C", "LC_ALL": "C"]))
        _ = try session.waitFor(all: ["UNDERCURRENTS", "[+]", "[!] *"])
        try session.send("q")
        try session.waitFor("EXIT=0")
    }

    /// SIGINT, SIGTERM and SIGHUP after a random number of answers: every answer given
    /// before the signal is on disk, and the terminal is restored.
    func testSignalsAtRandomPointsKeepEveryAnswer() throws {
        let runner = BinaryRunner(home: scratch.path)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            let file = scratch.path + "/signal-\(signal).json"
            try runner.run("new", "Signals", "--file", file)
            let session = try TmuxSession(command: "\(BinaryRunner.executable) open \(file)", environment: environment())
            try session.waitFor("Generation · 1 of 48")
            let answers = Int.random(in: 1...6)
            for number in 1...answers {
                try session.send(["x", "p", "a"][number % 3])
                try session.waitFor("\(number)/349 answered")
                try session.send("j")
            }
            guard let pid = try session.programPID(named: "lifecycle") else { return XCTFail("no program") }
            kill(pid, signal)
            try session.waitFor("EXIT=\(128 + signal)")
            let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as! [String: Any]
            XCTAssertEqual((saved["answers"] as! [String: Any]).count, answers, "signal \(signal)")
            XCTAssertEqual(try session.paneInfo("#{alternate_on}"), "0")
            XCTAssertEqual(try session.paneInfo("#{cursor_flag}"), "1")
        }
    }

    /// Two explorers on one file, answering different questions: both answers end up on
    /// disk, whichever saved first (the second merges the first's save in).
    func testTwoExplorersOnOneFile() throws {
        let file = scratch.path + "/shared.json"
        try BinaryRunner(home: scratch.path).run("new", "Shared", "--file", file)
        let first = try TmuxSession(command: "\(BinaryRunner.executable) open \(file)", environment: environment())
        let second = try TmuxSession(command: "\(BinaryRunner.executable) open \(file)", environment: environment())
        try first.waitFor("Generation · 1 of 48")
        try second.waitFor("Generation · 1 of 48")
        try first.send("x")
        try first.waitFor("saved ")
        try second.send("j", "a")   // most likely before it has noticed the first one's save
        try second.waitFor("saved ")
        let screen = try second.capture()
        XCTAssertFalse(screen.contains("Answered differently"), "different questions never ask: \(screen)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as! [String: Any]
        let answers = document["answers"] as! [String: [String: Any]]
        XCTAssertEqual(answers["generation.source-kind"]?["status"] as? String, "gap", "the first explorer's answer survives")
        XCTAssertEqual(answers["generation.event-rate"]?["status"] as? String, "addressed", "and the second one's is saved")
    }
}
