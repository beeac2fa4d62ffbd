/// The two path manipulations the tool needs, on plain strings with the same results as
/// NSString's (which lives in full Foundation; we link only FoundationEssentials to keep
/// ICU out of the binary: half the start-up time and memory).
public enum PathText {
    /// "dir/name.json" -> "name.json"; "/" stays "/"; trailing slashes are ignored.
    public static func lastComponent(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// "dir/name.json" -> "dir"; "name.json" -> ""; "/name" -> "/".
    public static func deletingLastComponent(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let parent = trimmingTrailingSlashes(String(trimmed[..<slash]))
        return parent.isEmpty ? "/" : parent
    }

    /// "name.json" -> "name"; ".hidden" and "name" stay as they are.
    public static func deletingExtension(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var result = Substring(path)
        while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
        return String(result)
    }
}
