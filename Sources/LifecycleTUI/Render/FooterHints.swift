import LifecycleCore

/// The key hints on the footer's left. Help and quit (the essential hints) are placed
/// first at the right end of the room and always stay visible; the others fill what is
/// left, in the key table's order, and are dropped from the end when the window is narrow.
enum FooterHints {
    static func draw(_ screen: inout Screen, _ hints: [(keys: String, label: String, essential: Bool)],
                     row: Int, room: Int, symbols: Symbols, startingAt start: Int = 1) {
        func parts(_ hint: (keys: String, label: String, essential: Bool)) -> (String, String) {
            (screen.visible(symbols.keys(hint.keys)), screen.visible(" " + hint.label + "  "))
        }
        func width(_ part: (String, String)) -> Int { DisplayWidth.of(part.0) + DisplayWidth.of(part.1) }
        let essentials = hints.filter(\.essential).map(parts)
        let others = hints.filter { !$0.essential }.map(parts)
        let essentialWidth = essentials.reduce(0) { $0 + width($1) }
        var x = start
        for part in others {
            if x + width(part) > room - essentialWidth { break }
            x += screen.put(part.0, row: row, column: x, style: Style(.accent, bold: true))
            x += screen.put(part.1, row: row, column: x, style: .dim)
        }
        for part in essentials where x + width(part) <= room {
            x += screen.put(part.0, row: row, column: x, style: Style(.accent, bold: true))
            x += screen.put(part.1, row: row, column: x, style: .dim)
        }
    }
}
