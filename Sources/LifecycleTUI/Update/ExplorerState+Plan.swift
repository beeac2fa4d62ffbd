import LifecycleCore

/// The plan view (`P`): every open finding in plan order, its owner, due date, priority
/// and evidence edited in place. Each edit is one undoable answer change, saved at once.
extension ExplorerState {
    /// The open findings in the order `lifecycle plan` uses, each through its pack's status mapping.
    func planFindings() -> [Finding] {
        ImprovementPlan.findings(assessment, in: catalog, today: today) { self.document.review?.pack(ofQuestion: $0)?.statusRisk ?? .standard }
    }

    mutating func handlePlan(_ key: Key, view: inout FindingsViewState, layout: ExplorerLayout, now: Timestamp) -> [Effect] {
        let last = max(0, view.findings.count - 1)
        var effects: [Effect] = []
        switch KeyBindings.action(for: key, in: .findings) {
        case .close: overlay = nil; return []
        case .help: overlay = .planHelp(scroll: 0, plan: view); return []
        case .moveDown: view.cursor = min(last, view.cursor + 1)
        case .moveUp: view.cursor = max(0, view.cursor - 1)
        case .pageDown: view.cursor = min(last, view.cursor + 10)
        case .pageUp: view.cursor = max(0, view.cursor - 10)
        case .first: view.cursor = 0
        case .last: view.cursor = last
        case .confirm:
            if let finding = view.selected {
                overlay = nil
                jump(to: finding.key, layout: layout)
                return []
            }
        case .editOwner, .editDue, .addEvidence:
            guard let finding = view.selected else { break }
            let field: PlanField = switch KeyBindings.action(for: key, in: .findings) {
            case .editOwner: .owner
            case .editDue: .due
            default: .evidence
            }
            let text = switch field {
            case .owner: finding.answer.owner
            case .due: finding.answer.due?.description ?? ""
            case .evidence: ""
            }
            overlay = .planPrompt(PlanPromptState(field: field, questionID: finding.key, buffer: TextBuffer(text, allowsNewlines: false), plan: view))
            return []
        case .cyclePriority:
            guard let finding = view.selected else { break }
            var answer = finding.answer
            answer.priority = switch answer.priority {
            case nil: .high
            case .high: .medium
            case .medium: .low
            case .low: nil
            }
            effects = changePlan(answer, of: finding.key, view: &view, now: now,
                                 said: "priority: " + (answer.priority?.rawValue ?? "from the risk (\(finding.risk.rawValue))"))
        case .removeEvidence:
            guard let finding = view.selected else { break }
            guard !finding.answer.evidence.isEmpty else { flash = "no evidence to remove"; break }
            var answer = finding.answer
            let removed = answer.evidence.removeLast()
            effects = changePlan(answer, of: finding.key, view: &view, now: now, said: "removed \(removed.title) (U puts it back)")
        case .openEvidence:
            guard let finding = view.selected else { break }
            guard let first = finding.answer.evidence.first else { flash = "no evidence to open: e adds some"; break }
            effects = [.openEvidence(first)]
        case .undo, .redo:
            let undoing = KeyBindings.action(for: key, in: .findings) == .undo
            let kept = view.selected?.key
            effects = undoing ? undo(now: now, layout: layout) : redo(now: now, layout: layout)
            view.findings = planFindings()
            if let kept, let index = view.findings.firstIndex(where: { $0.key == kept }) { view.cursor = index }
            view.cursor = min(view.cursor, max(0, view.findings.count - 1))
        default: break
        }
        if case .findings = overlay { overlay = .findings(view) }
        return effects
    }

    /// Sets one finding's answer, rebuilds the plan (the order may change) and keeps the
    /// cursor on the same finding.
    private mutating func changePlan(_ answer: Answer, of key: String, view: inout FindingsViewState, now: Timestamp, said: String) -> [Effect] {
        setAnswer(answer, for: key, at: now)
        view.findings = planFindings()
        if let index = view.findings.firstIndex(where: { $0.key == key }) { view.cursor = index }
        view.cursor = min(view.cursor, max(0, view.findings.count - 1))
        flash = "\(PackKey.qualified(key)): \(said)"
        return [.save]
    }

    mutating func confirmPlanPrompt(_ prompt: PlanPromptState, now: Timestamp) -> [Effect] {
        var answer = assessment.answer(for: prompt.questionID)
        let text = prompt.buffer.text.trimmingWhitespace()
        let said: String
        switch prompt.field {
        case .owner:
            if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                return refuse(prompt, "an owner is one line without control characters")
            }
            answer.owner = text
            said = text.isEmpty ? "no owner" : "owner " + text
        case .due:
            if text.isEmpty {
                answer.due = nil
                said = "no due date"
            } else if let date = CalendarDate(text) {
                answer.due = date
                said = "due \(date)" + (date < today ? " (already overdue)" : "")
            } else {
                return refuse(prompt, "\"\(text)\" is not a date such as \(today)")
            }
        case .evidence:
            guard !text.isEmpty else { overlay = .findings(prompt.plan); return [] }
            do throws(EvidenceError) {
                let evidence = try Evidence.parse(text)
                guard !answer.evidence.contains(where: { $0.ref == evidence.ref }) else { return refuse(prompt, "already listed") }
                answer.evidence.append(evidence)
                said = "added \(evidence.kind.rawValue) \(evidence.title)"
            } catch {
                return refuse(prompt, error.reason)
            }
        }
        var view = prompt.plan
        overlay = .findings(view)
        let effects = changePlan(answer, of: prompt.questionID, view: &view, now: now, said: said)
        overlay = .findings(view)
        return effects
    }

    /// The prompt stays open with the reason; nothing is changed.
    private mutating func refuse(_ prompt: PlanPromptState, _ reason: String) -> [Effect] {
        var refused = prompt
        refused.problem = reason
        overlay = .planPrompt(refused)
        return []
    }
}
