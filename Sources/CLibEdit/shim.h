/*
 * shim.h: non-variadic wrappers around libedit (histedit.h) for Swift.
 *
 * Swift cannot call C variadic functions (el_set, el_get, history), and Swift 6
 * rejects the stdin/stdout/stderr globals, so every operation the LineEditor
 * target needs gets one small static inline function here.
 */
#ifndef REHEARSE_CLIBEDIT_SHIM_H
#define REHEARSE_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

/* glibc declares wcwidth only under _XOPEN_SOURCE; this redeclaration is compatible. */
extern int wcwidth(wchar_t c);

/* Callback types, spelled out so Swift sees plain C function pointers. */
typedef int (*rehearse_el_getc_fn)(EditLine *, wchar_t *);
typedef char *(*rehearse_el_prompt_fn)(EditLine *);
typedef unsigned char (*rehearse_el_command_fn)(EditLine *, int);
typedef void (*rehearse_signal_fn)(int);

/* ---- Locale ---------------------------------------------------------------- */

/* setlocale(LC_CTYPE, "") and, when that does not give UTF-8, fall back to C.UTF-8.
   Returns 1 when the resulting LC_CTYPE codeset is UTF-8. */
static inline int rehearse_setlocale_utf8(void) {
    setlocale(LC_CTYPE, "");
    const char *cs = nl_langinfo(CODESET);
    if (cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0)) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "C.utf8");
    cs = nl_langinfo(CODESET);
    return cs != NULL && strcmp(cs, "UTF-8") == 0;
}

/* ---- EditLine -------------------------------------------------------------- */

static inline EditLine *rehearse_el_init(const char *prog) {
    return el_init(prog, stdin, stdout, stderr);
}
static inline int rehearse_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline const char *rehearse_el_get_editor(EditLine *el) {
    const char *mode = NULL;
    if (el_get(el, EL_EDITOR, &mode) != 0) return NULL;
    return mode;
}
static inline int rehearse_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
/* The prompt: characters between two `esc` characters are printed but take no width. */
static inline int rehearse_el_set_prompt_esc(EditLine *el, rehearse_el_prompt_fn fn, char esc) {
    return el_set(el, EL_PROMPT_ESC, fn, (int)esc);
}
static inline int rehearse_el_set_getcfn(EditLine *el, rehearse_el_getc_fn fn) {
    return el_set(el, EL_GETCFN, fn);
}
static inline int rehearse_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *rehearse_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}
/* Uses the narrow history() with a History * (libedit converts to and from wide). */
static inline int rehearse_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int rehearse_el_addfn(EditLine *el, const char *name, const char *help,
                                    rehearse_el_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int rehearse_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, (const char *)NULL);
}
/* Redraw the prompt and line from the current cursor position (assumed at column 0). */
static inline int rehearse_el_refresh(EditLine *el) {
    return el_set(el, EL_REFRESH);
}

/* ---- History --------------------------------------------------------------- */

static inline int rehearse_history_setsize(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int rehearse_history_setunique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}
static inline int rehearse_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
static inline int rehearse_history_load(History *h, const char *file) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, file);
}
static inline int rehearse_history_save(History *h, const char *file) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, file);
}
/* Writes the history (libedit's format) to an open stream; -1 on error. */
static inline int rehearse_history_save_fp(History *h, FILE *fp) {
    HistEvent ev;
    return history(h, &ev, H_SAVE_FP, fp);
}
static inline int rehearse_history_count(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_GETSIZE) == -1) return 0;
    return ev.num;
}
/* Oldest entry (H_LAST); NULL when empty. The string is owned by the History. */
static inline const char *rehearse_history_oldest(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_LAST) == -1) return NULL;
    return ev.str;
}
/* The next newer entry after the current one (H_PREV); NULL at the newest. */
static inline const char *rehearse_history_newer(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_PREV) == -1) return NULL;
    return ev.str;
}

/* ---- Output and terminal --------------------------------------------------- */

/* Writes through the same stdout FILE that libedit and Swift's print use, then flushes. */
static inline void rehearse_write_stdout(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}
static inline void rehearse_flush_stdout(void) {
    fflush(stdout);
}
/* Columns of the terminal on fd (TIOCGWINSZ), or 0 when unknown. */
static inline int rehearse_terminal_columns(int fd) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 0;
}

/* Rows of the terminal on fd (TIOCGWINSZ), or 0 when unknown. */
static inline int rehearse_terminal_rows(int fd) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0) return ws.ws_row;
    return 0;
}

/* ---- Signals ----------------------------------------------------------------- */

/* sigaction without SA_RESTART, so blocking calls fail with EINTR. Saves the old action. */
static inline int rehearse_install_handler(int sig, rehearse_signal_fn fn, struct sigaction *old) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    return sigaction(sig, &sa, old);
}
/* The same with SA_RESTART: for SIGWINCH, whose storms must not fail a write to the terminal half
   way (stdio drops buffered output on EINTR); poll() still returns EINTR, and the self-pipe wakes it. */
static inline int rehearse_install_restarting_handler(int sig, rehearse_signal_fn fn, struct sigaction *old) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    return sigaction(sig, &sa, old);
}
static inline int rehearse_restore_action(int sig, const struct sigaction *old) {
    return sigaction(sig, old, NULL);
}
static inline int rehearse_set_default_action(int sig) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    return sigaction(sig, &sa, NULL);
}
/* 1 when the current disposition of sig is SIG_IGN. */
static inline int rehearse_signal_is_ignored(int sig) {
    struct sigaction cur;
    memset(&cur, 0, sizeof cur);
    if (sigaction(sig, NULL, &cur) != 0) return 0;
    return (cur.sa_flags & SA_SIGINFO) == 0 && cur.sa_handler == SIG_IGN;
}
/* Lock-free atomics on Swift-allocated ints, safe to use from signal handlers. */
static inline void rehearse_atomic_store(int *p, int v) { __atomic_store_n(p, v, __ATOMIC_SEQ_CST); }
static inline int rehearse_atomic_load(int *p) { return __atomic_load_n(p, __ATOMIC_SEQ_CST); }
static inline int rehearse_atomic_exchange(int *p, int v) {
    return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST);
}

/* ---- Crash safety ------------------------------------------------------------ */

/* The terminal mode to put back if the process dies of a fatal signal while the terminal is
   in raw or no-echo mode, so keys typed afterwards are echoed and reach the shell knowingly.
   Swift allocates the one instance and passes it in: a static here would exist once per object
   file that uses it (an optimized build compiles a module into several), and the handler would
   read a copy that was never armed. */
struct rehearse_crash_state {
    struct termios mode;
    volatile sig_atomic_t armed;
    struct sigaction previous[65];
};
typedef void (*rehearse_crash_fn)(int, siginfo_t *, void *);

static inline void rehearse_crash_arm(struct rehearse_crash_state *state, const struct termios *mode) {
    state->armed = 0;
    if (mode == NULL) return;
    state->mode = *mode;
    state->armed = 1;
}

/* The crash handler's work, async-signal-safe: put the terminal back, drop keys typed but not
   read (they must not run as shell commands), say so, then let the previous action (Swift's
   backtracer, or the default) handle the signal. A fault caused by an instruction re-faults on
   return and reaches the previous action with its real cause; a signal sent or raised is raised
   again, and the default action ends the process if the previous action returns. */
static inline void rehearse_crash_handle(struct rehearse_crash_state *state, int sig, siginfo_t *info) {
    int saved_errno = errno;
    if (state->armed) {
        state->armed = 0;
        tcsetattr(0, TCSANOW, &state->mode);
        tcflush(0, TCIFLUSH);
        static const char message[] =
            "\r\nrehearse stopped on an internal error; the terminal is back in its normal mode.\r\n";
        ssize_t ignored = write(2, message, sizeof message - 1);
        (void)ignored;
    }
    if (sig > 0 && sig < 65) sigaction(sig, &state->previous[sig], NULL);
    int from_instruction = info != NULL && info->si_code > 0 &&
        (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE);
    if (!from_instruction) {
        /* Deliver it now, to the previous action; if that returns (Swift's backtracer does for a
           signal that was sent), end the process with the default action. */
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, sig);
        sigprocmask(SIG_UNBLOCK, &set, NULL);
        raise(sig);
        signal(sig, SIG_DFL);
        raise(sig);
    }
    errno = saved_errno;
}

/* Installs handler for sig (on the alternate stack, so a stack overflow is caught), keeping the
   previous action in state for rehearse_crash_handle. */
static inline int rehearse_install_crash_handler(struct rehearse_crash_state *state, int sig,
                                                 rehearse_crash_fn handler) {
    if (sig <= 0 || sig >= 65) return -1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    return sigaction(sig, &sa, &state->previous[sig]);
}

/* Gives the calling thread an alternate signal stack (kept for the life of the process). */
static inline int rehearse_install_alternate_stack(void) {
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && !(current.ss_flags & SS_DISABLE)) return 0;
    static char stack_memory[65536];
    stack_t ss;
    memset(&ss, 0, sizeof ss);
    ss.ss_sp = stack_memory;
    ss.ss_size = sizeof stack_memory;
    return sigaltstack(&ss, NULL);
}

#endif /* REHEARSE_CLIBEDIT_SHIM_H */
