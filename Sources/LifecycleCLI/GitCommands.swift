import ArgumentParser
import FoundationEssentials
import LifecycleCore

/// The git set-up, in both git commands' help: a copied binary has no README beside it.
private let gitSetup = """
    To use it in git, in the repository that holds the assessments:
      echo 'reviews/*.json diff=lifecycle merge=lifecycle' >> .gitattributes
      git config diff.lifecycle.textconv "lifecycle textconv"
      git config merge.lifecycle.name "lifecycle assessment merge"
      git config merge.lifecycle.driver "lifecycle merge %O %A %B"
    """

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Three-way merge of assessment files, as a git merge driver (%O %A %B).",
        discussion: """
            Writes the result into OURS as canonical JSON. Answers changed on one side merge \
            cleanly; the same answer changed differently on both sides is a conflict: our \
            status is kept, both notes are kept between <<<<<<< / >>>>>>> markers, and the \
            exit status is 1. Other top-level fields merge the same way (different changes: \
            ours kept, exit status 1). Milestones are united by label; when both sides froze \
            a different snapshot under one label, theirs is kept as "LABEL (theirs)", then \
            "LABEL (theirs 2)", ..., also with exit status 1. The result is checked to load \
            before it is written. Exit status 2: a file could not be read or written, or the \
            result would not load (nothing is written).

            \(gitSetup)
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
        let oursFile = try store.loadOrReport(ours)
        let theirsFile = try store.loadOrReport(theirs)
        let baseAssessment: Assessment
        if FileIdentity(path: base)?.isEmptyFile == true {
            // Both branches added the file (git's add/add): there is no common ancestor, so
            // merge against an empty review: answers both gave alike merge, different ones
            // conflict, and so do different names.
            baseAssessment = Assessment(name: "", catalog: oursFile.assessment.catalog, created: oursFile.assessment.created)
        } else {
            baseAssessment = try store.loadOrReport(base).assessment
        }
        // A side made with an older pack version is read with the pack's moves applied, as
        // every command reads it: otherwise the same answer under its old and new id would
        // look like two, and a gap under the old id could be lost next to the new one.
        let workspace = Workspace.fromEnvironment()
        func current(_ assessment: Assessment) -> Assessment {
            let review = PackComposition.review(of: assessment, at: oursFile.path, book: catalog, workspace: workspace)
            return PackUpgrade.isNeeded(review) ? PackUpgrade.upgrade(assessment, review: review, at: assessment.lastChange).0 : assessment
        }
        let baseCurrent = current(baseAssessment)
        let oursCurrent = current(oursFile.assessment), theirsCurrent = current(theirsFile.assessment)
        // The questions of every pack either side reviews, to merge ticked choices one by one.
        var both = oursCurrent
        both.packs = PackReference.union(oursCurrent, theirsCurrent, book: catalog)
        let questions = PackComposition.review(of: both, at: oursFile.path, book: catalog, workspace: Workspace.fromEnvironment()).catalog
        let result = ThreeWayMerge.merge(base: baseCurrent, ours: oursCurrent, theirs: theirsCurrent,
                                         question: { questions.question(id: $0) })
        if result.catalogsDiffer {
            printWarning("the merged files were made against different catalog versions; answers were matched by question id")
        }
        let bytes = result.merged.canonicalBytes()
        do {
            try store.checkLoads(bytes, as: ours)
        } catch {
            throw reportError("the merged result would not load, so nothing was written: \(error.description)")
        }
        // git owns OURS during a merge: write it atomically, without the stale-file check,
        // under the same lock as every other writer.
        let ours = self.ours
        try attempt { () throws(FileProblem) in
            try FileLock.withLock(on: ours) { () throws(FileProblem) in try AtomicFileWriter().write(bytes, to: ours) }
        }
        // A milestone kept under a new label is settled already (nothing to resolve): said,
        // not stopped on. Answers and fields changed differently on both sides are not.
        let renamedMilestones = result.conflicts.filter { $0.subject.hasPrefix("milestone ") }
        let conflicts = result.conflicts.filter { !$0.subject.hasPrefix("milestone ") }
        for note in renamedMilestones { printError("lifecycle: note: \(TerminalSafeText.escaped(note.description))") }
        guard conflicts.isEmpty else {
            for conflict in conflicts { printError("lifecycle: conflict: \(TerminalSafeText.escaped(conflict.description))") }
            let answers = conflicts.filter { $0.detail.contains("both kept in the note") }.count
            let hint = answers > 0 ? "resolve the notes marked <<<<<<< ours in the explorer (/<<< finds them), then commit"
                : "ours was kept; check the fields named above, then commit"
            printError("lifecycle: \(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s"); \(hint)")
            throw ExitCode(1)
        }
    }
}

struct TextconvCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "textconv",
        abstract: "Print an assessment as one line per answer, for git's diff.<name>.textconv.",
        discussion: """
            Prints the name, maturity, reviewers and progress, then one line per answer \
            grouped by area (notes and reasons indented below it) and a line per milestone, \
            so git diff and git log -p show "generation.event-rate: gap" instead of JSON.

            \(gitSetup)
            """
    )

    @Argument(help: "The assessment file.")
    var file: String

    func run() throws {
        let book = try loadCatalog()
        let loaded = try makeStore(book).loadOrReport(file)
        let review = review(of: loaded, book: book)
        StandardOutput.write(TextconvRenderer.render(reading(loaded, review: review), catalog: review.catalog))
    }
}
