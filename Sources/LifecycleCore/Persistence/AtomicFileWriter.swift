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

    /// Writes `bytes` to `path` atomically. An existing file keeps its permission bits;
    /// a new one gets `newFileMode`.
    public func write(_ bytes: [UInt8], to path: String) throws(FileProblem) {
        let directory = AtomicFileWriter.directory(of: path)
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw .directoryMissing(path: path, directory: directory)
        }
        guard isDirectory else {
            throw .parentNotDirectory(path: path, directory: directory)
        }
        var existing = stat()
        let existingMode: mode_t? = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : nil
        if let _ = existingMode, (existing.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path: path) }

        let base = PathText.lastComponent(of: path)
        AtomicFileWriter.removeAbandonedTemporaryFiles(of: base, in: directory)
        var descriptor: Int32 = -1
        guard let temporaryPath = TemporaryName.make("\(directory)/.\(base).XXXXXX.tmp", { template in
            descriptor = mkstemps(template, 4)
            return descriptor >= 0
        }) else {
            throw .writeFailed(path: path, reason: "cannot create a temporary file in \(directory): \(String(cString: strerror(errno)))")
        }
        var renamed = false
        defer {
            if !renamed { unlink(temporaryPath) }
        }
        do throws(FileWriteError) {
            try writeBytes(descriptor, bytes)
            guard fchmod(descriptor, existingMode ?? AtomicFileWriter.newFileMode) == 0 else {
                throw FileWriteError(reason: "cannot set permissions: \(String(cString: strerror(errno)))")
            }
            guard fsync(descriptor) == 0 else {
                throw FileWriteError(reason: "fsync failed: \(String(cString: strerror(errno)))")
            }
        } catch {
            close(descriptor)
            throw .writeFailed(path: path, reason: error.reason)
        }
        guard close(descriptor) == 0 else {
            throw .writeFailed(path: path, reason: "close failed: \(String(cString: strerror(errno)))")
        }
        guard rename(temporaryPath, path) == 0 else {
            throw .writeFailed(path: path, reason: "rename failed: \(String(cString: strerror(errno)))")
        }
        renamed = true
        // Make the rename itself durable.
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
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
        let prefix = "." + base + "."
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
