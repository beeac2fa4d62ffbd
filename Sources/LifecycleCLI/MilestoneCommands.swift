import ArgumentParser
import FoundationEssentials
import LifecycleCore

struct MilestoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "milestone",
        abstract: "Freeze a named, timestamped snapshot of an assessment's answers.",
        discussion: "Snapshots live inside the assessment file, under \"milestones\"; compare with `lifecycle diff FILE@LABEL FILE`."
    )

    @Argument(help: "The assessment file.")
    var file: String

    @Option(help: "The milestone's label, e.g. \"2026-Q3 review\". Unique within the file.")
    var label: String

    func run() throws {
        let catalog = try loadCatalog()
        let store = makeStore(catalog)
        let label = self.label
        let (loaded, receipt) = try attempt { () throws(FileProblem) in
            try store.update(file) { (loaded: inout LoadedAssessment) throws(FileProblem) in
                do {
                    try loaded.assessment.addMilestone(label: label)
                } catch {
                    throw .changeRefused(message: "\(TerminalSafeText.escaped(loaded.path)): \(error)")
                }
            }
        }
        for warning in receipt.warnings { printWarning(warning) }
        let progress = loaded.assessment.overallProgress(in: review(of: loaded, book: catalog, warn: false).catalog)
        StandardOutput.writeLine("Milestone \"\(TerminalSafeText.escaped(label))\" saved in \(TerminalSafeText.escaped(file)) (\(progress.answered)/\(progress.total) answered)")
    }
}

struct MilestonesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "milestones",
        abstract: "List an assessment's milestones."
    )

    @Argument(help: "The assessment file.")
    var file: String

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let book = try loadCatalog()
        let loaded = try makeStore(book).loadOrReport(file)
        let catalog = review(of: loaded, book: book).catalog
        let milestones = loaded.assessment.milestones
        switch format {
        case .json:
            let value = JSONValue.array(milestones.map { milestone in
                let progress = milestone.assessment.overallProgress(in: catalog)
                return .object([
                    "label": .string(milestone.label), "created": .string(milestone.created.text),
                    "answered": .number(Double(progress.answered)), "total": .number(Double(progress.total)),
                    "gaps": .number(Double(progress.gaps)),
                ])
            })
            StandardOutput.write(CanonicalJSONWriter.string(value))
        case .text:
            if milestones.isEmpty {
                StandardOutput.writeLine("No milestones in \(TerminalSafeText.escaped(file)). Take one with: lifecycle milestone \(TerminalSafeText.escaped(file)) --label LABEL")
            }
            for milestone in milestones {
                let progress = milestone.assessment.overallProgress(in: catalog)
                StandardOutput.writeLine("\(milestone.created.text)  \(TerminalSafeText.escaped(milestone.label))  \(progress.answered)/\(progress.total) answered, \(Counted.noun(progress.gaps, "gap"))")
            }
        }
    }
}
