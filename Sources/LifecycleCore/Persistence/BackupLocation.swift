import FoundationEssentials
import Glibc

/// Where the version a save replaces is kept, so a bad edit can be undone without
/// littering the user's git repository with `.bak` files: under the user's state
/// directory (`$XDG_STATE_HOME/lifecycle/backups`, else `~/.local/state/lifecycle/backups`),
/// one file per assessment, named after the file and a hash of its absolute path.
public struct BackupLocation: Sendable, Equatable {
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> BackupLocation {
        if let override = environment["LIFECYCLE_BACKUP_DIR"], !override.isEmpty {
            return BackupLocation(directory: override)
        }
        let stateHome: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            stateHome = xdg
        } else {
            stateHome = (environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path) + "/.local/state"
        }
        return BackupLocation(directory: stateHome + "/lifecycle/backups")
    }

    /// The backup file for an assessment path, e.g. `payments.json.3f2a9c0d1e2b4a5f.previous`.
    public func backupPath(for path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let name = PathText.lastComponent(of: absolute)
        return directory + "/" + name + "." + FNV1a().hexDigest(of: absolute) + ".previous"
    }
}

extension FNV1a {
    func hexDigest(of text: String) -> String {
        var copy = self
        copy.combine(text.utf8)
        return copy.hexDigest
    }
}
