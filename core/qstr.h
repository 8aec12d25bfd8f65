/* Interned strings ("qstrs"). Names known at build time form a const table generated from
 * every MT_QSTR_xxx used in the sources (tools/mkqstr.py -> build/genhdr/qstrdefs.h);
 * names met at run time are interned into pools in the GC heap. Equal strings always get the
 * same index, so interned names compare by identity. Index 0 is MT_QSTR_NULL: the empty
 * string, also used to mean "no name". */
#ifndef MT_QSTR_H
#define MT_QSTR_H

#include <stddef.h>
#include <stdint.h>

enum {
#define QDEF(id, hash, len, str) id,
#include "genhdr/qstrdefs.h"
#undef QDEF
    MT_QSTR_number_of_static
};

/* intern s[0..len) and return its index (raises MemoryError if the pool cannot grow) */
uint32_t mt_qstr_from_strn(const char *s, size_t len);
uint32_t mt_qstr_from_str(const char *s);
/* index of s if already interned, else 0 */
uint32_t mt_qstr_find_strn(const char *s, size_t len);
const char *mt_qstr_str(uint32_t q); /* NUL-terminated */
size_t mt_qstr_len(uint32_t q);
uint32_t mt_qstr_hash(uint32_t q); /* == mt_hash_bytes(str, len) */
const char *mt_qstr_data(uint32_t q, size_t *len);
size_t mt_qstr_count(void); /* total interned, static + dynamic */
void mt_qstr_init(void);
void mt_qstr_info(size_t *n_pool, size_t *n_qstr, size_t *n_bytes);

#endif
