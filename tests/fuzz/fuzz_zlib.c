/* libFuzzer target: zlib.decompress of arbitrary bytes in every container format, with an
 * output limit; and a compress/decompress round trip that must give the input back. */
#include <stdlib.h>

#include "fuzz_lib.h"

static void run(const uint8_t *data, size_t size) {
    static const int wbits[] = {15, -15, 31, 47, 9, -9};
    mt_obj_t dec = fuzz_fun(MT_QSTR_zlib, MT_QSTR_decompress);
    mt_obj_t in = mt_bytes_new(data, size);
    for (size_t i = 0; i < sizeof(wbits) / sizeof(wbits[0]); i++) {
        mt_nlr_buf_t nlr;
        if (mt_nlr_push(&nlr) == 0) {
            mt_obj_t args[4] = {in, MT_NEW_SMALL_INT(wbits[i]), MT_NEW_QSTR(MT_QSTR_max_length),
                                MT_NEW_SMALL_INT(1 << 16)};
            mt_call(dec, 2, 1, args);
            mt_nlr_pop();
        }
    }
    mt_obj_t packed = mt_call1(fuzz_fun(MT_QSTR_zlib, MT_QSTR_compress), in);
    mt_obj_t back = mt_call1(dec, packed);
    if (!mt_equal(back, in)) abort(); /* a round trip that loses data is a bug */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_run(run, data, size);
    return 0;
}
