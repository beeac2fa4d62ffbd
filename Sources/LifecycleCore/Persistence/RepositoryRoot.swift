import Glibc

/// The repository evidence paths are relative to: the nearest folder above an assessment
/// that holds `.git`, else the assessment's own folder.
public enum RepositoryRoot {
    public static func of(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : (currentDirectory() + "/" + path)
        var folder = String(absolute[..<(absolute.lastIndex(of: "/") ?? absolute.startIndex)])
        let start = folder.isEmpty ? "/" : folder
        while !folder.isEmpty {
            if access(folder + "/.git", F_OK) == 0 { return folder }
            folder = String(folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)])
        }
        return start
    }

    /// realpath(3): every symbolic link followed; nil when the path does not exist.
    public static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
    }

    /// How a file written at `output` reaches the repository root of `assessment` with a
    /// relative link: `../../` from two folders down, empty from the root, the root's
    /// absolute path (with a slash) from outside it. Empty for standard output and devices,
    /// read wherever they are piped: links are then relative to the root.
    public static func linkPrefix(assessment: String, output: String?) -> String {
        guard let output, !output.isEmpty, !output.hasPrefix("/dev/") else { return "" }
        let absolute = output.hasPrefix("/") ? output : currentDirectory() + "/" + output
        let folder = String(absolute[..<(absolute.lastIndex(of: "/") ?? absolute.startIndex)])
        guard let outputFolder = resolved(folder.isEmpty ? "/" : folder), let root = resolved(of(assessment)) else { return "" }
        if outputFolder == root { return "" }
        guard outputFolder.hasPrefix(root == "/" ? "/" : root + "/") else { return root == "/" ? "/" : root + "/" }
        let depth = outputFolder.dropFirst(root.count).split(separator: "/").count
        return String(repeating: "../", count: depth)
    }

    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
