import ArgumentParser
import LifecycleCore

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create an assessment for a system under review.",
        discussion: """
            Without --file the assessment goes into the workspace folder \
            ($LIFECYCLE_HOME, else $XDG_DATA_HOME/lifecycle, else ~/.local/share/lifecycle), \
            named after the system. An existing file is never overwritten.
            """
    )

    @Argument(help: "Name of the system under review, e.g. \"Payments platform\".")
    var name: String

    @Option(help: "Where to write the assessment (default: the workspace folder).")
    var file: String?

    @Option(help: "The organisation's data maturity: starting, scaling or leading.")
    var maturity: String?

    @Option(name: .customLong("reviewer"), help: "A reviewer's name (repeat for several).")
    var reviewers: [String] = []

    @Option(name: .customLong("pack"), help: "A question pack to review (repeat for several; default: fundamentals; see `lifecycle pack list`).")
    var packs: [String] = []

    func validate() throws {
        if name.trimmingWhitespace().isEmpty {
            throw ValidationError("the system name must not be empty")
        }
    }

    func run() throws {
        let catalog = try loadCatalog()
        try checkMaturity(maturity, in: catalog)
        let path: String
        if let file {
            path = file
        } else {
            let workspace = Workspace.fromEnvironment()
            try attempt { () throws(FileProblem) in try workspace.ensureExists() }
            path = workspace.path(forName: name)
        }
        var assessment = Assessment(name: name, reviewers: reviewers, maturity: maturity, catalog: catalog.reference)
        assessment.packs = try packReferences(packs, book: catalog, besides: path)
        let review = PackComposition.review(of: assessment, at: path, book: catalog, workspace: Workspace.fromEnvironment())
        try attempt { () throws(FileProblem) in try makeStore(catalog).create(assessment, at: path) }
        let packNote = assessment.packs.isEmpty ? "" : " from \(Counted.noun(assessment.packs.count, "pack")): \(assessment.packIDs.joined(separator: ", "))"
        StandardOutput.writeLine("Created \(TerminalSafeText.escaped(path)) (\(review.catalog.questionCount) questions in \(review.catalog.areas.count) areas\(packNote))")
    }
}

/// The packs named with `--pack`, as an assessment records them: none recorded when the
/// book's pack alone is reviewed, so that file stays version 1 (read by every build).
func packReferences(_ ids: [String], book: Catalog, besides assessmentPath: String) throws -> [PackReference] {
    guard !ids.isEmpty, ids != [PackLibrary.fundamentalsID] else { return [] }
    let library = PackLibrary(catalog: book, workspace: Workspace.fromEnvironment(), assessmentPath: assessmentPath)
    var references: [PackReference] = []
    for id in ids where !references.contains(where: { $0.id == id }) {
        guard let found = library.pack(id: id) else {
            throw reportError("no pack \"\(TerminalSafeText.escaped(id))\" (packs: \(library.packs.map(\.pack.id).joined(separator: ", ")); looked in: \(library.searched.map(TerminalSafeText.escaped).joined(separator: ", ")))")
        }
        references.append(PackReference(found.pack))
    }
    return references
}
