import Glibc

/// What `stat` says about a file: which file it is and when it last changed. Equal
/// identities mean "very probably the same bytes", cheaply; different ones mean "look".
/// Only for deciding whether to look: saves always compare the bytes themselves
/// (`FileFingerprint`), because a write within the file system's timestamp granularity
/// can leave all of this unchanged.
public struct FileIdentity: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec
    var changed: timespec

    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = info.st_mtim
        changed = info.st_ctim
    }

    public static func == (lhs: FileIdentity, rhs: FileIdentity) -> Bool {
        lhs.device == rhs.device && lhs.inode == rhs.inode && lhs.size == rhs.size
            && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
            && lhs.changed.tv_sec == rhs.changed.tv_sec && lhs.changed.tv_nsec == rhs.changed.tv_nsec
    }

    /// The same file (device and inode), whatever its contents or times.
    public func isSameFile(as other: FileIdentity) -> Bool {
        device == other.device && inode == other.inode
    }

    /// Whether two paths name one existing file (through links); false when either is missing.
    public static func sameFile(_ first: String, _ second: String) -> Bool {
        guard let one = FileIdentity(path: first), let other = FileIdentity(path: second) else { return false }
        return one.isSameFile(as: other)
    }

    /// A regular file with nothing in it (git passes one as the base of an add/add merge).
    public var isEmptyFile: Bool { size == 0 }
}
