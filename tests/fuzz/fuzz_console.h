/* The console of the REPL fuzzers (fuzz_readline, fuzz_rawrepl): the fuzz input as the bytes
 * typed on the console, the output into the harness's checks, and a time budget for the code
 * the input runs.
 *
 * The console HAL is replaced at link time: tests/tests.mk links these targets with
 * -Wl,--wrap=mt_hal_stdin_read (and stdout/stderr/delay), so every call the REPL, print() and
 * input() make lands in the __wrap_ functions below while the rest of the unix port's HAL
 * (clocks, files) stays. The REPL's interface is unchanged.
 *
 * Input encoding: the bytes as typed, except that FF FF c x stands for the byte x typed
 * (c + 1) * REPEAT_UNIT times (a 100 KB line from a 4-byte mutation; Tab at most
 * REPEAT_TAB_MAX times; at most EXPAND_MAX bytes per input in all). After the last byte every read
 * returns -1 (end of input); a REPL that keeps reading after it (MAX_READS_AFTER_END) is reported
 * as a hang.
 *
 * Time budget (why a timer and not an instruction count: the VM has no per-instruction hook
 * and a scheduled callback can't re-arm itself without looping in mt_handle_pending): a POSIX
 * timer on the monotonic clock ticks every TICK_MS. While REPL code runs
 * (mt_repl_code_running), after EXEC_TICKS ticks of one run a KeyboardInterrupt is made
 * pending, again at every tick, through the same mt_state.pending_exc path a Ctrl-C on the
 * console takes; code that catches it forever is abandoned after RUN_TICKS ticks per input
 * (siglongjmp back to the harness: the next input starts a fresh core). While the REPL itself
 * runs (no user code), SPIN_TICKS ticks without reading a byte is a hang: abort. */
#ifndef MT_FUZZ_CONSOLE_H
#define MT_FUZZ_CONSOLE_H

#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "hal.h"
#include "nlr.h"
#include "obj.h"
#include "repl.h"
#include "state.h"

#define REPEAT_UNIT         512
#define REPEAT_TAB_MAX      32 /* a Tab that lists every name takes ~3 ms with ASan */
#define EXPAND_MAX          (160 * 1024)
#define MAX_READS_AFTER_END 16
#define TICK_MS             2
#define EXEC_TICKS          5    /* 10 ms of one run, then KeyboardInterrupt */
#define RUN_TICKS           1000 /* 2 s of running code per input: abandoned */
#define SPIN_TICKS          2000 /* 4 s in the REPL without a read: a hang */

/* what the harness sees: each byte read (c = -1 at the end) before the REPL gets it, and
 * each output write with whether user code (not the REPL) wrote it */
static void on_read(int c);
static void on_output(const uint8_t *s, size_t n, bool user);

static struct {
    const uint8_t *data;
    size_t size, pos;
    size_t rep_left, expanded; /* FF FF c x: x still to come rep_left times */
    uint8_t rep_byte;
    size_t reads_after_end;
    bool quiet; /* the harness's own reads and writes: not forwarded */
} con_in;

static volatile struct {
    int since_read, exec, run; /* ticks: REPL without a read, this run, all runs */
    bool armed;                /* abandon_jb is valid */
} budget;
static sigjmp_buf abandon_jb;

static void stderr_write(void *data, const char *s, size_t n) {
    fwrite(s, 1, n, stderr);
}
static const mt_print_t stderr_print = {NULL, stderr_write};

static void fail(const char *what) {
    fprintf(stderr, "\nREPL fuzz invariant broken: %s\n", what);
    abort();
}

static int con_next(void) {
    if (con_in.rep_left) {
        con_in.rep_left--;
        return con_in.rep_byte;
    }
    if (con_in.pos >= con_in.size) return -1;
    const uint8_t *d = con_in.data + con_in.pos;
    bool rep = con_in.pos + 4 <= con_in.size && d[0] == 0xff && d[1] == 0xff;
    size_t n = rep ? ((size_t)d[2] + 1) * REPEAT_UNIT : 0;
    if (rep && d[3] == '\t' && n > REPEAT_TAB_MAX) n = REPEAT_TAB_MAX;
    if (n == 0 || con_in.expanded + n > EXPAND_MAX) {
        con_in.pos++;
        return d[0];
    }
    con_in.pos += 4;
    con_in.expanded += n;
    con_in.rep_byte = d[3];
    con_in.rep_left = n - 1;
    return d[3];
}

/* the bytes of the console; a Ctrl-C while code runs interrupts it (the ports' behaviour) */
int __wrap_mt_hal_stdin_read(void);
int __wrap_mt_hal_stdin_read(void) {
    budget.since_read = 0;
    if (!mt_repl_code_running) {
        budget.exec = 0;
        if (mt_state.pending_exc == mt_state.kbd_exc) { /* a tick that came too late */
            mt_state.pending_exc = MT_NULL;
            mt_pending = 0;
        }
    }
    int c = con_next();
    if (c < 0 && ++con_in.reads_after_end > MAX_READS_AFTER_END) fail("reads past the end");
    if (!con_in.quiet) on_read(c);
    if (c >= 0 && c == mt_state.interrupt_char && mt_repl_code_running) {
        mt_state.pending_exc = mt_state.kbd_exc;
        mt_handle_pending();
    }
    return c;
}

void __wrap_mt_hal_stdout_write(const char *s, size_t n);
void __wrap_mt_hal_stdout_write(const char *s, size_t n) {
    if (!con_in.quiet) on_output((const uint8_t *)s, n, mt_repl_code_running);
}

void __wrap_mt_hal_stderr_write(const char *s, size_t n);
void __wrap_mt_hal_stderr_write(const char *s, size_t n) {}

/* time.sleep: no waiting, only the check a real delay makes */
void __wrap_mt_hal_delay_us(uint64_t us);
void __wrap_mt_hal_delay_us(uint64_t us) {
    if (mt_pending) mt_handle_pending();
}

static void on_tick(int sig) {
    if (!mt_repl_code_running) {
        if (++budget.since_read > SPIN_TICKS) fail("the REPL spins without reading input");
        return;
    }
    if (++budget.run > RUN_TICKS && budget.armed) {
        budget.armed = false;
        siglongjmp(abandon_jb, 1);
    }
    if (++budget.exec > EXEC_TICKS) {
        mt_state.pending_exc = mt_state.kbd_exc;
        mt_pending = 1;
    }
}

static timer_t con_timer;

/* once: stdin/stdout of the process away from the fuzzer's terminal (code the input runs may
 * open them directly), and the tick timer */
static void console_setup_once(void) {
    static bool done;
    if (done) return;
    done = true;
    int fd = open("/dev/null", O_RDWR);
    if (fd >= 0) dup2(fd, 0), dup2(fd, 1);
    struct sigaction sa = {0};
    sa.sa_handler = on_tick;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGRTMIN + 3, &sa, NULL);
    struct sigevent ev = {0};
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGRTMIN + 3;
    if (timer_create(CLOCK_MONOTONIC, &ev, &con_timer) != 0) fail("timer_create");
}

static void console_timer(bool on) {
    long ns = on ? TICK_MS * 1000000L : 0;
    struct itimerspec t = {{0, ns}, {0, ns}};
    timer_settime(con_timer, 0, &t, NULL);
}

/* a fresh console over data; the budget starts */
static void console_begin(const uint8_t *data, size_t size) {
    console_setup_once();
    memset(&con_in, 0, sizeof(con_in));
    con_in.data = data;
    con_in.size = size;
    budget.since_read = budget.exec = budget.run = 0;
    mt_repl_code_running = false;
    console_timer(true);
}

/* fn() under the budget; false when it was abandoned (code that would not stop) */
__attribute__((unused)) static bool console_run(void (*fn)(void)) {
    if (sigsetjmp(abandon_jb, 1) != 0) return false;
    budget.armed = true;
    fn();
    budget.armed = false;
    return true;
}

static void console_end(void) {
    console_timer(false);
    budget.armed = false;
    mt_repl_code_running = false;
}

/* readline keeps whether the last key was CR across lines (static): one Ctrl-C on a quiet
 * console resets it, so each input behaves the same whatever ran before it */
static void console_reset_editor(void) {
    static const uint8_t ctrl_c = MT_CHAR_CTRL_C;
    console_begin(&ctrl_c, 1);
    con_in.quiet = true;
    mt_vstr_t line;
    mt_vstr_init(&line, 16);
    mt_readline(&line, "");
    console_end();
}

#endif
