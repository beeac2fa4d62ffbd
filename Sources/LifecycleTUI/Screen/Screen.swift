import LifecycleCore

/// One terminal cell: a grapheme (which may take two columns) and its style. The cell to
/// the right of a wide character is a continuation and is never drawn on its own.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var style: Style
    public var isContinuation: Bool

    public init(_ text: String = " ", style: Style = .normal, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// A frame as a grid of cells. Rendering writes into it; tests read it as text; the
/// ncurses backend copies the cells that changed since the last frame.
public struct Screen: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (while editing text), or nil to hide it.
    public var cursor: (row: Int, column: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (lhs: Screen, rhs: Screen) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursor?.row == rhs.cursor?.row && lhs.cursor?.column == rhs.cursor?.column
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    /// Writes text at a position, clipped to `maxWidth` columns (and the screen edge), with
    /// an ellipsis where something was cut. Control characters are made visible first:
    /// nothing from a file can reach the terminal raw. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < height, column < width else { return 0 }
        let limit = min(maxWidth ?? (width - column), width - max(0, column))
        guard limit > 0 else { return 0 }
        let safe = TerminalSafeText.escaped(text)
        let fitted = DisplayWidth.of(safe) > limit ? DisplayWidth.truncated(safe, toWidth: limit) : safe
        var x = column
        for character in fitted {
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 {
                // A lone zero-width character joins the previous cell rather than taking one.
                if x > column, x - 1 < width { self[row, x - 1].text.append(character) }
                continue
            }
            if x + characterWidth > column + limit { break }
            if x >= 0 {
                clearWideCharacter(row: row, column: x)
                self[row, x] = Cell(String(character), style: style)
                if characterWidth == 2 {
                    clearWideCharacter(row: row, column: x + 1)
                    self[row, x + 1] = Cell("", style: style, isContinuation: true)
                }
            }
            x += characterWidth
        }
        return x - column
    }

    /// Fills a rectangle with spaces in a style.
    public mutating func fill(row: Int, column: Int, width fillWidth: Int, height fillHeight: Int, style: Style = .normal) {
        for y in max(0, row)..<min(height, row + fillHeight) {
            for x in max(0, column)..<min(width, column + fillWidth) {
                self[y, x] = Cell(" ", style: style)
            }
        }
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
