/* str, bytes and their helpers (core/types/str.c, bytes.c, bytearray.c, memoryview.c).
 *
 * A str is UTF-8. It is either a qstr immediate (MT_IS_QSTR: interned, data in the qstr
 * pool) or a heap/const mt_str_t (core/obj.h). Every function here accepts both.
 * An mt_str_t made here holds its data right after the header (one allocation); its
 * charlen == len marks pure ASCII (indexing by byte; other strs index by walking the UTF-8,
 * with a one-entry position cache). The one-character strs U+0000..U+00FF are const objects.
 * Bytes share the layout (charlen unused, set equal to len). Subclass instances
 * (mt_instance_t) carry the str in .native. */
#ifndef MT_STR_H
#define MT_STR_H

#include "obj.h"

/* ---- UTF-8 ------------------------------------------------------------------------------ */
#define MT_UTF8_IS_CONT(b) (((uint8_t)(b)&0xc0) == 0x80)

/* decode the code point at *p (valid UTF-8 assumed) and advance *p past it */
static inline uint32_t mt_utf8_decode(const uint8_t **p) {
    const uint8_t *s = *p;
    uint32_t c = s[0];
    if (c < 0x80) {
        *p = s + 1;
        return c;
    }
    if (c < 0xe0) {
        *p = s + 2;
        return ((c & 0x1f) << 6) | (s[1] & 0x3f);
    }
    if (c < 0xf0) {
        *p = s + 3;
        return ((c & 0x0f) << 12) | ((s[1] & 0x3f) << 6) | (s[2] & 0x3f);
    }
    *p = s + 4;
    return ((c & 0x07) << 18) | ((s[1] & 0x3f) << 12) | ((s[2] & 0x3f) << 6) | (s[3] & 0x3f);
}
/* bytes the code point c takes in UTF-8 (1..4) */
static inline size_t mt_utf8_size(uint32_t c) {
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}
/* write c as UTF-8 at out (room for 4 bytes); returns the bytes written */
size_t mt_utf8_encode(uint32_t c, uint8_t *out);
/* code points in valid UTF-8 s[0..len) */
size_t mt_utf8_charlen(const uint8_t *s, size_t len);
/* true if s[0..len) is valid UTF-8 (no surrogates, no overlongs); *charlen gets the count.
 * On failure *charlen is the byte offset of the first bad byte. */
bool mt_utf8_validate(const uint8_t *s, size_t len, size_t *charlen);
/* advance n code points from s (not past end) */
const uint8_t *mt_utf8_skip(const uint8_t *s, const uint8_t *end, size_t n);

/* the slot of mt_state.extra[] holding the str whose code point positions are cached */
#define MT_STR_STATE_SLOT 12 /* 7: vfs, 8: board */

/* ---- str objects ------------------------------------------------------------------------ */
/* s is known to be ASCII (no count); known valid UTF-8 with a given charlen */
mt_obj_t mt_str_new_ascii(const char *s, size_t len);
mt_obj_t mt_str_new_len(const char *s, size_t len, size_t charlen);
mt_obj_t mt_str_new_cstr(const char *s);
/* validates: UnicodeError "'utf-8' codec can't decode byte 0x.. in position N: ..." */
mt_obj_t mt_str_new_checked(const char *s, size_t len);
/* an uninitialised str of len bytes (data NUL-terminated, filled by the caller through
 * *data); finish it with mt_str_finish (charlen -1: count it). One allocation. */
mt_str_t *mt_str_alloc(size_t len, uint8_t **data);
mt_obj_t mt_str_finish(mt_str_t *s, long charlen);
/* the one-code-point str chr(c); those below U+0100 are const objects (no allocation) */
mt_obj_t mt_str_from_char(uint32_t c);
/* the str/qstr behind o (unwraps a subclass instance); MT_NULL if o is not a str */
mt_obj_t mt_str_unwrap(mt_obj_t o);
/* o must be a str (qstr, str or subclass): its data; TypeError "must be str, not int" */
const char *mt_str_get(mt_obj_t o, size_t *len);
size_t mt_str_get_charlen(mt_obj_t o);
uint32_t mt_str_hash(mt_obj_t o);          /* cached; equal to mt_qstr_hash of the same text */
bool mt_str_equal(mt_obj_t a, mt_obj_t b); /* both str; by content */
/* start a vstr for a result of about len bytes that mt_str_new_from_vstr or
 * mt_bytes_new_from_vstr will take: it has room for the header, so the conversion only
 * shrinks the buffer in place (no copy, no garbage) */
#define mt_str_vstr_init(v, len) mt_vstr_init(v, (len) + sizeof(mt_str_t) + 1)
/* concatenation of n strs in one allocation (f-strings, BUILD_STRING) */
mt_obj_t mt_str_concat(size_t n, const mt_obj_t *items);
/* ord(o) for a str of one code point or a bytes/bytearray of length 1; TypeError otherwise */
mt_obj_t mt_str_ord(mt_obj_t o);
/* repr of text s[0..len) as CPython: quotes chosen, escapes. bytes_kind: 0 str, 1 bytes (b''
 * form), 2 bytearray's inner b'' (which escapes ' even inside "");
 * ascii_only: escape every non-ASCII code point (ascii()). */
void mt_str_print_quoted(const mt_print_t *p, const char *s, size_t len, int bytes_kind,
                         bool ascii_only);

/* ---- bytes ------------------------------------------------------------------------------ */
/* an uninitialised bytes of len (finish with mt_bytes_finish: computes nothing, sets len) */
mt_str_t *mt_bytes_alloc(size_t len, uint8_t **data);
#define mt_bytes_finish(s) MT_OBJ_FROM_PTR(s)
/* the bytes a bytes/bytearray/memoryview-like object exposes (mt_get_buffer_raise) */
const uint8_t *mt_bytes_get(mt_obj_t o, size_t *len);
mt_obj_t mt_bytearray_new(const void *data, size_t len);
mt_obj_t mt_bytearray_new_from_vstr(mt_vstr_t *v);
/* decode UTF-8 bytes to a str; errors: "strict" (UnicodeError), "ignore", "replace" */
mt_obj_t mt_bytes_decode_utf8(const uint8_t *s, size_t len, mt_qstr_t errors);
mt_obj_t mt_memoryview_new(mt_obj_t obj, size_t offset, size_t len, bool readonly);

/* decode bytes with a codec name (MT_NULL: utf-8) and error handler (MT_NULL: strict) */
mt_obj_t mt_bytes_decode(const uint8_t *s, size_t len, mt_obj_t encoding, mt_obj_t errors);
/* codec of an encoding name: 0 utf-8, 1 ascii, 2 latin-1; LookupError otherwise */
int mt_str_encoding(mt_obj_t name);
/* error handler name (MT_NULL: strict): 0 strict, 1 ignore, 2 replace, 3 unknown */
int mt_str_errors(mt_obj_t errors);
MT_NORETURN void mt_str_errors_unknown(void); /* LookupError */

/* helpers of bytes() and bytearray() (bytes.c): the value of one item (ValueError
 * "bytes must be in range(0, 256)"); the (source, encoding, errors) arguments; the contents
 * for a source into out (initialised here; true if src is a buffer copied as is);
 * bytes.fromhex into out */
uint8_t mt_bytes_byte_value(mt_obj_t o);
void mt_bytes_parse_args(size_t n_args, size_t n_kw, const mt_obj_t *args, mt_obj_t a[3],
                         const char *tname);
bool mt_bytes_collect(mt_obj_t src, mt_obj_t enc, mt_obj_t errors, mt_vstr_t *out,
                      const char *tname);
mt_obj_t mt_bytes_fromhex_vstr(mt_obj_t str, mt_vstr_t *out);
extern const mt_fun_builtin_t mt_bytes_decode_obj, mt_bytes_hex_obj;

/* ---- shared by str.c / bytes.c / bytearray.c (the str-like methods on byte strings) ---- */
/* argument parsing of start/end: clamp to [0, len] like slice indices (None = default) */
void mt_str_get_start_end(size_t n_args, const mt_obj_t *args, size_t first, size_t len,
                          size_t *start, size_t *end);

/* an index of a str/bytes subscript (small int fast; __index__); TypeError
 * "<what> indices must be integers, not 'float'" */
mt_int_t mt_str_index_value(mt_obj_t index, const char *what);
/* slots shared by bytes and bytearray (implemented in str.c over the common views):
 * + * % comparisons `in`, and slicing */
mt_obj_t mt_bytes_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs);
mt_obj_t mt_bytes_slice(mt_obj_t o, mt_obj_t slice);

/* the str-like methods, shared by the locals of str, bytes and bytearray */
extern const mt_fun_builtin_t mt_str_capitalize_obj, mt_str_center_obj, mt_str_count_obj,
    mt_str_endswith_obj, mt_str_expandtabs_obj, mt_str_find_obj, mt_str_index_obj,
    mt_str_isalnum_obj, mt_str_isalpha_obj, mt_str_isascii_obj, mt_str_isdigit_obj,
    mt_str_islower_obj, mt_str_isspace_obj, mt_str_istitle_obj, mt_str_isupper_obj, mt_str_join_obj,
    mt_str_ljust_obj, mt_str_lower_obj, mt_str_lstrip_obj, mt_str_partition_obj,
    mt_str_removeprefix_obj, mt_str_removesuffix_obj, mt_str_replace_obj, mt_str_rfind_obj,
    mt_str_rindex_obj, mt_str_rjust_obj, mt_str_rpartition_obj, mt_str_rsplit_obj,
    mt_str_rstrip_obj, mt_str_split_obj, mt_str_splitlines_obj, mt_str_startswith_obj,
    mt_str_strip_obj, mt_str_swapcase_obj, mt_str_title_obj, mt_str_translate_obj, mt_str_upper_obj,
    mt_str_zfill_obj, mt_bytes_maketrans_obj;

/* a const method table looked up by binary search: the table must be sorted by qstr, i.e.
 * by name (tools/mkqstr.py numbers qstrs in name order) */
#define MT_DEFINE_SORTED_MAP(name, table)                                                          \
    const mt_map_t name = {.used = MT_ARRAY_SIZE(table),                                           \
                           .alloc = MT_ARRAY_SIZE(table),                                          \
                           .filled = MT_ARRAY_SIZE(table),                                         \
                           .is_fixed = 1,                                                          \
                           .is_sorted = 1,                                                         \
                           .all_keys_are_qstrs = 1,                                                \
                           .elems = (mt_map_elem_t *)table}

#endif
