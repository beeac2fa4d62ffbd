import LifecycleCore

/// The start screen: new assessment, demo, and the assessments in the workspace.
struct StartScreenView {
    let state: StartScreenState
    let catalog: Catalog
    let ascii: Bool

    var symbols: Symbols { Symbols(ascii: ascii) }

    func draw(_ screen: inout Screen) {
        screen.fill(row: 0, column: 0, width: screen.width, height: 1, style: .header)
        screen.put(" Lifecycle Explorer\(symbols.separator)data engineering lifecycle review", row: 0, column: 0, style: .header)
        screen.put(" Workspace: \(state.workspaceDirectory)", row: 1, column: 0, style: .dim)
        let listTop = 3
        let rows = max(1, screen.height - listTop - 2)
        let nameWidth = max(16, min(40, screen.width - 46))
        screen.put("   " + DisplayWidth.padded("Assessment", toWidth: nameWidth) + " Progress       Gaps  Last change",
                   row: listTop - 1, column: 0, style: Style(.accent, bold: true))
        let first = max(0, min(state.cursor - rows + 1, state.rowCount - rows))
        for offset in 0..<rows {
            let index = max(0, first) + offset
            guard index < state.rowCount else { break }
            let row = listTop + offset
            let selected = index == state.cursor && state.prompt == nil
            if selected { screen.fill(row: row, column: 0, width: screen.width, height: 1, style: .selected) }
            let base: Style = selected ? .selected : .normal
            screen.put(selected ? (ascii ? " >" : " ▶") : "  ", row: row, column: 0, style: base)
            switch index {
            case 0:
                screen.put("+ New assessment", row: row, column: 3, style: base.with(bold: true))
            case 1:
                screen.put("Demo: a review in progress (a private copy of the sample)", row: row, column: 3, style: selected ? base : .dim, maxWidth: screen.width - 4)
            default:
                let entry = state.entries[index - StartScreenState.fixedRows]
                screen.put(DisplayWidth.padded(screen.visible(entry.name), toWidth: nameWidth, ellipsis: screen.ellipsis), row: row, column: 3, style: base)
                var x = 4 + nameWidth
                if let problem = entry.problem {
                    screen.put("cannot open: " + problem, row: row, column: x, style: selected ? base : Style(.error), maxWidth: screen.width - x)
                    continue
                }
                screen.put(StatusMarks.bar(entry.progress, width: 6, ascii: ascii) + " " + "\(entry.progress.answered)/\(entry.progress.total)",
                           row: row, column: x, style: base)
                x += 15
                screen.put("\(entry.progress.gaps)", row: row, column: x, style: selected ? base : (entry.progress.gaps > 0 ? Style(.gap, bold: true) : .dim))
                x += 6
                screen.put(entry.lastChange, row: row, column: x, style: selected ? base : .dim, maxWidth: screen.width - x)
            }
        }
        if state.entries.isEmpty {
            screen.put("No assessments here yet: press n to create one, or d for the demo.", row: listTop + 3, column: 3, style: .dim, maxWidth: screen.width - 4)
        }
        drawFooter(&screen)
        drawPrompt(&screen)
        if let scroll = state.helpScroll {
            HelpContent.draw(&screen, contexts: [.start, .prompt, .choicePrompt, .packPrompt], scroll: scroll, ascii: ascii)
        }
    }

    private func drawFooter(_ screen: inout Screen) {
        let row = screen.height - 1
        if let flash = state.flash {
            screen.put(" " + flash, row: row, column: 0, style: Style(.warning, bold: true), maxWidth: screen.width)
            return
        }
        let context: KeyBinding.Context = switch state.prompt {
        case .name: .prompt
        case .maturity: .choicePrompt
        case .packs: .packPrompt
        case nil: .start
        }
        FooterHints.draw(&screen, KeyBindings.footer(context), row: row, room: screen.width, symbols: Symbols(ascii: ascii))
    }

    private func drawPrompt(_ screen: inout Screen) {
        switch state.prompt {
        case .name(let buffer):
            let rect = BoxDrawing.centered(width: 64, height: 5, in: screen.width, screen.height)
            BoxDrawing.draw(&screen, rect, title: "New assessment", ascii: ascii)
            let labelWidth = screen.put("System under review: ", row: rect.row + 1, column: rect.column + 2, style: .bold)
            let room = rect.width - 4 - labelWidth - 1
            let shown = Self.tail(of: screen.visible(buffer.text), width: room)
            let used = screen.put(shown, row: rect.row + 1, column: rect.column + 2 + labelWidth, maxWidth: room)
            let cursorColumn = rect.column + 2 + labelWidth + used
            screen[rect.row + 1, cursorColumn] = Cell(" ", style: .selected)
            screen.cursor = (rect.row + 1, cursorColumn)
            screen.put("Enter: next (maturity)\(symbols.separator)Esc: cancel", row: rect.row + 3, column: rect.column + 2, style: .dim, maxWidth: rect.width - 4)
        case .maturity(let name, let selected):
            let choices = catalog.maturityStages.map { ($0.title, $0.summary) } + [("Not recorded", "Decide later.")]
            // As wide as the descriptions need, up to the window.
            let widest = choices.map { DisplayWidth.of($0.0) + 2 + DisplayWidth.of($0.1) }.max() ?? 60
            let rect = BoxDrawing.centered(width: min(screen.width - 2, max(72, widest + 4)), height: choices.count + 5, in: screen.width, screen.height)
            BoxDrawing.draw(&screen, rect, title: "Data maturity of \(name)", ascii: ascii)
            for (index, choice) in choices.enumerated() {
                let row = rect.row + 1 + index
                let isSelected = index == selected
                if isSelected { screen.fill(row: row, column: rect.column + 1, width: rect.width - 2, height: 1, style: .selected) }
                let used = screen.put(choice.0, row: row, column: rect.column + 2, style: isSelected ? .selected : .bold)
                screen.put("  " + choice.1, row: row, column: rect.column + 2 + used, style: isSelected ? .selected : .dim,
                           maxWidth: rect.width - 4 - used)
            }
            let next = state.availablePacks.count > 1 ? "Enter: next (packs)" : "Enter: create"
            screen.put("\(next)\(symbols.separator)Esc: back", row: rect.row + rect.height - 2, column: rect.column + 2, style: .dim, maxWidth: rect.width - 4)
        case .packs(let name, _, let list):
            PackListView.draw(&screen, list, title: "Packs to review in \(name)", hint: "Space: tick\(symbols.separator)Enter: create\(symbols.separator)Esc: back", ascii: ascii)
        case nil:
            break
        }
    }

    /// The end of typed text that fits `width` columns, so the cursor after it stays in view.
    static func tail(of text: String, width: Int) -> String {
        var start = text.endIndex
        var used = 0
        while start > text.startIndex {
            let previous = text.index(before: start)
            let characterWidth = DisplayWidth.of(text[previous])
            if used + characterWidth > width { break }
            used += characterWidth
            start = previous
        }
        return String(text[start...])
    }
}
