/* libFuzzer target: the .mpy loader (core/persist.c) and the code it accepts, on arbitrary
 * bytes. The input's CRC-32 is recomputed first (when it has a header, unless bit 0 of the
 * reserved byte 6 is set) so mutations reach the structural checks and the verifier instead of
 * stopping at the checksum. Every input must load or raise ValueError/MemoryError; what loads
 * then runs as a module (the verifier's promise: verified code never crashes the VM) and must
 * end in a Python exception or a normal return. Program output goes to /dev/null; a program
 * that runs too long gets KeyboardInterrupt, then again every millisecond, and one that still
 * holds on (catching them in a loop) is abandoned after a second: the timer jumps out of it
 * (siglongjmp) and the next input gets a fresh interpreter (mt_init, mt_vm_reset). Seeds:
 * tests/fuzz/seeds/fuzz_mpy (files made by mote-cross). Build rule: tests/tests.mk. */
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "ast.h"
#include "crc32.h"
#include "fuzz_prog.h"
#include "fun.h"
#include "nlr.h"
#include "obj.h"
#include "persist.h"
#include "state.h"
#include "vm.h"

#define MAX_INPUT    (64 * 1024)
#define HEAP_SIZE    (128 * 1024)
#define STACK_BUDGET (256 * 1024)
#define RUN_MS       200
#define HARD_MS      1000 /* after RUN_MS: abandon the program */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char heap[HEAP_SIZE] __attribute__((aligned(16)));
static uint8_t copy[MAX_INPUT];

static sigjmp_buf escape;
static volatile sig_atomic_t running, ticks;

static void on_alarm(int sig) {
    mt_state.pending_exc = mt_state.kbd_exc;
    mt_pending = 1;
    if (running && ++ticks > HARD_MS) siglongjmp(escape, 1);
}

/* load the image, then run it in __main__ */
static void load_and_run(size_t size) {
    if (size >= 12 && (copy[6] & 1) == 0) {
        uint32_t c = mt_crc32(0, copy + 12, size - 12);
        for (int i = 0; i < 4; i++) copy[8 + i] = (uint8_t)(c >> (8 * i));
    }
    mt_code_t *code = mt_persist_load(copy, size);
    ticks = 0;
    running = 1;
    fuzz_timer(RUN_MS, 1);
    mt_exec_compiled(mt_fun_new(code, mt_state.main_globals), MT_NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > MAX_INPUT) return 0;
    fuzz_prog_setup_once(on_alarm);
    memcpy(copy, data, size);
    mt_init(heap, sizeof(heap), (char *)__builtin_frame_address(0), STACK_BUDGET);
    mt_vm_reset();
    if (sigsetjmp(escape, 1) == 0) {
        mt_nlr_buf_t nlr;
        if (mt_nlr_push(&nlr) == 0) {
            load_and_run(size);
            mt_nlr_pop();
        }
    }
    running = 0;
    fuzz_timer(0, 0);
    return 0;
}
