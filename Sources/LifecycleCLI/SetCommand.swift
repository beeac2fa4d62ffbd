import ArgumentParser
import LifecycleCore

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Answer one question from a script.",
        discussion: """
            Takes the file's lock, re-reads the file and changes only this question, then \
            saves atomically: an answer another writer saved a moment ago is kept, and exit \
            status 0 means this answer is in the file. A question answered by choices takes \
            --choice (its status follows from the risk they give); one answered by status \
            takes --status.
            """
    )

    @Argument(help: "The assessment file.")
    var file: String

    @Argument(help: "The question: PACK_ID:QUESTION_ID, or the bare id when one pack of the assessment has it (e.g. generation.event-rate).")
    var questionID: String

    @Option(help: "unanswered, addressed, partial, gap or not-applicable.")
    var status: AnswerStatus?

    @Option(name: .customLong("choice"), help: "A selected choice (repeat for several): exactly these are selected.")
    var choices: [String] = []

    @Option(help: "Replace the note (use \"\" to clear it).")
    var note: String?

    @Option(help: "Why the question does not apply (with --status not-applicable).")
    var reason: String?

    func validate() throws {
        if status == nil && choices.isEmpty && note == nil {
            throw ValidationError("give --status, --choice or --note")
        }
        if status != nil && !choices.isEmpty {
            throw ValidationError("give --choice or --status, not both (--status unanswered clears the choices)")
        }
        if reason != nil && status != .notApplicable {
            throw ValidationError("--reason is only for --status not-applicable")
        }
    }

    func run() throws {
        let book = try loadCatalog()
        let store = makeStore(book)
        let typed = self.questionID, status = self.status, choices = self.choices, note = self.note, reason = self.reason
        nonisolated(unsafe) var review: ComposedReview?
        nonisolated(unsafe) var key = typed
        nonisolated(unsafe) var upgrades: [PackUpgradeReport] = []
        // Under the file's lock, the change is applied to what is on disk then: another
        // writer's answers to other questions, saved a moment ago, are kept.
        let (loaded, receipt) = try attempt { () throws(FileProblem) in
            try store.update(file) { (loaded: inout LoadedAssessment) throws(FileProblem) in
                let composed = PackComposition.review(of: loaded.assessment, at: loaded.path, book: book, workspace: Workspace.fromEnvironment())
                review = composed
                // The first write to a file made with an older pack version upgrades it,
                // after freezing a milestone of the old answers.
                if PackUpgrade.isNeeded(composed) {
                    let (upgraded, made) = PackUpgrade.upgrade(loaded.assessment, review: composed, at: .now())
                    loaded.assessment = upgraded
                    upgrades = made
                }
                do throws(QuestionLookup.Failure) {
                    key = try QuestionLookup.key(for: typed, in: composed.catalog)
                } catch {
                    // An answer kept for a question no pack has (a missing pack) can still be
                    // changed; an ambiguous name never falls back to one of its candidates.
                    guard case .unknown = error, loaded.assessment.answers[typed] != nil, status != nil || note != nil, choices.isEmpty else {
                        throw .changeRefused(message: error.description)
                    }
                }
                var answer = loaded.assessment.answer(for: key)
                let question = composed.catalog.question(id: key)
                if !choices.isEmpty {
                    guard let question else { throw .changeRefused(message: QuestionLookup.Failure.unknown(typed).description) }
                    do throws(ChoiceAnswering.Refusal) {
                        answer = try ChoiceAnswering.answer(answer, of: question, choosing: choices)
                    } catch {
                        throw .changeRefused(message: "\(PackKey.qualified(key)): \(error.description)")
                    }
                } else if let status {
                    if let question, question.isAnsweredByChoices, status != .unanswered, status != .notApplicable {
                        throw .changeRefused(message: "\(PackKey.qualified(key)) is answered by choices: use --choice (its status follows from the risk they give)")
                    }
                    answer.status = status
                    // Unanswered and not applicable leave the choices behind; a question no
                    // pack here knows keeps them (its pack may come back).
                    if status == .unanswered || status == .notApplicable || question != nil { answer.choices = [] }
                    // A reason belongs to not-applicable only: it goes when the status leaves it.
                    if status != .notApplicable { answer.reason = "" }
                }
                if let note { answer.note = note }
                if let reason { answer.reason = reason }
                loaded.assessment.setAnswer(answer, for: key)
            }
        }
        let catalog = review?.catalog ?? book
        for line in review?.warnings(file: loaded.path, assessment: loaded.assessment) ?? [] { printWarning(line) }
        warnAboutDrift(loaded, catalog: catalog)
        for warning in receipt.warnings { printWarning(warning) }
        for upgrade in upgrades {
            printError("lifecycle: note: upgraded pack \(upgrade.pack) \(TerminalSafeText.escaped(upgrade.from)) -> \(TerminalSafeText.escaped(upgrade.to)) (milestone \"\(TerminalSafeText.escaped(upgrade.milestone))\" keeps the old answers; lifecycle upgrade --dry-run shows what moved)")
        }
        let answer = loaded.assessment.answer(for: key)
        var line = "\(TerminalSafeText.escaped(key.contains(PackKey.separator) ? key : typed)): \(answer.status.label)"
        if let question = catalog.question(id: key), question.isAnsweredByChoices {
            let risk = review?.risk(of: question, in: loaded.assessment).name ?? "unanswered"
            line += " (risk \(risk); choices: \(answer.choices.isEmpty ? "none selected" : answer.choices.joined(separator: ", ")))"
        }
        StandardOutput.writeLine(line)
    }
}
