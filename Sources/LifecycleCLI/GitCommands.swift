import ArgumentParser
import FoundationEssentials
import LifecycleCore

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Three-way merge of assessment files, as a git merge driver (%O %A %B).",
        discussion: """
            Writes the result into OURS as canonical JSON. Answers changed on one side merge \
            cleanly; the same answer changed differently on both sides is a conflict: our \
            status is kept, both notes are kept between <<<<<<< / >>>>>>> markers, and the \
            exit status is 1. Exit status 2: a file could not be read or written.
            """
    )

    @Argument(help: "The common ancestor (%O).")
    var base: String

    @Argument(help: "Our version (%A); receives the result.")
    var ours: String

    @Argument(help: "Their version (%B).")
    var theirs: String

    func run() throws {
        let catalog = try loadCatalog()
        let store = makeStore(catalog)
        let baseFile = try store.loadOrReport(base)
        let oursFile = try store.loadOrReport(ours)
        let theirsFile = try store.loadOrReport(theirs)
        let result = ThreeWayMerge.merge(base: baseFile.assessment, ours: oursFile.assessment, theirs: theirsFile.assessment)
        if result.catalogsDiffer {
            printWarning("the merged files were made against different catalog versions; answers were matched by question id")
        }
        // git owns OURS during a merge: write it atomically, without the stale-file check.
        try attempt { () throws(FileProblem) in try AtomicFileWriter().write(result.merged.canonicalBytes(), to: ours) }
        guard result.conflicts.isEmpty else {
            for conflict in result.conflicts { printError("lifecycle: conflict: \(TerminalSafeText.escaped(conflict.description))") }
            printError("lifecycle: \(result.conflicts.count) conflict\(result.conflicts.count == 1 ? "" : "s"); resolve the notes marked <<<<<<< ours in the explorer, then commit")
            throw ExitCode(1)
        }
    }
}

struct TextconvCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "textconv",
        abstract: "Print an assessment as one line per answer, for git's diff.<name>.textconv.",
        discussion: "See the README for the .gitattributes and git config lines."
    )

    @Argument(help: "The assessment file.")
    var file: String

    func run() throws {
        let catalog = try loadCatalog()
        let loaded = try makeStore(catalog).loadOrReport(file)
        StandardOutput.write(TextconvRenderer.render(loaded.assessment, catalog: catalog))
    }
}
