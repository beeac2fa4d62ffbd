/// Counts of change kinds over a diff.
public struct DiffSummary: Sendable, Equatable {
    public var improved = 0
    public var regressed = 0
    public var newlyAnswered = 0
    public var newlyUnanswered = 0
    public var statusChanged = 0
    public var detailsChanged = 0
    public var notesChanged = 0
    public var choicesChanged = 0

    public init(_ changes: [QuestionChange]) {
        for change in changes {
            switch change.kind {
            case .improved: improved += 1
            case .regressed: regressed += 1
            case .newlyAnswered: newlyAnswered += 1
            case .newlyUnanswered: newlyUnanswered += 1
            case .statusChanged: statusChanged += 1
            case .detailsChanged: detailsChanged += 1
            }
            if change.noteChanged { notesChanged += 1 }
            if change.before.choices != change.after.choices { choicesChanged += 1 }
        }
    }

    public var worse: Int { regressed + newlyUnanswered }

    public var sentence: String {
        "\(improved) improved, \(regressed) regressed, \(newlyAnswered) newly answered, \(newlyUnanswered) newly unanswered, \(Counted.noun(statusChanged, "other status change")), \(Counted.noun(notesChanged, "note")) changed" + (choicesChanged > 0 ? ", \(choicesChanged) with other choices" : "")
    }
}

extension QuestionChange.Kind {
    /// A one-character marker shared by the text and Markdown output and the explorer.
    public var marker: String {
        switch self {
        case .improved: "↑"
        case .regressed: "↓"
        case .newlyAnswered: "+"
        case .newlyUnanswered: "-"
        case .statusChanged: "~"
        case .detailsChanged: "·"
        }
    }

    public var label: String {
        switch self {
        case .improved: "improved"
        case .regressed: "regressed"
        case .newlyAnswered: "newly answered"
        case .newlyUnanswered: "newly unanswered"
        case .statusChanged: "status changed"
        case .detailsChanged: "details changed (note, reason, choices or plan fields)"
        }
    }
}
