/// Why the explorer cannot start in this terminal; printed as one line, exit status 2.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case noTermVariable
    case unusableTerminal(String)
    case cannotAddressCursor(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "the explorer needs a terminal (standard input and output must be a TTY); in scripts use the subcommands: lifecycle show, set, validate"
        case .noTermVariable:
            return "TERM is not set, so the terminal type is unknown; set it (e.g. TERM=xterm-256color)"
        case .unusableTerminal(let term):
            return "the terminal type TERM=\(term) is unknown or unusable here; try TERM=xterm-256color"
        case .cannotAddressCursor(let term):
            return "the terminal type TERM=\(term) cannot move the cursor, which the explorer needs; try TERM=xterm-256color"
        }
    }
}
