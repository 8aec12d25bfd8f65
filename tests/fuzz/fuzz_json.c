/* libFuzzer target: json.loads on arbitrary bytes, and dumps of what it returns. */
#include "fuzz_lib.h"

static void run(const uint8_t *data, size_t size) {
    mt_obj_t v = mt_call1(fuzz_fun(MT_QSTR_json, MT_QSTR_loads), mt_bytes_new(data, size));
    mt_call1(fuzz_fun(MT_QSTR_json, MT_QSTR_dumps), v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_run(run, data, size);
    return 0;
}
