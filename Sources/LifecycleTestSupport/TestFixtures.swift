import LifecycleCore

/// The package root, found from this source file's location (tests read README.md,
/// content/ and assets/ from it).
public let packageRoot: String = {
    var path = #filePath
    for _ in 0..<3 { path = PathText.deletingLastComponent(of: path) }
    return path
}()

/// The time tests stamp answers with, so outputs compare exactly.
public func fixedTime(_ text: String = "2026-11-27T10:00:00Z") -> Timestamp { Timestamp(text)! }
