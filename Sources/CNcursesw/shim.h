#ifndef LIFECYCLE_CNCURSESW_SHIM_H
#define LIFECYCLE_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D flags, so the wide-character API must be switched on here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Swift 6 rejects mutable C globals and cannot expand function-like macros:
// everything below reads them through inline functions.
static inline WINDOW *lc_stdscr(void) { return stdscr; }
static inline int lc_lines(void) { return LINES; }
static inline int lc_cols(void) { return COLS; }
static inline FILE *lc_stdin(void) { return stdin; }
static inline FILE *lc_stdout(void) { return stdout; }
static inline attr_t lc_color_pair(short pair) { return (attr_t)COLOR_PAIR(pair); }
static inline attr_t lc_a_bold(void) { return A_BOLD; }
static inline attr_t lc_a_reverse(void) { return A_REVERSE; }
static inline attr_t lc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t lc_a_dim(void) { return A_DIM; }
static inline attr_t lc_a_normal(void) { return A_NORMAL; }
static inline int lc_key_resize(void) { return KEY_RESIZE; }
static inline int lc_key_mouse(void) { return KEY_MOUSE; }
static inline int lc_key_btab(void) { return KEY_BTAB; }
static inline mmask_t lc_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED; }
static inline mmask_t lc_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t lc_button5_pressed(void) { return BUTTON5_PRESSED; }

/// Columns the C library gives a code point (what curses advances by); -1 when it is
/// not printable in this locale.
static inline int lc_wcwidth(wchar_t c) { return wcwidth(c); }

/// Code points one curses cell holds (a spacing character and zero-width ones).
static inline int lc_ccharw_max(void) { return CCHARW_MAX; }

/// Draws one cell: a base character plus combining marks, with attributes.
static inline int lc_put_cell(int y, int x, const wchar_t *chars, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, chars, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

/// Checks a terminal type before curses starts. Returns -1 when TERM is unknown, 0 when
/// it cannot position the cursor (TERM=dumb), 1 when usable; fills `reset` with the
/// sequence that leaves the alternate screen and shows the cursor again.
static inline int lc_probe_terminal(const char *term, char *reset, int reset_size) {
    int error = 0;
    if (setupterm((char *)term, 1, &error) != OK) return -1;
    const char *cup = tigetstr("cup");
    int usable = (cup != NULL && cup != (char *)-1) ? 1 : 0;
    reset[0] = 0;
    const char *names[] = {"rmcup", "cnorm", "sgr0"};
    for (int i = 0; i < 3; i++) {
        const char *value = tigetstr(names[i]);
        if (value != NULL && value != (char *)-1 && strlen(reset) + strlen(value) + 1 < (size_t)reset_size) {
            strcat(reset, value);
        }
    }
    del_curterm(cur_term);
    return usable;
}

/// True when the locale's character set is UTF-8 (otherwise the explorer draws ASCII).
static inline int lc_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

#endif
