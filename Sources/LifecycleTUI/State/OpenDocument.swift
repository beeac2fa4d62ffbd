import LifecycleCore

/// The assessment being reviewed, where it lives on disk, and whether disk and memory agree.
public struct OpenDocument: Sendable {
    public var assessment: Assessment
    public var path: String
    /// What was on disk at the last load or save; saves refuse to replace anything else.
    public var fingerprint: FileFingerprint?
    public var saveState: SaveState
    /// True for the demo's private copy (shown in the header).
    public var isDemo: Bool

    public init(loaded: LoadedAssessment, isDemo: Bool = false) {
        assessment = loaded.assessment
        path = loaded.path
        fingerprint = loaded.fingerprint
        saveState = .clean
        self.isDemo = isDemo
    }
}

/// What the footer says about saving.
public enum SaveState: Equatable, Sendable {
    /// Nothing changed since the file was opened.
    case clean
    /// Changed in memory, save requested.
    case pending
    /// Saved at a local wall-clock time ("12:04:31").
    case saved(at: String)
    /// The last save failed; the answers are still in memory and the next change retries.
    case failed(message: String)
    /// The file changed on disk since it was loaded: nothing is written until the user
    /// chooses to reload or save a copy.
    case conflict(message: String)

    public var hasUnsavedChanges: Bool {
        switch self {
        case .pending, .failed, .conflict: true
        case .clean, .saved: false
        }
    }
}
