#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
/* The wide-character API (cchar_t, setcchar, mvwadd_wch) is declared only with this defined first. */
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* Macros and C globals do not import into Swift 6: these accessors stand in for them. */
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_cols(void) { return COLS; }
static inline int cnc_colors(void) { return COLORS; }
static inline int cnc_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t cnc_a_normal(void) { return A_NORMAL; }
static inline attr_t cnc_a_bold(void) { return A_BOLD; }
static inline attr_t cnc_a_dim(void) { return A_DIM; }
static inline attr_t cnc_a_reverse(void) { return A_REVERSE; }
static inline attr_t cnc_a_underline(void) { return A_UNDERLINE; }

/* `stdin`/`stdout` are mutable C globals, which Swift 6 refuses to touch; newterm (unlike initscr) returns NULL
   for an unknown TERM instead of printing and exiting. */
static inline SCREEN *cnc_newterm(void) { return newterm(NULL, stdout, stdin); }

/* The codeset of the current locale ("UTF-8" when wide glyphs are safe); CODESET is a macro. */
static inline const char *cnc_codeset(void) { return nl_langinfo(CODESET); }

/* Column width libc (and so ncurses) gives a character: -1 for unprintable, 0, 1 or 2. */
static inline int cnc_wcwidth(wchar_t c) { return wcwidth(c); }

/* Signal flags are written from handlers and read by the run loop; `sig_atomic_t` plus these keeps both sides
   honest without a Swift atomics dependency. No state lives here: storage belongs to the Swift caller. */
static inline void cnc_atomic_store(volatile sig_atomic_t *p, int v) { __atomic_store_n(p, v, __ATOMIC_SEQ_CST); }
static inline int cnc_atomic_load(volatile sig_atomic_t *p) { return __atomic_load_n(p, __ATOMIC_SEQ_CST); }

/* Installs `handler` for `sig` (no SA_RESTART, so a blocking read returns early), saving the old action. The
   sigaction struct's handler union is spelled differently on each libc, hence C. */
static inline int cnc_sigaction_install(int sig, void (*handler)(int), struct sigaction *old) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(sig, &action, old);
}

/* Installs a crash handler that receives siginfo, runs on the alternate signal stack when there is one (a stack
   overflow leaves no room on the normal stack), and is not re-entered for its own signal. */
static inline int cnc_sigaction_install_crash(int sig, void (*handler)(int, siginfo_t *, void *),
                                              struct sigaction *old) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    return sigaction(sig, &action, old);
}

/* Whether the kernel raised the signal for a faulting instruction (si_code > 0), which happens again when the
   handler returns, rather than kill/raise/abort (si_code <= 0), which must be raised again. */
static inline int cnc_siginfo_is_fault(const siginfo_t *info) { return info != NULL && info->si_code > 0; }

/* Gives this thread an alternate signal stack of `size` bytes at `memory` unless it has one already. */
static inline int cnc_ensure_alternate_stack(void *memory, size_t size) {
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && !(current.ss_flags & SS_DISABLE)) return 0;
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = memory;
    stack.ss_size = size;
    return sigaltstack(&stack, NULL);
}

/* Runs the handler of a saved action as if the signal had reached it, then makes the signal fatal: a handler
   that expects its fault to recur (Swift's backtracer) would otherwise let a sent signal resume the program.
   The re-raised signal is blocked until the calling handler returns. */
static inline void cnc_forward_then_die(int sig, const struct sigaction *previous, siginfo_t *info, void *context) {
    if (previous->sa_flags & SA_SIGINFO) {
        if (previous->sa_sigaction != NULL) previous->sa_sigaction(sig, info, context);
    } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN) {
        previous->sa_handler(sig);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Puts back an action saved by cnc_sigaction_install; async-signal-safe. */
static inline int cnc_sigaction_restore(int sig, const struct sigaction *old) { return sigaction(sig, old, NULL); }

/* Whether `action` ignores its signal (nohup): such signals are left alone. */
static inline int cnc_sigaction_ignores(const struct sigaction *action) { return action->sa_handler == SIG_IGN; }

/* Copies the terminfo string `cap` into `out` (NUL-terminated) and returns its length, or -1 when the terminal
   has no such capability. Before curses starts there is no current terminal, so the description for `fd` is
   loaded for the lookup and dropped again, leaving curses' state as it was. */
static inline int cnc_terminfo_string(int fd, const char *cap, char *out, int size) {
    TERMINAL *previous = cur_term;
    TERMINAL *loaded = NULL;
    if (previous == NULL) {
        int status = 0;
        if (setupterm(NULL, fd, &status) != OK) return -1;
        loaded = cur_term;
    }
    int length = -1;
    char *value = tigetstr(cap);
    if (value != NULL && value != (char *)-1) {
        size_t n = strlen(value);
        if ((int)n < size) {
            memcpy(out, value, n + 1);
            length = (int)n;
        }
    }
    if (loaded != NULL) {
        set_curterm(previous);
        del_curterm(loaded);
    }
    return length;
}
#endif
