/// `lifecycle plan`'s Markdown (a GitHub task list), JSON (for scripts) and CSV (for
/// Jira's CSV importer) forms. HTML is `PlanHTMLRenderer`.
public enum PlanRenderers {
    // MARK: Markdown

    /// A GitHub-flavoured task list, one item per finding, ready for a pull request or a wiki.
    public static func markdown(_ plan: PlanDocument) -> String {
        let md = MarkdownText.inline
        var lines = ["# Improvement plan: \(md(plan.assessmentName))", "", md(plan.summaryLine), ""]
        if plan.findings.isEmpty { lines.append("Nothing open.") }
        for finding in plan.findings {
            lines.append("- [ ] **\(finding.priorityTitle)** \(md(finding.area.labelledTitle)): \(md(finding.question.text)) (`\(finding.qualifiedID)`)")
            var facts = ["risk \(finding.risk.rawValue)", finding.answer.status.label]
            if !finding.answer.owner.isEmpty { facts.append("owner \(md(finding.answer.owner))") }
            if let due = finding.answer.due { facts.append("due \(due)" + (finding.overdue ? " **overdue**" : "")) }
            lines.append("  - " + facts.joined(separator: " · "))
            if !finding.answer.evidence.isEmpty {
                lines.append("  - Evidence: " + finding.answer.evidence.map { markdownLink($0, pathPrefix: plan.pathPrefix) }.joined(separator: ", "))
            }
            if !finding.answer.note.isEmpty { lines.append("  - Note: \(md(finding.answer.note))") }
            for text in finding.toImprove { lines.append("  - To improve: \(md(text))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A link where the reference has one (URL, GitHub issue, repository path), else the
    /// reference as code. The target goes in angle brackets with `<`, `>` and spaces
    /// encoded, so no reference can end the link early or open HTML.
    static func markdownLink(_ evidence: Evidence, pathPrefix: String = "") -> String {
        let text = MarkdownText.inline(evidence.title)
        guard let target = linkTarget(evidence, pathPrefix: pathPrefix) else { return evidence.label.isEmpty ? "`\(codeSpan(evidence.ref))`" : "\(text) (`\(codeSpan(evidence.ref))`)" }
        return "[\(text)](<\(percentEncoded(target).replacing("&", with: "&amp;"))>)"
    }

    /// Where a piece of evidence links to: a URL itself, a GitHub issue, or a repository
    /// path (its line as `#L12`, as GitHub and GitLab read it) after `pathPrefix`, the way
    /// from the output's folder to the repository's root (`../`; empty: from the root).
    static func linkTarget(_ evidence: Evidence, pathPrefix: String = "") -> String? {
        if let web = evidence.webLink { return web }
        guard evidence.kind == .path else { return nil }
        let (path, line) = Evidence.splitLine(evidence.ref)
        return pathPrefix + path + (line.map { "#L\($0)" } ?? "")
    }

    /// A link target safe inside `<…>` in Markdown and inside an HTML attribute (escaped
    /// again there): `<`, `>`, spaces and backslashes percent-encoded. Markdown decodes
    /// entities in link targets, so `&` goes as `&amp;` there (`markdownTarget`): a
    /// reference like `&#106;avascript:` must stay text, never become a scheme.
    static func percentEncoded(_ target: String) -> String {
        var result = ""
        for scalar in target.unicodeScalars {
            switch scalar {
            case "<": result += "%3C"
            case ">": result += "%3E"
            case " ": result += "%20"
            case "\\": result += "%5C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func codeSpan(_ text: String) -> String {
        TerminalSafeText.escaped(text).replacing("`", with: "'")
    }

    // MARK: JSON

    /// An array of findings in plan order; `null` for what is not set.
    public static func json(_ plan: PlanDocument) -> JSONValue {
        .array(plan.findings.map { finding in
            let answer = finding.answer
            func optional(_ text: String) -> JSONValue { text.isEmpty ? .null : .string(text) }
            return .object([
                "id": .string(plan.findingID(finding)),
                "question": .string(finding.qualifiedID),
                "pack": .string(finding.packID),
                "area": .string(finding.area.id),
                "text": .string(finding.question.text),
                "status": .string(answer.status.rawValue),
                "risk": .string(finding.risk.rawValue),
                "priority": answer.priority.map { .string($0.rawValue) } ?? .null,
                "owner": optional(answer.owner),
                "due": answer.due.map { .string($0.description) } ?? .null,
                "overdue": .bool(finding.overdue),
                "evidence": .array(answer.evidence.map { evidence in
                    .object(["kind": .string(evidence.kind.rawValue), "ref": .string(evidence.ref), "label": optional(evidence.label)])
                }),
                "note": optional(answer.note),
                "plan": .array(finding.toImprove.map(JSONValue.string)),
            ])
        })
    }

    // MARK: CSV for Jira

    /// The columns, named as Jira's CSV importer maps them without renaming. Labels repeat:
    /// Jira takes one label per column.
    public static let jiraColumns = ["Finding ID", "Summary", "Description", "Priority", "Due Date",
                                     "Labels", "Labels", "Labels", "Labels", "Labels"]

    /// One row per finding for Jira's CSV importer. No formula guard is added to values:
    /// every cell is built to begin with a letter, digit, `[` or nothing (the summary
    /// starts with the area in brackets, the description with "Question:", labels with a
    /// fixed prefix), so a spreadsheet never runs one, and Jira receives the text exactly
    /// as written (a guard's apostrophe would show up in every ticket). No byte order mark
    /// either: Jira would read it into the first column's name.
    public static func jiraCSV(_ plan: PlanDocument) -> String {
        var rows = [jiraColumns]
        for finding in plan.findings {
            let answer = finding.answer
            var description = ["Question: \(finding.question.text) (\(finding.qualifiedID))",
                               "Status: \(answer.status.label), risk \(finding.risk.rawValue)"]
            if !answer.owner.isEmpty { description.append("Owner: \(answer.owner)") }
            if !answer.note.isEmpty { description.append("Note: \(answer.note)") }
            for text in finding.toImprove { description.append("To improve: \(text)") }
            for evidence in answer.evidence {
                description.append("Evidence: " + (evidence.label.isEmpty ? evidence.ref : "\(evidence.label) \(evidence.ref)"))
            }
            let summary = "[\(finding.area.title)] \(finding.question.text)"
            var labels = ["lifecycle-review", "pack-" + label(finding.packID), "area-" + label(PackKey.question(of: finding.area.id)),
                          "risk-" + finding.risk.rawValue]
            // An owner of symbols only has no label (not "owner-none": that reads as nobody).
            let ownerLabel = label(answer.owner)
            labels.append(answer.owner.isEmpty || ownerLabel == "none" ? "" : "owner-" + ownerLabel)
            rows.append([plan.findingID(finding), String(summary.prefix(255)), description.joined(separator: "\n"),
                         finding.priorityTitle, answer.due?.description ?? ""] + labels)
        }
        return rows.map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A Jira label: no spaces (Jira splits on them), lower case, letters, digits and
    /// `_` and `.` kept, anything else a hyphen.
    static func label(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || "_.".contains(character) {
                result.append(character)
            } else if !result.isEmpty, result.last != "-" {
                result.append("-")
            }
        }
        while result.last == "-" { result.removeLast() }
        // Jira's limit is 255 characters; the prefix ("owner-") is counted in.
        return result.isEmpty ? "none" : String(result.prefix(240))
    }

    /// RFC 4180 quoting; control characters other than line breaks made visible.
    static func quoted(_ raw: String) -> String {
        let safe = TerminalSafeText.escapedKeepingLines(raw)
        // Most cells hold no quote: skip the search-and-replace (10,000 findings, ten cells each).
        return "\"" + (safe.utf8.contains(UInt8(ascii: "\"")) ? safe.replacing("\"", with: "\"\"") : safe) + "\""
    }
}
