#include "terminal_support.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t pending_signal = 0;

static void record_signal(int signal_number) {
    pending_signal = signal_number;
}

void lc_install_quit_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = record_signal;
    sigemptyset(&action.sa_mask);
    // No SA_RESTART: a blocking read returns EINTR so the loop notices at once.
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
}

int lc_take_pending_signal(void) {
    int value = pending_signal;
    pending_signal = 0;
    return value;
}

static struct termios saved_modes;
static int have_saved_modes = 0;
static char reset_buffer[256];
static size_t reset_length = 0;

static void restore_after_crash(int signal_number) {
    if (reset_length > 0) {
        ssize_t ignored = write(STDOUT_FILENO, reset_buffer, reset_length);
        (void)ignored;
    }
    if (have_saved_modes) tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

void lc_install_crash_handlers(const char *reset_sequence) {
    if (tcgetattr(STDIN_FILENO, &saved_modes) == 0) have_saved_modes = 1;
    reset_length = 0;
    if (reset_sequence) {
        size_t length = strlen(reset_sequence);
        if (length >= sizeof reset_buffer) length = sizeof reset_buffer - 1;
        memcpy(reset_buffer, reset_sequence, length);
        reset_length = length;
    }
    int signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = restore_after_crash;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESETHAND;
        sigaction(signals[i], &action, NULL);
    }
}

void lc_restore_terminal_modes(void) {
    if (have_saved_modes) tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
}
