import LifecycleCore

/// One assessment file found in the workspace folder.
public struct WorkspaceEntry: Equatable, Sendable {
    public var path: String
    public var name: String
    public var progress: Progress
    public var lastChange: String
    /// Why the file cannot be opened, when it cannot.
    public var problem: String?

    public init(path: String, name: String, progress: Progress, lastChange: String, problem: String? = nil) {
        self.path = path
        self.name = name
        self.progress = progress
        self.lastChange = lastChange
        self.problem = problem
    }
}

/// The start screen: create an assessment, try the demo, or open one from the workspace.
public struct StartScreenState: Equatable, Sendable {
    public var workspaceDirectory: String
    public var entries: [WorkspaceEntry]
    /// 0 = new assessment, 1 = demo, 2... = entries.
    public var cursor = 0
    public var scroll = 0
    public var prompt: StartPrompt?
    public var flash: String?
    /// The help overlay's scroll position while it is open (`?`).
    public var helpScroll: Int?

    public static let fixedRows = 2

    public init(workspaceDirectory: String, entries: [WorkspaceEntry]) {
        self.workspaceDirectory = workspaceDirectory
        self.entries = entries
        cursor = entries.isEmpty ? 0 : StartScreenState.fixedRows
    }

    public var rowCount: Int { StartScreenState.fixedRows + entries.count }
}

/// The two steps of creating an assessment from the start screen.
public enum StartPrompt: Equatable, Sendable {
    case name(TextBuffer)
    /// Choosing the maturity stage; `selected` indexes the catalog's stages, the last
    /// position meaning "not recorded", where the choice starts: Enter alone records no
    /// stage nobody chose.
    case maturity(name: String, selected: Int)
}
