/// How a style looks on a terminal: attributes, and a colour role when colours are on.
/// The ncurses palette draws exactly this, and screen snapshots record it, so a snapshot
/// shows what a user sees with colour and with NO_COLOR.
public struct TerminalLook: Equatable, Hashable, Sendable {
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool
    /// nil: the terminal's own colours.
    public var colorRole: ColorRole?
}

extension Style {
    public func look(color: Bool) -> TerminalLook {
        var look = TerminalLook(bold: bold, dim: false, reverse: reverse, underline: underline, colorRole: nil)
        switch role {
        case .dim, .heatNone: look.dim = true
        case .heatFull: look.bold = true
        default: break
        }
        if !color {
            // Heat cells without colour: reverse marks the answered ones.
            if [.heatHigh, .heatFull].contains(role) { look.reverse = true }
            return look
        }
        switch role {
        case .normal, .dim, .heatNone: break
        default: look.colorRole = role
        }
        return look
    }
}
