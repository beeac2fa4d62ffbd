/// The plan as one self-contained HTML page: a table that reads on screen and prints well
/// (many reviews end as a PDF attached to a ticket): landscape A4, the header row on every
/// page, no row split across pages, links printed with their address, no background colours.
public enum PlanHTMLRenderer {
    public static func render(_ plan: PlanDocument) -> String {
        let escape = HTMLReportRenderer.escape
        var html = HTMLReportRenderer.pageStart(title: "Improvement plan: \(plan.assessmentName)", style: style) + """
            <h1>Improvement plan: \(escape(plan.assessmentName))</h1>
            <p class="summary">\(escape(plan.summaryLine))</p>

            """
        if plan.findings.isEmpty {
            html += "<p>Nothing open.</p>\n"
        } else {
            html += """
                <table>
                <thead><tr><th class="n">#</th><th>Priority</th><th>Finding</th><th>Owner</th><th>Due</th><th>Evidence</th></tr></thead>
                <tbody>

                """
            for (index, finding) in plan.findings.enumerated() {
                html += row(finding, number: index + 1, id: plan.findingID(finding), pathPrefix: plan.pathPrefix)
            }
            html += "</tbody>\n</table>\n"
        }
        return html + "</body>\n</html>\n"
    }

    static func row(_ finding: Finding, number: Int, id: String, pathPrefix: String) -> String {
        let escape = HTMLReportRenderer.escape
        let answer = finding.answer
        var detail = "<div class=\"area\">\(escape(finding.area.labelledTitle)) · <code>\(escape(finding.qualifiedID))</code></div>"
            + "<div class=\"question\">\(escape(finding.question.text))</div>"
            + "<div class=\"facts\">\(escape(answer.status.label)), risk \(escape(finding.risk.rawValue))</div>"
        if !answer.note.isEmpty { detail += "<div class=\"note\">\(lines(answer.note))</div>" }
        if !finding.toImprove.isEmpty {
            detail += "<ul class=\"improve\">" + finding.toImprove.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
        }
        let due = answer.due.map { "\($0)" + (finding.overdue ? "<br /><span class=\"overdue\">overdue</span>" : "") } ?? "—"
        let evidence = answer.evidence.isEmpty ? "—" : "<ul class=\"evidence\">" + answer.evidence.map { "<li>\(link($0, pathPrefix: pathPrefix))</li>" }.joined() + "</ul>"
        return """
            <tr id="\(escape(id))" class="\(finding.priority.rawValue)"><td class="n">\(number)</td>\
            <td class="priority">\(finding.priorityTitle)</td><td>\(detail)</td>\
            <td>\(answer.owner.isEmpty ? "—" : escape(answer.owner))</td><td class="due">\(due)</td><td>\(evidence)</td></tr>

            """
    }

    /// A link only where the target is an http(s) URL or a repository path; other
    /// references are plain text.
    static func link(_ evidence: Evidence, pathPrefix: String = "") -> String {
        let escape = HTMLReportRenderer.escape
        guard let target = PlanRenderers.linkTarget(evidence, pathPrefix: pathPrefix) else { return escape(evidence.title) }
        return "<a href=\"\(escape(PlanRenderers.percentEncoded(target)))\">\(escape(evidence.title))</a>"
    }

    static func lines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { HTMLReportRenderer.escape(String($0)) }.joined(separator: "<br />")
    }

    static let style = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #1a1a1a; }
        h1 { font-size: 1.5em; margin-bottom: 0.2em; }
        .summary { color: #444; margin-top: 0; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border-bottom: 1px solid #ccc; padding: 0.4em 0.5em; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; }
        td.n, th.n { width: 2em; text-align: right; color: #666; }
        td.priority { font-weight: bold; white-space: nowrap; }
        tr.high td.priority { color: #b71c1c; }
        tr.medium td.priority { color: #8a5a00; }
        .area { font-size: 0.85em; color: #555; }
        .question { font-weight: 600; }
        .facts, .note { font-size: 0.9em; }
        .note { margin-top: 0.3em; }
        ul { margin: 0.2em 0 0 1.1em; padding: 0; }
        td.due { white-space: nowrap; }
        .overdue { color: #b71c1c; font-weight: bold; }
        code { font-size: 0.9em; }
        @media print {
          @page { size: A4 landscape; margin: 12mm; }
          body { margin: 0; font-size: 10pt; color: #000; }
          th { background: none; border-bottom: 2px solid #000; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; page-break-inside: avoid; }
          tr.high td.priority, tr.medium td.priority, .overdue { color: #000; }
          .overdue { text-decoration: underline; }
          a { color: #000; text-decoration: none; }
          a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; word-break: break-all; }
        }
        """
}
