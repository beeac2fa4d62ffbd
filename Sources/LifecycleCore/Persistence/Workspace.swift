import FoundationEssentials
import Glibc

/// The folder where assessments live when no path is given: `$LIFECYCLE_HOME`, else
/// `$XDG_DATA_HOME/lifecycle`, else `~/.local/share/lifecycle`.
public struct Workspace: Sendable, Equatable {
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Workspace {
        if let home = environment["LIFECYCLE_HOME"], !home.isEmpty {
            return Workspace(directory: home)
        }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return Workspace(directory: data + "/lifecycle")
        }
        return Workspace(directory: (environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path) + "/.local/share/lifecycle")
    }

    /// Creates the folder (owner-only) when it does not exist yet.
    public func ensureExists() throws(FileProblem) {
        var isDirectory = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory else {
                throw .writeFailed(path: directory, reason: "the workspace path exists but is not a directory")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .writeFailed(path: directory, reason: "cannot create the workspace folder (\(FileSystemErrorText.describe(error)))")
        }
    }

    /// The file for a system name: lowercase, hyphenated, `.json`.
    public func path(forName name: String) -> String {
        directory + "/" + Workspace.fileName(forName: name)
    }

    public static func fileName(forName name: String) -> String {
        slug(forName: name, limit: 80) + ".json"
    }

    /// A system's name as a slug: letters and digits of any script, lower case, one hyphen
    /// between words, at most `limit` characters; "assessment" when nothing is left. File
    /// names and the plan's finding ids are both made this way.
    public static func slug(forName name: String, limit: Int) -> String {
        var slug = ""
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "assessment" : String(slug.prefix(limit))
    }

    /// The assessment files in the workspace, sorted by name.
    public func assessmentFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { directory + "/" + $0 }
    }
}
