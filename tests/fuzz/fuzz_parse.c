/* libFuzzer target: the lexer and parser on arbitrary bytes. Every input must end in a parse
 * tree or a Python exception (SyntaxError, MemoryError, RecursionError ...), never a crash.
 * The first byte picks the mode (file / single / eval); the REPL's incompleteness check runs on
 * the same bytes. Build rule: see tests/tests.mk (infra). */
#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "gc.h"
#include "hal.h"
#include "nlr.h"
#include "state.h"

#define HEAP_SIZE    (512 * 1024)
#define STACK_BUDGET (128 * 1024)

static char heap[HEAP_SIZE] __attribute__((aligned(16)));

static void parse_all(const char *src, size_t len, mt_parse_mode_t mode) {
    mt_reader_t r;
    mt_reader_new_mem(&r, src, len);
    mt_parser_t *p = mt_parser_new(&r, MT_QSTR_lt_string_gt, mode);
    while (mt_parse_next(p) != NULL) {
    }
    mt_parser_free(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static bool initialised;
    char stack_top;
    if (!initialised) {
        mt_init(heap, sizeof(heap), &stack_top, STACK_BUDGET);
        initialised = true;
    }
    /* the stack base differs between calls: re-anchor the GC scan and the recursion limit */
    char *top = mt_hal_stack_pointer();
    mt_gc_set_stack_top(top);
    mt_state.stack_limit = top - STACK_BUDGET;
    if (size == 0) {
        return 0;
    }
    mt_parse_mode_t mode = (mt_parse_mode_t)(data[0] % 3);
    const char *src = (const char *)data + 1;
    size_t len = size - 1;
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        parse_all(src, len, mode);
        mt_nlr_pop();
    }
    if (mt_nlr_push(&nlr) == 0) {
        mt_parse_is_incomplete(src, len);
        mt_nlr_pop();
    }
    return 0;
}
