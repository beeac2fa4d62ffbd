/// One central list of keys: the help overlay, the footer and the README all show what
/// is written here, so they cannot drift apart.
public struct KeyBinding: Sendable {
    public enum Context: String, Sendable, CaseIterable {
        case explorer = "Explorer"
        case noteEditor = "Note editor"
        case search = "Search"
        case overview = "Overview"
        case diff = "Comparison"
        case start = "Start screen"
    }

    public var keys: String
    public var action: String
    public var context: Context
    /// Shown in the footer (short form) when true.
    public var inFooter: Bool
    public var footerLabel: String

    /// The keys as the footer shows them (short form of `keys`).
    public var footerKeys: String

    init(_ keys: String, _ action: String, _ context: Context, footer: String? = nil, footerKeys: String? = nil) {
        self.keys = keys
        self.action = action
        self.context = context
        inFooter = footer != nil
        footerLabel = footer ?? ""
        self.footerKeys = footerKeys ?? keys
    }
}

public enum KeyBindings {
    public static let all: [KeyBinding] = [
        KeyBinding("↑/↓ j/k", "move in the focused pane", .explorer),
        KeyBinding("←/→ h/l", "focus the pane to the left / right", .explorer),
        KeyBinding("Tab/S-Tab", "next / previous pane", .explorer),
        KeyBinding("PgUp/PgDn", "page up / down", .explorer),
        KeyBinding("g/G", "first / last", .explorer),
        KeyBinding("1-9", "jump to area 1-9 (stages are 1-5)", .explorer),
        KeyBinding("Space", "tick: unanswered ↔ addressed", .explorer, footer: "tick"),
        KeyBinding("a", "mark addressed", .explorer),
        KeyBinding("p", "mark partial", .explorer),
        KeyBinding("x", "mark gap", .explorer),
        KeyBinding("-", "mark not applicable (asks why)", .explorer),
        KeyBinding("u", "mark unanswered", .explorer),
        KeyBinding("a p x - u", "", .explorer, footer: "status"),
        KeyBinding("Enter/e", "edit the note here", .explorer, footer: "note", footerKeys: "Enter"),
        KeyBinding("E", "edit the note in $VISUAL / $EDITOR", .explorer),
        KeyBinding("/", "search all questions; n/N next / previous match", .explorer, footer: "search"),
        KeyBinding("f", "filter: all, unanswered, gaps & partial, with notes", .explorer, footer: "filter"),
        KeyBinding("o", "overview: stage × undercurrent heat map", .explorer, footer: "overview"),
        KeyBinding("z", "list only (twice the questions on screen) / back", .explorer),
        KeyBinding("Esc", "leave a matrix cell's list or clear the filter", .explorer),
        KeyBinding("m", "freeze a milestone (a named snapshot)", .explorer),
        KeyBinding("D", "compare with a milestone or another assessment", .explorer),
        KeyBinding("?", "this help", .explorer, footer: "help"),
        KeyBinding("q", "back to the start screen, or quit", .explorer, footer: "quit"),
        KeyBinding("Ctrl-C", "save and quit, from anywhere", .explorer),
        KeyBinding("Ctrl-Z", "save and suspend (fg resumes)", .explorer),
        KeyBinding("mouse", "click a pane or row; the wheel scrolls", .explorer),

        KeyBinding("typing", "edit; Enter starts a new line", .noteEditor),
        KeyBinding("arrows Home End", "move (also Ctrl-A / Ctrl-E)", .noteEditor),
        KeyBinding("Ctrl-K Ctrl-U Ctrl-W", "delete to line end / line start / previous word", .noteEditor),
        KeyBinding("Esc/Ctrl-S", "done: keep the note and save", .noteEditor, footer: "done, saved", footerKeys: "Esc"),
        KeyBinding("Enter", "new line", .noteEditor, footer: "new line"),

        KeyBinding("typing", "search text, hints and tags", .search),
        KeyBinding("↑/↓", "choose a result", .search, footer: "choose", footerKeys: "↑↓"),
        KeyBinding("Enter", "go to the question", .search, footer: "go"),
        KeyBinding("Esc", "close", .search, footer: "close"),

        KeyBinding("↑/↓ j/k", "move through the changes", .diff, footer: "move", footerKeys: "j/k"),
        KeyBinding("Enter", "go to the question", .diff, footer: "go to question"),
        KeyBinding("Esc", "close", .diff, footer: "close"),

        KeyBinding("arrows h/j/k/l", "choose a cell", .overview, footer: "move", footerKeys: "arrows"),
        KeyBinding("Enter", "list the cell's questions", .overview, footer: "questions"),
        KeyBinding("Esc/o", "close", .overview, footer: "close", footerKeys: "Esc"),

        KeyBinding("↑/↓ j/k", "choose", .start, footer: "move", footerKeys: "j/k"),
        KeyBinding("Enter", "open", .start, footer: "open"),
        KeyBinding("n", "new assessment", .start, footer: "new"),
        KeyBinding("d", "open the demo (a private copy of the sample)", .start, footer: "demo"),
        KeyBinding("c", "compare the chosen assessment with a milestone or another", .start, footer: "compare"),
        KeyBinding("q", "quit", .start, footer: "quit"),
    ]

    /// Bindings for the help overlay (those with a description).
    public static func help(_ context: KeyBinding.Context) -> [KeyBinding] {
        all.filter { $0.context == context && !$0.action.isEmpty }
    }

    /// (keys, label) pairs for the footer.
    public static func footer(_ context: KeyBinding.Context) -> [(String, String)] {
        all.filter { $0.context == context && $0.inFooter }.map { ($0.footerKeys, $0.footerLabel) }
    }
}
