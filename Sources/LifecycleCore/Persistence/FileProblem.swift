/// Everything that can go wrong reading or writing an assessment file, each with a
/// one-line message that names the file and, where it can, the place inside it.
public enum FileProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case directoryMissing(path: String, directory: String)
    case parentNotDirectory(path: String, directory: String)
    case isDirectory(path: String)
    case notRegularFile(path: String)
    case tooLarge(path: String, size: Int, limit: Int)
    case unreadable(path: String, reason: String)
    case syntax(path: String, JSONSyntaxError)
    case invalid(path: String, problems: [ValidationProblem])
    case changedOnDisk(path: String)
    case removedFromDisk(path: String)
    case alreadyExists(path: String)
    case writeFailed(path: String, reason: String)
    /// A new file could not be written (there was no previous file to keep).
    case createFailed(path: String, reason: String)
    case readOnly(path: String)
    /// Replacing the file would hand it to another user (its owner or group cannot be kept).
    case ownerCannotBeKept(path: String, reason: String)
    case wouldBeTooLarge(path: String, size: Int, limit: Int)
    case lockedByAnotherWriter(path: String)
    case lockFailed(path: String, reason: String)
    /// A change a command wanted to make under the lock was refused (its message says why).
    case changeRefused(message: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(display(path)): no such file"
        case .directoryMissing(let path, let directory):
            return "\(display(path)): the directory \(display(directory)) does not exist"
        case .parentNotDirectory(let path, let directory):
            return "\(display(path)): \(display(directory)) is not a directory"
        case .isDirectory(let path):
            return "\(display(path)): is a directory, not an assessment file"
        case .notRegularFile(let path):
            return "\(display(path)): is not a regular file (a device, pipe or socket?)"
        case .tooLarge(let path, let size, let limit):
            return "\(display(path)): is \(size) bytes, more than the \(limit / (1024 * 1024)) MiB an assessment may have"
        case .unreadable(let path, let reason):
            return "\(display(path)): cannot be read: \(reason)"
        case .syntax(let path, let error):
            return "\(display(path)):\(error.line):\(error.column): \(error.message)"
        case .invalid(let path, let problems):
            guard let first = problems.first else { return "\(display(path)): invalid" }
            let more = problems.count > 1 ? " (and \(problems.count - 1) more problem\(problems.count > 2 ? "s" : ""); see lifecycle validate)" : ""
            return "\(display(path)): \(first)\(more)"
        case .changedOnDisk(let path):
            return "\(display(path)): changed on disk since it was loaded (another editor or git?); not overwritten"
        case .removedFromDisk(let path):
            return "\(display(path)): was removed or moved since it was loaded; not recreated"
        case .alreadyExists(let path):
            return "\(display(path)): already exists; not overwritten"
        case .writeFailed(let path, let reason):
            return "\(display(path)): cannot be saved: \(reason); the previous file is unchanged"
        case .createFailed(let path, let reason):
            return "\(display(path)): cannot be created: \(reason); nothing was written"
        case .readOnly(let path):
            return "\(display(path)): is read-only; not changed (make it writable, e.g. chmod u+w, to save)"
        case .ownerCannotBeKept(let path, let reason):
            return "\(display(path)): \(reason); not changed, so the file is not handed to another user"
        case .wouldBeTooLarge(let path, let size, let limit):
            return "\(display(path)): would be \(size) bytes, more than the \(limit / (1024 * 1024)) MiB an assessment may have; not written (remove old milestones or split the review)"
        case .lockedByAnotherWriter(let path):
            return "\(display(path)): another program has been saving it for over 10 seconds (its lock is held); not changed, try again"
        case .lockFailed(let path, let reason):
            return "\(display(path)): \(reason); not changed"
        case .changeRefused(let message):
            return message
        }
    }

    private func display(_ path: String) -> String { TerminalSafeText.escaped(path) }
}
