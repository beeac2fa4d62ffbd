import LifecycleCore

/// Side effects that `update` asks for and the runtime carries out (file I/O, external
/// programs, leaving). Each one's result comes back to `update` as a `RuntimeReport`.
public enum Effect: Equatable, Sendable {
    /// Save the open assessment now (atomic, locked, merging others' changes).
    case save
    /// Save pending work, restore the terminal and exit.
    case quit(status: Int32)
    /// `q` in the explorer: back to the start screen if it was opened from there, else
    /// quit. Decided by `AppState`, which knows where the explorer came from.
    case closeExplorer
    /// Suspend the screen and edit a note in $VISUAL / $EDITOR.
    case editNoteExternally(questionID: String, text: String)
    case openAssessment(path: String)
    /// Create a new file at `path` (chosen by `update`, clear of the workspace's names).
    /// `packs`: the packs to review; empty or the book's alone: a version-1 file.
    case createAssessment(path: String, name: String, maturity: String?, packs: [String] = [])
    /// The packs the open assessment could review, for the explorer's `+`.
    case listPacks
    /// Review exactly these packs from now on (answers to others are kept).
    case changePacks([String])
    case openDemo
    /// Re-read the open file from disk, replacing what is in memory.
    case reloadFromDisk
    /// Write the in-memory answers to a new file and continue there.
    case saveCopy(path: String)
    /// Re-scan the workspace folder for the start screen.
    case refreshWorkspace
    /// See whether someone else changed the open file.
    case checkDisk
    /// Ctrl-Z: restore the terminal and stop the process until the shell resumes it.
    case suspendProcess
    /// List the workspace's assessments to offer them for comparison.
    case listCompareCandidates
    /// Load another assessment file and show its differences from the open one.
    case compareWithFile(path: String)
    /// Open a piece of evidence with the system opener (never through a shell).
    case openEvidence(Evidence)
}
