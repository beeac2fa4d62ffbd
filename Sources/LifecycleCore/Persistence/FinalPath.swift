import Glibc

/// Where a save must really go: the end of a symlink chain (`a.json -> b.json ->
/// real.json` saves into `real.json`, leaving both links as they are).
enum FinalPath {
    /// Follows symlinks until a non-link (or a missing name, for a link to a file not yet
    /// created). Throws when the chain loops or is longer than the system allows.
    static func resolve(_ path: String) throws(FileProblem) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { return current }
            let destination = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/") ? destination : AtomicFileWriter.directory(of: current) + "/" + destination
        }
        throw .writeFailed(path: path, reason: "too many levels of symbolic links")
    }
}
