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
    /// position meaning "not recorded".
    case maturity(name: String, selected: Int)
}

/// The whole program's state: which screen is up, and the terminal size.
public struct AppState: Sendable {
    public enum Mode: Sendable {
        case start(StartScreenState)
        case explorer(ExplorerState)
    }

    public let catalog: Catalog
    public var mode: Mode
    public var width: Int
    public var height: Int
    /// Whether `q` in the explorer returns to the start screen (it was opened from there).
    public var cameFromStartScreen: Bool
    public var asciiOnly: Bool

    /// The smallest window the layout works in; smaller shows a message instead.
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public init(catalog: Catalog, mode: Mode, width: Int, height: Int, cameFromStartScreen: Bool = false, asciiOnly: Bool = false) {
        self.catalog = catalog
        self.mode = mode
        self.width = width
        self.height = height
        self.cameFromStartScreen = cameFromStartScreen
        self.asciiOnly = asciiOnly
    }

    public var isTooSmall: Bool { width < AppState.minimumWidth || height < AppState.minimumHeight }

    public var explorer: ExplorerState? {
        if case .explorer(let state) = mode { return state }
        return nil
    }

    public var startScreen: StartScreenState? {
        if case .start(let state) = mode { return state }
        return nil
    }
}
