import FoundationEssentials
import Glibc

/// Where the version a save replaces is kept, so a bad edit can be undone without
/// littering the user's git repository with `.bak` files: under the user's state
/// directory (`$XDG_STATE_HOME/lifecycle/backups`, else `~/.local/state/lifecycle/backups`),
/// named after the file and a hash of its absolute path: `.previous` is the version the
/// last save replaced, `.previous.2` the one before, up to `keep` versions.
public struct BackupLocation: Sendable, Equatable {
    public var directory: String
    /// How many replaced versions are kept per file (`LIFECYCLE_BACKUPS`, default 5).
    public var keep: Int

    public static let defaultKeep = 5

    public init(directory: String, keep: Int = BackupLocation.defaultKeep) {
        self.directory = directory
        self.keep = keep
    }

    /// nil when `LIFECYCLE_BACKUPS=0` turns backups off.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> BackupLocation? {
        var keep = defaultKeep
        if let text = environment["LIFECYCLE_BACKUPS"], let number = Int(text), number >= 0 {
            keep = min(number, 100)
        }
        guard keep > 0 else { return nil }
        if let override = environment["LIFECYCLE_BACKUP_DIR"], !override.isEmpty {
            return BackupLocation(directory: override, keep: keep)
        }
        let stateHome: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            stateHome = xdg
        } else {
            stateHome = (environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path) + "/.local/state"
        }
        return BackupLocation(directory: stateHome + "/lifecycle/backups", keep: keep)
    }

    /// The backup file for an assessment path, e.g. `payments.json.3f2a9c0d1e2b4a5f.previous`.
    public func backupPath(for path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let name = PathText.lastComponent(of: absolute)
        // 17 bytes of hash, 9 of ".previous", up to 4 of ".N" and 16 of a staging suffix.
        return directory + "/" + FileNameFitting.fit(name, reserving: 46) + "." + FNV1a().hexDigest(of: absolute) + ".previous"
    }

    /// The n-th most recent version (1 is `backupPath` itself).
    public func backupPath(for path: String, generation: Int) -> String {
        generation <= 1 ? backupPath(for: path) : backupPath(for: path) + ".\(generation)"
    }
}

extension FNV1a {
    func hexDigest(of text: String) -> String {
        var copy = self
        copy.combine(text.utf8)
        return copy.hexDigest
    }
}
