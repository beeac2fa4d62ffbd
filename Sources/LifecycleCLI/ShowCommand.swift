import ArgumentParser
import LifecycleCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print an assessment's progress per area.",
        discussion: "The JSON form has \"areas\": [{\"id\", \"answered\", \"total\", \"gaps\", ...}] and an \"overall\" object."
    )

    @Argument(help: "The assessment file.")
    var file: String

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let catalog = try loadCatalog()
        let loaded = try makeStore(catalog).loadOrReport(file)
        let summary = ProgressSummary(assessment: loaded.assessment, catalog: catalog)
        switch format {
        case .text: StandardOutput.write(summary.text)
        case .json: StandardOutput.write(CanonicalJSONWriter.string(summary.jsonValue))
        }
    }
}
