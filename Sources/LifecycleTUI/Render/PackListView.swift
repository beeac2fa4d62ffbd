import LifecycleCore

/// The pack checklist: the start screen's last step and the explorer's `+`.
enum PackListView {
    static func draw(_ screen: inout Screen, _ list: PackListState, title: String, hint: String, ascii: Bool) {
        let rows = list.choices.map { choice in
            (choice, "\(choice.title) (\(choice.id), \(Counted.noun(choice.questionCount, "question")))")
        }
        let widest = rows.map { DisplayWidth.of(screen.visible($0.1)) }.max() ?? 40
        let height = min(screen.height - 2, list.choices.count + 4)
        let rect = BoxDrawing.centered(width: min(screen.width - 2, max(60, widest + 10)), height: height, in: screen.width, screen.height)
        screen.fill(row: rect.row, column: rect.column, width: rect.width, height: rect.height, style: .normal)
        BoxDrawing.draw(&screen, rect, title: title, ascii: ascii)
        let room = rect.height - 3
        let first = max(0, min(list.cursor - room / 2, list.choices.count - room))
        for (offset, row) in rows.enumerated().dropFirst(first).prefix(max(0, room)) {
            let line = rect.row + 1 + offset - first
            let selected = offset == list.cursor
            let ticked = list.selected.contains(row.0.id)
            if selected { screen.fill(row: line, column: rect.column + 1, width: rect.width - 2, height: 1, style: .selected) }
            let used = screen.put(ticked ? (ascii ? "[x] " : "[✓] ") : "[ ] ", row: line, column: rect.column + 2,
                                  style: selected ? .selected : (ticked ? Style(.addressed, bold: true) : .dim))
            screen.put(screen.visible(row.1), row: line, column: rect.column + 2 + used, style: selected ? .selected : .normal, maxWidth: rect.width - 4 - used)
        }
        screen.put(hint, row: rect.row + rect.height - 2, column: rect.column + 2, style: .dim, maxWidth: rect.width - 4)
    }
}
