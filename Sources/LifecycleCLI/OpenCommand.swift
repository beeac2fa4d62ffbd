import ArgumentParser
import FoundationEssentials
import LifecycleCore
import LifecycleTUI

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open an assessment file in the explorer (creating it when it does not exist)."
    )

    @Argument(help: "The assessment file.")
    var file: String

    @Option(help: "Name of the system, when the file is created (default: from the file name).")
    var name: String?

    @Option(help: "Maturity stage, when the file is created: starting, scaling or leading.")
    var maturity: String?

    @OptionGroup var explorer: ExplorerOptions

    func run() throws {
        let file = self.file, name = self.name, maturity = self.maturity
        try ExplorerLauncher.run({ store, _ in
            if FileManager.default.fileExists(atPath: file) {
                let loaded = try store.loadOrReport(file)
                warnAboutDrift(loaded, catalog: store.catalog)
                return .document(loaded, isDemo: false)
            }
            try checkMaturity(maturity, in: store.catalog)
            let defaultName = PathText.deletingExtension(of: PathText.lastComponent(of: file))
            let assessment = Assessment(name: name ?? defaultName, maturity: maturity, catalog: store.catalog.reference)
            let created = try attempt { () throws(FileProblem) in try store.create(assessment, at: file) }
            return .document(created, isDemo: false)
        }, options: explorer)
    }
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open a private copy of the sample assessment (a review in progress) in the explorer."
    )

    @OptionGroup var explorer: ExplorerOptions

    func run() throws {
        try ExplorerLauncher.run({ store, _ in
            let path: String
            do {
                path = try DemoCopy.write()
            } catch {
                throw reportError("cannot prepare the demo: \(error)")
            }
            return .document(try store.loadOrReport(path), isDemo: true)
        }, options: explorer)
    }
}
