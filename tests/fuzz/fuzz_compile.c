/* libFuzzer target: compile and run arbitrary source in a fresh core with a small heap.
 * Every input must end in a Python exception or a normal return, never a crash or a sanitizer
 * report. Program output is discarded (stdout goes to /dev/null). A program that runs too long
 * gets KeyboardInterrupt, then again every millisecond, so one that catches it cannot hold on.
 * Build rule: tests/tests.mk; run: make fuzz, or tests/run.py --fuzz SECONDS. */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <sys/time.h>
#include <unistd.h>

#include "ast.h"
#include "nlr.h"
#include "obj.h"
#include "state.h"

#define HEAP_SIZE    (128 * 1024)
#define STACK_BUDGET (256 * 1024)
#define RUN_MS       200

static char heap[HEAP_SIZE] __attribute__((aligned(16)));

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void on_alarm(int sig) {
    mt_state.pending_exc = mt_state.kbd_exc;
    mt_pending = 1;
}

static void set_timer(long first_ms, long every_ms) {
    struct itimerval t = {{every_ms / 1000, every_ms % 1000 * 1000},
                          {first_ms / 1000, first_ms % 1000 * 1000}};
    setitimer(ITIMER_REAL, &t, NULL);
}

static void setup_once(void) {
    static bool done;
    if (done) return;
    done = true;
    int fd = open("/dev/null", O_WRONLY);
    if (fd >= 0) dup2(fd, 1);
    struct sigaction sa = {0};
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    setup_once();
    mt_init(heap, sizeof(heap), (char *)__builtin_frame_address(0), STACK_BUDGET);
    set_timer(RUN_MS, 1);
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_exec_str((const char *)data, size, MT_QSTR_lt_string_gt, MT_PARSE_FILE,
                    mt_state.main_globals, MT_NULL);
        mt_nlr_pop();
    }
    set_timer(0, 0);
    return 0;
}
