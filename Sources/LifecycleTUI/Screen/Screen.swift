import LifecycleCore

/// A frame as a grid of cells. Rendering writes into it; tests read it as text; the
/// ncurses backend copies the cells that changed since the last frame.
///
/// Every cell holds a whole grapheme cluster or a space: text is cut between clusters,
/// and a wide character that does not fit before an edge leaves a space instead of
/// half of itself.
public struct Screen: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// The terminal shows only ASCII: text is drawn through `ASCIIFallback` and cut
    /// with "..." instead of "…".
    public let asciiOnly: Bool
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (while editing text), or nil to hide it.
    public var cursor: (row: Int, column: Int)?

    public init(width: Int, height: Int, asciiOnly: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.asciiOnly = asciiOnly
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (lhs: Screen, rhs: Screen) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.asciiOnly == rhs.asciiOnly && lhs.cells == rhs.cells
            && lhs.cursor?.row == rhs.cursor?.row && lhs.cursor?.column == rhs.cursor?.column
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    /// Columns the cell at a position takes: 2 when the next one is its continuation.
    public func columns(row: Int, column: Int) -> Int {
        column + 1 < width && self[row, column + 1].isContinuation ? 2 : 1
    }

    /// What marks cut text on this screen.
    public var ellipsis: String { DisplayWidth.ellipsis(ascii: asciiOnly) }

    /// Text as `put` draws it: control and format characters made visible, and only
    /// ASCII on an ASCII screen. Measure with this before placing text.
    public func visible(_ text: String) -> String {
        let safe = TerminalSafeText.escaped(text)
        return asciiOnly ? ASCIIFallback.text(safe) : safe
    }

    /// Text as `put` draws it in at most `width` columns.
    public func fitted(_ text: String, toWidth width: Int) -> String {
        DisplayWidth.truncated(visible(text), toWidth: width, ellipsis: ellipsis)
    }

    /// Writes text at a position, clipped to `maxWidth` columns (and the screen edge), with
    /// an ellipsis where something was cut. Nothing from a file can reach the terminal
    /// raw (see `visible`). Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < height, column < width else { return 0 }
        let start = max(0, column)
        let end = min(width, maxWidth.map { column + $0 } ?? width)
        guard end > start else { return 0 }
        let shown = visible(text)
        let limit = end - column
        let cut = DisplayWidth.of(shown) > limit
        let fitted = cut ? DisplayWidth.truncated(shown, toWidth: limit, ellipsis: ellipsis) : shown
        if column >= start, DisplayWidth.isPrintableASCII(fitted) {
            // The common case, without grapheme breaking: one byte, one cell.
            var x = column
            for byte in fitted.utf8 {
                place(Character(Unicode.Scalar(byte)), width: 1, row: row, column: x, style: style)
                x += 1
            }
            return x - column
        }
        var x = column
        var stoppedEarly = false
        for character in fitted {
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 {
                joinPrevious(character, row: row, column: x, start: start)
                continue
            }
            if x + characterWidth > end {
                stoppedEarly = true
                break
            }
            if x < start {
                // Left of the screen, perhaps with its right half on it: that half becomes a space.
                if x + characterWidth > start { blank(row: row, from: start, to: x + characterWidth, style: style) }
            } else {
                place(character, width: characterWidth, row: row, column: x, style: style)
            }
            x += characterWidth
        }
        if x < end && (cut || stoppedEarly) {
            // A wide character that did not fit before the edge: a space, not half of it.
            blank(row: row, from: max(x, start), to: end, style: style)
            x = end
        }
        return x - column
    }

    /// Shows the text cursor at a cell, drawn reversed. On the right half of a wide
    /// character the cursor marks the whole character: a cell is never left half-written.
    public mutating func placeCursor(row: Int, column: Int) {
        guard row >= 0, row < height, column >= 0, column < width else { return }
        let target = column > 0 && self[row, column].isContinuation ? column - 1 : column
        self[row, target].style = self[row, target].style.with(reverse: true)
        cursor = (row, target)
    }

    /// Fills a rectangle with spaces in a style.
    public mutating func fill(row: Int, column: Int, width fillWidth: Int, height fillHeight: Int, style: Style = .normal) {
        for y in max(0, row)..<min(height, row + fillHeight) {
            for x in max(0, column)..<min(width, column + fillWidth) {
                self[y, x] = Cell(" ", style: style)
            }
        }
    }

    private mutating func place(_ character: Character, width characterWidth: Int, row: Int, column: Int, style: Style) {
        clearWideCharacter(row: row, column: column)
        self[row, column] = Cell(String(character), style: style)
        if characterWidth == 2 {
            clearWideCharacter(row: row, column: column + 1)
            self[row, column + 1] = Cell("", style: style, isContinuation: true)
        }
    }

    private mutating func blank(row: Int, from first: Int, to last: Int, style: Style) {
        for x in first..<min(last, width) {
            clearWideCharacter(row: row, column: x)
            self[row, x] = Cell(" ", style: style)
        }
    }

    /// A cluster of no width on its own (a combining mark after an escape, say) joins
    /// the cell this call wrote last, never a cell another call wrote or a continuation.
    private mutating func joinPrevious(_ character: Character, row: Int, column: Int, start: Int) {
        var base = column - 1
        if base >= start, self[row, base].isContinuation { base -= 1 }
        guard base >= start else { return }
        self[row, base].text.append(character)
    }

    /// Overwriting half of a wide character must not leave the other half dangling.
    private mutating func clearWideCharacter(row: Int, column: Int) {
        guard column < width else { return }
        if self[row, column].isContinuation, column > 0 {
            self[row, column - 1] = Cell(" ", style: self[row, column - 1].style)
        } else if column + 1 < width, self[row, column + 1].isContinuation {
            self[row, column + 1] = Cell(" ", style: self[row, column + 1].style)
        }
    }

    /// One row as plain text (continuations skipped), for tests and debugging.
    public func line(_ row: Int) -> String {
        var text = ""
        for x in 0..<width where !self[row, x].isContinuation {
            text += self[row, x].text
        }
        return text
    }

    /// The whole frame as text, one line per row, trailing spaces trimmed.
    public var text: String {
        (0..<height).map { row in
            var line = self.line(row)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// Finds the first row containing a substring.
    public func row(containing needle: String) -> Int? {
        (0..<height).first { line($0).contains(needle) }
    }
}
