import ArgumentParser
import LifecycleCore

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Answer one question from a script.",
        discussion: """
            Takes the file's lock, re-reads the file and changes only this question, then \
            saves atomically: an answer another writer saved a moment ago is kept, and exit \
            status 0 means this answer is in the file.
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
        let questionID = self.questionID, status = self.status, note = self.note, reason = self.reason
        // Under the file's lock, the change is applied to what is on disk then: another
        // writer's answers to other questions, saved a moment ago, are kept.
        let (loaded, receipt) = try attempt { () throws(FileProblem) in
            try store.update(file) { (loaded: inout LoadedAssessment) throws(FileProblem) in
                guard catalog.containsQuestion(questionID) || loaded.assessment.answers[questionID] != nil else {
                    throw .changeRefused(message: "unknown question \"\(TerminalSafeText.escaped(questionID))\" (see `lifecycle questions`)")
                }
                var answer = loaded.assessment.answer(for: questionID)
                answer.status = status
                // A reason belongs to not-applicable only: it goes when the status leaves it.
                if status != .notApplicable { answer.reason = "" }
                if let note { answer.note = note }
                if let reason { answer.reason = reason }
                loaded.assessment.setAnswer(answer, for: questionID)
            }
        }
        warnAboutDrift(loaded, catalog: catalog)
        for warning in receipt.warnings { printWarning(warning) }
        StandardOutput.writeLine("\(TerminalSafeText.escaped(questionID)): \(status.label)")
    }
}
