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

            Plan fields work with or without --status: --owner, --due, --priority, \
            --evidence (repeat it: the references given replace the list) and --exclude; \
            an empty value ("") clears each. Evidence is a URL (http or https), a path in \
            the repository that holds the assessment (docs/runbook.md:12), or a ticket \
            (ABC-123, org/repo#42); give it a label as [LABEL](REF).
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

    @Option(help: "Who acts on this finding: a team or a handle (\"\" clears).")
    var owner: String?

    @Option(help: "When the finding is due, YYYY-MM-DD (\"\" clears).")
    var due: String?

    @Option(help: "high, medium or low, over the order the risk gives (\"\" clears).")
    var priority: String?

    @Option(name: .customLong("evidence"), help: "A reference behind the answer, [LABEL](REF) for a label (repeat for several; together they replace the list; \"\" clears).")
    var evidence: [String] = []

    @Option(help: "Leave this answer out of every count and of the plan, for this reason (\"\" counts it again).")
    var exclude: String?

    /// The plan fields as checked by `validate()`.
    struct PlanChange {
        var owner: String?
        var due: CalendarDate??
        var priority: FindingPriority??
        var evidence: [Evidence]?
        var exclusion: String?

        func apply(to answer: inout Answer) {
            if let owner { answer.owner = owner }
            if let due { answer.due = due }
            if let priority { answer.priority = priority }
            if let evidence { answer.evidence = evidence }
            if let exclusion { answer.exclusion = exclusion }
        }
    }

    func planChange() throws -> PlanChange {
        var change = PlanChange()
        if let owner { change.owner = try singleLine(owner, "--owner") }
        if let exclude { change.exclusion = try singleLine(exclude, "--exclude") }
        if let due {
            if due.isEmpty { change.due = .some(nil) }
            else if let date = CalendarDate(due) { change.due = date }
            else { throw ValidationError("--due \"\(due)\" is not a date such as 2026-12-31") }
        }
        if let priority {
            if priority.isEmpty { change.priority = .some(nil) }
            else if let value = FindingPriority(rawValue: priority) { change.priority = value }
            else { throw ValidationError("--priority \"\(Excerpt.of(priority))\" is not one of \(FindingPriority.spellings)") }
        }
        if !evidence.isEmpty {
            do throws(EvidenceError) {
                let parsed = try evidence.filter { !$0.isEmpty }.map { argument throws(EvidenceError) in try Evidence.parse(argument) }
                // A reference is listed once: the first label given for it wins.
                var seen = Set<String>()
                change.evidence = parsed.filter { seen.insert($0.ref).inserted }
            } catch {
                throw ValidationError(error.description)
            }
        }
        return change
    }

    private func singleLine(_ text: String, _ option: String) throws -> String {
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw ValidationError("\(option) is one line, without control characters")
        }
        return text.trimmingWhitespace()
    }

    var changesPlan: Bool { owner != nil || due != nil || priority != nil || !evidence.isEmpty || exclude != nil }

    func validate() throws {
        if status == nil && choices.isEmpty && note == nil && !changesPlan {
            throw ValidationError("give --status, --choice, --note, or a plan field (--owner, --due, --priority, --evidence, --exclude)")
        }
        _ = try planChange()
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
        let plan = try planChange()
        let changesPlan = self.changesPlan
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
                    guard case .unknown = error, loaded.assessment.answers[typed] != nil, status != nil || note != nil || changesPlan, choices.isEmpty else {
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
                plan.apply(to: &answer)
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
        StandardOutput.alreadyDone = "the answer is saved in \(TerminalSafeText.escaped(loaded.path)); only this confirmation was lost"
        let answer = loaded.assessment.answer(for: key)
        var line = "\(TerminalSafeText.escaped(key.contains(PackKey.separator) ? key : typed)): \(answer.status.label)"
        if let question = catalog.question(id: key), question.isAnsweredByChoices {
            let risk = review?.risk(of: question, in: loaded.assessment).name ?? "unanswered"
            line += " (risk \(risk); choices: \(answer.choices.isEmpty ? "none selected" : answer.choices.joined(separator: ", ")))"
        }
        var planParts: [String] = []
        if !answer.owner.isEmpty { planParts.append("owner \(TerminalSafeText.escaped(answer.owner))") }
        if let due = answer.due { planParts.append("due \(due)") }
        if let priority = answer.priority { planParts.append("priority \(priority.rawValue)") }
        if !answer.evidence.isEmpty { planParts.append("\(answer.evidence.count) evidence") }
        if answer.isExcluded { planParts.append("excluded: \(TerminalSafeText.escaped(answer.exclusion))") }
        if changesPlan && !planParts.isEmpty { line += "; " + planParts.joined(separator: ", ") }
        StandardOutput.writeLine(line)
    }
}
