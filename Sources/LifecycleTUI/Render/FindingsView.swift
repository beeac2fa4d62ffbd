import LifecycleCore

/// The improvement plan: one row per open finding in plan order, with the status mark (a
/// glyph, not colour alone), the priority, the area, the question, the owner and the due
/// date (`!` after an overdue one); below, the selected finding's plan in full.
struct FindingsView {
    let state: ExplorerState
    let view: FindingsViewState
    let ascii: Bool

    var symbols: Symbols { Symbols(ascii: ascii) }

    /// Rows at the bottom of the box for the selected finding.
    static let detailRows = 3

    func draw(_ screen: inout Screen) {
        let rect = Rect(row: 1, column: 0, width: screen.width, height: screen.height - 2)
        BoxDrawing.draw(&screen, rect, title: title, ascii: ascii)
        let inner = Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 2)
        guard !view.findings.isEmpty else {
            screen.put("No open findings: no answer is a gap or partial, or each is excluded.", row: inner.row, column: inner.column, style: .dim,
                       maxWidth: inner.width)
            return
        }
        let listHeight = max(1, inner.height - Self.detailRows - 1)
        // Owner and due date on the right; a narrow screen drops the area (the detail strip
        // below names it) and shortens the owner, so the question keeps room to be read.
        let areaWidth = inner.width < 70 ? 0 : min(16, state.catalog.areas.map { DisplayWidth.of($0.shortTitle) }.max() ?? 0) + 2
        let ownerWidth = inner.width >= 100 ? 18 : inner.width >= 70 ? 12 : 10
        let planWidth = ownerWidth + 12
        let first = max(0, min(view.cursor - listHeight / 2, view.findings.count - listHeight))
        for offset in 0..<listHeight {
            let index = first + offset
            guard index < view.findings.count else { break }
            drawRow(&screen, view.findings[index], row: inner.row + offset, inner: inner, selected: index == view.cursor,
                    areaWidth: areaWidth, ownerWidth: ownerWidth, planWidth: planWidth)
        }
        let separator = inner.row + listHeight
        screen.put(String(repeating: ascii ? "-" : "─", count: inner.width), row: separator, column: inner.column, style: .dim)
        if let finding = view.selected { drawDetail(&screen, finding, top: separator + 1, inner: inner) }
    }

    private func drawRow(_ screen: inout Screen, _ finding: Finding, row: Int, inner: Rect, selected: Bool,
                         areaWidth: Int, ownerWidth: Int, planWidth: Int) {
        let plain: Style = selected ? .selected : .normal
        if selected { screen.fill(row: row, column: inner.column, width: inner.width, height: 1, style: .selected) }
        let end = inner.column + inner.width
        var x = inner.column
        let status = finding.answer.status
        let markStyle = StatusMarks.style(status)
        x += screen.put(StatusMarks.mark(status, ascii: ascii) + " ", row: row, column: x, style: selected ? markStyle.with(reverse: true) : markStyle)
        // The priority in words; a reviewer's own in bold, the risk's plain.
        let priorityStyle = Style(.normal, bold: finding.answer.priority != nil, reverse: selected)
        x += screen.put(DisplayWidth.padded(finding.priority.rawValue, toWidth: 7), row: row, column: x, style: priorityStyle, maxWidth: end - x)
        // Another pack's area carries its pack, as in every other list of areas.
        let area = finding.area.packID == PackLibrary.fundamentalsID ? finding.area.shortTitle : finding.packID + ": " + finding.area.shortTitle
        if areaWidth > 0 {
            screen.put(area, row: row, column: x, style: selected ? plain : Style(.accent), maxWidth: min(areaWidth - 2, end - x))
            x += areaWidth
        }
        let planColumn = end - planWidth
        guard x < planColumn else { return }
        let note = finding.answer.hasNote ? StatusMarks.noteMarker(ascii: ascii) + " " : ""
        screen.put(note + finding.question.text, row: row, column: x, style: plain, maxWidth: planColumn - 1 - x)
        let owner = finding.answer.owner.isEmpty ? "-" : finding.answer.owner
        screen.put(DisplayWidth.truncated(owner, toWidth: ownerWidth - 1), row: row, column: planColumn, style: selected ? plain : .dim, maxWidth: ownerWidth - 1)
        if let due = finding.answer.due {
            let style: Style = finding.overdue ? Style(.gap, bold: true, reverse: selected) : plain
            screen.put(due.description + (finding.overdue ? "!" : ""), row: row, column: planColumn + ownerWidth, style: style, maxWidth: 11)
        }
    }

    /// Owner, due date and priority; the evidence; what to do, for the selected finding.
    private func drawDetail(_ screen: inout Screen, _ finding: Finding, top: Int, inner: Rect) {
        let answer = finding.answer
        let sep = symbols.separator
        var first = "Owner: " + (answer.owner.isEmpty ? "none (o sets one)" : answer.owner)
        first += sep + "Due: " + (answer.due.map { $0.description + (finding.overdue ? " (overdue)" : "") } ?? "none (d)")
        first += sep + "Priority: " + (answer.priority.map { "\($0.rawValue) (set)" } ?? "\(finding.priority.rawValue) (from the \(finding.risk.rawValue) risk)")
        let evidence = answer.evidence.isEmpty ? "Evidence: none (e adds)"
            : "Evidence: " + answer.evidence.map { $0.label.isEmpty ? $0.ref : "\($0.label) <\($0.ref)>" }.joined(separator: ", ")
        let next = finding.toImprove.first.map { "To improve: " + $0 }
            ?? (answer.note.isEmpty ? "\(finding.area.labelledTitle) · \(PackKey.qualified(finding.key))" : "Note: " + answer.note)
        for (offset, line) in [first, evidence, next].enumerated() {
            let text = line.replacing("\n", with: " ")
            screen.put(text, row: top + offset, column: inner.column, style: offset == 1 && answer.evidence.isEmpty || offset == 2 ? .dim : .normal,
                       maxWidth: inner.width)
        }
    }

    private var title: String {
        let overdue = view.findings.count(where: \.overdue)
        let position = view.findings.isEmpty ? "" : "\(symbols.separator)\(view.cursor + 1) of \(view.findings.count)"
        return "Improvement plan\(symbols.separator)\(view.findings.count) open\(symbols.separator)\(overdue) overdue\(position)"
    }
}
