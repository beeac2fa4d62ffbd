import LifecycleCore

/// How statuses look. Each has a distinct glyph as well as a colour role, so the
/// meaning survives NO_COLOR, monochrome terminals and colour blindness.
enum StatusMarks {
    static func mark(_ status: AnswerStatus, ascii: Bool) -> String {
        switch status {
        case .unanswered: "[ ]"
        case .addressed: ascii ? "[+]" : "[✓]"
        case .partial: "[~]"
        case .gap: ascii ? "[!]" : "[✗]"
        case .notApplicable: "[-]"
        }
    }

    static func style(_ status: AnswerStatus) -> Style {
        switch status {
        case .unanswered: Style(.dim)
        case .addressed: Style(.addressed, bold: true)
        case .partial: Style(.partial, bold: true)
        case .gap: Style(.gap, bold: true)
        case .notApplicable: Style(.notApplicable)
        }
    }

    static func noteMarker(ascii: Bool) -> String { ascii ? "*" : "✎" }

    static func gapGlyph(ascii: Bool) -> String { ascii ? "!" : "✗" }

    /// A small bar: filled cells for the answered share.
    static func bar(_ progress: Progress, width: Int, ascii: Bool) -> String {
        let filled = progress.total == 0 ? 0 : Int((Double(width) * progress.fractionAnswered).rounded())
        return String(repeating: ascii ? "#" : "█", count: filled) + String(repeating: ascii ? "." : "░", count: width - filled)
    }

    /// Heat-map role for a share of answered questions.
    static func heatRole(_ progress: Progress) -> ColorRole {
        guard progress.total > 0 else { return .heatNone }
        switch progress.fractionAnswered {
        case 0: return .heatNone
        case ..<0.34: return .heatLow
        case ..<0.67: return .heatMid
        case ..<1: return .heatHigh
        default: return .heatFull
        }
    }

    /// Heat shading that is visible without colour.
    static func heatGlyph(_ progress: Progress, ascii: Bool) -> String {
        guard progress.total > 0 else { return " " }
        let levels = ascii ? [" ", ".", ":", "*", "#"] : [" ", "░", "▒", "▓", "█"]
        let index = Int((progress.fractionAnswered * 4).rounded())
        return levels[max(0, min(4, index))]
    }
}

/// Box drawing for panes and overlays.
enum BoxDrawing {
    static func draw(_ screen: inout Screen, _ rect: Rect, title: String, ascii: Bool, style: Style = Style(.accent)) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = ascii ? "-" : "─"
        let vertical = ascii ? "|" : "│"
        let corners = ascii ? ["+", "+", "+", "+"] : ["┌", "┐", "└", "┘"]
        screen.fill(row: rect.row, column: rect.column, width: rect.width, height: rect.height)
        let top = rect.row, bottom = rect.row + rect.height - 1
        let left = rect.column, right = rect.column + rect.width - 1
        for x in left...right {
            screen.put(horizontal, row: top, column: x, style: style)
            screen.put(horizontal, row: bottom, column: x, style: style)
        }
        for y in top...bottom {
            screen.put(vertical, row: y, column: left, style: style)
            screen.put(vertical, row: y, column: right, style: style)
        }
        screen.put(corners[0], row: top, column: left, style: style)
        screen.put(corners[1], row: top, column: right, style: style)
        screen.put(corners[2], row: bottom, column: left, style: style)
        screen.put(corners[3], row: bottom, column: right, style: style)
        if !title.isEmpty {
            screen.put(" \(title) ", row: top, column: left + 2, style: style.with(bold: true), maxWidth: rect.width - 4)
        }
    }

    /// A centred rectangle of at most the given size inside the window.
    static func centered(width: Int, height: Int, in screenWidth: Int, _ screenHeight: Int) -> Rect {
        let boxWidth = min(width, screenWidth - 2)
        let boxHeight = min(height, screenHeight - 2)
        return Rect(row: max(0, (screenHeight - boxHeight) / 2), column: max(0, (screenWidth - boxWidth) / 2),
                    width: boxWidth, height: boxHeight)
    }
}

/// A line of styled text to be drawn, used by panes that scroll.
struct StyledLine {
    var text: String
    var style: Style
    var indent: Int = 0

    /// Wraps a paragraph into lines of a width, all in one style.
    static func wrapped(_ text: String, width: Int, style: Style, indent: Int = 0) -> [StyledLine] {
        WordWrap.lines(text, width: max(1, width - indent)).map { StyledLine(text: $0, style: style, indent: indent) }
    }
}
