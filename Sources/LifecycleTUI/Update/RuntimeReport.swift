import LifecycleCore

/// What the runtime reports back after carrying out an effect. `update` decides what each
/// result means for the screen (a conflict dialog, a footer message, a new document); the
/// runtime only performs the I/O.
public enum RuntimeReport: Sendable {
    case saveFinished(MergingSaveOutcome)
    case diskChecked(DiskCheck)
    case reloaded(LoadedAssessment)
    case reloadFailed(message: String)
    case copySaved(path: String, fingerprint: FileFingerprint)
    case copyFailed(message: String)
    /// `review`: the packs the file reviews, composed by the runtime (it reads pack files).
    case opened(LoadedAssessment, isDemo: Bool, review: ComposedReview? = nil)
    case openFailed(message: String)
    /// The packs the open assessment could review (answer to `listPacks`).
    case packsListed([PackChoice])
    /// The packs changed: the assessment's new list and its review (answer to `changePacks`).
    case packsChanged(packs: [PackReference], review: ComposedReview)
    case packsChangeFailed(message: String)
    case workspaceListed(StartScreenState)
    /// The workspace's assessments, for the compare picker.
    case compareCandidates([WorkspaceEntry])
    case comparisonLoaded(LoadedAssessment)
    case comparisonFailed(message: String)
    /// What became of `openEvidence`: opened, or why not.
    case evidenceOpened(message: String)
    /// The external editor exited; `text` is the edited note, nil when it failed.
    case editorFinished(questionID: String, text: String?, status: Int32)
}

/// What a look at the open file found.
public enum DiskCheck: Sendable {
    /// Someone else saved it: their version.
    case changed(LoadedAssessment)
    case removed
    case unreadable(message: String)
}
