/// What a key does. `update` dispatches on these, never on raw keys, so the list below is
/// the only place that says which key does what.
public enum Action: Sendable, Equatable {
    case moveDown, moveUp, pageDown, pageUp, first, last
    case focusLeft, focusRight, nextPane, previousPane
    case jumpToArea
    case tick, markAddressed, markPartial, markGap, markUnanswered, markNotApplicable
    case undo, redo
    case editNote, editNoteExternally
    case search, nextMatch, previousMatch, cycleFilter, overview, findings, packs, toggleListOnly
    case back, milestone, compare, help, close, resolveConflict
    /// Enter in an overlay: go to the chosen question, compare with the chosen item, list
    /// the chosen cell.
    case confirm
    case keepMine, takeTheirs, reload, saveCopy, quitWithoutSaving
    case saveAndQuit, suspend
    case startNew, startDemo, startCompare, startOpen
    /// In the plan view: edit the selected finding's plan fields, open its evidence.
    case editOwner, editDue, cyclePriority, addEvidence, removeEvidence, openEvidence
    /// `F`: show only one owner's questions.
    case filterByOwner
}

/// One central list of keys: `update` matches keys against it, and the help overlay, the
/// footer and the README's key table are all generated from it, so they cannot drift apart.
public struct KeyBinding: Sendable {
    public enum Context: String, Sendable, CaseIterable {
        case explorer = "Explorer"
        case noteEditor = "Note editor"
        case search = "Search"
        case overview = "Overview"
        case comparePicker = "Compare with"
        case diff = "Comparison"
        case findings = "Improvement plan (open findings)"
        case checklist = "Choices (a question answered by choices)"
        case prompt = "Prompts (a name, a reason, a milestone label, a file name)"
        case choicePrompt = "Choosing the maturity stage"
        case packPrompt = "Choosing packs (a new assessment, or + in the explorer)"
        case conflict = "Conflict with the file on disk"
        case start = "Start screen"
    }

    /// The keys as shown in help and the README.
    public var keys: String
    public var description: String
    public var context: Context
    /// What the keys do; nil for bindings handled by a text field (typing, Ctrl-K, ...),
    /// listed for help only.
    public var action: Action?
    /// The keys that trigger `action`.
    public var matches: [Key]
    public var footerLabel: String?
    /// The keys as the footer shows them (short form of `keys`).
    public var footerKeys: String
    /// Footer hints that stay visible at every width (help and quit).
    public var essential: Bool

    init(_ keys: String, _ description: String, _ context: Context, _ action: Action? = nil, matches: [Key] = [],
         footer: String? = nil, footerKeys: String? = nil, essential: Bool = false) {
        self.keys = keys
        self.description = description
        self.context = context
        self.action = action
        self.matches = matches
        footerLabel = footer
        self.footerKeys = footerKeys ?? keys
        self.essential = essential
    }
}

extension Key {
    static func chars(_ text: String) -> [Key] { text.map { .character($0) } }
}

public enum KeyBindings {
    public static let all: [KeyBinding] = explorer + noteEditor + search + overview + comparePicker + diff + findings + checklist + prompt + choicePrompt + packPrompt + conflict + start

    static let explorer: [KeyBinding] = [
        KeyBinding("↑/↓ j/k", "move in the focused pane", .explorer, .moveDown, matches: [.down, .character("j")]),
        KeyBinding("", "", .explorer, .moveUp, matches: [.up, .character("k")]),
        KeyBinding("←/→ h/l", "focus the pane to the left / right", .explorer, .focusLeft, matches: [.left, .character("h")]),
        KeyBinding("", "", .explorer, .focusRight, matches: [.right, .character("l")]),
        KeyBinding("Tab/S-Tab", "next / previous pane", .explorer, .nextPane, matches: [.tab]),
        KeyBinding("", "", .explorer, .previousPane, matches: [.backTab]),
        KeyBinding("PgUp/PgDn", "page up / down (also Ctrl-B / Ctrl-F)", .explorer, .pageUp, matches: [.pageUp, .control("b")]),
        KeyBinding("", "", .explorer, .pageDown, matches: [.pageDown, .control("f")]),
        KeyBinding("g/G", "first / last (also Home / End)", .explorer, .first, matches: [.character("g"), .home]),
        KeyBinding("", "", .explorer, .last, matches: [.character("G"), .end]),
        KeyBinding("1-9", "jump to area 1-9 (stages are 1-5)", .explorer, .jumpToArea, matches: Key.chars("123456789")),
        KeyBinding("Space", "tick: unanswered ↔ addressed; on a question answered by choices, its checklist", .explorer, .tick,
                   matches: [.character(" ")], footer: "tick"),
        KeyBinding("a", "mark addressed", .explorer, .markAddressed, matches: [.character("a")]),
        KeyBinding("p", "mark partial", .explorer, .markPartial, matches: [.character("p")]),
        KeyBinding("x", "mark gap", .explorer, .markGap, matches: [.character("x")], footer: "status", footerKeys: "a p x - u"),
        KeyBinding("-", "mark not applicable (asks why)", .explorer, .markNotApplicable, matches: [.character("-")]),
        KeyBinding("u", "mark unanswered", .explorer, .markUnanswered, matches: [.character("u")]),
        KeyBinding("U / Ctrl-R", "undo / redo the last answer change (status, note, reason)", .explorer, .undo, matches: [.character("U")], footer: "undo", footerKeys: "U"),
        KeyBinding("", "", .explorer, .redo, matches: [.control("r")]),
        KeyBinding("Enter/e", "edit the note here", .explorer, .editNote, matches: [.enter, .character("e")], footer: "note", footerKeys: "Enter"),
        KeyBinding("E", "edit the note in $VISUAL / $EDITOR", .explorer, .editNoteExternally, matches: [.character("E")]),
        KeyBinding("/", "search questions and notes; n/N next / previous match", .explorer, .search, matches: [.character("/")], footer: "search"),
        KeyBinding("", "", .explorer, .nextMatch, matches: [.character("n")]),
        KeyBinding("", "", .explorer, .previousMatch, matches: [.character("N")]),
        KeyBinding("f", "filter: all, unanswered, gaps & partial, high risk, with notes, core set, overdue, no owner", .explorer, .cycleFilter, matches: [.character("f")], footer: "filter"),
        KeyBinding("F", "filter by owner: only the findings of one team or handle (empty: all)", .explorer, .filterByOwner, matches: [.character("F")]),
        KeyBinding("o", "overview: stage × undercurrent heat map", .explorer, .overview, matches: [.character("o")], footer: "overview"),
        KeyBinding("P", "improvement plan: every open finding across areas and packs, in plan order; owners, due dates, evidence", .explorer, .findings,
                   matches: [.character("P")], footer: "plan"),
        KeyBinding("+", "packs: review another pack, or stop reviewing one (its answers are kept)", .explorer, .packs, matches: [.character("+")],
                   footer: "packs"),
        KeyBinding("z", "list only (twice the questions on screen) / back", .explorer, .toggleListOnly, matches: [.character("z")]),
        KeyBinding("Esc", "back to the heat map from a cell's list, or clear the filter", .explorer, .back, matches: [.escape]),
        KeyBinding("m", "freeze a milestone (a named snapshot)", .explorer, .milestone, matches: [.character("m")]),
        KeyBinding("D", "compare with a milestone or another assessment", .explorer, .compare, matches: [.character("D")]),
        KeyBinding("r", "after a conflict with the file on disk: choose again", .explorer, .resolveConflict, matches: [.character("r")]),
        KeyBinding("?", "this help (j/k scroll it)", .explorer, .help, matches: [.character("?")], footer: "help", essential: true),
        KeyBinding("q", "back to the start screen, or quit", .explorer, .close, matches: [.character("q")], footer: "quit", essential: true),
        KeyBinding("Ctrl-C", "save and quit, from anywhere", .explorer, .saveAndQuit),
        KeyBinding("Ctrl-Z", "save and suspend (fg resumes)", .explorer, .suspend),
        KeyBinding("mouse", "click a pane or row; the wheel scrolls", .explorer),
    ]

    static let noteEditor: [KeyBinding] = [
        KeyBinding("typing", "edit; Enter starts a new line", .noteEditor),
        KeyBinding("arrows Home End", "move (also Ctrl-A / Ctrl-E)", .noteEditor),
        KeyBinding("Ctrl-K Ctrl-U Ctrl-W", "delete to line end / line start / previous word", .noteEditor),
        KeyBinding("Esc/Ctrl-S", "done: keep the note and save", .noteEditor, .close, matches: [.escape, .control("s")],
                   footer: "done, saved", footerKeys: "Esc", essential: true),
        KeyBinding("Enter", "new line", .noteEditor, footer: "new line"),
    ]

    static let search: [KeyBinding] = [
        KeyBinding("typing", "search text, hints, tags and notes", .search),
        KeyBinding("↑/↓", "choose a result (also Ctrl-P / Ctrl-N)", .search, .moveUp, matches: [.up, .control("p")], footer: "choose", footerKeys: "↑↓"),
        KeyBinding("", "", .search, .moveDown, matches: [.down, .control("n")]),
        KeyBinding("Enter", "go to the question", .search, .confirm, matches: [.enter], footer: "go"),
        KeyBinding("Esc", "close", .search, .close, matches: [.escape], footer: "close", essential: true),
    ]

    static let findings: [KeyBinding] = [
        KeyBinding("↑/↓ j/k", "move through the findings", .findings, .moveDown, matches: [.down, .character("j")], footer: "move", footerKeys: "j/k"),
        KeyBinding("", "", .findings, .moveUp, matches: [.up, .character("k")]),
        KeyBinding("PgUp/PgDn g/G", "page, first / last", .findings, .pageDown, matches: [.pageDown]),
        KeyBinding("", "", .findings, .pageUp, matches: [.pageUp]),
        KeyBinding("", "", .findings, .first, matches: [.character("g"), .home]),
        KeyBinding("", "", .findings, .last, matches: [.character("G"), .end]),
        KeyBinding("Enter", "go to the question", .findings, .confirm, matches: [.enter], footer: "go to question"),
        KeyBinding("o", "set the owner (a team or a handle; empty clears)", .findings, .editOwner, matches: [.character("o")], footer: "owner"),
        KeyBinding("d", "set the due date, YYYY-MM-DD (empty clears)", .findings, .editDue, matches: [.character("d")], footer: "due"),
        KeyBinding("p", "priority: high, medium, low, or from the risk", .findings, .cyclePriority, matches: [.character("p")], footer: "priority"),
        KeyBinding("e", "add evidence: a URL, a repository path (docs/x.md:12) or a ticket; [LABEL](REF) for a label", .findings, .addEvidence,
                   matches: [.character("e")], footer: "evidence"),
        KeyBinding("x", "remove the last evidence", .findings, .removeEvidence, matches: [.character("x")]),
        KeyBinding("O", "open the first evidence (http(s) links and existing paths, with xdg-open or open; never a shell)", .findings, .openEvidence,
                   matches: [.character("O")], footer: "open"),
        KeyBinding("U / Ctrl-R", "undo / redo the last change (a plan field included)", .findings, .undo, matches: [.character("U")]),
        KeyBinding("", "", .findings, .redo, matches: [.control("r")]),
        KeyBinding("?", "help", .findings, .help, matches: [.character("?")], footer: "help", essential: true),
        KeyBinding("Esc/q/P", "close", .findings, .close, matches: [.escape, .character("q"), .character("P")], footer: "close", footerKeys: "Esc",
                   essential: true),
    ]

    static let checklist: [KeyBinding] = [
        KeyBinding("↑/↓ j/k", "choose a choice", .checklist, .moveDown, matches: [.down, .character("j")], footer: "move", footerKeys: "j/k"),
        KeyBinding("", "", .checklist, .moveUp, matches: [.up, .character("k")]),
        KeyBinding("Space", "tick or untick it (none of these clears the others, and the reverse)", .checklist, .tick,
                   matches: [.character(" ")], footer: "tick"),
        KeyBinding("Enter/Esc", "done: keep the choices and save (the status follows from the risk)", .checklist, .close,
                   matches: [.enter, .escape], footer: "done, saved", footerKeys: "Esc", essential: true),
    ]

    static let prompt: [KeyBinding] = [
        KeyBinding("typing", "edit the text (arrows, Home, End, Ctrl-K, Ctrl-U, Ctrl-W as in the note editor)", .prompt),
        KeyBinding("Enter", "confirm", .prompt, .confirm, matches: [.enter], footer: "confirm"),
        KeyBinding("Esc", "cancel (a reason is kept: the answer is already not applicable)", .prompt, .close, matches: [.escape],
                   footer: "cancel", essential: true),
    ]

    static let choicePrompt: [KeyBinding] = [
        KeyBinding("↑/↓ j/k", "choose", .choicePrompt, .moveDown, matches: [.down, .character("j")], footer: "choose", footerKeys: "j/k"),
        KeyBinding("", "", .choicePrompt, .moveUp, matches: [.up, .character("k")]),
        KeyBinding("Enter", "next: the packs to review (or create, when only the book's pack is known)", .choicePrompt, .confirm,
                   matches: [.enter], footer: "next"),
        KeyBinding("Esc", "back to the name", .choicePrompt, .close, matches: [.escape], footer: "back", essential: true),
    ]

    static let packPrompt: [KeyBinding] = [
        KeyBinding("↑/↓ j/k", "choose a pack", .packPrompt, .moveDown, matches: [.down, .character("j")], footer: "choose", footerKeys: "j/k"),
        KeyBinding("", "", .packPrompt, .moveUp, matches: [.up, .character("k")]),
        KeyBinding("Space", "tick or untick it (one stays ticked)", .packPrompt, .tick, matches: [.character(" ")], footer: "tick"),
        KeyBinding("Enter", "create the assessment, or review these packs from now on", .packPrompt, .confirm, matches: [.enter], footer: "done"),
        KeyBinding("Esc", "back (a new assessment) or cancel (in the explorer)", .packPrompt, .close, matches: [.escape], footer: "back", essential: true),
    ]

    static let comparePicker: [KeyBinding] = [
        KeyBinding("↑/↓ j/k", "choose a milestone or an assessment", .comparePicker, .moveDown, matches: [.down, .character("j")],
                   footer: "choose", footerKeys: "j/k"),
        KeyBinding("", "", .comparePicker, .moveUp, matches: [.up, .character("k")]),
        KeyBinding("Enter", "compare with it", .comparePicker, .confirm, matches: [.enter], footer: "compare"),
        KeyBinding("Esc/q", "close", .comparePicker, .close, matches: [.escape, .character("q")], footer: "close", footerKeys: "Esc",
                   essential: true),
    ]

    static let diff: [KeyBinding] = [
        KeyBinding("↑/↓ j/k", "move through the changes", .diff, .moveDown, matches: [.down, .character("j")], footer: "move", footerKeys: "j/k"),
        KeyBinding("", "", .diff, .moveUp, matches: [.up, .character("k")]),
        KeyBinding("PgUp/PgDn g/G", "page, first / last", .diff, .pageDown, matches: [.pageDown]),
        KeyBinding("", "", .diff, .pageUp, matches: [.pageUp]),
        KeyBinding("", "", .diff, .first, matches: [.character("g"), .home]),
        KeyBinding("", "", .diff, .last, matches: [.character("G"), .end]),
        KeyBinding("Enter", "go to the question", .diff, .confirm, matches: [.enter], footer: "go to question"),
        KeyBinding("Esc/q", "close", .diff, .close, matches: [.escape, .character("q")], footer: "close", footerKeys: "Esc", essential: true),
    ]

    static let overview: [KeyBinding] = [
        KeyBinding("arrows h/j/k/l", "choose a cell", .overview, .moveDown, matches: [.down, .character("j")], footer: "move", footerKeys: "arrows"),
        KeyBinding("", "", .overview, .moveUp, matches: [.up, .character("k")]),
        KeyBinding("", "", .overview, .focusRight, matches: [.right, .character("l"), .tab]),
        KeyBinding("", "", .overview, .focusLeft, matches: [.left, .character("h"), .backTab]),
        KeyBinding("Enter", "list the cell's questions (Esc there comes back here)", .overview, .confirm, matches: [.enter], footer: "questions"),
        KeyBinding("Esc/o/q", "close", .overview, .close, matches: [.escape, .character("o"), .character("q")],
                   footer: "close", footerKeys: "Esc", essential: true),
    ]

    static let conflict: [KeyBinding] = [
        KeyBinding("m", "keep my answers to the questions both sides changed", .conflict, .keepMine, matches: [.character("m")]),
        KeyBinding("t", "take their answers to those questions", .conflict, .takeTheirs, matches: [.character("t")]),
        KeyBinding("r", "reload the file from disk, dropping my unsaved changes", .conflict, .reload, matches: [.character("r")]),
        KeyBinding("w", "save my answers as a copy and continue there", .conflict, .saveCopy, matches: [.character("w")]),
        KeyBinding("Q", "quit without saving (a rescue copy is kept)", .conflict, .quitWithoutSaving, matches: [.character("Q")]),
        KeyBinding("Esc", "decide later (the next change asks again)", .conflict, .close, matches: [.escape]),
    ]

    static let start: [KeyBinding] = [
        KeyBinding("↑/↓ j/k", "choose", .start, .moveDown, matches: [.down, .character("j")], footer: "move", footerKeys: "j/k"),
        KeyBinding("", "", .start, .moveUp, matches: [.up, .character("k")]),
        KeyBinding("g/G", "first / last", .start, .first, matches: [.character("g"), .home]),
        KeyBinding("", "", .start, .last, matches: [.character("G"), .end]),
        KeyBinding("Enter/l", "open", .start, .startOpen, matches: [.enter, .character("l"), .right], footer: "open"),
        KeyBinding("n", "new assessment", .start, .startNew, matches: [.character("n")], footer: "new"),
        KeyBinding("d", "open the demo (a private copy of the sample)", .start, .startDemo, matches: [.character("d")], footer: "demo"),
        KeyBinding("c", "compare the chosen assessment with a milestone or another", .start, .startCompare, matches: [.character("c")], footer: "compare"),
        KeyBinding("?", "this help", .start, .help, matches: [.character("?")], footer: "help", essential: true),
        KeyBinding("q/Esc", "quit", .start, .close, matches: [.character("q"), .escape], footer: "quit", essential: true),
    ]

    /// The action a key triggers in a context, if any. Looked up on every key press, so
    /// the table is indexed once rather than scanned each time.
    public static func action(for key: Key, in context: KeyBinding.Context) -> Action? {
        index[context]?[key] ?? nil
    }

    /// Context → key → action; the first binding of a key in a context wins (a test keeps
    /// every key bound once per context).
    private static let index: [KeyBinding.Context: [Key: Action?]] = {
        var index: [KeyBinding.Context: [Key: Action?]] = [:]
        for binding in all {
            for key in binding.matches where index[binding.context, default: [:]][key] == nil {
                index[binding.context, default: [:]][key] = .some(binding.action)
            }
        }
        return index
    }()

    /// Bindings for the help overlay and the README (those with a description).
    public static func help(_ context: KeyBinding.Context) -> [KeyBinding] {
        all.filter { $0.context == context && !$0.description.isEmpty }
    }

    /// (keys, label, essential) for the footer, in order. Drawn with every frame, so
    /// gathered once per context.
    public static func footer(_ context: KeyBinding.Context) -> [(keys: String, label: String, essential: Bool)] {
        footers[context] ?? []
    }

    private static let footers: [KeyBinding.Context: [(keys: String, label: String, essential: Bool)]] = {
        var footers: [KeyBinding.Context: [(keys: String, label: String, essential: Bool)]] = [:]
        for binding in all {
            guard let label = binding.footerLabel else { continue }
            footers[binding.context, default: []].append((binding.footerKeys, label, binding.essential))
        }
        return footers
    }()

    /// The README's key tables, one per context, generated from this list (a test keeps
    /// the README equal to it).
    public static func markdownTables() -> String {
        var text = ""
        for context in KeyBinding.Context.allCases {
            text += "**\(context.rawValue)**\n\n| Keys | What they do |\n|---|---|\n"
            for binding in help(context) {
                text += "| \(binding.keys.replacing("|", with: "\\|")) | \(binding.description) |\n"
            }
            text += "\n"
        }
        return text
    }
}
