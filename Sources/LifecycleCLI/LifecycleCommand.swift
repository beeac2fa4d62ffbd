import ArgumentParser
import LifecycleCore
import LifecycleTUI

/// `lifecycle`: the root command. With no subcommand it opens the explorer.
public struct LifecycleCommand: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "lifecycle",
        abstract: "Review a data platform's architecture through the data engineering lifecycle.",
        discussion: """
            Walk the five lifecycle stages (generation, storage, ingestion, transformation, \
            serving) and the six undercurrents, answer each key engineering question, and keep \
            the answers as plain JSON files in git. Run with no subcommand to open the explorer.
            """,
        version: version,
        subcommands: [
            OpenCommand.self, DemoCommand.self, NewCommand.self, QuestionsCommand.self, SetCommand.self,
            ShowCommand.self, ValidateCommand.self, MilestoneCommand.self, MilestonesCommand.self, DiffCommand.self,
            ReportCommand.self, PlanCommand.self, MergeCommand.self, TextconvCommand.self, PackCommand.self, UpgradeCommand.self,
        ]
    )

    @OptionGroup var explorer: ExplorerOptions

    public init() {}

    /// No subcommand: the start screen over the workspace folder.
    public func run() throws {
        try ExplorerLauncher.run({ _, workspace in
            try attempt { () throws(FileProblem) in try workspace.ensureExists() }
            return .startScreen
        }, options: explorer)
    }
}
