import LifecycleCore

/// What is drawn over the explorer and takes the keys while open.
public enum Overlay: Equatable, Sendable {
    case help(scroll: Int)
    case search(SearchState)
    case overview(OverviewState)
    case noteEditor(NoteEditorState)
    /// Asks why a question does not apply, after marking it not applicable.
    case reasonPrompt(questionID: String, buffer: TextBuffer)
    /// The file changed on disk: reload it, or save these answers as a copy.
    case conflict
    case saveCopyPrompt(buffer: TextBuffer)
}

/// `/` search over every question's id, text, hint and tags.
public struct SearchState: Equatable, Sendable {
    public var query = TextBuffer(allowsNewlines: false)
    public var results: [String] = []
    public var selected = 0
    public var scroll = 0

    public init() {}
}

/// The stage x undercurrent heat map; the selection is a (stage, undercurrent) position.
public struct OverviewState: Equatable, Sendable {
    public var stageIndex = 0
    public var undercurrentIndex = 0

    public init() {}
}

/// Inline multi-line editing of one question's note.
public struct NoteEditorState: Equatable, Sendable {
    public var questionID: String
    public var buffer: TextBuffer
    /// First visible (wrapped) line.
    public var scroll = 0

    public init(questionID: String, text: String) {
        self.questionID = questionID
        buffer = TextBuffer(text, allowsNewlines: true)
    }
}
