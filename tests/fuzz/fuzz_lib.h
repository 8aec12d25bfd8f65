/* Shared set-up of the fuzz targets over library functions: each input runs in a fresh
 * core (a small heap, like the chip's order of magnitude) and any Python exception is an
 * accepted outcome; only crashes and sanitizer reports are failures. */
#ifndef MT_FUZZ_LIB_H
#define MT_FUZZ_LIB_H

#include <stddef.h>
#include <stdint.h>

#include "nlr.h"
#include "obj.h"
#include "state.h"

static char fuzz_heap[512 * 1024];

/* run fn(data) in a fresh interpreter, ignoring Python exceptions */
static void fuzz_run(void (*fn)(const uint8_t *, size_t), const uint8_t *data, size_t size) {
    char *top = (char *)__builtin_frame_address(0);
    mt_init(fuzz_heap, sizeof(fuzz_heap), top, 128 * 1024);
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        fn(data, size);
        mt_nlr_pop();
    }
}

/* module.func as an object */
static mt_obj_t fuzz_fun(mt_qstr_t module, mt_qstr_t func) {
    return mt_load_attr(mt_import_name(module, MT_NONE, 0), func);
}

#endif
