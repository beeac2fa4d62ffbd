import CNcursesw
import CTerminalSupport
import FoundationEssentials
import Glibc
import LifecycleCore
import LifecycleTUI

/// The only code that talks to ncurses: starts and restores the terminal, decodes keys
/// and mouse events, and copies frames to the screen cell by cell, sending only cells
/// that changed since the previous frame.
public final class NcursesBackend: TerminalBackend {
    private var screenPointer: OpaquePointer?
    private var previous: Screen?
    private let palette: Palette
    public let usesASCII: Bool
    private let glyphs: TerminalGlyphs
    private var rapidErrors = 0

    public struct Options {
        public var color: Bool
        public var mouse: Bool

        public init(color: Bool, mouse: Bool) {
            self.color = color
            self.mouse = mouse
        }
    }

    /// Checks that the explorer can run here without touching the terminal: standard input
    /// and output are TTYs and TERM names a terminal that can position the cursor.
    /// Returns the reset sequence for the crash handler.
    @discardableResult
    public static func preflight() throws -> String {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        guard let term = ProcessInfo.processInfo.environment["TERM"], !term.isEmpty else { throw TerminalError.noTermVariable }
        var resetBuffer = [CChar](repeating: 0, count: 200)
        let probe = lc_probe_terminal(term, &resetBuffer, Int32(resetBuffer.count))
        guard probe >= 0 else { throw TerminalError.unusableTerminal(term) }
        guard probe == 1 else { throw TerminalError.cannotAddressCursor(term) }
        // Mouse reporting and bracketed paste off too, in case a crash leaves them on.
        return String(decoding: resetBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            + "\u{1B}[?1000l\u{1B}[?1006l\u{1B}[?2004l"
    }

    /// Checks the terminal and starts curses. Nothing is drawn and no terminal mode is
    /// changed when this throws.
    public init(options: Options) throws {
        setlocale(LC_ALL, "")
        let resetSequence = try NcursesBackend.preflight()
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        usesASCII = lc_locale_is_utf8() == 0
        glyphs = TerminalGlyphs(capacity: Int(lc_ccharw_max()), unicode: !usesASCII,
                                columns: { Int(lc_wcwidth(wchar_t(bitPattern: $0))) })

        // Our handlers first, so ncurses does not install its own.
        lc_install_quit_signal_handlers()
        lc_install_crash_handlers(resetSequence)
        // The window's real size (the tty's ioctl), not LINES/COLUMNS: those are often
        // exported by a shell for another window, and a stale COLUMNS=300 would lay out
        // 300 columns in a window of 100. use_env(false) alone falls back to terminfo's
        // fixed size (80x24 for xterm), hence use_tioctl(true). Set on the pre-screen
        // too: ncurses 6.4 copies only use_env from the globals into a new screen, and
        // without use_tioctl there a resize would go unnoticed.
        use_env(false)
        use_tioctl(true)
        let prescreen = new_prescr()
        use_env_sp(prescreen, false)
        use_tioctl_sp(prescreen, true)
        guard let created = newterm_sp(prescreen, term, lc_stdout(), lc_stdin()) else { throw TerminalError.unusableTerminal(term) }
        screenPointer = created
        set_term(created)
        set_escdelay(25)
        raw()
        noecho()
        nonl()
        keypad(lc_stdscr(), true)
        // Bracketed paste: the markers become keys of their own, and the mode is turned on.
        define_key(NcursesBackend.pasteStartSequence, NcursesBackend.pasteStartCode)
        define_key(NcursesBackend.pasteEndSequence, NcursesBackend.pasteEndCode)
        NcursesBackend.bracketedPaste(on: true)
        curs_set(0)
        let colorOn = options.color && has_colors()
        if colorOn {
            start_color()
            use_default_colors()
        }
        palette = Palette(color: colorOn)
        if options.mouse {
            mousemask(lc_button1_clicked() | lc_button4_pressed() | lc_button5_pressed(), nil)
            mouseinterval(0)
        }
    }

    /// Puts the terminal back as it was: cursor visible, echo on, main screen.
    public func shutdown() {
        guard screenPointer != nil else { return }
        NcursesBackend.bracketedPaste(on: false)
        mousemask(0, nil)
        curs_set(1)
        endwin()
        if let screenPointer { delscreen(screenPointer) }
        screenPointer = nil
        lc_restore_terminal_modes()
    }

    deinit { shutdown() }

    public var size: (width: Int, height: Int) {
        (Int(getmaxx(lc_stdscr())), Int(getmaxy(lc_stdscr())))
    }

    // MARK: Input

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        let signal = lc_take_pending_signal()
        if signal != 0 { return .terminate(signal: signal) }
        wtimeout(lc_stdscr(), Int32(timeoutMilliseconds))
        var character: wint_t = 0
        let started = ContinuousClock.now
        let result = wget_wch(lc_stdscr(), &character)
        let pending = lc_take_pending_signal()
        if pending != 0 { return .terminate(signal: pending) }
        if result == ERR {
            // ERR returned at once, again and again: the terminal has gone away.
            let elapsed = ContinuousClock.now - started
            // Only a wait that should have blocked tells anything (a zero timeout asks
            // whether keys are already waiting).
            guard timeoutMilliseconds > 0 else { return nil }
            rapidErrors = elapsed < .milliseconds(1) ? rapidErrors + 1 : 0
            return rapidErrors > 200 ? .terminate(signal: SIGHUP) : nil
        }
        rapidErrors = 0
        if result == KEY_CODE_YES { return specialKey(Int32(character)) }
        return ordinaryKey(UInt32(character))
    }

    static let pasteStartSequence = "\u{1B}[200~", pasteEndSequence = "\u{1B}[201~"
    /// Key codes of our own for the paste markers, above every code ncurses defines.
    static let pasteStartCode: Int32 = 0x7F00, pasteEndCode: Int32 = 0x7F01

    /// Written straight to the terminal: a private mode curses knows nothing about
    /// (ignored by terminals without it).
    static func bracketedPaste(on: Bool) {
        fputs(on ? "\u{1B}[?2004h" : "\u{1B}[?2004l", lc_stdout())
        fflush(lc_stdout())
    }

    private func specialKey(_ code: Int32) -> InputEvent? {
        switch code {
        case NcursesBackend.pasteStartCode: return .key(.pasteStart)
        case NcursesBackend.pasteEndCode: return .key(.pasteEnd)
        case lc_key_resize(): return .resize(width: size.width, height: size.height)
        case lc_key_mouse(): return mouseEvent()
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case lc_key_btab(): return .key(.backTab)
        case KEY_F0 + 1 ... KEY_F0 + 12: return .key(.function(Int(code - KEY_F0)))
        default: return nil
        }
    }

    private func ordinaryKey(_ code: UInt32) -> InputEvent? {
        switch code {
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(code + 96)!)))
        case 0, 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let action: MouseAction
        if event.bstate & lc_button4_pressed() != 0 {
            action = .scrollUp
        } else if event.bstate & lc_button5_pressed() != 0 {
            action = .scrollDown
        } else if event.bstate & lc_button1_clicked() != 0 {
            action = .click
        } else {
            return nil
        }
        return .mouse(row: Int(event.y), column: Int(event.x), action: action)
    }

    // MARK: Output

    public func draw(_ screen: Screen) {
        let window = lc_stdscr()
        if previous?.width != screen.width || previous?.height != screen.height {
            werase(window)
            previous = nil
        }
        for row in 0..<screen.height {
            // A blank takes the attributes of the cell to its left when a space looks the
            // same in both (bold, dim and foreground colour do not show on a space), so a run
            // of dim or coloured text is not broken by its spaces and a row's empty columns
            // cost no attribute changes (each is ~10 bytes on the wire).
            var carried: (attr_t, Int16) = (lc_a_normal(), 0)
            for column in 0..<screen.width {
                let cell = screen[row, column]
                if cell.isContinuation { continue }
                let own = palette.attributes(for: cell.style)
                let blank = cell.text.isEmpty || cell.text == " "
                let attributes = blank && palette.blankLook(carried) == palette.blankLook(own) ? carried : own
                carried = attributes
                if let previous, previous[row, column] == cell,
                   column + 1 >= screen.width || previous[row, column + 1].isContinuation == screen[row, column + 1].isContinuation {
                    continue
                }
                put(cell, columns: screen.columns(row: row, column: column), attributes: attributes, row: row, column: column)
            }
        }
        if let cursor = screen.cursor {
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        }
        wrefresh(window)
        previous = screen
    }

    private func put(_ cell: Cell, columns: Int, attributes: (attr_t, Int16), row: Int, column: Int) {
        let (attributes, pair) = attributes
        for (offset, glyph) in glyphs.glyphs(for: cell.text, width: columns).enumerated() {
            let characters = glyph.map { wchar_t(bitPattern: $0) } + [0]
            _ = characters.withUnsafeBufferPointer { buffer in
                lc_put_cell(Int32(row), Int32(column + offset), buffer.baseAddress, attributes, pair)
            }
        }
    }

    public func suspend(while body: () -> Void) {
        def_prog_mode()
        NcursesBackend.bracketedPaste(on: false)
        endwin()
        body()
        reset_prog_mode()
        NcursesBackend.bracketedPaste(on: true)
        previous = nil
        wclear(lc_stdscr())
        wrefresh(lc_stdscr())
    }
}
