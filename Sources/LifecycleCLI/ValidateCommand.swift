import ArgumentParser
import LifecycleCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check assessment files (and catalog content files) and report every problem.",
        discussion: """
            Exit status 0 when every file is valid, 2 when any is not. Warnings (unresolved \
            merge conflict markers in notes, answers for questions not in this catalog, \
            another catalog version) do not change it, unless --strict is given: then \
            warnings alone give exit status 1, so CI can block them. Files are never modified.
            """
    )

    @Argument(help: "Assessment or content/*.json files.")
    var files: [String]

    @Flag(help: "Fail (exit status 1) when there are warnings, such as unresolved merge conflicts.")
    var strict = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to validate") }
    }

    func run() throws {
        let book = try loadCatalog()
        let workspace = Workspace.fromEnvironment()
        let validator = DocumentValidator(catalog: book, compose: { assessment, path in
            PackComposition.review(of: assessment, at: path, book: book, workspace: workspace)
        })
        var invalidCount = 0, warningCount = 0
        for file in files {
            let report = validator.validate(path: file)
            report.warnings.forEach(printWarning)
            warningCount += report.warnings.count
            if report.isValid {
                // "valid, with warnings" rather than "ok" when there is something to look at.
                let verdict = report.warnings.isEmpty ? "ok" : "valid, with \(Counted.noun(report.warnings.count, "warning"))"
                StandardOutput.writeLine("\(TerminalSafeText.escaped(file)): \(verdict) (\(report.kind == .assessment ? "" : report.kind.rawValue + ", ")\(report.summary))")
            } else {
                invalidCount += 1
                report.errors.forEach { printError("lifecycle: error: \($0)") }
            }
        }
        if invalidCount > 0 {
            printError("\(invalidCount) of \(files.count) file\(files.count == 1 ? "" : "s") invalid")
            throw troubleExitCode
        }
        if strict && warningCount > 0 {
            printError("lifecycle: \(warningCount) warning\(warningCount == 1 ? "" : "s"), failing because of --strict")
            throw ExitCode(1)
        }
    }
}
