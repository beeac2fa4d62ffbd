/// Keeps names derived from a file's name (its temporary file, lock file and backups)
/// within the 255-byte limit most file systems put on one path component.
enum FileNameFitting {
    static let maximumComponentBytes = 255

    /// `name` unchanged when `name` plus `reserving` more bytes fits; otherwise a prefix
    /// cut at a character boundary followed by a hash of the whole name, so two long
    /// names that share a prefix still get different derived names.
    static func fit(_ name: String, reserving extra: Int) -> String {
        guard name.utf8.count + extra > maximumComponentBytes else { return name }
        let hash = "~" + FNV1a().hexDigest(of: name)  // 17 bytes
        let budget = max(0, maximumComponentBytes - extra - hash.utf8.count)
        var prefix = ""
        var used = 0
        for character in name {
            let size = character.utf8.count
            if used + size > budget { break }
            prefix.append(character)
            used += size
        }
        return prefix + hash
    }
}
