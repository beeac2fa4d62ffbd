import Foundation
import XCTest
// packageRoot and fixedTime, shared with the other test targets.
@_exported import LifecycleTestSupport

/// Runs the built `lifecycle` binary as a user would, capturing what it prints.
struct BinaryRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `lifecycle` executable next to the test bundle (SwiftPM builds it because the
    /// test target depends on it).
    static let executable: String = {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("lifecycle").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        fatalError("lifecycle binary not found near \(testBinary.path)")
    }()

    var environment: [String: String]

    init(home: String) {
        environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home,
            "LIFECYCLE_HOME": home + "/workspace",
            "LIFECYCLE_BACKUP_DIR": home + "/backups",
            "LANG": "C.UTF-8",
        ]
    }

    @discardableResult
    func run(_ arguments: String..., stdin: String? = nil) throws -> Result {
        try run(arguments: arguments, stdin: stdin)
    }

    func run(arguments: [String], stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.executable)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Runs a command (through env, so PATH finds it) and returns its status and combined output.
func runProcess(_ arguments: [String], in directory: String? = nil, environment: [String: String]? = nil) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    if let environment { process.environment = environment }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

final class ScratchDirectory {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.path + "/lifecycle-e2e-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}


/// A test of the real binary with a private scratch folder, workspace and backups.
class BinaryTestCase: XCTestCase {
    var scratch: ScratchDirectory!
    var lifecycle: BinaryRunner!

    override func setUpWithError() throws {
        scratch = ScratchDirectory()
        lifecycle = BinaryRunner(home: scratch.path)
    }

    /// Creates an assessment in the scratch folder and returns its path.
    func newAssessment(_ fileName: String, name: String = "Review", _ extra: String...) throws -> String {
        let path = scratch.path + "/" + fileName
        let created = try lifecycle.run(arguments: ["new", name, "--file", path] + extra)
        XCTAssertEqual(created.status, 0, created.stderr)
        return path
    }

    /// Runs `lifecycle set` and checks it succeeded.
    func answer(_ file: String, _ question: String, _ status: String, note: String? = nil) throws {
        let result = try lifecycle.run(arguments: ["set", file, question, "--status", status] + (note.map { ["--note", $0] } ?? []))
        XCTAssertEqual(result.status, 0, result.stderr)
    }
}
