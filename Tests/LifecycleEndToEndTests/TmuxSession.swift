import Foundation
import XCTest

/// The environment the explorer gets in terminal tests: a private workspace and backup
/// folder under `scratch`, UTF-8, a capable TERM, plus `extra`.
func terminalEnvironment(_ scratch: ScratchDirectory, _ extra: [String: String] = [:]) -> [String: String] {
    ["LIFECYCLE_HOME": scratch.path + "/workspace", "LIFECYCLE_BACKUP_DIR": scratch.path + "/backups",
     "HOME": scratch.path, "LANG": "C.UTF-8", "TERM": "xterm-256color"].merging(extra) { $1 }
}

/// Drives a program in a real terminal: a private tmux server, `send-keys` to type and
/// `capture-pane` to read the screen.
final class TmuxSession {
    let socket: String
    let name = "e2e"

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    /// Starts `command` (run by sh) in a window of the given size. The pane stays open
    /// after the command ends, so its exit status and last screen can be read.
    init(command: String, width: Int = 80, height: Int = 24, environment: [String: String]) throws {
        socket = "lifecycle-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        // Only the given variables (and PATH): what the test runner has set (NO_COLOR,
        // CI, ...) must not leak into the program under test.
        var variables = environment
        variables["PATH"] = variables["PATH"] ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let exports = variables.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let wrapped = "env -i \(exports) \(command); echo \"EXIT=$?\"; sleep 600"
        // The server outlives this command and keeps its descriptors: give it no pipes.
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", wrapped], detached: true)
        try tmux(["set-option", "-t", name, "status", "off"])
    }

    deinit { _ = try? tmux(["kill-server"], detached: true) }

    @discardableResult
    func tmux(_ arguments: [String], detached: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-L", socket, "-f", "/dev/null"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment.removeValue(forKey: "TMUX")
        process.environment = environment
        process.standardError = FileHandle.nullDevice
        if detached {
            TmuxSession.spawnAndWait(["tmux", "-L", socket, "-f", "/dev/null"] + arguments, environment: environment)
            return ""
        }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs a command with posix_spawn and waits for it. Foundation's Process cannot be used
    /// for commands that leave a daemon behind (tmux's server): it waits for a descriptor
    /// the daemon inherits and keeps open.
    static func spawnAndWait(_ arguments: [String], environment: [String: String]) {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp) == 0 else { return }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    /// Named keys ("Enter", "Escape", "C-c") or literal text.
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    func type(_ text: String) throws { try send(text, literal: true) }

    /// Pastes as a terminal does: bracketed (`-p`) when the program asked for it.
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "--", text])
        try tmux(["paste-buffer", "-p", "-t", name])
    }

    func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-t", name])
    }

    func paneInfo(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen contains a text; fails the test with the screen if it never does.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try waitFor(all: [text], timeout: timeout, file: file, line: line)
    }

    /// Waits until the screen shows every one of `texts` at once. A capture can land in
    /// the middle of a frame being drawn (tmux shows output as it arrives), so a test
    /// that needs several parts of one frame must wait for all of them, not for one.
    @discardableResult
    func waitFor(all texts: [String], timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if texts.allSatisfy(screen.contains) { return screen }
            usleep(50_000)
        }
        XCTFail("timed out waiting for \(texts); the screen was:\n\(screen)", file: file, line: line)
        throw XCTSkip("screen never showed \(texts)")
    }

    /// The pid of the program running in the pane (the child of the wrapper shell).
    func programPID(named name: String) throws -> Int32? {
        let shell = try paneInfo("#{pane_pid}")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pgrep", "-P", shell, "-f", name]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return text.split(separator: "\n").first.flatMap { Int32($0) }
    }
}
