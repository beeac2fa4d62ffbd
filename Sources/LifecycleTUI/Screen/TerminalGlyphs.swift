/// What a curses terminal is sent for one cell of a `Screen`.
///
/// A curses cell (`cchar_t`) holds one spacing character followed by a few zero-width
/// ones (`CCHARW_MAX`, 5 with ncurses), and curses moves on by the C library's `wcwidth`
/// of the spacing character. A grapheme cluster that does not have that shape (a flag is
/// two spacing characters, a family emoji seven code points) or whose width curses sees
/// differently from the layout would be drawn in part, or shift everything after it on
/// the row. Such a cell is drawn as a stand-in of the same width instead: U+FFFD (or "?"
/// where the locale is not UTF-8) followed by spaces.
public struct TerminalGlyphs {
    /// Code points a curses cell holds.
    public var capacity: Int
    /// The locale's character set is UTF-8 (otherwise only ASCII is sent).
    public var unicode: Bool
    /// The C library's `wcwidth`, which curses uses to advance.
    public var columns: (UInt32) -> Int

    public init(capacity: Int, unicode: Bool, columns: @escaping (UInt32) -> Int) {
        self.capacity = capacity
        self.unicode = unicode
        self.columns = columns
    }

    /// The code points to draw for a cell `width` columns wide, one array per terminal
    /// cell from the cell's column on.
    public func glyphs(for text: String, width: Int) -> [[UInt32]] {
        var scalars = text.unicodeScalars.map(\.value)
        if scalars.isEmpty { scalars = [0x20] }
        // A joiner at the end joins nothing in the cell; sent, it could join whatever the
        // terminal draws next.
        while scalars.count > 1, let last = scalars.last, last == 0x200D || last == 0x200C { scalars.removeLast() }
        let drawable = scalars.count <= capacity
            && (unicode || scalars.allSatisfy { $0 < 0x80 })
            && columns(scalars[0]) == width
            && scalars.dropFirst().allSatisfy { columns($0) == 0 }
        return drawable ? [scalars] : standIn(width: width)
    }

    private func standIn(width: Int) -> [[UInt32]] {
        let mark: UInt32 = unicode && columns(0xFFFD) == 1 ? 0xFFFD : 0x3F
        return [[mark]] + Array(repeating: [0x20], count: max(0, width - 1))
    }
}
