/// A key press, decoded by the backend from ncurses codes. Ctrl-letters arrive as
/// `.control("c")` because the terminal runs in raw mode.
public enum Key: Hashable, Sendable {
    case character(Character)
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
    /// Bracketed paste: the terminal marks where pasted text starts and ends, so a pasted
    /// line break is text, and pasted letters are never taken as commands.
    case pasteStart, pasteEnd
}

/// What can happen to the program: keys, mouse clicks, resizes, timer ticks, signals.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    case mouse(row: Int, column: Int, action: MouseAction)
    case resize(width: Int, height: Int)
    /// Sent periodically while idle, to notice files changed by others.
    case tick
    /// SIGINT, SIGTERM or SIGHUP arrived: save what is pending and leave.
    case terminate(signal: Int32)
}

public enum MouseAction: Equatable, Sendable {
    case click
    case scrollUp
    case scrollDown
}
