/// What the runtime needs from a terminal. The ncurses implementation lives in
/// LifecycleTerminal; tests use a scripted one.
public protocol TerminalBackend: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// The next event, or nil when nothing happened within the timeout.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?
    /// Shows a frame, sending only what changed.
    func draw(_ screen: Screen)
    /// Leaves the full-screen mode while `body` runs (an external editor), then redraws.
    func suspend(while body: () -> Void)
}
