import ArgumentParser
import LifecycleCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check assessment files (and catalog content files) and report every problem.",
        discussion: "Exit status 0 when every file is valid, 2 when any is not. Files are never modified."
    )

    @Argument(help: "Assessment or content/*.json files.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to validate") }
    }

    func run() throws {
        let validator = DocumentValidator(catalog: try loadCatalog())
        var invalidCount = 0
        for file in files {
            let report = validator.validate(path: file)
            report.warnings.forEach(printWarning)
            if report.isValid {
                StandardOutput.writeLine("\(TerminalSafeText.escaped(file)): ok (\(report.kind == .assessment ? "" : report.kind.rawValue + ", ")\(report.summary))")
            } else {
                invalidCount += 1
                report.errors.forEach { printError("lifecycle: error: \($0)") }
            }
        }
        if invalidCount > 0 {
            printError("\(invalidCount) of \(files.count) file\(files.count == 1 ? "" : "s") invalid")
            throw troubleExitCode
        }
    }
}
