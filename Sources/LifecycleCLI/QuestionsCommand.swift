import ArgumentParser
import LifecycleCore

struct QuestionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions",
        abstract: "Print the question catalog.",
        discussion: "The JSON form is an array of areas in lifecycle order, each with its questions."
    )

    @Option(help: "Only this area (e.g. generation, data-management).")
    var area: String?

    @Option(help: "Only questions with this tag (e.g. finops, decoupling, idempotent).")
    var tag: String?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Only the core set: the questions that matter most, about 40, for a 90-minute meeting.")
    var core = false

    func run() throws {
        let full = try loadCatalog()
        let catalog = core ? full.coreOnly : full
        if let area, catalog.area(id: area) == nil {
            throw reportError("unknown area \"\(TerminalSafeText.escaped(area))\" (areas: \(catalog.areas.map(\.id).joined(separator: ", ")))")
        }
        let listing = CatalogListing(catalog: catalog, areaID: area, tag: tag)
        if let tag, listing.questionCount == 0 {
            let tags = Set(catalog.areas.flatMap { $0.questions.flatMap(\.tags) }).sorted()
            throw reportError("no question has the tag \"\(TerminalSafeText.escaped(tag))\" (tags: \(tags.joined(separator: ", ")))")
        }
        switch format {
        case .text: StandardOutput.write(listing.text())
        case .json: StandardOutput.write(CanonicalJSONWriter.string(listing.jsonValue))
        }
    }
}
