import ArgumentParser
import LifecycleCore

/// `lifecycle upgrade FILE`: bring an assessment's packs to the versions found, moving
/// answers where the packs moved their questions.
struct UpgradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Move an assessment's answers to the current version of its packs.",
        discussion: """
            For each pack found at a newer version than the file recorded: a milestone \
            "before PACK VERSION" is frozen, then the answers follow the pack's moved \
            questions (renamed: as they are; merged: the least favourable status, every note \
            kept and labelled; split: the old note, labelled, on each new question). Reports \
            what moved, what is new and what no longer exists (its answers are kept). Every \
            other command already reads such a file with the moves applied, and the first \
            change saved upgrades it the same way; this does it on purpose.
            """
    )

    @Argument(help: "The assessment file.")
    var file: String

    @Option(help: "Only this pack.")
    var pack: String?

    @Flag(help: "Report what would change; write nothing.")
    var dryRun = false

    func run() throws {
        let book = try loadCatalog()
        let store = makeStore(book)
        let only = pack.map { Set([$0]) }
        var reports: [PackUpgradeReport] = []
        let loaded = try store.loadOrReport(file)
        if let pack, !loaded.assessment.packIDs.contains(pack) {
            throw reportError("\(TerminalSafeText.escaped(loaded.path)) does not review pack \(TerminalSafeText.escaped(pack)) (it reviews \(loaded.assessment.packIDs.joined(separator: ", ")))")
        }
        let current = review(of: loaded, book: book, warn: false)
        if dryRun || PackUpgrade.upgrade(loaded.assessment, review: current, packs: only, at: .now()).1.isEmpty {
            reports = PackUpgrade.upgrade(loaded.assessment, review: current, packs: only, at: .now()).1
        } else {
            nonisolated(unsafe) var done: [PackUpgradeReport] = []
            _ = try attempt { () throws(FileProblem) in
                try store.update(file) { (loaded: inout LoadedAssessment) throws(FileProblem) in
                    let review = PackComposition.review(of: loaded.assessment, at: loaded.path, book: book, workspace: Workspace.fromEnvironment())
                    let (upgraded, made) = PackUpgrade.upgrade(loaded.assessment, review: review, packs: only, at: .now())
                    guard !made.isEmpty else { throw .changeRefused(message: "\(TerminalSafeText.escaped(loaded.path)): every pack is at its current version; nothing to upgrade") }
                    loaded.assessment = upgraded
                    done = made
                }
            }
            reports = done
        }
        guard !reports.isEmpty else {
            StandardOutput.writeLine("\(TerminalSafeText.escaped(file)): every pack is at its current version; nothing to upgrade")
            return
        }
        var lines: [String] = []
        for report in reports {
            lines.append("\(report.pack) \(TerminalSafeText.escaped(report.from)) -> \(TerminalSafeText.escaped(report.to))"
                         + (dryRun ? " (dry run: nothing written)" : ": milestone \"\(TerminalSafeText.escaped(report.milestone))\" frozen first"))
            lines += report.moved.map { "  moved: \($0)" }
            if !report.added.isEmpty { lines.append("  new: " + report.added.joined(separator: ", ")) }
            if !report.retired.isEmpty { lines.append("  no longer in the pack (answers kept): " + report.retired.joined(separator: ", ")) }
            if report.moved.isEmpty && report.added.isEmpty && report.retired.isEmpty { lines.append("  no question moved") }
        }
        StandardOutput.write(lines.map(TerminalSafeText.escapedKeepingLines).joined(separator: "\n") + "\n")
    }
}
