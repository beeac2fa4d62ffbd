/// What a cell means, not how it looks: the backend maps roles to colours (or, with
/// NO_COLOR or a monochrome terminal, to nothing), so meaning never rests on colour alone.
public enum ColorRole: UInt8, Sendable, CaseIterable {
    case normal
    case accent
    case dim
    case addressed
    case partial
    case gap
    case notApplicable
    case warning
    case error
    case heatNone
    case heatLow
    case heatMid
    case heatHigh
    case heatFull
}

/// A cell's look: a colour role plus attributes that also work on monochrome terminals.
public struct Style: Equatable, Hashable, Sendable {
    public var role: ColorRole
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: ColorRole = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let normal = Style()
    public static let dim = Style(.dim)
    public static let bold = Style(bold: true)
    public static let accent = Style(.accent, bold: true)
    public static let selected = Style(reverse: true)
    public static let header = Style(.accent, bold: true, reverse: true)

    public func with(reverse: Bool) -> Style {
        var copy = self
        copy.reverse = reverse
        return copy
    }

    public func with(bold: Bool) -> Style {
        var copy = self
        copy.bold = bold
        return copy
    }
}
