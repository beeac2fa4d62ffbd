/// One terminal cell: a grapheme cluster (which may take two columns) and its style. The
/// cell to the right of a wide character is a continuation and is never drawn on its own.
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
