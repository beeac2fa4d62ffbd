import ArgumentParser
import LifecycleCore

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Write the improvement plan: every open finding, with owner, due date and evidence.",
        discussion: """
            An open finding is a gap or partial answer, or a high or medium risk, neither \
            not applicable nor excluded. Order: priority (set, else from the risk), then \
            risk, then due date (none last), then the packs' own order. Overdue means due \
            before today in local time; --today or LIFECYCLE_TODAY fixes today.

            markdown: a GitHub task list. csv: for Jira's CSV importer (Finding ID, Summary, \
            Description, Priority, Due Date, Labels). json: an array of findings for \
            scripts. html: a table that prints well.

            Exit status: 0, or 1 when --fail-on matches a finding (after --owner and \
            --overdue), 2 for trouble.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, csv, json, html }
    enum Gate: String, ExpressibleByArgument, CaseIterable {
        case overdue
        case highRisk = "high-risk"
    }

    @Argument(help: "The assessment file.")
    var file: String

    @Option(help: "markdown, csv, json or html.")
    var format: Format = .markdown

    @Option(help: "Write to this file instead of standard output (replaced atomically; an assessment file is never overwritten).")
    var output: String?

    @Option(help: "Only findings owned by this team or handle (case ignored; \"\" for those nobody owns).")
    var owner: String?

    @Flag(help: "Only overdue findings.")
    var overdue = false

    @Option(name: .customLong("fail-on"), help: "overdue or high-risk (repeatable): exit 1 when a finding listed matches.")
    var failOn: [Gate] = []

    @Option(help: "The day to judge due dates by, YYYY-MM-DD (default: LIFECYCLE_TODAY, else the local date).")
    var today: String?

    func run() throws {
        let day = try Today.resolve(option: today)
        let book = try loadCatalog()
        let loaded = try makeStore(book).loadOrReport(file)
        let review = review(of: loaded, book: book)
        let assessment = reading(loaded, review: review)
        var findings = ImprovementPlan.findings(assessment, review: review, today: day)
        var filters: [String] = []
        if let owner {
            // --owner "": the findings nobody owns yet.
            findings = ImprovementPlan.owned(by: owner, findings)
            filters.append(owner.trimmingWhitespace().isEmpty ? "no owner" : "owner \(owner)")
        }
        if overdue {
            findings = findings.filter(\.overdue)
            filters.append("overdue only")
        }
        var plan = PlanDocument(assessmentName: assessment.name, today: day, findings: findings, filters: filters)
        plan.pathPrefix = RepositoryRoot.linkPrefix(assessment: loaded.path, output: output)
        let text: String
        switch format {
        case .markdown: text = PlanRenderers.markdown(plan)
        case .csv: text = PlanRenderers.jiraCSV(plan)
        case .json: text = CanonicalJSONWriter.string(PlanRenderers.json(plan))
        case .html: text = PlanHTMLRenderer.render(plan)
        }
        try writeOutput(text, to: output, readingFrom: file, saying: " (\(Counted.noun(findings.count, "finding")))")
        let matched = failOn.contains { gate in
            findings.contains { gate == .overdue ? $0.overdue : $0.risk == .high }
        }
        if matched { throw ExitCode(1) }
    }
}
