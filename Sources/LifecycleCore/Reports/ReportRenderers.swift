/// Markdown, CSV and JSON forms of `AssessmentReport`.
public enum ReportRenderers {
    public static func markdown(_ report: AssessmentReport) -> String {
        let md = MarkdownText.inline
        let a = report.assessment
        var lines = ["# Architecture review: \(md(a.name))", ""]
        lines.append("- Maturity: \(md(report.maturityTitle))")
        lines.append("- Reviewers: \(a.reviewers.isEmpty ? "not recorded" : a.reviewers.map(md).joined(separator: ", "))")
        lines.append("- Catalog: \(md(a.catalog.id)) \(md(a.catalog.version))")
        lines.append("- Last change: \(a.lastChange.text)")
        let overall = report.overall
        lines += ["", "## Progress", "", "**\(overall.answered) of \(overall.total) questions answered** (\(percent(overall))): \(overall.addressed) addressed, \(overall.partial) partial, \(Counted.noun(overall.gaps, "gap")), \(overall.notApplicable) not applicable.", ""]
        lines += ["| Area | Kind | Answered | Addressed | Partial | Gaps | N/A |", "|---|---|---|---|---|---|---|"]
        for area in report.catalog.areas {
            let p = a.progress(of: area)
            lines.append("| \(md(area.labelledTitle)) | \(area.kind.rawValue) | \(p.answered)/\(p.total) | \(p.addressed) | \(p.partial) | \(p.gaps) | \(p.notApplicable) |")
        }
        lines += ["", "## Improvement plan", ""]
        let findings = report.findings
        if findings.isEmpty { lines.append("No open findings.") }
        for finding in findings {
            var line = "- **\(finding.answer.status == .gap ? "Gap" : finding.answer.status == .partial ? "Partial" : finding.answer.status.label.capitalized)** `\(finding.key)` (\(md(finding.area.labelledTitle))): \(md(finding.question.text))"
            line += "<br>priority \(finding.priority.rawValue), risk \(finding.risk.rawValue)"
            if !finding.answer.owner.isEmpty { line += ", owner \(md(finding.answer.owner))" }
            if let due = finding.answer.due { line += ", due \(due)" + (finding.overdue ? " (overdue)" : "") }
            if !finding.answer.evidence.isEmpty { line += "<br>Evidence: " + finding.answer.evidence.map { PlanRenderers.markdownLink($0, pathPrefix: report.pathPrefix) }.joined(separator: ", ") }
            if !finding.answer.note.isEmpty { line += "<br>\(md(finding.answer.note))" }
            for plan in finding.toImprove { line += "<br>To improve: \(md(plan))" }
            lines.append(line)
        }
        let excluded = report.excluded
        if !excluded.isEmpty {
            lines += ["", "## Excluded from counts", ""]
            for item in excluded { lines.append("- `\(item.questionID)` \(md(item.text)): \(md(item.answer.exclusion))") }
        }
        lines += ["", "## Not applicable", ""]
        let na = report.notApplicable
        if na.isEmpty { lines.append("None.") }
        for item in na {
            lines.append("- `\(item.questionID)` \(md(item.text)): \(item.answer.reason.isEmpty ? "no reason given" : md(item.answer.reason))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func percent(_ progress: Progress) -> String {
        "\(Int((progress.fractionAnswered * 100).rounded()))%"
    }

    /// One row per question: area, id, question, status, note, reason, changed. RFC 4180
    /// quoting (commas, quotes and newlines survive), a UTF-8 byte order mark so Excel
    /// reads accents and CJK, and cells that a spreadsheet would run as a formula
    /// (= + - @, tab, carriage return) prefixed with an apostrophe.
    public static func csv(_ report: AssessmentReport) -> String {
        // The last three columns came with packs: added at the end, so scripts reading the
        // first seven by position keep working.
        var rows = [["area", "question_id", "question", "status", "note", "reason", "changed", "pack", "risk", "choices",
                     "owner", "due", "priority", "evidence", "excluded"]]
        for item in report.allItems {
            let a = item.answer
            rows.append([item.area.id, item.questionID, item.text, a.status.rawValue, a.note, a.reason,
                         a.changed?.text ?? "", item.area.packID, report.risk(of: item).name, a.choices.joined(separator: " "),
                         a.owner, a.due?.description ?? "", a.priority?.rawValue ?? "", evidenceCell(a), a.exclusion])
        }
        for id in report.assessment.unknownQuestionIDs(in: report.catalog) {
            let answer = report.assessment.answer(for: id)
            rows.append(["(not in this catalog)", id, "", answer.status.rawValue, answer.note, answer.reason, answer.changed?.text ?? "",
                         PackKey.pack(of: id), "", answer.choices.joined(separator: " "),
                         answer.owner, answer.due?.description ?? "", answer.priority?.rawValue ?? "", evidenceCell(answer), answer.exclusion])
        }
        return "\u{FEFF}" + rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One reference per line, `label <ref>` when labelled: a space in a path or a label
    /// cannot run two references together.
    static func evidenceCell(_ answer: Answer) -> String {
        answer.evidence.map { $0.label.isEmpty ? $0.ref : "\($0.label) <\($0.ref)>" }.joined(separator: "\n")
    }

    static func csvField(_ raw: String) -> String {
        var text = TerminalSafeText.escapedKeepingLines(raw)
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(Character(first)) {
            text = "'" + text
        }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    public static func json(_ report: AssessmentReport) -> JSONValue {
        let a = report.assessment
        func counts(_ p: Progress) -> [String: JSONValue] {
            ["answered": .number(Double(p.answered)), "total": .number(Double(p.total)), "addressed": .number(Double(p.addressed)),
             "partial": .number(Double(p.partial)), "gaps": .number(Double(p.gaps)), "notApplicable": .number(Double(p.notApplicable))]
        }
        func item(_ item: AssessmentReport.Item) -> JSONValue {
            .object(["area": .string(item.area.id), "question": .string(item.questionID), "text": .string(item.text),
                     "status": .string(item.answer.status.rawValue), "note": .string(item.answer.note), "reason": .string(item.answer.reason),
                     "toImprove": .array(item.toImprove.map(JSONValue.string)),
                     "id": .string(PackKey.qualified(item.questionID)), "pack": .string(item.area.packID),
                     "risk": .string(report.risk(of: item).name), "choices": .array(item.answer.choices.map(JSONValue.string)),
                     "owner": item.answer.owner.isEmpty ? .null : .string(item.answer.owner),
                     "due": item.answer.due.map { .string($0.description) } ?? .null,
                     "priority": item.answer.priority.map { .string($0.rawValue) } ?? .null,
                     "evidence": .array(item.answer.evidence.map(\.jsonValue)),
                     "excluded": item.answer.isExcluded ? .string(item.answer.exclusion) : .null])
        }
        return .object([
            "name": .string(a.name),
            "maturity": a.maturity.map(JSONValue.string) ?? .null,
            "reviewers": .array(a.reviewers.map(JSONValue.string)),
            "catalog": .object(["id": .string(a.catalog.id), "version": .string(a.catalog.version)]),
            "lastChange": .string(a.lastChange.text),
            "overall": .object(counts(report.overall)),
            "areas": .array(report.catalog.areas.map { area in
                var object = counts(a.progress(of: area))
                object["id"] = .string(area.id)
                object["title"] = .string(area.title)
                object["kind"] = .string(area.kind.rawValue)
                object["pack"] = .string(area.packID)
                return .object(object)
            }),
            "improvementPlan": .array(report.improvementPlan.map(item)),
            "notApplicable": .array(report.notApplicable.map(item)),
            "excluded": .array(report.excluded.map(item)),
        ])
    }
}
