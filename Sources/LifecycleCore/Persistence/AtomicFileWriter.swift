import FoundationEssentials
import Glibc

/// Replaces a file's contents so that a crash or power cut at any moment leaves either
/// the old or the new contents, never a mix or an empty file: write a temporary file in
/// the same directory, fsync it, rename it over the target, fsync the directory.
public struct AtomicFileWriter: Sendable {
    /// Writes all bytes to a descriptor. Replaceable so tests can simulate a full disk
    /// or an I/O error in the middle of a save.
    public var writeBytes: @Sendable (_ descriptor: Int32, _ bytes: [UInt8]) throws(FileWriteError) -> Void

    /// The mode of files this writer creates: readable and writable by the owner only,
    /// since notes can describe security gaps.
    public static let newFileMode: mode_t = 0o600

    public init(writeBytes: @escaping @Sendable (_ descriptor: Int32, _ bytes: [UInt8]) throws(FileWriteError) -> Void = AtomicFileWriter.writeAll) {
        self.writeBytes = writeBytes
    }

    /// Writes `bytes` to `path` atomically. An existing file keeps its permission bits,
    /// owner and group (refused when they cannot be kept, rather than handing the file to
    /// whoever runs the save); a new one gets `newFileMode`. A read-only file is refused.
    /// Returns warnings the caller should show (the file had other hard links than the
    /// `ownLinks` the caller made itself, such as a staged backup).
    @discardableResult
    public func write(_ bytes: [UInt8], to path: String, ownLinks: Int = 0) throws(FileProblem) -> [String] {
        let directory = AtomicFileWriter.directory(of: path)
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw .directoryMissing(path: path, directory: directory)
        }
        guard isDirectory else {
            throw .parentNotDirectory(path: path, directory: directory)
        }
        var existing = stat()
        let exists = stat(path, &existing) == 0
        var warnings: [String] = []
        if exists {
            switch existing.st_mode & S_IFMT {
            case S_IFDIR: throw .isDirectory(path: path)
            case S_IFREG: break
            default: throw .notRegularFile(path: path)
            }
            // root passes access(2) whatever the bits say, so look at the bits too.
            if existing.st_mode & 0o222 == 0 || access(path, W_OK) != 0 && errno == EACCES {
                throw .readOnly(path: path)
            }
            if existing.st_nlink > 1 + UInt(ownLinks) {
                let others = Int(existing.st_nlink) - 1 - ownLinks
                warnings.append("\(TerminalSafeText.escaped(path)) had \(others) other hard link\(others == 1 ? "" : "s"); \(others == 1 ? "it still shows" : "they still show") the previous version (an atomic save makes a new file)")
            }
        }
        func failure(_ reason: String) -> FileProblem {
            exists ? .writeFailed(path: path, reason: reason) : .createFailed(path: path, reason: reason)
        }

        let base = PathText.lastComponent(of: path)
        AtomicFileWriter.removeAbandonedTemporaryFiles(of: base, in: directory)
        var descriptor: Int32 = -1
        guard let temporaryPath = TemporaryName.make(AtomicFileWriter.temporaryTemplate(directory: directory, base: base), { template in
            descriptor = mkstemps(template, 4)
            return descriptor >= 0
        }) else {
            throw failure("cannot create a temporary file in \(directory): \(String(cString: strerror(errno)))")
        }
        var renamed = false
        defer {
            if !renamed { unlink(temporaryPath) }
        }
        if exists {
            do throws(FileProblem) {
                try AtomicFileWriter.keepOwner(of: existing, on: descriptor, path: path)
            } catch {
                close(descriptor)
                throw error
            }
        }
        do throws(FileWriteError) {
            try writeBytes(descriptor, bytes)
            guard fchmod(descriptor, exists ? existing.st_mode & 0o7777 : AtomicFileWriter.newFileMode) == 0 else {
                throw FileWriteError(reason: "cannot set permissions: \(String(cString: strerror(errno)))")
            }
            guard fsync(descriptor) == 0 else {
                throw FileWriteError(reason: "fsync failed: \(String(cString: strerror(errno)))")
            }
        } catch {
            close(descriptor)
            throw failure(error.reason)
        }
        guard close(descriptor) == 0 else {
            throw failure("close failed: \(String(cString: strerror(errno)))")
        }
        guard rename(temporaryPath, path) == 0 else {
            throw failure("rename failed: \(String(cString: strerror(errno)))")
        }
        renamed = true
        // Make the rename itself durable.
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
        return warnings
    }

    /// Gives the temporary file the replaced file's owner and group. An unprivileged
    /// writer can only keep a group it belongs to and never another user's ownership: then
    /// the save is refused instead of silently taking the file over.
    static func keepOwner(of existing: stat, on descriptor: Int32, path: String) throws(FileProblem) {
        var created = stat()
        guard fstat(descriptor, &created) == 0 else { return }
        guard created.st_uid != existing.st_uid || created.st_gid != existing.st_gid else { return }
        if fchown(descriptor, existing.st_uid, existing.st_gid) != 0 {
            let who = created.st_uid != existing.st_uid
                ? "it belongs to user \(existing.st_uid) and would become yours (user \(created.st_uid))"
                : "its group \(existing.st_gid) cannot be kept (yours is \(created.st_gid))"
            throw .ownerCannotBeKept(path: path, reason: who)
        }
    }

    /// `.NAME.XXXXXX.tmp`, with NAME shortened when it would pass the 255-byte limit.
    static func temporaryTemplate(directory: String, base: String) -> String {
        "\(directory)/.\(FileNameFitting.fit(base, reserving: 12)).XXXXXX.tmp"
    }

    public static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) throws(FileWriteError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileWriteError(reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// A writer killed between creating its temporary file and renaming it (SIGKILL, power
    /// cut) leaves `.NAME.XXXXXX.tmp` behind. Those older than a minute cannot belong to a
    /// save still in progress, so the next save of the same file removes them.
    static func removeAbandonedTemporaryFiles(of base: String, in directory: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let prefix = "." + FileNameFitting.fit(base, reserving: 12) + "."
        let now = Date()
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") && name.count == prefix.count + 10 {
            let path = directory + "/" + name
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                  now.timeIntervalSince(modified) > 60 else { continue }
            unlink(path)
        }
    }

    static func directory(of path: String) -> String {
        let directory = PathText.deletingLastComponent(of: path)
        return directory.isEmpty ? "." : directory
    }
}

/// A low-level write failure, turned into `FileProblem.writeFailed` with the path.
public struct FileWriteError: Error, Sendable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
}
