import LifecycleCore

/// Overlays drawn on top of the explorer: help, search, overview, note editor, prompts.
struct OverlayView {
    let state: ExplorerState
    let ascii: Bool

    var catalog: Catalog { state.catalog }
    var symbols: Symbols { Symbols(ascii: ascii) }

    func draw(_ screen: inout Screen, layout: ExplorerLayout) {
        switch state.overlay {
        case .help(let scroll): drawHelp(&screen, scroll: scroll)
        case .planHelp(let scroll, let plan):
            FindingsView(state: state, view: plan, ascii: ascii).draw(&screen)
            HelpContent.draw(&screen, contexts: HelpContent.planContexts, scroll: scroll, ascii: ascii)
        case .search(let search): drawSearch(&screen, search)
        case .overview(let overview): OverviewView(state: state, overview: overview, ascii: ascii).draw(&screen, layout: layout)
        case .noteEditor(let editor): drawNoteEditor(&screen, editor, layout: layout)
        case .reasonPrompt(_, let buffer):
            drawPrompt(&screen, title: "Not applicable: why?", label: "Reason: ", buffer: buffer, hint: "Enter or Esc: keep\(symbols.separator)the answer is already saved as not applicable", layout: layout)
        case .saveCopyPrompt(let buffer):
            drawPrompt(&screen, title: "Save your answers as a copy", label: "File: ", buffer: buffer, hint: "Enter: save there and continue in it\(symbols.separator)Esc: back", layout: layout)
        case .conflict: drawConflict(&screen)
        case .milestonePrompt(let buffer):
            drawPrompt(&screen, title: "Freeze a milestone", label: "Label: ", buffer: buffer, hint: "Enter: freeze the current answers under this label\(symbols.separator)Esc: cancel", layout: layout)
        case .comparePicker(let picker): drawComparePicker(&screen, picker)
        case .diffView(let view): drawDiffView(&screen, view)
        case .findings(let view): FindingsView(state: state, view: view, ascii: ascii).draw(&screen)
        case .planPrompt(let prompt):
            FindingsView(state: state, view: prompt.plan, ascii: ascii).draw(&screen)
            let hint = prompt.problem.map { "not saved: " + $0 }
                ?? (prompt.field == .evidence ? "a URL, docs/x.md:12 or ABC-123; [LABEL](REF) for a label\(symbols.separator)Enter: add\(symbols.separator)Esc: back"
                    : "Enter: save (empty clears)\(symbols.separator)Esc: back")
            drawPrompt(&screen, title: prompt.field.title, label: prompt.field.label, buffer: prompt.buffer, hint: hint, layout: layout)
        case .ownerFilterPrompt(let buffer):
            drawPrompt(&screen, title: "Show one owner's questions", label: "Owner: ", buffer: buffer,
                       hint: "Enter: filter (empty: all)\(symbols.separator)Esc: cancel", layout: layout)
        case .checklist(let checklist): ChecklistView(state: state, checklist: checklist, ascii: ascii).draw(&screen)
        case .packPicker(let list):
            PackListView.draw(&screen, list, title: "Packs reviewed", hint: "Space: tick\(symbols.separator)Enter: review these\(symbols.separator)Esc: cancel", ascii: ascii)
        case nil: break
        }
    }

    // MARK: Help

    private func drawHelp(_ screen: inout Screen, scroll: Int) {
        HelpContent.draw(&screen, contexts: HelpContent.explorerContexts, scroll: scroll, ascii: ascii)
    }

    // MARK: Search

    private func drawSearch(_ screen: inout Screen, _ search: SearchState) {
        let rect = BoxDrawing.centered(width: 76, height: 18, in: screen.width, screen.height)
        BoxDrawing.draw(&screen, rect, title: "Search questions", ascii: ascii)
        let inner = Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 2)
        screen.put("/", row: inner.row, column: inner.column, style: Style(.accent, bold: true))
        drawBuffer(&screen, search.query, row: inner.row, column: inner.column + 2, width: inner.width - 2)
        let query = search.query.text
        let summary = query.isEmpty ? "type words from a question, hint or tag" : "\(search.results.count) match\(search.results.count == 1 ? "" : "es")"
        screen.put(summary, row: inner.row + 1, column: inner.column, style: .dim, maxWidth: inner.width)
        let rows = inner.height - 2
        let first = max(0, min(search.selected - rows + 1, search.results.count - rows))
        for offset in 0..<rows {
            let index = max(0, first) + offset
            guard index < search.results.count else { break }
            let id = search.results[index]
            let row = inner.row + 2 + offset
            let selected = index == search.selected
            if selected { screen.fill(row: row, column: inner.column, width: inner.width, height: 1, style: .selected) }
            let status = state.assessment.status(of: id)
            var x = inner.column
            x += screen.put(StatusMarks.mark(status, ascii: ascii), row: row, column: x, style: selected ? StatusMarks.style(status).with(reverse: true) : StatusMarks.style(status))
            x += 1
            let area = catalog.location(ofQuestion: id).map { catalog.areas[$0.areaIndex].title } ?? ""
            x += screen.put(area + ": ", row: row, column: x, style: selected ? .selected : .dim, maxWidth: 22)
            screen.put(catalog.question(id: id)?.text ?? id, row: row, column: x, style: selected ? .selected : .normal, maxWidth: inner.column + inner.width - x)
        }
    }

    // MARK: Note editor

    private func drawNoteEditor(_ screen: inout Screen, _ editor: NoteEditorState, layout: ExplorerLayout) {
        let rect = layout.sideBySide
            ? Rect(row: layout.detail.row, column: layout.detail.column - 1, width: layout.detail.width + 1, height: layout.detail.height)
            : Rect(row: layout.list.row + layout.list.height, column: layout.list.column - 1, width: layout.list.width + 1,
                   height: layout.detail.height + 1)
        guard rect.height >= 4 else { return }
        // At the cap the title says so: a long paste is cut there, never silently.
        let title = editor.buffer.isFull ? "Note full at \(editor.buffer.maximumLength): rest not taken"
            : "Note\(symbols.separator)\(editor.questionID)"
        BoxDrawing.draw(&screen, rect, title: title, ascii: ascii)
        let inner = Rect(row: rect.row + 1, column: rect.column + 1, width: rect.width - 2, height: rect.height - 2)
        let wrapped = EditorWrap.lines(editor.buffer, width: inner.width, visible: screen.visible)
        let cursorLine = wrapped.cursorLine
        let scroll = max(0, min(cursorLine, max(cursorLine - inner.height + 1, editor.scroll)))
        for offset in 0..<inner.height {
            let index = scroll + offset
            guard index < wrapped.lines.count else { break }
            screen.put(wrapped.lines[index], row: inner.row + offset, column: inner.column, maxWidth: inner.width)
        }
        let cursorRow = inner.row + cursorLine - scroll
        if cursorRow >= inner.row && cursorRow < inner.row + inner.height {
            screen.placeCursor(row: cursorRow, column: inner.column + min(wrapped.cursorColumn, inner.width - 1))
        }
    }

    // MARK: Prompts and dialogs

    private func drawPrompt(_ screen: inout Screen, title: String, label: String, buffer: TextBuffer, hint: String, layout: ExplorerLayout) {
        let rect = Rect(row: max(1, screen.height - 6), column: 2, width: screen.width - 4, height: 4)
        BoxDrawing.draw(&screen, rect, title: title, ascii: ascii)
        let labelWidth = screen.put(label, row: rect.row + 1, column: rect.column + 2, style: .bold)
        drawBuffer(&screen, buffer, row: rect.row + 1, column: rect.column + 2 + labelWidth, width: rect.width - 4 - labelWidth)
        let shown = buffer.isFull ? "full at \(buffer.maximumLength) characters: the rest was not taken" : hint
        screen.put(shown, row: rect.row + 2, column: rect.column + 2, style: buffer.isFull ? Style(.warning) : .dim, maxWidth: rect.width - 4)
    }

    private func drawConflict(_ screen: inout Screen) {
        var lines: [StyledLine]
        let title: String
        if let conflict = state.pendingConflict {
            title = "Answered differently by someone else"
            let count = conflict.questionIDs.count
            let shown = conflict.questionIDs.prefix(3).joined(separator: ", ") + (count > 3 ? " and \(count - 3) more" : "")
            let them = count == 1 ? "it" : "these"
            lines = [
                StyledLine(text: "Someone else changed \(count == 1 ? "an answer" : "\(count) answers") you changed too: \(shown).", style: .normal),
            ]
            // What each side says, so the choice is not made blind.
            func describe(_ answer: Answer) -> String {
                var text = answer.status.label
                // The plan fields too: when only an owner or a date differs, that is the conflict.
                if !answer.owner.isEmpty { text += ", owner: " + answer.owner }
                if let due = answer.due { text += ", due: \(due)" }
                if let priority = answer.priority { text += ", priority: " + priority.rawValue }
                if !answer.evidence.isEmpty { text += ", \(answer.evidence.count) evidence" }
                return text + (answer.note.isEmpty ? "" : ", note: " + (answer.note.split(separator: "\n").first.map(String.init) ?? ""))
            }
            for id in conflict.questionIDs.prefix(2) {
                lines.append(StyledLine(text: "mine: " + describe(state.assessment.answer(for: id)), style: Style(.accent), indent: 1))
                lines.append(StyledLine(text: "theirs: " + describe(conflict.theirs.assessment.answer(for: id)), style: Style(.accent), indent: 1))
            }
            lines += [
                StyledLine(text: "Everything else is merged. Nothing is overwritten yet.", style: .bold),
                StyledLine(text: "m keep mine for \(them); the rest of theirs stays", style: .normal),
                StyledLine(text: "t take theirs for \(them); the rest of mine stays", style: .normal),
            ]
        } else {
            title = "File changed on disk"
            lines = [
                StyledLine(text: "The file was removed or replaced after it was opened.", style: .normal),
                StyledLine(text: "Your answers are still here, unsaved. Nothing was overwritten.", style: .bold),
            ]
        }
        lines += [
            StyledLine(text: "r reload from disk (drops my unsaved changes)", style: .normal),
            StyledLine(text: "w save mine as a copy and continue there", style: .normal),
            StyledLine(text: "Q quit without saving (a rescue copy is kept)", style: .normal),
            StyledLine(text: "Esc decide later (the next change asks again)", style: .dim),
        ]
        let width = min(74, screen.width - 2)
        var wrapped: [StyledLine] = []
        for line in lines { wrapped += StyledLine.wrapped(line.text, width: width - 4, style: line.style, indent: line.indent) }
        let rect = BoxDrawing.centered(width: width, height: wrapped.count + 2, in: screen.width, screen.height)
        BoxDrawing.draw(&screen, rect, title: title, ascii: ascii, style: Style(.error))
        Self.drawLines(&screen, wrapped, in: Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 2), scroll: 0)
    }

    // MARK: Comparison

    private func drawComparePicker(_ screen: inout Screen, _ picker: ComparePickerState) {
        let rect = BoxDrawing.centered(width: 70, height: min(picker.choices.count, 14) + 4, in: screen.width, screen.height)
        BoxDrawing.draw(&screen, rect, title: "Compare with" + symbols.ellipsis, ascii: ascii)
        let rows = rect.height - 4
        let first = max(0, min(picker.selected - rows + 1, picker.choices.count - rows))
        for offset in 0..<rows {
            let index = first + offset
            guard index < picker.choices.count else { break }
            let row = rect.row + 1 + offset
            let selected = index == picker.selected
            if selected { screen.fill(row: row, column: rect.column + 1, width: rect.width - 2, height: 1, style: .selected) }
            let text: String
            switch picker.choices[index] {
            case .milestone(let label):
                let created = state.assessment.milestone(labelled: label)?.created.text ?? ""
                text = "milestone  \(label)  (\(created))"
            case .file(let path, let name): text = "assessment \(name)  (\(path.split(separator: "/").last.map(String.init) ?? path))"
            }
            screen.put(text, row: row, column: rect.column + 2, style: selected ? .selected : .normal, maxWidth: rect.width - 4)
        }
        screen.put("Enter: compare\(symbols.separator)Esc: cancel", row: rect.row + rect.height - 2, column: rect.column + 2, style: .dim, maxWidth: rect.width - 4)
    }

    private func drawDiffView(_ screen: inout Screen, _ view: DiffViewState) {
        let rect = Rect(row: 1, column: 0, width: screen.width, height: screen.height - 2)
        BoxDrawing.draw(&screen, rect, title: "Changes" + symbols.separator + view.title, ascii: ascii)
        let inner = Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 2)
        let first = max(0, min(view.cursor - inner.height / 2, view.rows.count - inner.height))
        for offset in 0..<inner.height {
            let index = first + offset
            guard index < view.rows.count else { break }
            let row = inner.row + offset
            let selected = index == view.cursor
            if selected { screen.fill(row: row, column: inner.column, width: inner.width, height: 1, style: .selected) }
            switch view.rows[index] {
            case .heading(let text):
                screen.put(text, row: row, column: inner.column, style: selected ? .selected : Style(.accent, bold: true), maxWidth: inner.width)
            case .info(let text):
                screen.put(text, row: row, column: inner.column, style: selected ? .selected : .dim, maxWidth: inner.width)
            case .change(let id, let marker, let text, let kind):
                // The new status's colour, as everywhere (red is a gap); the marker gives the direction.
                let role = StatusMarks.style(state.assessment.status(of: id)).role
                var x = inner.column + 1
                x += screen.put(symbols.diffMarker(kind, marker: marker) + " ", row: row, column: x, style: selected ? .selected : Style(role, bold: true))
                x += screen.put(id + "  ", row: row, column: x, style: selected ? .selected : .bold, maxWidth: inner.column + inner.width - x)
                screen.put(text, row: row, column: x, style: selected ? .selected : .normal, maxWidth: inner.column + inner.width - x)
            }
        }
    }

    // MARK: Helpers

    static func drawLines(_ screen: inout Screen, _ lines: [StyledLine], in rect: Rect, scroll: Int) {
        let start = min(scroll, max(0, lines.count - rect.height))
        for offset in 0..<rect.height {
            let index = start + offset
            guard index < lines.count else { break }
            screen.put(lines[index].text, row: rect.row + offset, column: rect.column + lines[index].indent, style: lines[index].style,
                       maxWidth: rect.width - lines[index].indent)
        }
    }

    /// One-line input with a visible cursor, scrolled so the cursor stays in view.
    private func drawBuffer(_ screen: inout Screen, _ buffer: TextBuffer, row: Int, column: Int, width: Int) {
        guard width > 1 else { return }
        let characters = buffer.characters.map { screen.visible(String($0)) }
        var start = 0
        var used = characters[..<buffer.cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        while used > width - 1 && start < buffer.cursor {
            used -= DisplayWidth.of(characters[start])
            start += 1
        }
        let visible = characters[start...].joined()
        screen.put(visible, row: row, column: column, maxWidth: width)
        screen.placeCursor(row: row, column: column + used)
    }
}

/// Wraps editor text at word boundaries, like the detail pane shows the saved note, and
/// keeps every cursor position mapped to exactly one screen position: a space at a line
/// end stays on that line (where the cursor can sit after it), and a word longer than a
/// line is split.
enum EditorWrap {
    struct Result {
        var lines: [String]
        var cursorLine: Int
        var cursorColumn: Int
    }

    /// `visible`: how the screen shows one character (see `Screen.visible`).
    static func lines(_ buffer: TextBuffer, width: Int, visible: (String) -> String) -> Result {
        let room = max(1, width - 1)  // the last column is kept for the cursor
        let shown = buffer.characters.map { $0 == "\n" ? "" : visible(String($0)) }
        let widths = shown.map { DisplayWidth.of($0) }
        // Where each visual line starts, as an index into the characters.
        var starts = [0]
        var lineWidth = 0
        var lastBreak: Int?  // index just after the last space on this line
        for index in buffer.characters.indices {
            if buffer.characters[index] == "\n" {
                starts.append(index + 1)
                lineWidth = 0
                lastBreak = nil
                continue
            }
            if lineWidth + widths[index] > room {
                let isSpace = buffer.characters[index] == " "
                if isSpace && lineWidth < room + 1 {
                    // One space may hang at the line end, in the cursor's column.
                } else if !isSpace, let breakAt = lastBreak, breakAt > starts[starts.count - 1] {
                    starts.append(breakAt)
                    lineWidth = widths[breakAt..<index].reduce(0, +)
                    lastBreak = nil
                } else {
                    starts.append(index)
                    lineWidth = 0
                    lastBreak = nil
                }
            }
            lineWidth += widths[index]
            if buffer.characters[index] == " " { lastBreak = index + 1 }
        }
        var lines: [String] = []
        var cursorLine = 0, cursorColumn = 0
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] : buffer.characters.count
            var text = ""
            var column = 0
            for index in start..<end {
                if index == buffer.cursor { cursorLine = number; cursorColumn = column }
                guard buffer.characters[index] != "\n" else { continue }
                text += shown[index]
                column += widths[index]
            }
            if buffer.cursor == buffer.characters.count && number == starts.count - 1 {
                cursorLine = number
                cursorColumn = column
            }
            lines.append(text)
        }
        return Result(lines: lines, cursorLine: cursorLine, cursorColumn: min(cursorColumn, width - 1))
    }
}
