import LifecycleCore

/// The open findings across areas: one row each, with the status mark (a glyph, not
/// colour alone), the risk, the area and the question, highest risk first.
struct FindingsView {
    let state: ExplorerState
    let view: FindingsViewState
    let ascii: Bool

    var symbols: Symbols { Symbols(ascii: ascii) }

    func draw(_ screen: inout Screen) {
        let rect = Rect(row: 1, column: 0, width: screen.width, height: screen.height - 2)
        BoxDrawing.draw(&screen, rect, title: title, ascii: ascii)
        let inner = Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 2)
        guard !view.findings.isEmpty else {
            screen.put("No open findings: no question is marked gap or partial.", row: inner.row, column: inner.column, style: .dim,
                       maxWidth: inner.width)
            return
        }
        let areaWidth = min(16, state.catalog.areas.map { DisplayWidth.of($0.shortTitle) }.max() ?? 0) + 2
        let first = max(0, min(view.cursor - inner.height / 2, view.findings.count - inner.height))
        for offset in 0..<inner.height {
            let index = first + offset
            guard index < view.findings.count else { break }
            let finding = view.findings[index]
            let row = inner.row + offset
            let selected = index == view.cursor
            let plain: Style = selected ? .selected : .normal
            if selected { screen.fill(row: row, column: inner.column, width: inner.width, height: 1, style: .selected) }
            let end = inner.column + inner.width
            var x = inner.column
            let markStyle = StatusMarks.style(finding.status)
            x += screen.put(StatusMarks.mark(finding.status, ascii: ascii) + " ", row: row, column: x,
                            style: selected ? markStyle.with(reverse: true) : markStyle)
            x += screen.put(DisplayWidth.padded(finding.risk.rawValue, toWidth: 7), row: row, column: x, style: selected ? plain : markStyle, maxWidth: end - x)
            // Another pack's area carries its pack, as in every other list of areas.
            let area = state.catalog.area(id: finding.area).map { $0.packID == PackLibrary.fundamentalsID ? $0.shortTitle : $0.packID + ": " + $0.shortTitle } ?? finding.area
            screen.put(area, row: row, column: x, style: selected ? plain : Style(.accent), maxWidth: min(areaWidth - 2, end - x))
            x += areaWidth
            guard x < end else { continue }
            let text = state.catalog.question(id: finding.questionID)?.text ?? finding.questionID
            let note = finding.hasNote ? StatusMarks.noteMarker(ascii: ascii) + " " : ""
            screen.put(note + text, row: row, column: x, style: plain, maxWidth: end - x)
        }
    }

    private var title: String {
        let high = view.findings.count { $0.risk == .high }
        let medium = view.findings.count - high
        let position = view.findings.isEmpty ? "" : "\(symbols.separator)\(view.cursor + 1) of \(view.findings.count)"
        return "Open findings\(symbols.separator)\(high) high\(symbols.separator)\(medium) medium\(position)"
    }
}
