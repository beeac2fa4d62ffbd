/// A line-per-answer text view of an assessment for git's textconv, so `git diff` and
/// `git log -p` show "generation.event-rate: gap -> addressed" instead of JSON braces.
/// Empty fields get no line: a "note: " with nothing after it is noise in every diff.
public enum TextconvRenderer {
    public static func render(_ assessment: Assessment, catalog: Catalog) -> String {
        let safe = TerminalSafeText.escaped
        var lines = ["assessment: \(safe(assessment.name))"]
        lines.append("maturity: \(assessment.maturity ?? "(not recorded)")")
        if !assessment.reviewers.isEmpty {
            lines.append("reviewers: \(assessment.reviewers.map(safe).joined(separator: ", "))")
        }
        lines.append("catalog: \(safe(assessment.catalog.id)) \(safe(assessment.catalog.version))")
        if !assessment.packs.isEmpty {
            lines.append("packs: " + assessment.packs.map { "\(safe($0.id)) \(safe($0.version))" }.joined(separator: ", "))
        }
        let overall = assessment.overallProgress(in: catalog)
        lines.append("progress: \(overall.answered)/\(overall.total) answered, \(Counted.noun(overall.gaps, "gap")), \(overall.partial) partial")
        func answerLines(_ id: String, _ answer: Answer) -> [String] {
            var result = ["\(safe(id)): \(answer.status.label)"]
            // One choice per line: ticking one more is a one-line change in a diff.
            for choice in answer.choices { result.append("  choice: \(safe(choice))") }
            if !answer.reason.isEmpty { result.append("  reason: \(safe(answer.reason))") }
            // The plan fields, one per line, so a new owner or date is a one-line change.
            if !answer.owner.isEmpty { result.append("  owner: \(safe(answer.owner))") }
            if let due = answer.due { result.append("  due: \(due)") }
            if let priority = answer.priority { result.append("  priority: \(priority.rawValue)") }
            for evidence in answer.evidence {
                result.append("  evidence: \(safe(evidence.ref))" + (evidence.label.isEmpty ? "" : " (\(safe(evidence.label)))"))
            }
            if answer.isExcluded { result.append("  excluded: \(safe(answer.exclusion))") }
            if !answer.note.isEmpty {
                for line in answer.note.split(separator: "\n", omittingEmptySubsequences: false) {
                    result.append(line.isEmpty ? "  note:" : "  note: \(safe(String(line)))")
                }
            }
            return result
        }
        for area in catalog.areas {
            let answered = area.questions.filter { assessment.answers[$0.id] != nil }
            guard !answered.isEmpty else { continue }
            let progress = assessment.progress(of: area)
            lines.append("")
            lines.append("[\(area.labelledTitle)] \(progress.answered)/\(progress.total) answered, \(Counted.noun(progress.gaps, "gap"))")
            for question in answered { lines += answerLines(question.id, assessment.answers[question.id]!) }
        }
        let unknown = assessment.unknownQuestionIDs(in: catalog)
        if !unknown.isEmpty {
            lines.append("")
            lines.append("[not in this catalog]")
            for id in unknown { lines += answerLines(id, assessment.answers[id]!) }
        }
        for milestone in assessment.milestones {
            let progress = milestone.assessment.overallProgress(in: catalog)
            lines.append("")
            lines.append("milestone \"\(safe(milestone.label))\" \(milestone.created.text): \(progress.answered)/\(progress.total) answered, \(Counted.noun(progress.gaps, "gap"))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
