import LifecycleCore

/// The checklist of a question answered by choices: each choice ticked or not, and the
/// risk the ticked ones give, as a word (not colour alone).
struct ChecklistView {
    let state: ExplorerState
    let checklist: ChecklistState
    let ascii: Bool

    var symbols: Symbols { Symbols(ascii: ascii) }

    func draw(_ screen: inout Screen) {
        guard let question = state.catalog.question(id: checklist.questionID) else { return }
        let width = min(screen.width - 4, 96)
        let textWidth = width - 4
        let text = WordWrap.lines(screen.visible(question.text), width: textWidth).prefix(2)
        let height = min(screen.height - 2, question.choices.count + text.count + 5)
        let rect = Rect(row: max(1, (screen.height - height) / 2), column: (screen.width - width) / 2, width: width, height: height)
        screen.fill(row: rect.row, column: rect.column, width: rect.width, height: rect.height, style: .normal)
        BoxDrawing.draw(&screen, rect, title: "Choices\(symbols.separator)\(PackKey.qualified(question.id))", ascii: ascii)
        var row = rect.row + 1
        for line in text {
            screen.put(line, row: row, column: rect.column + 2, style: .bold, maxWidth: textWidth)
            row += 1
        }
        row += 1
        let listHeight = rect.row + rect.height - 2 - row
        let first = max(0, min(checklist.cursor - listHeight / 2, question.choices.count - listHeight))
        for (offset, choice) in question.choices.enumerated().dropFirst(first).prefix(max(0, listHeight)) {
            let selected = offset == checklist.cursor
            let ticked = checklist.selected.contains(choice.id)
            let style: Style = selected ? .selected : .normal
            if selected { screen.fill(row: row, column: rect.column + 1, width: rect.width - 2, height: 1, style: .selected) }
            var x = rect.column + 2
            x += screen.put(ticked ? (ascii ? "[x] " : "[✓] ") : "[ ] ", row: row, column: x, style: selected ? style : (ticked ? Style(.addressed, bold: true) : .dim))
            x += screen.put(screen.visible(choice.text), row: row, column: x, style: style, maxWidth: rect.column + rect.width - 2 - x)
            if choice.isNone { screen.put("  (clears the others)", row: row, column: x, style: selected ? style : .dim, maxWidth: rect.column + rect.width - 2 - x) }
            row += 1
        }
        let risk = checklist.selected.isEmpty ? AnswerRisk.unanswered : .rated(question.risk(selected: Set(checklist.selected)))
        let footer = "Risk: \(RiskMarks.label(risk, ascii: ascii))\(symbols.separator)Space ticks\(symbols.separator)Enter/Esc: done, saved"
        screen.put(footer, row: rect.row + rect.height - 2, column: rect.column + 2, style: RiskMarks.style(risk), maxWidth: textWidth)
    }
}

/// How risk is shown: a mark and a word, in the colour of the status it maps to (high is
/// a gap's red), so it reads the same without colour.
enum RiskMarks {
    static func label(_ risk: AnswerRisk, ascii: Bool) -> String {
        switch risk {
        case .unanswered: "unanswered (nothing ticked)"
        case .notApplicable: "not applicable"
        case .rated(.high): (ascii ? "!! " : "▲▲ ") + "high"
        case .rated(.medium): (ascii ? "! " : "▲ ") + "medium"
        case .rated(.none): (ascii ? "- " : "· ") + "none"
        }
    }

    static func style(_ risk: AnswerRisk) -> Style {
        switch risk {
        case .unanswered: StatusMarks.style(.unanswered)
        case .notApplicable: StatusMarks.style(.notApplicable)
        case .rated(let rated): StatusMarks.style(StatusRisk.status(for: rated))
        }
    }
}
