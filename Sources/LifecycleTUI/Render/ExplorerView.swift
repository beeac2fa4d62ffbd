import LifecycleCore

/// Draws the explorer: header, sidebar of areas, question list, detail pane, footer,
/// and whichever overlay is open. Only visible rows are drawn.
struct ExplorerView {
    let state: ExplorerState
    let ascii: Bool

    var catalog: Catalog { state.catalog }
    var assessment: Assessment { state.assessment }
    var symbols: Symbols { Symbols(ascii: ascii) }

    func draw(_ screen: inout Screen) {
        let layout = state.layout(width: screen.width, height: screen.height)
        drawHeader(&screen, layout.header)
        drawSidebar(&screen, layout)
        drawSeparators(&screen, layout)
        drawList(&screen, layout.list)
        drawDetail(&screen, layout.detail)
        drawFooter(&screen, layout.footer)
        OverlayView(state: state, ascii: ascii).draw(&screen, layout: layout)
    }

    // MARK: Header and footer

    private func drawHeader(_ screen: inout Screen, _ rect: Rect) {
        screen.fill(row: rect.row, column: 0, width: rect.width, height: 1, style: .header)
        let progress = state.overallProgress
        let separator = symbols.separator
        // With packs answered by choices, gaps and partial answers are named by their risk
        // (the status of a choice question follows from it).
        let counts = state.reviewsOtherPacks
            ? " \(progress.answered)/\(progress.total) answered\(separator)risk \(progress.gaps) high\(separator)\(progress.partial) medium "
            : " \(progress.answered)/\(progress.total) answered\(separator)\(progress.gaps) gap\(progress.gaps == 1 ? "" : "s")\(separator)\(progress.partial) partial "
        // Overdue findings only when there are some: most reviews set no due dates.
        let overdue = state.overdueCount > 0 ? "\(separator)\(state.overdueCount) overdue " : ""
        var left = " " + assessment.name
        if let maturity = assessment.maturity {
            left += separator + (catalog.maturityStage(id: maturity)?.title ?? maturity)
        }
        if state.document.isDemo { left += separator + "DEMO copy" }
        let right = overdue.isEmpty ? counts : String(counts.dropLast()) + overdue
        let rightWidth = DisplayWidth.of(screen.visible(right))
        let leftRoom = rect.width - rightWidth - 1
        if leftRoom >= 10 {
            screen.put(left, row: rect.row, column: 0, style: .header, maxWidth: leftRoom)
            screen.put(right, row: rect.row, column: rect.width - rightWidth, style: .header)
        } else {
            screen.put(left, row: rect.row, column: 0, style: .header, maxWidth: rect.width)
        }
    }

    /// Key hints or a message on the left, the save status on the right. The status keeps
    /// its beginning (what failed, and which file) and is cut at the end; it may take the
    /// whole row, leaving a message at least half of it.
    private func drawFooter(_ screen: inout Screen, _ rect: Rect) {
        let (saveText, saveStyle) = saveStatus()
        let flash = state.flash.map { screen.visible(" " + $0) }
        let flashWidth = flash.map { DisplayWidth.of($0) } ?? 0
        let status = screen.fitted(saveText, toWidth: max(0, rect.width - 1 - min(flashWidth, rect.width / 2)))
        let statusWidth = DisplayWidth.of(status)
        let room = max(0, rect.width - statusWidth - 1)
        if let flash {
            // A one-off message (until the next key) takes the hints' room: it is what the
            // reviewer must read now.
            screen.put(flash, row: rect.row, column: 0, style: Style(.accent, bold: true), maxWidth: room)
        } else {
            FooterHints.draw(&screen, KeyBindings.footer(footerContext), row: rect.row, room: room, symbols: symbols)
        }
        screen.put(status, row: rect.row, column: rect.width - statusWidth, style: saveStyle)
    }

    private var footerContext: KeyBinding.Context {
        switch state.overlay {
        case .noteEditor: .noteEditor
        case .search: .search
        case .overview: .overview
        case .diffView: .diff
        case .findings: .findings
        case .checklist: .checklist
        case .packPicker: .packPrompt
        case .reasonPrompt, .milestonePrompt, .saveCopyPrompt, .planPrompt, .ownerFilterPrompt: .prompt
        case .comparePicker: .comparePicker
        case .conflict: .conflict
        default: .explorer
        }
    }

    private func saveStatus() -> (String, Style) {
        switch state.document.saveState {
        case .clean: return ("no changes ", .dim)
        case .pending: return ("saving\(symbols.ellipsis) ", Style(.warning))
        case .saved(let time): return ("saved \(time) ", Style(.addressed))
        case .failed(let message): return ("NOT SAVED: \(message) ", Style(.error, bold: true))
        case .conflict: return ("NOT SAVED: conflict with the file on disk, r to resolve ", Style(.error, bold: true))
        }
    }

    // MARK: Sidebar

    private func drawSidebar(_ screen: inout Screen, _ layout: ExplorerLayout) {
        let rect = layout.sidebar
        let focused = state.focus == .sidebar && state.overlay == nil
        let titleWidth = layout.sidebarTitleWidth
        let lines = SidebarRows.lines(catalog: catalog, currentArea: state.areaIndex, ranges: state.packRanges)
        let packStart = state.packRanges.first { $0.range.contains(state.areaIndex) }?.range.lowerBound ?? 0
        for (offset, line) in lines.enumerated() {
            let row = rect.row + offset
            guard row < rect.row + rect.height else { break }
            switch line {
            case .blank:
                continue
            case .heading(let text):
                screen.put(text, row: row, column: rect.column, style: Style(.accent, bold: true), maxWidth: rect.width)
            case .pack(let id, let title, _):
                let areas = state.packRanges.first { $0.id == id }?.range ?? 0..<0
                let progress = areas.reduce(Progress()) { $0 + state.areaProgress[$1] }
                // A folded pack: its name gets the bar's room too (pack ids run long).
                var x = rect.column
                x += screen.put(" " + (ascii ? "+" : "▸") + " ", row: row, column: x, style: .dim)
                screen.put(DisplayWidth.padded(screen.visible(title), toWidth: titleWidth + 5, ellipsis: screen.ellipsis), row: row, column: x, style: Style(.accent))
                x += titleWidth + 6
                let count = "\(progress.answered)/\(progress.total)"
                x += screen.put(String(repeating: " ", count: max(0, 5 - count.count)) + count, row: row, column: x, style: .normal) + 1
                if progress.gaps > 0 {
                    screen.put("\(progress.gaps)\(StatusMarks.gapGlyph(ascii: ascii))", row: row, column: x, style: Style(.gap, bold: true),
                               maxWidth: rect.column + rect.width - x)
                }
            case .area(let index):
                let area = catalog.areas[index]
                let selected = index == state.areaIndex && state.source == .area(index)
                let progress = state.areaProgress[index]
                let rowStyle: Style = selected && focused ? .selected : (selected ? .bold : .normal)
                if selected && focused { screen.fill(row: row, column: rect.column, width: rect.width, height: 1, style: .selected) }
                var x = rect.column
                x += screen.put(selected ? (ascii ? ">" : "▶") : " ", row: row, column: x, style: rowStyle.with(bold: true))
                let number = index - packStart
                x += screen.put((0..<9).contains(number) ? "\(number + 1)" : " ", row: row, column: x, style: selected && focused ? .selected : .dim)
                x += 1
                let fullTitle = screen.visible(area.title)
                let title = DisplayWidth.of(fullTitle) <= titleWidth ? fullTitle : screen.visible(area.shortTitle)
                screen.put(DisplayWidth.padded(title, toWidth: titleWidth, ellipsis: screen.ellipsis), row: row, column: x, style: rowStyle)
                x += titleWidth + 1
                drawCounts(&screen, progress, row: row, column: x, right: rect.column + rect.width, style: rowStyle, highlighted: selected && focused)
            }
        }
        // Below the areas: maturity and the meaning of the columns, when there is room.
        var row = rect.row + lines.count + 1
        let bottom = rect.row + rect.height
        if row < bottom, let maturity = assessment.maturity {
            screen.put(" Maturity: " + (catalog.maturityStage(id: maturity)?.title ?? maturity), row: row, column: rect.column, style: .dim, maxWidth: rect.width)
            row += 1
        }
        if row < bottom {
            screen.put(" bar: answered\(symbols.separator)n/m\(symbols.separator)\(StatusMarks.gapGlyph(ascii: ascii)) gaps", row: row, column: rect.column, style: .dim, maxWidth: rect.width)
        }
    }

    /// The bar, answered/total and the gap count of one sidebar line.
    private func drawCounts(_ screen: inout Screen, _ progress: Progress, row: Int, column: Int, right: Int, style: Style, highlighted: Bool) {
        var x = column
        screen.put(StatusMarks.bar(progress, width: 5, ascii: ascii), row: row, column: x,
                   style: highlighted ? .selected : Style(progress.answered == progress.total ? .addressed : .accent))
        x += 6
        let count = "\(progress.answered)/\(progress.total)"
        screen.put(String(repeating: " ", count: max(0, 5 - count.count)) + count, row: row, column: x, style: style)
        x += 6
        if progress.gaps > 0 {
            screen.put("\(progress.gaps)\(StatusMarks.gapGlyph(ascii: ascii))", row: row, column: x,
                       style: highlighted ? .selected : Style(.gap, bold: true), maxWidth: right - x)
        }
    }

    private func drawSeparators(_ screen: inout Screen, _ layout: ExplorerLayout) {
        let vertical = ascii ? "|" : "│"
        let horizontal = ascii ? "-" : "─"
        for row in layout.sidebar.row..<(layout.sidebar.row + layout.sidebar.height) {
            screen.put(vertical, row: row, column: layout.sidebar.column + layout.sidebar.width, style: .dim)
            if layout.sideBySide {
                screen.put(vertical, row: row, column: layout.list.column + layout.list.width, style: .dim)
            }
        }
        if !layout.sideBySide && layout.hasDetail {
            let row = layout.list.row + layout.list.height
            for x in layout.list.column..<(layout.list.column + layout.list.width) {
                screen.put(horizontal, row: row, column: x, style: .dim)
            }
        }
    }

    // MARK: Question list

    private func drawList(_ screen: inout Screen, _ rect: Rect) {
        let focused = state.focus == .questions && state.overlay == nil
        let ids = state.listedQuestionIDs
        var title = " \(state.listTitle)"
        // "3 of 18" (the cursor), not "3/18": the sidebar's n/m counts answers.
        title += symbols.separator + (ids.isEmpty ? "no questions" : "\(state.questionCursor + 1) of \(ids.count)")
        if state.filter != .all { title += symbols.separator + "filter: \(state.filter.label)" }
        screen.put(title, row: rect.row, column: rect.column, style: Style(.accent, bold: true, underline: focused), maxWidth: rect.width)
        if ids.isEmpty {
            let message = state.filter == .all ? "  No questions here." : "  No question matches \"\(state.filter.label)\" (f: next filter, Esc: all)"
            screen.put(message, row: rect.row + 2, column: rect.column, style: .dim, maxWidth: rect.width)
            return
        }
        let rows = rect.height - 1
        for offset in 0..<rows {
            let index = state.questionScroll + offset
            guard index < ids.count else { break }
            let row = rect.row + 1 + offset
            let id = ids[index]
            let answer = assessment.answer(for: id)
            let isCursor = index == state.questionCursor
            let base: Style = isCursor && focused ? .selected : (isCursor ? .bold : .normal)
            if isCursor && focused { screen.fill(row: row, column: rect.column, width: rect.width, height: 1, style: .selected) }
            var x = rect.column
            x += screen.put(isCursor ? (ascii ? ">" : "›") : " ", row: row, column: x, style: base)
            let markStyle = isCursor && focused ? StatusMarks.style(answer.status).with(reverse: true) : StatusMarks.style(answer.status)
            x += screen.put(StatusMarks.mark(answer.status, ascii: ascii), row: row, column: x, style: markStyle)
            x += 1
            screen.put(answer.hasNote ? StatusMarks.noteMarker(ascii: ascii) : " ", row: row, column: x, style: base.with(bold: true))
            x += 2
            let text = catalog.question(id: id)?.text ?? "\(id) (not in this catalog)"
            screen.put(text, row: row, column: x, style: base, maxWidth: rect.column + rect.width - x)
        }
        if state.questionScroll > 0 {
            screen.put(ascii ? "^" : "↑", row: rect.row, column: rect.column + rect.width - 1, style: .dim)
        }
        if state.questionScroll + rows < ids.count {
            screen.put(ascii ? "v" : "↓", row: rect.row + rect.height - 1, column: rect.column + rect.width - 1, style: .dim)
        }
    }

    // MARK: Detail

    private func drawDetail(_ screen: inout Screen, _ rect: Rect) {
        guard rect.height > 0, rect.width > 4 else { return }
        let lines = DetailContent(state: state, ascii: ascii).lines(width: rect.width - 1)
        let focused = state.focus == .detail && state.overlay == nil
        let maxScroll = max(0, lines.count - rect.height)
        let scroll = min(state.detailScroll, maxScroll)
        for offset in 0..<rect.height {
            let index = scroll + offset
            guard index < lines.count else { break }
            let line = lines[index]
            screen.put(line.text, row: rect.row + offset, column: rect.column + 1 + line.indent, style: line.style,
                       maxWidth: rect.width - 1 - line.indent)
        }
        if focused { screen.put(ascii ? "*" : "●", row: rect.row, column: rect.column + rect.width - 1, style: Style(.accent)) }
        if scroll < maxScroll {
            screen.put(ascii ? "v" : "↓", row: rect.row + rect.height - 1, column: rect.column + rect.width - 1, style: .dim)
        }
    }
}
