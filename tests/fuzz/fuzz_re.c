/* libFuzzer target: the input's first line is a pattern, the rest a subject:
 * re.compile(pattern) then search, findall and sub over the subject. */
#include <string.h>

#include "fuzz_lib.h"

static void run(const uint8_t *data, size_t size) {
    const uint8_t *nl = memchr(data, '\n', size);
    size_t plen = nl ? (size_t)(nl - data) : size;
    mt_obj_t pat = mt_bytes_new(data, plen);
    mt_obj_t subj = mt_bytes_new(data + plen + (nl ? 1 : 0), size - plen - (nl ? 1 : 0));
    mt_obj_t re = mt_call1(fuzz_fun(MT_QSTR_re, MT_QSTR_compile), pat);
    mt_call1(mt_load_attr(re, MT_QSTR_search), subj);
    mt_call1(mt_load_attr(re, MT_QSTR_findall), subj);
    mt_call2(mt_load_attr(re, MT_QSTR_sub), mt_bytes_new("\\0-", 3), subj);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_run(run, data, size);
    return 0;
}
