import FoundationEssentials
import Glibc

/// The last resort when leaving with answers that could not be saved in their file:
/// write them somewhere they survive, under a name no other writer can take.
public enum RescueCopy {
    /// Tries each folder in turn (created owner-only when missing) and returns where the
    /// copy went, or every reason it could not be written.
    public static func write(_ bytes: [UInt8], for path: String, at time: Timestamp,
                             into directories: [String]) -> Result<String, RescueFailure> {
        let base = FileNameFitting.fit(PathText.lastComponent(of: path), reserving: 48)
        let stamp = time.text.replacing(":", with: "")
        var reasons: [String] = []
        for directory in directories where !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
            // The process id and a random part: two explorers leaving in the same second
            // (same file, or files of the same name) never share a rescue file.
            let unique = "\(getpid())-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
            let candidate = directory + "/" + base + "." + stamp + "." + unique + ".unsaved.json"
            do {
                try AtomicFileWriter().write(bytes, to: candidate)
                return .success(candidate)
            } catch {
                reasons.append(error.description)
            }
        }
        return .failure(RescueFailure(reasons: reasons))
    }
}

public struct RescueFailure: Error, Sendable {
    public var reasons: [String]
}
