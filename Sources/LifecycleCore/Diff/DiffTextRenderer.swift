/// `lifecycle diff --format text`: for terminals (optionally coloured) and logs.
public struct DiffTextRenderer: Sendable {
    public var diff: AssessmentDiff
    /// ANSI colour for a terminal; off for pipes and NO_COLOR.
    public var color: Bool

    public init(diff: AssessmentDiff, color: Bool) {
        self.diff = diff
        self.color = color
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func safe(_ text: String) -> String { TerminalSafeText.escaped(text) }

    public func render() -> String {
        var lines: [String] = []
        lines.append(paint("--- \(safe(diff.left.label))", "1"))
        lines.append(paint("+++ \(safe(diff.right.label))", "1"))
        if diff.catalogsDiffer {
            lines.append("note: the two sides were made against different catalog versions; questions are matched by id")
        }
        for change in diff.metadata {
            lines.append("\(change.field): \(safe(change.before)) -> \(safe(change.after))")
        }
        if diff.isEmpty {
            lines.append("No differences.")
            return lines.joined(separator: "\n") + "\n"
        }
        for area in diff.areas where !area.changes.isEmpty {
            lines.append("")
            lines.append(paint("\(area.area.labelledTitle)", "1;36") + "  \(area.before.answered)/\(area.before.total) -> \(area.after.answered)/\(area.after.total) answered, gaps \(area.before.gaps) -> \(area.after.gaps)")
            for change in area.changes { lines += describe(change) }
        }
        if !diff.outsideCatalog.isEmpty {
            lines.append("")
            lines.append(paint("Not in this catalog (retired questions or another catalog version)", "1;33"))
            for change in diff.outsideCatalog { lines += describe(change) }
        }
        lines.append("")
        lines.append(paint("Summary per area", "1"))
        // As wide as the longest title (an area of another pack carries the pack's name).
        let titleWidth = max(22, (diff.areas.map { DisplayWidth.of($0.area.labelledTitle) }.max() ?? 0) + 2)
        lines.append("  " + DisplayWidth.padded("Area", toWidth: titleWidth) + "answered     gaps    improved regressed never answered")
        for area in diff.areas {
            lines.append("  " + DisplayWidth.padded(area.area.labelledTitle, toWidth: titleWidth)
                + DisplayWidth.padded("\(area.before.answered) -> \(area.after.answered)", toWidth: 13)
                + DisplayWidth.padded("\(area.before.gaps) -> \(area.after.gaps)", toWidth: 8)
                + DisplayWidth.padded("\(area.improvements)", toWidth: 9)
                + DisplayWidth.padded("\(area.regressions)", toWidth: 10)
                + "\(area.neverAnswered.count)")
        }
        let before = diff.left.assessment.overallProgress(in: diff.catalog)
        let after = diff.right.assessment.overallProgress(in: diff.catalog)
        lines.append("Overall: \(before.answered)/\(before.total) -> \(after.answered)/\(after.total) answered; \(DiffSummary(diff.allChanges).sentence)")
        if !diff.plan.isEmpty {
            lines.append("Plan: \(diff.plan.sentence)")
            for (label, _, ids) in diff.plan.groups where !ids.isEmpty {
                lines.append("  \(label): " + safe(AbbreviatedList.text(ids.map(PackKey.qualified))))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func describe(_ change: QuestionChange) -> [String] {
        // The colour is the new status's, as in the explorer (red is a gap, whatever the
        // change); the marker (↑ ↓ + −) says which way it went.
        let code: String
        switch change.after.status {
        case .addressed: code = "32"
        case .partial: code = "33"
        case .gap: code = "31"
        case .notApplicable: code = "35"
        case .unanswered: code = "2"
        }
        var status = change.before.status == change.after.status
            ? change.kind.label
            : "\(change.before.status.label) -> \(change.after.status.label)"
        if change.before.status != change.after.status && change.kind != .statusChanged { status += " (\(change.kind.label))" }
        let text = diff.catalog.question(id: change.questionID)?.text ?? "(not in this catalog)"
        var lines = ["  " + paint(change.kind.marker + " " + safe(change.questionID), code) + "  " + status,
                     "      " + safe(text)]
        if let risk = change.riskSummary(diff.catalog.question(id: change.questionID)) { lines.append("      " + risk) }
        if let choices = change.choicesSummary { lines.append("      choices: " + safe(choices)) }
        if change.noteChanged {
            lines.append("      note:")
            for line in LineDiff.lines(change.before.note, change.after.note) {
                switch line {
                case .same(let text): lines.append("          " + safe(text))
                case .removed(let text): lines.append("        " + paint("- " + safe(text), "31"))
                case .added(let text): lines.append("        " + paint("+ " + safe(text), "32"))
                }
            }
        }
        if change.reasonChanged {
            lines.append("      reason: \(safe(change.before.reason.isEmpty ? "(none)" : change.before.reason)) -> \(safe(change.after.reason.isEmpty ? "(none)" : change.after.reason))")
        }
        lines += change.planLines.map { "      " + safe($0) }
        return lines
    }
}
