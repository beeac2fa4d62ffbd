import LifecycleCore

/// The assessment being reviewed, where it lives on disk, and whether disk and memory agree.
public struct OpenDocument: Sendable {
    public var assessment: Assessment
    /// What the file held at the last load or save: the common ancestor when someone
    /// else's changes must be merged with ours.
    public var base: Assessment
    public var path: String
    /// What was on disk at the last load or save; saves refuse to replace anything else.
    public var fingerprint: FileFingerprint?
    public var saveState: SaveState
    /// True for the demo's private copy (shown in the header).
    public var isDemo: Bool
    /// The packs the file reviews, composed (nil: the book's pack alone).
    public var review: ComposedReview?

    public init(loaded: LoadedAssessment, isDemo: Bool = false, review: ComposedReview? = nil) {
        self.review = review
        assessment = loaded.assessment
        base = loaded.assessment
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
    /// Someone else changed the same answers (or removed the file): nothing is written
    /// until the reviewer chooses whose answers to keep, reloads or saves a copy.
    case conflict(message: String)

    public var hasUnsavedChanges: Bool {
        switch self {
        case .pending, .failed, .conflict: true
        case .clean, .saved: false
        }
    }
}
