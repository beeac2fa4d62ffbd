import Foundation

extension BinaryRunner {
    /// Runs the binary with its standard output opened on `stdoutPath` (say /dev/full)
    /// instead of a pipe; standard error is captured as usual.
    func run(arguments: [String], stdoutPath: String) throws -> Result {
        guard let output = FileHandle(forWritingAtPath: stdoutPath) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: stdoutPath])
        }
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.executable)
        process.arguments = arguments
        process.environment = environment
        let err = Pipe()
        process.standardOutput = output
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: "", stderr: String(decoding: errData, as: UTF8.self))
    }
}
