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
        let book = try loadCatalog()
        let loaded = try makeStore(book).loadOrReport(file)
        let review = review(of: loaded, book: book)
        let catalog = review.catalog
        let assessment = reading(loaded, review: review)
        let summary = ProgressSummary(assessment: assessment, catalog: catalog)
        switch format {
        case .text: StandardOutput.write(summary.text)
        case .json:
            var object = summary.jsonValue.objectValue ?? [:]
            object["packs"] = review.packsJSON(assessment)
            StandardOutput.write(CanonicalJSONWriter.string(.object(object)))
        }
    }
}
