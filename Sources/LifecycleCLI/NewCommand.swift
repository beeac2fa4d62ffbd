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
        let assessment = Assessment(name: name, reviewers: reviewers, maturity: maturity, catalog: catalog.reference)
        try attempt { () throws(FileProblem) in try makeStore(catalog).create(assessment, at: path) }
        StandardOutput.writeLine("Created \(TerminalSafeText.escaped(path)) (\(catalog.questionCount) questions in \(catalog.areas.count) areas)")
    }
}
