import ArgumentParser
import LifecycleCore

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Answer one question from a script.",
        discussion: """
            Saves through the same atomic, stale-checked path as the explorer. \
            Statuses: unanswered, addressed, partial, gap, not-applicable.
            """
    )

    @Argument(help: "The assessment file.")
    var file: String

    @Argument(help: "The question id, e.g. generation.event-rate (see `lifecycle questions`).")
    var questionID: String

    @Option(help: "unanswered, addressed, partial, gap or not-applicable.")
    var status: AnswerStatus

    @Option(help: "Replace the note (use \"\" to clear it).")
    var note: String?

    @Option(help: "Why the question does not apply (with --status not-applicable).")
    var reason: String?

    func validate() throws {
        if reason != nil && status != .notApplicable {
            throw ValidationError("--reason is only for --status not-applicable")
        }
    }

    func run() throws {
        let catalog = try loadCatalog()
        let store = makeStore(catalog)
        let loaded = try store.loadOrReport(file)
        warnAboutDrift(loaded, catalog: catalog)
        guard catalog.containsQuestion(questionID) || loaded.assessment.answers[questionID] != nil else {
            throw reportError("unknown question \"\(TerminalSafeText.escaped(questionID))\" (see `lifecycle questions`)")
        }
        var assessment = loaded.assessment
        var answer = assessment.answer(for: questionID)
        answer.status = status
        if let note { answer.note = note }
        if let reason { answer.reason = reason }
        assessment.setAnswer(answer, for: questionID)
        try attempt { () throws(FileProblem) in
            try store.save(assessment, to: file, replacing: loaded.fingerprint)
        }
        StandardOutput.writeLine("\(TerminalSafeText.escaped(questionID)): \(status.label)")
    }
}
