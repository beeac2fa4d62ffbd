import LifecycleCore

/// The detail pane's lines: the selected area's guidance, or the selected question with
/// its answer. Shared by render and by update (to know how far the pane can scroll).
struct DetailContent {
    let state: ExplorerState
    let ascii: Bool

    var catalog: Catalog { state.catalog }
    var assessment: Assessment { state.assessment }
    var separator: String { Symbols(ascii: ascii).separator }

    func lines(width: Int) -> [StyledLine] {
        state.detailShowsArea ? areaLines(width: width) : questionLines(width: width)
    }

    func areaLines(width: Int) -> [StyledLine] {
        let area = state.currentArea
        var lines = [StyledLine(text: shown(area.title) + separator + area.kind.label + separator + "\(area.questions.count) questions", style: Style(.accent, bold: true))]
        if !area.summary.isEmpty { lines += StyledLine.wrapped(shown(area.summary), width: width, style: .normal) }
        // An imported lens's pillars carry no guidance: no empty headings for it.
        if !area.whyItMatters.isEmpty {
            lines.append(StyledLine(text: "", style: .normal))
            lines.append(StyledLine(text: "Why it matters", style: .bold))
            lines += StyledLine.wrapped(shown(area.whyItMatters), width: width, style: .normal)
        }
        if !area.pitfalls.isEmpty {
            lines.append(StyledLine(text: "", style: .normal))
            lines.append(StyledLine(text: "Pitfalls", style: .bold))
        }
        for pitfall in area.pitfalls {
            let wrapped = WordWrap.lines(shown(pitfall), width: max(1, width - 2))
            for (position, text) in wrapped.enumerated() {
                lines.append(StyledLine(text: (position == 0 ? (ascii ? "- " : "• ") : "  ") + text, style: .normal))
            }
        }
        return lines
    }

    func questionLines(width: Int) -> [StyledLine] {
        guard let id = state.currentQuestionID else {
            return [StyledLine(text: "Nothing selected.", style: .dim)]
        }
        let answer = assessment.answer(for: id)
        guard let question = catalog.question(id: id) else {
            return [StyledLine(text: "\(id) is not in this catalog; its answer is kept as it was.", style: Style(.warning))]
        }
        // Most needed first: the question, its answer and note; reference material after.
        var lines: [StyledLine] = []
        lines += StyledLine.wrapped(shown(question.text), width: width, style: .bold)
        var status = "Status: \(StatusMarks.mark(answer.status, ascii: ascii)) \(answer.status.label)"
        if let changed = answer.changed { status += separator + changed.text.replacing("T", with: " ").replacing("Z", with: " UTC") }
        lines.append(StyledLine(text: status, style: StatusMarks.style(answer.status)))
        if answer.status == .notApplicable || !answer.reason.isEmpty {
            let reason = answer.reason.isEmpty ? "(none given: press - to add one)" : shown(TerminalSafeText.escapedKeepingLines(answer.reason))
            lines += StyledLine.wrapped("Reason: " + reason, width: width, style: Style(.notApplicable))
        }
        lines += planLines(answer, width: width)
        if question.isAnsweredByChoices {
            let risk = question.risk(of: answer)
            lines.append(StyledLine(text: "Risk: " + RiskMarks.label(risk, ascii: ascii), style: RiskMarks.style(risk)))
            lines.append(StyledLine(text: "Choices (Space opens the checklist):", style: .bold))
            for choice in question.choices {
                let ticked = answer.choices.contains(choice.id)
                lines += StyledLine.wrapped((ticked ? (ascii ? "[x] " : "[✓] ") : "[ ] ") + shown(choice.text), width: width,
                                            style: ticked ? Style(.addressed) : .normal, indent: 2)
            }
        }
        if answer.note.isEmpty {
            lines.append(StyledLine(text: "Note: none (Enter to write one, E for $EDITOR)", style: .dim))
        } else {
            lines.append(StyledLine(text: "Note:", style: .bold))
            let note = shown(TerminalSafeText.escapedKeepingLines(answer.note)).replacing("\t", with: "    ")
            lines += StyledLine.wrapped(note, width: width, style: .normal, indent: 2)
        }
        // What the missing practices would take: each unticked choice's improvement text.
        let missing = question.choices.filter { !$0.isNone && !$0.plan.isEmpty && !answer.choices.contains($0.id) }
        if !missing.isEmpty && !answer.choices.isEmpty {
            lines.append(StyledLine(text: "To improve:", style: .bold))
            for choice in missing { lines += StyledLine.wrapped("- " + shown(choice.plan), width: width, style: .normal, indent: 2) }
        }
        lines.append(StyledLine(text: "", style: .normal))
        if !question.hint.isEmpty { lines += StyledLine.wrapped("Hint: " + shown(question.hint), width: width, style: .dim) }
        for resource in question.resources {
            lines += StyledLine.wrapped("More: " + shown(resource.text) + (resource.url.map { " " + shown($0) } ?? ""), width: width, style: .dim)
        }
        let chapter = question.chapter > 0 ? "\(separator)chapter \(question.chapter)" : ""
        let reference = "\(question.id)\(chapter)\(separator)" + question.tags.map { "#" + $0 }.joined(separator: " ")
        lines += StyledLine.wrapped(shown(reference), width: width, style: .dim)
        return lines
    }

    /// Owner, due date, priority, evidence and exclusion, when any is set (P edits them).
    private func planLines(_ answer: Answer, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        var facts: [String] = []
        if !answer.owner.isEmpty { facts.append("Owner: " + shown(TerminalSafeText.escaped(answer.owner))) }
        if let due = answer.due {
            let overdue = QuestionFilter.isOpen(answer) && ImprovementPlan.isOverdue(answer, today: state.today)
            facts.append("Due: \(due)" + (overdue ? " (overdue)" : ""))
        }
        if let priority = answer.priority { facts.append("Priority: \(priority.rawValue)") }
        if !facts.isEmpty { lines += StyledLine.wrapped(facts.joined(separator: separator), width: width, style: Style(.accent)) }
        if answer.isExcluded {
            lines += StyledLine.wrapped("Excluded from counts: " + shown(TerminalSafeText.escaped(answer.exclusion)), width: width, style: .dim)
        }
        if !answer.evidence.isEmpty {
            lines.append(StyledLine(text: "Evidence (P, then O opens the first):", style: .bold))
            for evidence in answer.evidence {
                let text = evidence.label.isEmpty ? evidence.ref : evidence.label + " <" + evidence.ref + ">"
                lines += StyledLine.wrapped("- \(evidence.kind.rawValue): " + shown(TerminalSafeText.escaped(text)), width: width, style: .normal, indent: 2)
            }
        }
        return lines
    }

    /// Text as the screen will show it, measured before wrapping so that wrapped lines
    /// still fit once drawn.
    private func shown(_ text: String) -> String {
        ascii ? ASCIIFallback.text(text) : text
    }
}
