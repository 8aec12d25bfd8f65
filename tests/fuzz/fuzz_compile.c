/* libFuzzer target: compile and run arbitrary source in a fresh core with a small heap.
 * Every input must end in a Python exception or a normal return, never a crash or a sanitizer
 * report. Program output is discarded (stdout goes to /dev/null). A program that runs too long
 * gets KeyboardInterrupt, then again every millisecond, so one that catches it cannot hold on.
 * Build rule: tests/tests.mk; run: make fuzz, or tests/run.py --fuzz SECONDS. */
#include <signal.h>
#include <stdint.h>
#include <unistd.h>

#include "ast.h"
#include "fuzz_prog.h"
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_prog_setup_once(on_alarm);
    mt_init(heap, sizeof(heap), (char *)__builtin_frame_address(0), STACK_BUDGET);
    fuzz_timer(RUN_MS, 1);
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_exec_str((const char *)data, size, MT_QSTR_lt_string_gt, MT_PARSE_FILE,
                    mt_state.main_globals, MT_NULL);
        mt_nlr_pop();
    }
    fuzz_timer(0, 0);
    return 0;
}
