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
    /// Names a milestone to freeze (`m`).
    case milestonePrompt(buffer: TextBuffer)
    /// Chooses what to compare the open assessment with (`D`).
    case comparePicker(ComparePickerState)
    /// The changes between two states of the review, per area.
    case diffView(DiffViewState)
    /// The improvement plan: every open finding across areas and packs, in plan order,
    /// with owner, due date, priority and evidence edited in place (`P`).
    case findings(FindingsViewState)
    /// Asks for a finding's owner, due date or a new piece of evidence; back to the plan after.
    case planPrompt(PlanPromptState)
    /// The plan view's own keys (`?` there); closing it goes back to the plan as it was.
    case planHelp(scroll: Int, plan: FindingsViewState)
    /// Asks whose findings the list should show (`F`).
    case ownerFilterPrompt(buffer: TextBuffer)
    /// The choices of a question answered by choices, ticked with Space.
    case checklist(ChecklistState)
    /// The packs reviewed, ticked with Space (`+`).
    case packPicker(PackListState)
}

/// A question's choices while they are being ticked; saved when the checklist closes.
public struct ChecklistState: Equatable, Sendable {
    public var questionID: String
    public var selected: [String]
    public var cursor = 0

    public init(questionID: String, selected: [String]) {
        self.questionID = questionID
        self.selected = selected
    }
}

/// The open findings in plan order, rebuilt after each edit; Enter goes to one.
public struct FindingsViewState: Equatable, Sendable {
    public var findings: [Finding]
    public var cursor = 0

    public init(findings: [Finding]) {
        self.findings = findings
    }

    public var selected: Finding? { findings.indices.contains(cursor) ? findings[cursor] : nil }
}

/// The plan field a prompt edits.
public enum PlanField: Sendable, Equatable {
    case owner, due, evidence

    var title: String {
        switch self {
        case .owner: "Owner of this finding"
        case .due: "Due date"
        case .evidence: "Add evidence"
        }
    }

    var label: String {
        switch self {
        case .owner: "Owner: "
        case .due: "Due (YYYY-MM-DD): "
        case .evidence: "Reference: "
        }
    }
}

public struct PlanPromptState: Equatable, Sendable {
    public var field: PlanField
    public var questionID: String
    public var buffer: TextBuffer
    /// The plan as it was, to return to.
    public var plan: FindingsViewState
    /// Why the last Enter was refused (a malformed date or reference), shown in the prompt.
    public var problem: String?
}

/// The choices offered by `D`: the file's milestones, then other workspace assessments.
public struct ComparePickerState: Equatable, Sendable {
    public enum Choice: Equatable, Sendable {
        case milestone(label: String)
        case file(path: String, name: String)
    }

    public var choices: [Choice]
    public var selected = 0

    public init(choices: [Choice]) {
        self.choices = choices
    }
}

/// A navigable list of a diff's rows.
public struct DiffViewState: Equatable, Sendable {
    public enum Row: Equatable, Sendable {
        case heading(String)
        case change(questionID: String, marker: String, text: String, kind: QuestionChange.Kind)
        case info(String)
    }

    public var title: String
    public var rows: [Row]
    public var cursor = 0
    public var scroll = 0

    public init(title: String, rows: [Row]) {
        self.title = title
        self.rows = rows
        cursor = rows.firstIndex { if case .change = $0 { return true } else { return false } } ?? 0
    }

    /// Builds the rows from a diff: each area with changes, its progress, its changes.
    public init(diff: AssessmentDiff) {
        var rows: [Row] = []
        let summary = DiffSummary(diff.allChanges)
        if diff.isEmpty { rows.append(.info("No differences.")) }
        if diff.catalogsDiffer { rows.append(.info("Made against different catalog versions; matched by question id.")) }
        for change in diff.metadata { rows.append(.info("\(change.field): \(change.before) → \(change.after)")) }
        for area in diff.areas where !area.changes.isEmpty {
            rows.append(.heading("\(area.area.title)  \(area.before.answered)/\(area.before.total) → \(area.after.answered)/\(area.after.total) answered · gaps \(area.before.gaps) → \(area.after.gaps)"))
            for change in area.changes { rows.append(DiffViewState.row(change, diff: diff)) }
        }
        if !diff.outsideCatalog.isEmpty {
            rows.append(.heading("Not in this catalog"))
            for change in diff.outsideCatalog { rows.append(DiffViewState.row(change, diff: diff)) }
        }
        rows.append(.info(summary.sentence))
        self.init(title: "\(diff.left.label) → \(diff.right.label)", rows: rows)
    }

    static func row(_ change: QuestionChange, diff: AssessmentDiff) -> Row {
        let status = change.before.status == change.after.status
            ? change.kind.label
            : "\(change.before.status.label) → \(change.after.status.label)"
        let text = diff.catalog.question(id: change.questionID)?.text ?? change.questionID
        return .change(questionID: change.questionID, marker: change.kind.marker, text: "\(status) · \(text)", kind: change.kind)
    }
}

/// `/` search over every question's id, text, hint and tags, and the notes.
public struct SearchState: Equatable, Sendable {
    /// Capped: a search is a few words, and a pasted page would be matched on every key.
    public var query = TextBuffer(allowsNewlines: false, maximumLength: 200)
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
