/// `lifecycle diff --format markdown`: ready to paste into a pull request.
public enum DiffMarkdownRenderer {
    public static func render(_ diff: AssessmentDiff) -> String {
        let md = MarkdownText.inline
        var lines: [String] = []
        lines.append("## Architecture review: \(md(diff.left.label)) → \(md(diff.right.label))")
        lines.append("")
        let summary = DiffSummary(diff.allChanges)
        let before = diff.left.assessment.overallProgress(in: diff.catalog)
        let after = diff.right.assessment.overallProgress(in: diff.catalog)
        lines.append("**\(before.answered)/\(before.total) → \(after.answered)/\(after.total) answered.** \(summary.sentence.prefix(1).uppercased() + summary.sentence.dropFirst()).")
        if diff.catalogsDiffer { lines += ["", "> The two sides were made against different catalog versions; questions are matched by id."] }
        if !diff.metadata.isEmpty {
            lines += ["", "| Field | Before | After |", "|---|---|---|"]
            for change in diff.metadata { lines.append("| \(change.field) | \(md(change.before)) | \(md(change.after)) |") }
        }
        lines += ["", "| Area | Answered | Gaps | Improved | Regressed | Never answered |", "|---|---|---|---|---|---|"]
        for area in diff.areas {
            lines.append("| \(MarkdownText.inline(area.area.labelledTitle)) | \(area.before.answered) → \(area.after.answered) of \(area.after.total) | \(area.before.gaps) → \(area.after.gaps) | \(area.improvements) | \(area.regressions) | \(area.neverAnswered.count) |")
        }
        for area in diff.areas where !area.changes.isEmpty {
            lines += ["", "### \(MarkdownText.inline(area.area.labelledTitle))", ""]
            lines += area.changes.map { item($0, diff: diff) }
        }
        if !diff.outsideCatalog.isEmpty {
            lines += ["", "### Not in this catalog", ""]
            lines += diff.outsideCatalog.map { item($0, diff: diff) }
        }
        if !diff.plan.isEmpty {
            lines += ["", "### Improvement plan", "", MarkdownText.inline(diff.plan.sentence.prefix(1).uppercased() + diff.plan.sentence.dropFirst()) + ".", ""]
            for (label, _, ids) in diff.plan.groups where !ids.isEmpty {
                lines.append("- \(label): " + ids.map { "`\(PackKey.qualified($0).replacing("`", with: "'"))`" }.joined(separator: ", "))
            }
        }
        if diff.isEmpty { lines += ["", "No differences."] }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func item(_ change: QuestionChange, diff: AssessmentDiff) -> String {
        let md = MarkdownText.inline
        let text = diff.catalog.question(id: change.questionID)?.text ?? "(not in this catalog)"
        var line = "- \(md(change.kind.marker)) `\(change.questionID.replacing("`", with: "'"))` \(md(text)): "
        line += change.before.status == change.after.status ? change.kind.label
            : "**\(change.before.status.label) → \(change.after.status.label)** (\(change.kind.label))"
        if let risk = change.riskSummary(diff.catalog.question(id: change.questionID)) { line += "<br>" + md(risk) }
        if let choices = change.choicesSummary { line += "<br>choices: " + md(choices) }
        if change.noteChanged {
            // Only the lines that changed, as the text diff shows them: a one-word fix to a
            // long note is one struck line and one new line, not the whole note twice.
            line += "<br>note:"
            for noteLine in LineDiff.lines(change.before.note, change.after.note) {
                switch noteLine {
                case .same: continue
                case .removed(let text): line += text.isEmpty ? "<br>− (blank line)" : "<br>− ~~\(md(text))~~"
                case .added(let text): line += text.isEmpty ? "<br>+ (blank line)" : "<br>+ \(md(text))"
                }
            }
        }
        if change.reasonChanged {
            let before = change.before.reason.isEmpty ? "" : "~~\(md(change.before.reason))~~ → "
            line += "<br>reason: " + before + (change.after.reason.isEmpty ? "(none)" : md(change.after.reason))
        }
        for planLine in change.planLines { line += "<br>" + md(planLine) }
        return line
    }
}
