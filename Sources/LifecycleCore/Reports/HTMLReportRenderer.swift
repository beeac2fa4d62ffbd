/// One self-contained HTML file (inline CSS, charts as inline SVG, no external assets),
/// written as well-formed XHTML-compatible markup so XML tools can check it.
public enum HTMLReportRenderer {
    static func escape(_ text: String) -> String {
        var result = ""
        for character in TerminalSafeText.escapedKeepingLines(text) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    static let colors: [AnswerStatus: String] = [
        .addressed: "#2e7d32", .partial: "#f9a825", .gap: "#c62828", .notApplicable: "#90a4ae", .unanswered: "#e0e0e0",
    ]

    /// The start of a self-contained page, up to and including `<body>`: the report's and
    /// the plan's. `style` is CSS, written as it is.
    static func pageStart(title: String, style: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>

        """
    }

    public static func render(_ report: AssessmentReport) -> String {
        let a = report.assessment
        let overall = report.overall
        var html = pageStart(title: "Architecture review: \(a.name)", style: """
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 960px; color: #1b1b1b; line-height: 1.45; padding: 0 1rem; }
            h1 { margin-bottom: 0.2rem; } h2 { border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; margin-top: 2rem; }
            .meta { color: #555; } .legend span { display: inline-block; margin-right: 1rem; }
            .swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: middle; }
            table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #eee; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
            .gap { color: #c62828; font-weight: 600; } .partial { color: #a67c00; font-weight: 600; }
            .note { white-space: pre-wrap; color: #333; } code { background: #f4f4f4; padding: 0 0.2rem; }
            """) + """
            <h1>Architecture review: \(escape(a.name))</h1>
            <p class="meta">Maturity: \(escape(report.maturityTitle)) · Reviewers: \(escape(a.reviewers.isEmpty ? "not recorded" : a.reviewers.joined(separator: ", "))) · Catalog: \(escape(a.catalog.id)) \(escape(a.catalog.version)) · Last change: \(escape(a.lastChange.text))</p>
            <p><strong>\(overall.answered) of \(overall.total) questions answered (\(ReportRenderers.percent(overall)))</strong>: \(overall.addressed) addressed, \(overall.partial) partial, \(Counted.noun(overall.gaps, "gap")), \(overall.notApplicable) not applicable.</p>

            """
        html += "<h2>Progress per stage and undercurrent</h2>\n" + legend() + progressChart(report) + "\n"
        if !report.catalog.stages.isEmpty && !report.catalog.undercurrents.isEmpty {
            html += "<h2>Stage × undercurrent heat map</h2>\n<p class=\"meta\">Shade: share of each cell's questions answered. Red: the cell has gaps.</p>\n" + heatMap(report) + "\n"
        }
        html += "<h2>Risk per pack</h2>\n<table>\n<thead><tr><th>Pack</th><th>High</th><th>Medium</th><th>None</th><th>Unanswered</th><th>Not applicable</th></tr></thead>\n<tbody>\n"
        for row in report.riskPerPack {
            let c = row.counts
            html += "<tr><td>\(escape(row.title)) (<code>\(escape(row.pack))</code>)</td><td class=\"gap\">\(c.high)</td><td class=\"partial\">\(c.medium)</td><td>\(c.none)</td><td>\(c.unanswered)</td><td>\(c.notApplicable)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<h2>Improvement plan</h2>\n"
        let findings = report.findings
        if findings.isEmpty {
            html += "<p>No open findings.</p>\n"
        } else {
            html += "<table>\n<thead><tr><th>Priority</th><th>Area</th><th>Status</th><th>Question</th><th>Owner</th><th>Due</th><th>Note and evidence</th></tr></thead>\n<tbody>\n"
            for finding in findings {
                let a = finding.answer
                let status = a.status == .gap ? "gap" : "partial"
                let improve = finding.toImprove.map { "<br/>To improve: " + escape($0) }.joined()
                let evidence = a.evidence.map { "<br/>Evidence: " + PlanHTMLRenderer.link($0, pathPrefix: report.pathPrefix) }.joined()
                let due = a.due.map { "\($0)" + (finding.overdue ? " <strong>overdue</strong>" : "") } ?? ""
                html += "<tr><td>\(finding.priority.rawValue)</td><td>\(escape(finding.area.labelledTitle))</td><td class=\"\(status)\">\(escape(a.status.label))</td><td><code>\(escape(finding.key))</code><br/>\(escape(finding.question.text))</td><td>\(escape(a.owner))</td><td>\(due)</td><td class=\"note\">\(escape(a.note))\(improve)\(evidence)</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        let excluded = report.excluded
        if !excluded.isEmpty {
            html += "<h2>Excluded from counts</h2>\n<ul>\n" + excluded.map { "<li><code>\(escape($0.questionID))</code> \(escape($0.text))<br/><em>\(escape($0.answer.exclusion))</em></li>" }.joined(separator: "\n") + "\n</ul>\n"
        }
        html += "<h2>Not applicable</h2>\n"
        let na = report.notApplicable
        if na.isEmpty {
            html += "<p>None.</p>\n"
        } else {
            html += "<ul>\n" + na.map { "<li><code>\(escape($0.questionID))</code> \(escape($0.text))<br/><em>\(escape($0.answer.reason.isEmpty ? "no reason given" : $0.answer.reason))</em></li>" }.joined(separator: "\n") + "\n</ul>\n"
        }
        html += "</body>\n</html>\n"
        return html
    }

    private static func legend() -> String {
        let entries: [(AnswerStatus, String)] = [(.addressed, "addressed"), (.partial, "partial"), (.gap, "gap"), (.notApplicable, "not applicable"), (.unanswered, "unanswered")]
        return "<p class=\"legend\">" + entries.map { "<span><span class=\"swatch\" style=\"background:\(colors[$0.0]!)\"></span>\($0.1)</span>" }.joined() + "</p>\n"
    }

    /// Horizontal stacked bars, one per area.
    private static func progressChart(_ report: AssessmentReport) -> String {
        // Room for the longest label (an area of another pack carries the pack's name).
        let longest = report.catalog.areas.map { $0.labelledTitle.count }.max() ?? 0
        let rowHeight = 26, labelWidth = max(170, longest * 7 + 10), barWidth = 600
        let height = report.catalog.areas.count * rowHeight + 10
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 80)\" height=\"\(height)\" role=\"img\" aria-label=\"Progress per area\">\n"
        for (index, area) in report.catalog.areas.enumerated() {
            let y = index * rowHeight + 5
            let p = report.assessment.progress(of: area)
            svg += "<text x=\"0\" y=\"\(y + 16)\" font-size=\"13\">\(escape(area.labelledTitle))</text>\n"
            var x = Double(labelWidth)
            let segments: [(AnswerStatus, Int)] = [(.addressed, p.addressed), (.partial, p.partial), (.gap, p.gaps), (.notApplicable, p.notApplicable), (.unanswered, p.unanswered)]
            for (status, count) in segments where count > 0 {
                let width = Double(barWidth) * Double(count) / Double(max(1, p.total))
                svg += "<rect x=\"\(format(x))\" y=\"\(y)\" width=\"\(format(width))\" height=\"20\" fill=\"\(colors[status]!)\"><title>\(status.label): \(count)</title></rect>\n"
                x += width
            }
            svg += "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 16)\" font-size=\"13\">\(p.answered)/\(p.total)</text>\n"
        }
        return svg + "</svg>"
    }

    /// One meaning of colour, as in the explorer: the blue shade is the share answered,
    /// red is gaps only (a red border and a count). A legend says so.
    private static func heatMap(_ report: AssessmentReport) -> String {
        let stages = report.catalog.stages, undercurrents = report.catalog.undercurrents
        let labelWidth = 130, cellWidth = 120, cellHeight = 44, headerHeight = 30, legendHeight = 40
        let width = labelWidth + cellWidth * undercurrents.count + 40
        let mapHeight = headerHeight + cellHeight * stages.count
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(mapHeight + legendHeight)\" role=\"img\" aria-label=\"Stage by undercurrent heat map\">\n"
        for (column, undercurrent) in undercurrents.enumerated() {
            svg += "<text x=\"\(labelWidth + column * cellWidth + cellWidth / 2)\" y=\"20\" font-size=\"12\" text-anchor=\"middle\">\(escape(undercurrent.title))</text>\n"
        }
        for (row, stage) in stages.enumerated() {
            let y = headerHeight + row * cellHeight
            svg += "<text x=\"0\" y=\"\(y + cellHeight / 2 + 5)\" font-size=\"13\">\(escape(stage.title))</text>\n"
            for (column, undercurrent) in undercurrents.enumerated() {
                let p = report.cellProgress(stage: stage.id, undercurrent: undercurrent.id)
                let x = labelWidth + column * cellWidth
                let share = p.fractionAnswered
                let color = p.total == 0 ? "#f5f5f5" : shade(share)
                let border = p.gaps > 0 ? " stroke=\"#c62828\" stroke-width=\"3\"" : ""
                svg += "<rect x=\"\(x + 2)\" y=\"\(y + 2)\" width=\"\(cellWidth - 4)\" height=\"\(cellHeight - 4)\" rx=\"4\" fill=\"\(color)\"\(border)><title>\(escape(stage.title)) × \(escape(undercurrent.title)): \(p.answered)/\(p.total) answered, \(Counted.noun(p.gaps, "gap"))</title></rect>\n"
                let textColor = share > 0.55 ? "#ffffff" : "#1b1b1b"
                let answeredY = p.gaps > 0 ? y + cellHeight / 2 - 2 : y + cellHeight / 2 + 5
                svg += "<text x=\"\(x + cellWidth / 2)\" y=\"\(answeredY)\" font-size=\"13\" text-anchor=\"middle\" fill=\"\(textColor)\">\(p.answered)/\(p.total)</text>\n"
                if p.gaps > 0 {
                    svg += "<rect x=\"\(x + cellWidth / 2 - 30)\" y=\"\(y + cellHeight / 2 + 2)\" width=\"60\" height=\"15\" rx=\"3\" fill=\"#ffffff\"/>\n"
                    svg += "<text x=\"\(x + cellWidth / 2)\" y=\"\(y + cellHeight / 2 + 13)\" font-size=\"11\" font-weight=\"600\" text-anchor=\"middle\" fill=\"#c62828\">\(Counted.noun(p.gaps, "gap"))</text>\n"
                }
            }
        }
        // The legend: the shade scale, then what red means.
        let legendY = mapHeight + 10
        svg += "<text x=\"0\" y=\"\(legendY + 14)\" font-size=\"12\">Answered:</text>\n"
        for (index, share) in [0.0, 0.25, 0.5, 0.75, 1.0].enumerated() {
            let x = 80 + index * 50
            svg += "<rect x=\"\(x)\" y=\"\(legendY)\" width=\"44\" height=\"20\" rx=\"3\" fill=\"\(shade(share))\"/>"
            svg += "<text x=\"\(x + 22)\" y=\"\(legendY + 14)\" font-size=\"11\" text-anchor=\"middle\" fill=\"\(share > 0.55 ? "#ffffff" : "#1b1b1b")\">\(Int(share * 100))%</text>\n"
        }
        svg += "<rect x=\"350\" y=\"\(legendY)\" width=\"44\" height=\"20\" rx=\"3\" fill=\"#ffffff\" stroke=\"#c62828\" stroke-width=\"3\"/>"
        svg += "<text x=\"402\" y=\"\(legendY + 14)\" font-size=\"12\" fill=\"#c62828\">red: the cell has gaps</text>\n"
        return svg + "</svg>"
    }

    /// Light grey-blue (nothing answered) to dark blue (all answered).
    private static func shade(_ share: Double) -> String {
        "rgb(\(Int(238 - 207 * share)),\(Int(242 - 164 * share)),\(Int(247 - 107 * share)))"
    }

    private static func format(_ value: Double) -> String {
        String(Double(Int(value * 10)) / 10)
    }
}
