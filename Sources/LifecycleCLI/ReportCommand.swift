import ArgumentParser
import FoundationEssentials
import LifecycleCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a report: progress, the improvement plan, not-applicable items.",
        discussion: "markdown to commit beside the architecture docs, html (one self-contained file with SVG charts), csv (one row per question), json."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html, csv, json }

    @Argument(help: "The assessment file.")
    var file: String

    @Option(help: "markdown, html, csv or json.")
    var format: Format = .markdown

    @Option(help: "Write to this file instead of standard output: a regular file is replaced atomically, a device or FIFO written in place; an assessment file is never overwritten.")
    var output: String?

    @Flag(help: "Only the core set of each pack's questions (those marked core).")
    var core = false

    @Option(help: "The day to judge due dates by, YYYY-MM-DD (default: LIFECYCLE_TODAY, else the local date).")
    var today: String?

    func run() throws {
        let book = try loadCatalog()
        let loaded = try makeStore(book).loadOrReport(file)
        let review = review(of: loaded, book: book)
        let catalog = core ? review.catalog.coreOnly : review.catalog
        let assessment = reading(loaded, review: review)
        var report = AssessmentReport(assessment: assessment, catalog: catalog, review: review, today: try Today.resolve(option: today))
        report.pathPrefix = RepositoryRoot.linkPrefix(assessment: loaded.path, output: output)
        let text: String
        switch format {
        case .markdown: text = ReportRenderers.markdown(report)
        case .html: text = HTMLReportRenderer.render(report)
        case .csv: text = ReportRenderers.csv(report)
        case .json:
            var object = ReportRenderers.json(report).objectValue ?? [:]
            object["questions"] = review.questionsJSON(assessment)
            text = CanonicalJSONWriter.string(.object(object))
        }
        try writeOutput(text, to: output, readingFrom: file)
    }
}
