/* libFuzzer target: the input's first line is a struct format, the rest a buffer:
 * calcsize, unpack, unpack_from at every offset, and pack of what unpack returned. */
#include <string.h>

#include "fuzz_lib.h"

static void run(const uint8_t *data, size_t size) {
    const uint8_t *nl = memchr(data, '\n', size);
    size_t flen = nl ? (size_t)(nl - data) : size;
    /* formats are ASCII: map bytes into printable ones so mt_str_new gets valid UTF-8 */
    char f[64];
    if (flen > sizeof(f)) flen = sizeof(f);
    for (size_t i = 0; i < flen; i++) f[i] = (char)(data[i] & 0x7f ? data[i] & 0x7f : ' ');
    mt_obj_t fmt = mt_str_new(f, flen);
    mt_obj_t buf = mt_bytes_new(data + flen, size - flen);
    mt_call1(fuzz_fun(MT_QSTR_struct, MT_QSTR_calcsize), fmt);
    mt_obj_t from = fuzz_fun(MT_QSTR_struct, MT_QSTR_unpack_from);
    for (size_t off = 0; off < 4 && off <= size - flen; off++) {
        mt_nlr_buf_t nlr;
        if (mt_nlr_push(&nlr) == 0) {
            mt_obj_t args[3] = {fmt, buf, MT_NEW_SMALL_INT(off)};
            mt_obj_t t = mt_call(from, 3, 0, args);
            size_t n;
            mt_obj_t *items;
            mt_tuple_get(t, &n, &items);
            mt_obj_t pargs[65];
            pargs[0] = fmt;
            for (size_t i = 0; i < n && i < 64; i++) pargs[i + 1] = items[i];
            if (n <= 64) mt_call(fuzz_fun(MT_QSTR_struct, MT_QSTR_pack), n + 1, 0, pargs);
            mt_nlr_pop();
        }
    }
    mt_call2(fuzz_fun(MT_QSTR_struct, MT_QSTR_unpack), fmt, buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_run(run, data, size);
    return 0;
}
