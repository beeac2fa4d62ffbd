import LifecycleCore

/// The punctuation and key names the views draw, with the ASCII each becomes where the
/// terminal shows only ASCII (a locale that is not UTF-8). Text the views do not write
/// themselves is turned into ASCII by `Screen.visible`; these are chosen here because
/// a generic replacement would read worse or clash ("·" and "-" in the diff markers).
struct Symbols {
    let ascii: Bool

    /// Between items on one line.
    var separator: String { ascii ? " - " : " · " }
    /// Between the sides of a product: "stage × undercurrent", "80×24".
    var times: String { ascii ? "x" : "×" }
    /// Marks cut or unfinished text.
    var ellipsis: String { DisplayWidth.ellipsis(ascii: ascii) }
    /// Stands for "nothing here" in a table cell.
    var none: String { ascii ? "-" : "–" }

    /// Arrow keys by name where arrows cannot be drawn.
    func keys(_ keys: String) -> String {
        guard ascii else { return keys }
        return keys.replacing("↑/↓", with: "Up/Down").replacing("↑↓", with: "Up/Down")
            .replacing("←/→", with: "Left/Right")
    }

    /// A diff marker (`QuestionChange.Kind.marker`); in ASCII each kind keeps a marker of
    /// its own.
    func diffMarker(_ kind: QuestionChange.Kind, marker: String) -> String {
        guard ascii else { return marker }
        switch kind {
        case .improved: return "^"
        case .regressed: return "v"
        case .detailsChanged: return "*"
        default: return ASCIIFallback.text(marker)
        }
    }
}
