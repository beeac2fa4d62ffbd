import ArgumentParser
import FoundationEssentials
import Glibc
import LifecycleCore

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two assessments, or an assessment and a milestone, question by question.",
        discussion: """
            A and B are assessment files or FILE@LABEL milestones. An argument naming an \
            existing file is that file; otherwise it splits at the first "@" that follows an \
            existing file, so file names and labels may contain "@". Exit status as diff(1): \
            0 no differences, 1 differences, 2 trouble. With --fail-on regression: 1 only when \
            something got worse (a lower status, or an answer taken away), for CI gates.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }
    enum FailOn: String, ExpressibleByArgument, CaseIterable { case any, regression }

    @Argument(help: "The earlier side: FILE or FILE@LABEL.")
    var before: String

    @Argument(help: "The later side: FILE or FILE@LABEL.")
    var after: String

    @Option(help: "text, json or markdown.")
    var format: Format = .text

    @Option(name: .customLong("fail-on"), help: "any (default) or regression.")
    var failOn: FailOn = .any

    @Flag(help: "Colour the text output even when not writing to a terminal.")
    var color = false

    @Option(help: "The day to judge due dates by for \"newly overdue\", YYYY-MM-DD (default: LIFECYCLE_TODAY, else the local date).")
    var today: String?

    func run() throws {
        // Each file is read and parsed on a thread of its own while the catalog loads:
        // on two cores that takes about half off comparing two large files. Errors are
        // still reported in order: the catalog's, then the earlier side's, then the later's.
        let sides = (try SideSpec(before), try SideSpec(after))
        let readingLeft = BackgroundTask.start { Result { () throws(FileProblem) in try AssessmentStore.read(sides.0.path) } }
        let readingRight = BackgroundTask.start { Result { () throws(FileProblem) in try AssessmentStore.read(sides.1.path) } }
        let catalog = try loadCatalog()
        let store = makeStore(catalog)
        let left = readingLeft.result(), right = readingRight.result()
        var leftSide = try loadSide(sides.0, from: attempt { () throws(FileProblem) in try left.get() }, store: store)
        var rightSide = try loadSide(sides.1, from: attempt { () throws(FileProblem) in try right.get() }, store: store)
        // Each side read with its packs' moved questions applied, so a milestone made with an
        // older pack version compares question by question with today's answers.
        for (index, path) in [sides.0.path, sides.1.path].enumerated() {
            var side = index == 0 ? leftSide : rightSide
            let ownReview = PackComposition.review(of: side.assessment, at: path, book: catalog, workspace: Workspace.fromEnvironment())
            if PackUpgrade.isNeeded(ownReview) {
                side.assessment = PackUpgrade.upgrade(side.assessment, review: ownReview, at: side.assessment.lastChange).0
                side.assessment.milestones = []
            }
            if index == 0 { leftSide = side } else { rightSide = side }
        }
        // Every pack either side reviews, so a pack added between the two is compared too.
        var both = rightSide.assessment
        both.packs = PackReference.union(leftSide.assessment, rightSide.assessment, book: catalog)
        let composed = PackComposition.review(of: both, at: sides.1.path, book: catalog, workspace: Workspace.fromEnvironment())
        for line in composed.warnings(file: sides.1.path, assessment: both) { printWarning(line) }
        var diff = AssessmentDiff(left: leftSide, right: rightSide, catalog: composed.catalog)
        diff.plan = PlanChanges(left: leftSide.assessment, right: rightSide.assessment, catalog: composed.catalog,
                                today: try Today.resolve(option: today)) { composed.pack(ofQuestion: $0)?.statusRisk ?? .standard }
        switch format {
        case .text:
            let environment = ProcessInfo.processInfo.environment
            let useColor = color || (isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb")
            StandardOutput.write(DiffTextRenderer(diff: diff, color: useColor).render())
        case .json:
            StandardOutput.write(CanonicalJSONWriter.string(DiffJSONRenderer.jsonValue(diff)))
        case .markdown:
            StandardOutput.write(DiffMarkdownRenderer.render(diff))
        }
        let differs = failOn == .any ? !diff.isEmpty : diff.hasWorse
        // Exit here rather than return: freeing two large documents and their diff took
        // a tenth of the command's time, and the process ends anyway (the output is already written).
        withExtendedLifetime(diff) { Glibc.exit(differs ? 1 : 0) }
    }
}
