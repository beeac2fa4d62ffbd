import LifecycleCore

/// The stage x undercurrent matrix as a heat map: each cell shows how many of its
/// questions are answered, shaded by share (glyphs as well as colour), and the selected
/// cell's topics and questions below.
struct OverviewView {
    let state: ExplorerState
    let overview: OverviewState
    let ascii: Bool

    var catalog: Catalog { state.catalog }
    var symbols: Symbols { Symbols(ascii: ascii) }

    func draw(_ screen: inout Screen, layout: ExplorerLayout) {
        let rect = Rect(row: 1, column: 0, width: screen.width, height: screen.height - 2)
        let title = "Overview\(symbols.separator)stage \(symbols.times) undercurrent\(symbols.separator)Enter lists a cell's questions"
        BoxDrawing.draw(&screen, rect, title: title, ascii: ascii)
        let inner = Rect(row: rect.row + 1, column: rect.column + 1, width: rect.width - 2, height: rect.height - 2)
        let headerWidth = 16
        let stages = catalog.stages
        let undercurrents = catalog.undercurrents
        let cellWidth = max(6, (inner.width - headerWidth) / max(1, undercurrents.count))
        for (column, undercurrent) in undercurrents.enumerated() {
            let selected = column == overview.undercurrentIndex
            screen.put(undercurrent.shortTitle, row: inner.row, column: inner.column + headerWidth + column * cellWidth,
                       style: selected ? Style(.accent, bold: true, underline: true) : Style(.accent), maxWidth: cellWidth - 1)
        }
        for (rowIndex, stage) in stages.enumerated() {
            let row = inner.row + 1 + rowIndex
            let selectedRow = rowIndex == overview.stageIndex
            screen.put(stage.title, row: row, column: inner.column, style: selectedRow ? Style(.accent, bold: true, underline: true) : Style(.accent), maxWidth: headerWidth - 1)
            for (column, undercurrent) in undercurrents.enumerated() {
                let cell = catalog.cell(stage: stage.id, undercurrent: undercurrent.id)
                let progress = state.assessment.progress(ofQuestions: cell?.questionIDs ?? [])
                let selected = selectedRow && column == overview.undercurrentIndex
                let x = inner.column + headerWidth + column * cellWidth
                let shade = StatusMarks.heatGlyph(progress, ascii: ascii)
                let text = progress.total == 0 ? "  " + symbols.none : "\(shade)\(shade) \(progress.answered)/\(progress.total)"
                let style = Style(StatusMarks.heatRole(progress), bold: selected, reverse: selected)
                screen.fill(row: row, column: x, width: cellWidth - 1, height: 1, style: style)
                let used = screen.put(text, row: row, column: x, style: style, maxWidth: cellWidth - 1)
                if progress.gaps > 0 {
                    // Gaps in the gap colour, as everywhere else: never a shade of the map.
                    screen.put(" \(progress.gaps)" + StatusMarks.gapGlyph(ascii: ascii), row: row, column: x + used,
                               style: Style(.gap, bold: true, reverse: selected), maxWidth: max(0, cellWidth - 1 - used))
                }
            }
        }
        let legend = "shade: share answered, " + (ascii ? ". little to # all" : "░ little to █ all")
            + symbols.separator + "n" + StatusMarks.gapGlyph(ascii: ascii) + " gaps"
        screen.put(legend, row: inner.row + stages.count + 1, column: inner.column + 1, style: .dim, maxWidth: inner.width - 2)
        drawSelectedCell(&screen, top: inner.row + stages.count + 3, inner: inner)
    }

    private func drawSelectedCell(_ screen: inout Screen, top: Int, inner: Rect) {
        let stage = catalog.stages[overview.stageIndex]
        let undercurrent = catalog.undercurrents[overview.undercurrentIndex]
        guard let cell = catalog.cell(stage: stage.id, undercurrent: undercurrent.id) else { return }
        var lines: [StyledLine] = [StyledLine(text: "\(stage.title) \(symbols.times) \(undercurrent.title)", style: Style(.accent, bold: true))]
        let question = { (id: String, indent: String) -> StyledLine in
            let status = self.state.assessment.status(of: id)
            return StyledLine(text: indent + StatusMarks.mark(status, ascii: self.ascii) + " " + (self.catalog.question(id: id)?.text ?? id),
                              style: StatusMarks.style(status))
        }
        // Each topic with the questions that review it, so an unanswered topic shows where it is.
        let listed = Set(cell.topicQuestionIDs.joined())
        for (index, topic) in cell.topics.enumerated() {
            lines += StyledLine.wrapped((ascii ? "- " : "• ") + topic, width: inner.width - 2, style: .normal)
            let ids = index < cell.topicQuestionIDs.count ? cell.topicQuestionIDs[index] : []
            lines += ids.map { question($0, "  ") }
        }
        lines += cell.questionIDs.filter { !listed.contains($0) }.map { question($0, "") }
        let bottom = inner.row + inner.height
        for (offset, line) in lines.enumerated() where top + offset < bottom {
            screen.put(line.text, row: top + offset, column: inner.column + 1, style: line.style, maxWidth: inner.width - 2)
        }
    }
}
