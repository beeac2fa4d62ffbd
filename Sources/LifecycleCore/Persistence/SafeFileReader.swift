import FoundationEssentials
import Glibc

/// Reads a whole file with the checks an untrusted path needs: it must be a regular
/// file (a FIFO or device would block or never end) and no larger than a cap.
public enum SafeFileReader {
    /// 64 MiB: far beyond any real assessment (10,000 answers with notes is ~3 MiB),
    /// small enough that a wrong path to a huge file fails fast.
    public static let defaultSizeLimit = 64 * 1024 * 1024

    public static func read(_ path: String, sizeLimit: Int = defaultSizeLimit) throws(FileProblem) -> [UInt8] {
        // O_NONBLOCK so that opening a FIFO cannot hang before we can reject it.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT {
                let directory = PathText.deletingLastComponent(of: path)
                if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
                    throw .directoryMissing(path: path, directory: directory)
                }
                throw .notFound(path: path)
            }
            if code == EISDIR { throw .isDirectory(path: path) }
            if code == ENOTDIR {
                throw .parentNotDirectory(path: path, directory: PathText.deletingLastComponent(of: path))
            }
            throw .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path: path) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notRegularFile(path: path) }
        let size = Int(info.st_size)
        guard size <= sizeLimit else { throw .tooLarge(path: path, size: size, limit: sizeLimit) }
        // Back to blocking reads for the regular file.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)

        // One byte more than fstat reported, so that reading the whole file and then
        // seeing end-of-file needs no second, larger buffer (that copy was a tenth of
        // loading a 4 MB catalog); and not zero-filled first, since read(2) fills it.
        let capacity = min(size + 1, sizeLimit + 1)
        var readError: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            while count < capacity {
                let result = Glibc.read(descriptor, buffer.baseAddress! + count, capacity - count)
                if result < 0 {
                    if errno == EINTR { continue }
                    readError = errno
                    return
                }
                if result == 0 { return }
                count += result
            }
        }
        if readError != 0 { throw .unreadable(path: path, reason: String(cString: strerror(readError))) }
        if bytes.count < capacity {
            return bytes  // end of file reached: the usual case
        }
        // The file grew since fstat: keep reading, up to the cap.
        var filled = bytes.count
        while true {
            if filled == bytes.count {
                // The file may have grown since fstat: keep reading up to the cap.
                guard bytes.count < sizeLimit + 1 else { break }
                bytes.append(contentsOf: [UInt8](repeating: 0, count: min(65_536, sizeLimit + 1 - bytes.count)))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            filled += count
        }
        guard filled <= sizeLimit else { throw .tooLarge(path: path, size: filled, limit: sizeLimit) }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
