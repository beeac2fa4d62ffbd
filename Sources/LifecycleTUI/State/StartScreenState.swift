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

    /// The packs a new assessment may review (found by the runtime); none known: the
    /// book's pack, without asking.
    public var availablePacks: [PackChoice] = []

    public static let fixedRows = 2

    public init(workspaceDirectory: String, entries: [WorkspaceEntry], availablePacks: [PackChoice] = []) {
        self.workspaceDirectory = workspaceDirectory
        self.entries = entries
        self.availablePacks = availablePacks
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
    /// Choosing the packs to review (the book's is ticked to start with).
    case packs(name: String, maturity: String?, list: PackListState)
}

/// A pack that can be reviewed, as the pickers list it.
public struct PackChoice: Equatable, Sendable {
    public var id: String
    public var title: String
    public var questionCount: Int

    public init(id: String, title: String, questionCount: Int) {
        self.id = id
        self.title = title
        self.questionCount = questionCount
    }

    public init(_ pack: Pack) {
        self.init(id: pack.id, title: pack.title, questionCount: pack.questionCount)
    }
}

/// A checklist of packs: the start screen's last step, and the explorer's `+`.
public struct PackListState: Equatable, Sendable {
    public var choices: [PackChoice]
    public var selected: [String]
    public var cursor = 0

    public init(choices: [PackChoice], selected: [String]) {
        self.choices = choices
        self.selected = selected
    }

    /// Ticks or unticks the pack under the cursor; at least one stays ticked.
    public mutating func toggle() {
        guard choices.indices.contains(cursor) else { return }
        let id = choices[cursor].id
        if let index = selected.firstIndex(of: id) {
            if selected.count > 1 { selected.remove(at: index) }
        } else {
            selected.append(id)
        }
    }

    /// The ticked ids in the list's order.
    public var orderedSelection: [String] { choices.map(\.id).filter(selected.contains) }
}
