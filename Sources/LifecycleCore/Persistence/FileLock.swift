import Glibc

/// An exclusive advisory lock that serialises every writer of one assessment file: the
/// explorer, `set`, `milestone`, `new` and the merge driver all hold it across
/// read → check → write → rename, so two writers can never both believe they saved.
///
/// The lock is taken with `flock(2)` on a separate, never-deleted file beside the data,
/// `.NAME.lock`: an atomic save gives the data file a new inode, so a lock on the data
/// file itself would exclude nobody who opened the new one, and deleting the lock file
/// would let a late opener lock an inode nobody else looks at. `flock` locks belong to
/// the open file description (a library closing another descriptor of the same file
/// cannot drop it, as it would a POSIX record lock) and are opened `O_CLOEXEC` so an
/// external editor never inherits one. Advisory: programs that do not take it are not
/// stopped. On network file systems it is only as good as the server's locking.
// @unchecked: the descriptor is only changed by release(), which may run on any thread
// (closing a descriptor is thread-safe); the lock is not shared otherwise.
public final class FileLock: @unchecked Sendable {
    private var descriptor: Int32

    /// How long a writer waits for another one to finish before giving up.
    public static let defaultTimeout: Duration = .seconds(10)

    /// Locks the file at `target` (already resolved through symlinks), waiting up to
    /// `timeout` for another writer.
    public init(for target: String, timeout: Duration = FileLock.defaultTimeout) throws(FileProblem) {
        let lockPath = FileLock.lockPath(for: target)
        var opened = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        var reason = errno
        if opened < 0 && (reason == EACCES || reason == EROFS) {
            // Someone else's lock file: a shared descriptor still takes an exclusive flock.
            opened = open(lockPath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            // No lock file to share: the first reason (an unwritable folder) is the one to tell.
            if opened < 0 && errno != ENOENT { reason = errno }
        }
        guard opened >= 0 else {
            let directory = AtomicFileWriter.directory(of: target)
            if reason == ENOENT { throw .directoryMissing(path: target, directory: directory) }
            if reason == ENOTDIR { throw .parentNotDirectory(path: target, directory: directory) }
            if reason == EACCES || reason == EROFS {
                throw .lockFailed(path: target, reason: "the folder \(TerminalSafeText.escaped(directory)) is not writable (\(String(cString: strerror(reason))))")
            }
            errno = reason
            throw .lockFailed(path: target, reason: "cannot open the lock file \(PathText.lastComponent(of: lockPath)): \(String(cString: strerror(errno)))")
        }
        descriptor = opened
        let deadline = ContinuousClock.now + timeout
        var pauseMicroseconds: UInt32 = 200
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let reason = errno
            guard reason == EWOULDBLOCK || reason == EINTR else {
                close(descriptor)
                throw .lockFailed(path: target, reason: "cannot lock \(PathText.lastComponent(of: lockPath)): \(String(cString: strerror(reason)))")
            }
            guard ContinuousClock.now < deadline else {
                close(descriptor)
                throw .lockedByAnotherWriter(path: target)
            }
            usleep(pauseMicroseconds)
            pauseMicroseconds = min(pauseMicroseconds * 2, 20_000)
        }
    }

    /// Releases the lock (closing the descriptor releases it too, even after a crash).
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    /// `.NAME.lock` beside the file. Names close to the 255-byte limit are shortened and
    /// made unique with a hash, so a long file name can still be locked.
    public static func lockPath(for target: String) -> String {
        let directory = AtomicFileWriter.directory(of: target)
        let name = PathText.lastComponent(of: target)
        return directory + "/." + FileNameFitting.fit(name, reserving: 6) + ".lock"
    }

    /// Runs `body` while holding the lock on `target`.
    public static func withLock<T>(on target: String, _ body: () throws(FileProblem) -> T) throws(FileProblem) -> T {
        let lock = try FileLock(for: target)
        defer { lock.release() }
        return try body()
    }
}
