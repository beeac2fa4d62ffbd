import FoundationEssentials
import Glibc

/// Keeps the last few versions of a file a save replaces, without ever losing one to a
/// save that then fails: the version about to be replaced is first staged under a
/// temporary name (a hard link: no copy, no fsync), and only after the new file is in
/// place are the older versions shifted and the staged one named `.previous`. A failed
/// save removes the staged name and leaves every kept version as it was.
struct BackupRotation {
    let location: BackupLocation
    let target: String
    private var stagedPath: String?
    /// True when the staged version is a hard link to the file being replaced.
    private(set) var stagedAsLink = false
    /// Why the replaced version could not be kept, for a warning (the save goes ahead).
    private(set) var failure: String?

    init(location: BackupLocation, target: String) {
        self.location = location
        self.target = target
    }

    /// Best effort: a failed backup must not block the save the user asked for.
    mutating func stage(currentBytes: [UInt8], writer: AtomicFileWriter) {
        let latest = location.backupPath(for: target)
        removeAbandonedStagings(of: latest)
        let staged = latest + ".staged-\(getpid())"
        unlink(staged)
        if link(target, staged) == 0 { stagedPath = staged; stagedAsLink = true; return }
        // The folder nearly always exists: try the link before creating it.
        try? FileManager.default.createDirectory(atPath: location.directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        if link(target, staged) == 0 { stagedPath = staged; stagedAsLink = true; return }
        // Another file system, or one without links: copy the bytes.
        do {
            try writer.write(currentBytes, to: staged)
            stagedPath = staged
        } catch {
            failure = "no backup of the replaced version was kept (\(error.description))"
        }
    }

    /// The save succeeded: shift `.previous` → `.previous.2` → ... and keep the staged
    /// version as `.previous`.
    mutating func commit() {
        guard let stagedPath else { return }
        if location.keep > 1 {
            for generation in stride(from: location.keep - 1, through: 1, by: -1) {
                rename(location.backupPath(for: target, generation: generation),
                       location.backupPath(for: target, generation: generation + 1))
            }
        }
        rename(stagedPath, location.backupPath(for: target))
        self.stagedPath = nil
    }

    /// The save failed: forget the staged version, keep every older one.
    mutating func abandon() {
        guard let stagedPath else { return }
        unlink(stagedPath)
        self.stagedPath = nil
    }

    /// A writer killed between staging and committing leaves `.staged-PID` behind (and
    /// earlier versions left `.link`): removed once they are a minute old.
    private func removeAbandonedStagings(of latest: String) {
        let name = PathText.lastComponent(of: latest)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: location.directory) else { return }
        let now = time(nil)
        for candidate in names where candidate.hasPrefix(name) && (candidate.contains(".staged-") || candidate.hasSuffix(".link")) {
            let path = location.directory + "/" + candidate
            var info = stat()
            guard stat(path, &info) == 0, now - info.st_mtim.tv_sec > 60 else { continue }
            unlink(path)
        }
    }
}
