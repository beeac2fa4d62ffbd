import LifecycleCore

/// The help overlay's text, from the key table: every context's keys, then the marks.
/// Shared by the explorer's and the start screen's help.
enum HelpContent {
    static let explorerContexts: [KeyBinding.Context] = [.explorer, .noteEditor, .search, .overview, .comparePicker, .diff, .findings, .checklist, .packPrompt, .prompt, .conflict]
    /// `?` in the plan view: its own keys, and the prompts it opens.
    static let planContexts: [KeyBinding.Context] = [.findings, .prompt]

    static func lineCount(contexts: [KeyBinding.Context]) -> Int {
        lines(contexts: contexts, screen: Screen(width: 80, height: 1), ascii: false).count
    }

    /// The box is as wide as the window allows, up to 100 columns; descriptions wrap under
    /// themselves rather than being cut.
    static func boxWidth(screenWidth: Int) -> Int { max(20, min(100, screenWidth - 4)) }

    static func lines(contexts: [KeyBinding.Context], screen: Screen, ascii: Bool) -> [StyledLine] {
        let symbols = Symbols(ascii: ascii)
        let descriptionWidth = max(10, boxWidth(screenWidth: screen.width) - 4 - 1 - 22)
        var lines: [StyledLine] = []
        for context in contexts {
            lines.append(StyledLine(text: context.rawValue, style: Style(.accent, bold: true)))
            for binding in KeyBindings.help(context) {
                let keys = DisplayWidth.padded(screen.visible(symbols.keys(binding.keys)), toWidth: 22, ellipsis: screen.ellipsis)
                for (index, part) in WordWrap.lines(screen.visible(binding.description), width: descriptionWidth).enumerated() {
                    lines.append(StyledLine(text: (index == 0 ? keys : String(repeating: " ", count: 22)) + part, style: .normal, indent: 1))
                }
            }
            lines.append(StyledLine(text: "", style: .normal))
        }
        if contexts.contains(.explorer) {
            let marks = "Marks: \(StatusMarks.mark(.unanswered, ascii: ascii)) unanswered  \(StatusMarks.mark(.addressed, ascii: ascii)) addressed  [~] partial  \(StatusMarks.mark(.gap, ascii: ascii)) gap  [-] not applicable  \(StatusMarks.noteMarker(ascii: ascii)) has a note"
            lines += StyledLine.wrapped(marks, width: boxWidth(screenWidth: screen.width) - 4, style: .dim)
        }
        return lines
    }

    /// How far the explorer's help scrolls in a window of this height (its box leaves
    /// two rows of the window and two for its border).
    static func maximumScroll(height: Int) -> Int {
        let count = lines(contexts: explorerContexts, screen: Screen(width: 80, height: 1), ascii: false).count
        return max(0, count - max(1, height - 4))
    }

    /// Draws the help box: the title says how to scroll and close, the bottom border where
    /// you are ("12-30 of 74").
    static func draw(_ screen: inout Screen, contexts: [KeyBinding.Context], scroll: Int, ascii: Bool) {
        let symbols = Symbols(ascii: ascii)
        let all = lines(contexts: contexts, screen: screen, ascii: ascii)
        let rect = BoxDrawing.centered(width: boxWidth(screenWidth: screen.width), height: min(all.count + 2, screen.height - 2),
                                       in: screen.width, screen.height)
        let visible = max(1, rect.height - 2)
        let first = max(0, min(scroll, all.count - visible))
        let scrolls = all.count > visible
        let title = "Keys" + symbols.separator + (scrolls ? symbols.keys("↑/↓ j/k") + " scroll" + symbols.separator : "") + "other keys close"
        BoxDrawing.draw(&screen, rect, title: title, ascii: ascii)
        OverlayView.drawLines(&screen, all, in: Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: visible), scroll: first)
        if scrolls {
            let position = " \(first + 1)-\(min(all.count, first + visible)) of \(all.count)\(first + visible < all.count ? (ascii ? " v more" : " ↓ more") : "") "
            let width = DisplayWidth.of(position)
            screen.put(position, row: rect.row + rect.height - 1, column: rect.column + rect.width - width - 2, style: Style(.accent, bold: true))
        }
    }
}
