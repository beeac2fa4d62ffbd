import ArgumentParser
import FoundationEssentials
import Glibc
import LifecycleCore

/// Exit status for trouble (bad input, unreadable or unwritable files), as diff(1) uses it.
let troubleExitCode = ExitCode(2)

/// Prints a one-line error to standard error and returns the exit code to throw.
func reportError(_ message: String) -> ExitCode {
    printError("lifecycle: error: \(message)")
    return troubleExitCode
}

func printError(_ message: String) {
    // write(2) directly: Swift 6 treats the C `stderr` stream as unsafe shared state.
    let line = Array((message + "\n").utf8)
    _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}

func printWarning(_ message: String) {
    printError("lifecycle: warning: \(message)")
}

/// The built-in catalog, or an error exit when the binary was built from broken content.
/// The catalog to use: the built-in one, or the folder named by LIFECYCLE_CATALOG.
func loadCatalog() throws -> Catalog {
    if let directory = ProcessInfo.processInfo.environment["LIFECYCLE_CATALOG"], !directory.isEmpty {
        do {
            return try CatalogLoader.load(directory: directory)
        } catch {
            throw reportError("the catalog in LIFECYCLE_CATALOG=\(TerminalSafeText.escaped(directory)) is invalid:\n\(error.description)")
        }
    }
    do {
        return try CatalogLoader.builtInCatalog()
    } catch {
        throw reportError("the built-in catalog is invalid:\n\(error.description)")
    }
}

/// Rejects a maturity stage the catalog does not define, listing the ones it does.
func checkMaturity(_ maturity: String?, in catalog: Catalog) throws {
    guard let maturity, catalog.maturityStage(id: maturity) == nil else { return }
    throw reportError("unknown maturity stage \"\(TerminalSafeText.escaped(maturity))\" (expected one of \(catalog.maturityStages.map(\.id).joined(separator: ", ")))")
}

func makeStore(_ catalog: Catalog) -> AssessmentStore {
    AssessmentStore(catalog: catalog)
}

extension AssessmentStore {
    /// Loads a file for a command: a problem becomes a one-line error and exit status 2.
    func loadOrReport(_ path: String) throws -> LoadedAssessment {
        try attempt { () throws(FileProblem) in try load(path) }
    }
}

/// Runs a file operation, turning a `FileProblem` into a one-line error and exit status 2.
@discardableResult
func attempt<T>(_ body: () throws(FileProblem) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw reportError(error.description)
    }
}

/// The questions `loaded` reviews: the book's, or its packs composed. A pack that is not
/// found or is at another version is one warning line; its answers are kept.
func review(of loaded: LoadedAssessment, book: Catalog, warn: Bool = true) -> ComposedReview {
    let review = PackComposition.review(of: loaded.assessment, at: loaded.path, book: book, workspace: Workspace.fromEnvironment())
    if warn { for line in review.warnings(file: loaded.path, assessment: loaded.assessment) { printWarning(line) } }
    return review
}

/// The assessment as every command reads it: with its packs' moved questions applied when
/// a pack is newer than the file recorded (the file itself changes only on a write).
func reading(_ loaded: LoadedAssessment, review: ComposedReview) -> Assessment {
    guard PackUpgrade.isNeeded(review) else { return loaded.assessment }
    var upgraded = PackUpgrade.upgrade(loaded.assessment, review: review, at: loaded.assessment.lastChange).0
    upgraded.milestones = loaded.assessment.milestones  // the milestone is frozen by a write, not by reading
    return upgraded
}

/// Warns about answers the catalog does not know (kept in the file, never dropped).
func warnAboutDrift(_ loaded: LoadedAssessment, catalog: Catalog) {
    let unknown = loaded.assessment.unknownQuestionIDs(in: catalog)
    if !unknown.isEmpty {
        printWarning("\(TerminalSafeText.escaped(loaded.path)): \(unknown.count) answer(s) for questions not in this catalog are kept: \(AbbreviatedList.text(unknown))")
    }
}

/// Output formats shared by the commands that print data.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

extension AnswerStatus: ExpressibleByArgument {}

/// A report's text to `--output PATH` (never onto an assessment; see OutputFile) or to
/// standard output; `saying` follows "Wrote PATH" on stderr.
func writeOutput(_ text: String, to output: String?, readingFrom input: String, saying detail: String = "") throws {
    guard let output else { return StandardOutput.write(text) }
    guard !output.isEmpty else { throw reportError("--output needs a file name") }
    do {
        try OutputFile().write(Array(text.utf8), to: output, inputs: [input])
    } catch {
        throw reportError(error.description)
    }
    printError("Wrote \(TerminalSafeText.escaped(output))\(detail)")
}
