#ifndef LIFECYCLE_TERMINAL_SUPPORT_H
#define LIFECYCLE_TERMINAL_SUPPORT_H

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that only record the signal, so the
/// explorer can save and restore the terminal from its main loop. Must run before curses
/// starts: ncurses installs its own (work-discarding) handlers only where none is set.
void lc_install_quit_signal_handlers(void);

/// The quit signal received since the last call (0 if none), clearing it.
int lc_take_pending_signal(void);

/// Remembers how to put the terminal back (its modes and a reset sequence) and installs
/// handlers for crashes (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP) that restore it
/// with async-signal-safe calls only, then re-raise so the crash report still prints.
void lc_install_crash_handlers(const char *reset_sequence);

/// Restores the saved terminal modes (used on the normal exit path as a safety net).
void lc_restore_terminal_modes(void);

#endif
