import FoundationEssentials
import Glibc

/// Writes a command's output (a report) to a path the user named with `--output`.
///
/// A mistyped path must never cost an assessment, so an output refuses, writing nothing,
/// to replace the command's own input (the same device and inode, through symlinks and
/// hard links) or any file whose content is an assessment, whatever its name. A regular
/// file is replaced atomically; anything else that exists (a terminal, a FIFO, a character
/// device such as /dev/null or /dev/full, /dev/stdout) is opened and written in place,
/// as a shell's `>` would: renaming a file over /dev/stdout, as root, replaced the device.
public struct OutputFile: Sendable {
    public var writer: AtomicFileWriter

    public init(writer: AtomicFileWriter = AtomicFileWriter()) {
        self.writer = writer
    }

    public func write(_ bytes: [UInt8], to path: String, inputs: [String]) throws(OutputFileProblem) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            guard code == ENOENT || code == ENOTDIR else {
                throw .cannotOpen(path: path, reason: String(cString: strerror(code)))
            }
            // Nothing there yet (the writer reports a missing directory itself). Through a
            // dangling symlink, the file is created where the link points.
            try replace(bytes, at: OutputFile.danglingLinkTarget(path) ?? path, as: path)
            return
        }
        if OutputFile.isOneOf(info, inputs) { throw .isInput(path: path) }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if try OutputFile.holdsAssessment(path) { throw .isAssessment(path: path) }
            // Through a symlink (or /dev/stdout redirected to a file) the file it names is
            // replaced, not the link.
            try replace(bytes, at: OutputFile.resolved(path) ?? path, as: path)
        case S_IFDIR:
            throw .file(.isDirectory(path: path))
        case S_IFBLK:
            throw .isBlockDevice(path: path)
        default:
            try writeInPlace(bytes, to: path, expecting: info)
        }
    }

    private func replace(_ bytes: [UInt8], at target: String, as path: String) throws(OutputFileProblem) {
        do {
            try writer.write(bytes, to: target)
        } catch {
            throw .file(error)
        }
    }

    /// O_TRUNC is left out on purpose: it does nothing to the files that come here, and
    /// would truncate a regular file swapped in at the path after the check above. The
    /// descriptor is checked to be the file that was checked before anything is written.
    private func writeInPlace(_ bytes: [UInt8], to path: String, expecting checked: stat) throws(OutputFileProblem) {
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)  // a FIFO waits here for its reader
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0, opened.st_dev == checked.st_dev, opened.st_ino == checked.st_ino else {
            close(descriptor)
            throw .cannotOpen(path: path, reason: "it was replaced while being opened")
        }
        do {
            try writer.writeBytes(descriptor, bytes)
        } catch {
            close(descriptor)
            throw .writeFailed(path: path, reason: error.reason)
        }
        guard close(descriptor) == 0 else {
            throw .writeFailed(path: path, reason: "close failed: \(String(cString: strerror(errno)))")
        }
    }

    static func isOneOf(_ info: stat, _ inputs: [String]) -> Bool {
        inputs.contains { input in
            var other = stat()
            return stat(input, &other) == 0 && other.st_dev == info.st_dev && other.st_ino == info.st_ino
        }
    }

    /// By content, not by name: the file parses as JSON into an object with "formatVersion"
    /// and "answers". One that no longer parses but still reads like one (git's conflict
    /// markers in it, say) counts too. A file that cannot be read cannot be cleared.
    static func holdsAssessment(_ path: String) throws(OutputFileProblem) -> Bool {
        let bytes: [UInt8]
        do {
            bytes = try SafeFileReader.read(path)
        } catch .tooLarge {
            return false  // past the size any assessment may have: nothing lifecycle could load
        } catch {
            throw .cannotCheck(error)
        }
        return AssessmentShape.matches(bytes)
    }

    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Where a chain of symlinks ends when its last target does not exist; nil when
    /// `path` is not a symlink.
    static func danglingLinkTarget(_ path: String) -> String? {
        var current = path
        for _ in 0..<40 {  // the kernel's own limit on links followed (ELOOP)
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
                return current == path ? nil : current
            }
            current = destination.hasPrefix("/") ? destination : AtomicFileWriter.directory(of: current) + "/" + destination
        }
        return nil
    }
}

/// Whether bytes are, or were meant to be, an assessment file.
enum AssessmentShape {
    static func matches(_ bytes: [UInt8]) -> Bool {
        if let document = try? JSONParser.parse(bytes) {
            guard let object = document.objectValue else { return false }
            return object["formatVersion"] != nil && object["answers"] != nil
        }
        guard bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{") else { return false }
        return contains(bytes, "\"formatVersion\"") && contains(bytes, "\"answers\"")
    }

    private static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count else { return false }
        return (0...(bytes.count - pattern.count)).contains { start in
            bytes[start] == pattern[0] && bytes[start..<(start + pattern.count)].elementsEqual(pattern)
        }
    }
}

/// Why an output was not written; each a one-line message naming the file.
public enum OutputFileProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case isInput(path: String)
    case isAssessment(path: String)
    case isBlockDevice(path: String)
    case cannotCheck(FileProblem)
    case cannotOpen(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case file(FileProblem)

    public var description: String {
        switch self {
        case .isInput(let path):
            return "\(display(path)): is the file this command reads; not overwritten (choose another output file)"
        case .isAssessment(let path):
            return "\(display(path)): holds an assessment; not overwritten (choose another output file)"
        case .isBlockDevice(let path):
            return "\(display(path)): is a block device; not written"
        case .cannotCheck(let problem):
            return "\(problem.description); it might hold an assessment, so it is not overwritten"
        case .cannotOpen(let path, let reason):
            return "\(display(path)): cannot be opened for writing: \(reason)"
        case .writeFailed(let path, let reason):
            return "\(display(path)): cannot be written: \(reason)"
        case .file(let problem):
            return problem.description
        }
    }

    private func display(_ path: String) -> String { TerminalSafeText.escaped(path) }
}
