/* bytes: immutable byte strings (mt_str_t layout), decoding, and the buffer protocol.
 * The str-like methods are shared with str (core/types/str.c). */
#include "containers.h"
#include "runtime.h"
#include "str.h"
#include "strfmt.h"
#include "unicode.h"

#define TYPE_OF(o) (((mt_obj_base_t *)MT_OBJ_TO_PTR(o))->type)

/* ---- buffer protocol -------------------------------------------------------------------- */

bool mt_get_buffer(mt_obj_t o, mt_buffer_info_t *info, int flags) {
    if (!MT_IS_OBJ(o)) return false;
    const mt_type_t *t = TYPE_OF(o);
    if (t->buffer) return t->buffer(o, info, flags);
    if (MT_IS_HEAP_TYPE(t)) {
        mt_obj_t n = mt_obj_native(o);
        if (n != o && n != MT_NULL) return mt_get_buffer(n, info, flags);
    }
    return false;
}

void mt_get_buffer_raise(mt_obj_t o, mt_buffer_info_t *info, int flags) {
    if (!mt_get_buffer(o, info, flags)) {
        mt_raise_fmt(&mt_type_TypeError, "a bytes-like object is required, not '%q'",
                     mt_obj_type_name(o));
    }
}

const uint8_t *mt_bytes_get(mt_obj_t o, size_t *len) {
    mt_buffer_info_t info;
    mt_get_buffer_raise(o, &info, MT_BUFFER_READ);
    *len = info.len;
    return info.buf;
}

static bool bytes_buffer(mt_obj_t o, mt_buffer_info_t *info, int flags) {
    if (flags & MT_BUFFER_WRITE) return false;
    const mt_str_t *s = MT_OBJ_TO_PTR(mt_obj_native(o));
    info->buf = (void *)s->data;
    info->len = s->len;
    info->typecode = 'B';
    return true;
}

/* ---- decoding --------------------------------------------------------------------------- */

MT_NORETURN static void decode_error(const char *codec, const uint8_t *s, size_t pos, size_t n,
                                     const char *why) {
    if (n > 1) {
        mt_raise_fmt(&mt_type_UnicodeError, "'%s' codec can't decode bytes in position %u-%u: %s",
                     codec, (unsigned)pos, (unsigned)(pos + n - 1), why);
    }
    mt_raise_fmt(&mt_type_UnicodeError, "'%s' codec can't decode byte 0x%02x in position %u: %s",
                 codec, (unsigned)s[pos], (unsigned)pos, why);
}

/* length of the valid UTF-8 sequence at p, or 0 with *bad = the bytes of the maximal
 * invalid prefix (>= 1) */
static size_t seq_len(const uint8_t *p, const uint8_t *end, size_t *bad) {
    uint8_t c = p[0];
    if (c < 0x80) return 1;
    size_t n = c >= 0xc2 && c < 0xe0   ? 2
               : c >= 0xe0 && c < 0xf0 ? 3
               : c >= 0xf0 && c < 0xf5 ? 4
                                       : 0;
    if (n == 0) {
        *bad = 1;
        return 0;
    }
    uint8_t lo = c == 0xe0 ? 0xa0 : c == 0xf0 ? 0x90 : 0x80;
    uint8_t hi = c == 0xed ? 0x9f : c == 0xf4 ? 0x8f : 0xbf;
    size_t i = 1;
    for (; i < n && p + i < end; i++) {
        uint8_t b = p[i];
        if (i == 1 ? (b < lo || b > hi) : !MT_UTF8_IS_CONT(b)) break;
    }
    if (i == n) return n;
    *bad = i;
    return 0;
}

static int errors_of_qstr(mt_qstr_t q) {
    return q == MT_QSTR_ignore ? 1 : q == MT_QSTR_replace ? 2 : 0;
}

static mt_obj_t decode_utf8(const uint8_t *s, size_t len, int errors) {
    size_t clen;
    if (mt_utf8_validate(s, len, &clen)) return mt_str_new_len((const char *)s, len, clen);
    mt_vstr_t out;
    mt_str_vstr_init(&out, len + 2);
    const uint8_t *p = s, *end = s + len;
    while (p < end) {
        size_t bad, k = seq_len(p, end, &bad);
        if (k) {
            mt_vstr_add_strn(&out, (const char *)p, k);
            p += k;
            continue;
        }
        if (errors == 3) mt_str_errors_unknown();
        if (errors == 0) {
            const char *why = p[0] < 0xc2 || p[0] >= 0xf5 ? "invalid start byte"
                              : p + bad == end            ? "unexpected end of data"
                                                          : "invalid continuation byte";
            decode_error("utf-8", s, (size_t)(p - s), bad, why);
        }
        if (errors == 2) mt_vstr_add_char(&out, 0xfffd);
        p += bad;
    }
    return mt_str_new_from_vstr(&out);
}

mt_obj_t mt_bytes_decode_utf8(const uint8_t *s, size_t len, mt_qstr_t errors) {
    return decode_utf8(s, len, errors_of_qstr(errors));
}

/* ascii (limit 128) or latin-1 (limit 256) */
static mt_obj_t decode_narrow(const uint8_t *s, size_t len, size_t limit, int errors) {
    mt_vstr_t out;
    mt_str_vstr_init(&out, len + len / 2);
    for (size_t i = 0; i < len; i++) {
        if (s[i] < limit) {
            mt_vstr_add_char(&out, s[i]);
        } else if (errors == 3) {
            mt_str_errors_unknown();
        } else if (errors == 0) {
            mt_raise_fmt(&mt_type_UnicodeError,
                         "'ascii' codec can't decode byte 0x%02x in position %u: ordinal not in "
                         "range(128)",
                         (unsigned)s[i], (unsigned)i);
        } else if (errors == 2) {
            mt_vstr_add_char(&out, 0xfffd);
        }
    }
    return mt_str_new_from_vstr(&out);
}

mt_obj_t mt_bytes_decode(const uint8_t *s, size_t len, mt_obj_t encoding, mt_obj_t errors) {
    int enc = encoding == MT_NULL ? 0 : mt_str_encoding(encoding);
    int err = mt_str_errors(errors);
    if (enc == 0) return decode_utf8(s, len, err);
    return decode_narrow(s, len, enc == 1 ? 128 : 256, err);
}

static const mt_arg_spec_t decode_spec[] = {
    {MT_QSTR_encoding, 0, MT_NULL},
    {MT_QSTR_errors, 0, MT_NULL},
};

static mt_obj_t bytes_decode(size_t n_args, const mt_obj_t *args, mt_map_t *kw) {
    mt_obj_t a[2] = {MT_NULL, MT_NULL};
    if (kw != NULL && kw->filled) {
        mt_arg_parse(n_args - 1, args + 1, kw, 2, decode_spec, a);
    } else if (n_args > 3) {
        mt_raise_fmt(&mt_type_TypeError, "decode() takes at most 2 arguments (%u given)",
                     (unsigned)(n_args - 1));
    } else {
        for (size_t i = 1; i < n_args; i++) a[i - 1] = args[i];
    }
    size_t len;
    const uint8_t *s = mt_bytes_get(args[0], &len);
    return mt_bytes_decode(s, len, a[0], a[1]);
}
MT_DEFINE_FUN_KW(mt_bytes_decode_obj, 1, bytes_decode);

/* ---- hex / fromhex ---------------------------------------------------------------------- */

static mt_obj_t bytes_hex(size_t n_args, const mt_obj_t *args) {
    size_t len, slen = 0;
    const uint8_t *s = mt_bytes_get(args[0], &len);
    const char *sep = NULL;
    mt_int_t per = 1;
    if (n_args > 1) {
        sep = mt_str_data(args[1], &slen);
        if (!mt_obj_is_str(args[1]) && !MT_IS_TYPE(args[1], &mt_type_bytes)) {
            mt_raise_type_error("sep must be str or bytes.");
        }
        if (slen != 1) mt_raise_value_error("sep must be length 1.");
        if ((uint8_t)sep[0] >= 0x80) mt_raise_value_error("sep must be ASCII.");
        if (n_args > 2) per = mt_obj_get_int(args[2]);
    }
    size_t group = (size_t)(per < 0 ? -per : per);
    size_t n_sep = (sep && group && len) ? (len - 1) / group : 0;
    uint8_t *d;
    mt_str_t *r = mt_str_alloc(len * 2 + n_sep, &d);
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < len; i++) {
        /* a separator goes before byte i when i ends a group counted from the chosen end */
        if (i > 0 && n_sep && (per < 0 ? i % group == 0 : (len - i) % group == 0)) *d++ = *sep;
        *d++ = digits[s[i] >> 4];
        *d++ = digits[s[i] & 15];
    }
    return mt_str_finish(r, (long)(len * 2 + n_sep));
}
MT_DEFINE_FUN_VAR(mt_bytes_hex_obj, 1, 3, bytes_hex);

static int hexval(uint8_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    c |= 0x20;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* bytes.fromhex(s): s may be passed alone (called on the class) or after self */
mt_obj_t mt_bytes_fromhex_vstr(mt_obj_t str, mt_vstr_t *out) {
    size_t len;
    const uint8_t *s = (const uint8_t *)mt_str_get(str, &len);
    mt_vstr_init(out, len / 2);
    for (size_t i = 0; i < len;) {
        if (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) {
            i++;
            continue;
        }
        int hi = hexval(s[i]), lo = i + 1 < len ? hexval(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            mt_raise_fmt(&mt_type_ValueError,
                         "non-hexadecimal number found in fromhex() arg at position %u",
                         (unsigned)(hi < 0 ? i : i + 1));
        }
        mt_vstr_add_byte(out, (uint8_t)(hi << 4 | lo));
        i += 2;
    }
    return MT_NONE;
}

static mt_obj_t bytes_fromhex(size_t n_args, const mt_obj_t *args) {
    mt_vstr_t v;
    mt_bytes_fromhex_vstr(args[n_args - 1], &v);
    return mt_bytes_new_from_vstr(&v);
}
MT_DEFINE_FUN_VAR(mt_bytes_fromhex_obj, 1, 2, bytes_fromhex);

/* ---- construction ----------------------------------------------------------------------- */

/* one int of an iterable given to bytes()/bytearray() */
uint8_t mt_bytes_byte_value(mt_obj_t o) {
    mt_int_t v;
    if (MT_IS_SMALL_INT(o)) {
        v = MT_SMALL_INT_VALUE(o);
    } else if (mt_obj_is_int(o)) {
        if (!mt_obj_get_int_maybe(o, &v)) v = -1;
    } else {
        v = mt_obj_get_index(o);
    }
    if (v < 0 || v > 255) mt_raise_value_error("bytes must be in range(0, 256)");
    return (uint8_t)v;
}

/* The contents of bytes(src, encoding, errors) / bytearray(...) into out (initialised here).
 * Returns true when src itself is exactly that (so bytes(b) can return b). */
bool mt_bytes_collect(mt_obj_t src, mt_obj_t enc, mt_obj_t errors, mt_vstr_t *out,
                      const char *tname) {
    if (mt_obj_is_str(src)) {
        if (enc == MT_NULL) mt_raise_type_error("string argument without an encoding");
        mt_obj_t eargs[2] = {enc, errors};
        mt_obj_t b =
            mt_call_method_n(mt_str_unwrap(src), MT_QSTR_encode, errors == MT_NULL ? 1 : 2, eargs);
        size_t len;
        const char *s = mt_str_data(b, &len);
        mt_vstr_init(out, len);
        mt_vstr_add_strn(out, s, len);
        return false;
    }
    if (enc != MT_NULL || errors != MT_NULL) {
        mt_raise_type_error(enc != MT_NULL ? "encoding without a string argument"
                                           : "errors without a string argument");
    }
    mt_buffer_info_t info;
    if (mt_get_buffer(src, &info, MT_BUFFER_READ)) {
        mt_vstr_init(out, info.len);
        mt_vstr_add_strn(out, info.buf, info.len);
        return true;
    }
    if (mt_obj_is_int(src)) {
        mt_int_t n = mt_obj_get_int(src);
        if (n < 0) mt_raise_value_error("negative count");
        mt_vstr_init(out, (size_t)n);
        memset(mt_vstr_extend(out, (size_t)n), 0, (size_t)n);
        return false;
    }
    if (MT_IS_ARRAY(src)) {
        size_t n;
        mt_obj_t *items;
        mt_get_array(src, &n, &items);
        mt_vstr_init(out, n);
        for (size_t i = 0; i < n; i++) mt_vstr_add_byte(out, mt_bytes_byte_value(items[i]));
        return false;
    }
    if (mt_type_of(src)->getiter == NULL && !MT_IS_INSTANCE(src)) {
        mt_raise_fmt(&mt_type_TypeError, "cannot convert '%q' object to %s", mt_obj_type_name(src),
                     tname);
    }
    mt_iter_buf_t buf;
    mt_obj_t it = mt_getiter(src, &buf);
    mt_vstr_init(out, 16);
    for (mt_obj_t x; (x = mt_iternext(it)) != MT_NULL;)
        mt_vstr_add_byte(out, mt_bytes_byte_value(x));
    return false;
}

/* positional/keyword arguments of bytes()/bytearray(): source, encoding, errors */
void mt_bytes_parse_args(size_t n_args, size_t n_kw, const mt_obj_t *args, mt_obj_t a[3],
                         const char *tname) {
    a[0] = a[1] = a[2] = MT_NULL;
    if (n_args > 3) {
        mt_raise_fmt(&mt_type_TypeError, "%s() takes at most 3 arguments (%u given)", tname,
                     (unsigned)(n_args + n_kw));
    }
    for (size_t i = 0; i < n_args; i++) a[i] = args[i];
    for (size_t i = 0; i < n_kw; i++) {
        mt_qstr_t k = MT_QSTR_VALUE(args[n_args + 2 * i]);
        int j = k == MT_QSTR_source ? 0 : k == MT_QSTR_encoding ? 1 : k == MT_QSTR_errors ? 2 : -1;
        if (j < 0) {
            mt_raise_fmt(&mt_type_TypeError, "'%q' is an invalid keyword argument for %s()", k,
                         tname);
        }
        a[j] = args[n_args + 2 * i + 1];
    }
}

static mt_obj_t bytes_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                               const mt_obj_t *args) {
    mt_obj_t a[3];
    mt_bytes_parse_args(n_args, n_kw, args, a, "bytes");
    if (a[0] == MT_NULL) {
        if (a[1] != MT_NULL || a[2] != MT_NULL) {
            mt_raise_type_error(a[1] != MT_NULL ? "encoding without a string argument"
                                                : "errors without a string argument");
        }
        return mt_bytes_new(NULL, 0);
    }
    if (MT_IS_TYPE(a[0], &mt_type_bytes) && a[1] == MT_NULL && a[2] == MT_NULL) return a[0];
    if (MT_IS_INSTANCE(a[0]) && a[1] == MT_NULL) {
        mt_obj_t r = mt_call_method_maybe(a[0], MT_QSTR___bytes__, 0, NULL);
        if (r != MT_NULL) {
            if (!MT_IS_TYPE(mt_obj_native(r), &mt_type_bytes)) {
                mt_raise_fmt(&mt_type_TypeError, "__bytes__ returned non-bytes (type %q)",
                             mt_obj_type_name(r));
            }
            return r;
        }
    }
    mt_vstr_t v;
    mt_bytes_collect(a[0], a[1], a[2], &v, "bytes");
    return mt_bytes_new_from_vstr(&v);
}

/* ---- the bytes type --------------------------------------------------------------------- */

static void bytes_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    const mt_str_t *s = MT_OBJ_TO_PTR(mt_obj_native(o));
    mt_str_print_quoted(p, (const char *)s->data, s->len, 1, false);
}

static mt_obj_t bytes_unary_op(mt_unop_t op, mt_obj_t o) {
    const mt_str_t *s = MT_OBJ_TO_PTR(mt_obj_native(o));
    switch (op) {
    case MT_UNOP_BOOL: return MT_BOOL(s->len != 0);
    case MT_UNOP_LEN: return MT_NEW_SMALL_INT(s->len);
    case MT_UNOP_HASH:
        return MT_NEW_SMALL_INT((mt_int_t)(mt_str_hash(mt_obj_native(o)) & MT_SMALL_INT_MAX));
    default: return MT_NULL;
    }
}

static mt_obj_t bytes_subscr(mt_obj_t o, mt_obj_t index, mt_obj_t value) {
    if (value != MT_SENTINEL) return MT_NULL;
    o = mt_obj_native(o);
    if (MT_IS_TYPE(index, &mt_type_slice)) return mt_bytes_slice(o, index);
    const mt_str_t *s = MT_OBJ_TO_PTR(o);
    mt_int_t i = mt_str_index_value(index, "byte");
    if (i < 0) i += s->len;
    if (i < 0 || i >= (mt_int_t)s->len) mt_raise_msg(&mt_type_IndexError, "index out of range");
    return MT_NEW_SMALL_INT(s->data[i]);
}

/* iterator over bytes: ints, built in the caller's buffer when given */
typedef struct {
    mt_obj_base_t base;
    mt_obj_t bytes;
    const uint8_t *cur, *end;
} bytes_it_t;

static mt_obj_t bytes_it_next(mt_obj_t self) {
    bytes_it_t *it = MT_OBJ_TO_PTR(self);
    if (it->cur >= it->end) return MT_NULL;
    return MT_NEW_SMALL_INT(*it->cur++);
}

static const mt_type_t bytes_iterator_type = {
    {&mt_type_type},         .name = MT_QSTR_bytes_iterator, .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .getiter = mt_iter_self, .iternext = bytes_it_next,
};

static mt_obj_t bytes_getiter(mt_obj_t o, mt_iter_buf_t *buf) {
    const mt_str_t *s = MT_OBJ_TO_PTR(mt_obj_native(o));
    bytes_it_t *it = buf ? (bytes_it_t *)buf : mt_new_obj(bytes_it_t);
    it->base.type = &bytes_iterator_type;
    it->bytes = MT_OBJ_FROM_PTR(s);
    it->cur = s->data;
    it->end = s->data + s->len;
    return MT_OBJ_FROM_PTR(it);
}

static mt_obj_t bytes_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    return mt_bytes_binary_op(op, lhs, rhs);
}

/* sorted by name (binary search) */
static const mt_map_elem_t bytes_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_capitalize), MT_ROM_PTR(&mt_str_capitalize_obj)},
    {MT_ROM_QSTR(MT_QSTR_center), MT_ROM_PTR(&mt_str_center_obj)},
    {MT_ROM_QSTR(MT_QSTR_count), MT_ROM_PTR(&mt_str_count_obj)},
    {MT_ROM_QSTR(MT_QSTR_decode), MT_ROM_PTR(&mt_bytes_decode_obj)},
    {MT_ROM_QSTR(MT_QSTR_endswith), MT_ROM_PTR(&mt_str_endswith_obj)},
    {MT_ROM_QSTR(MT_QSTR_expandtabs), MT_ROM_PTR(&mt_str_expandtabs_obj)},
    {MT_ROM_QSTR(MT_QSTR_find), MT_ROM_PTR(&mt_str_find_obj)},
    {MT_ROM_QSTR(MT_QSTR_fromhex), MT_ROM_PTR(&mt_bytes_fromhex_obj)},
    {MT_ROM_QSTR(MT_QSTR_hex), MT_ROM_PTR(&mt_bytes_hex_obj)},
    {MT_ROM_QSTR(MT_QSTR_index), MT_ROM_PTR(&mt_str_index_obj)},
    {MT_ROM_QSTR(MT_QSTR_isalnum), MT_ROM_PTR(&mt_str_isalnum_obj)},
    {MT_ROM_QSTR(MT_QSTR_isalpha), MT_ROM_PTR(&mt_str_isalpha_obj)},
    {MT_ROM_QSTR(MT_QSTR_isascii), MT_ROM_PTR(&mt_str_isascii_obj)},
    {MT_ROM_QSTR(MT_QSTR_isdigit), MT_ROM_PTR(&mt_str_isdigit_obj)},
    {MT_ROM_QSTR(MT_QSTR_islower), MT_ROM_PTR(&mt_str_islower_obj)},
    {MT_ROM_QSTR(MT_QSTR_isspace), MT_ROM_PTR(&mt_str_isspace_obj)},
    {MT_ROM_QSTR(MT_QSTR_istitle), MT_ROM_PTR(&mt_str_istitle_obj)},
    {MT_ROM_QSTR(MT_QSTR_isupper), MT_ROM_PTR(&mt_str_isupper_obj)},
    {MT_ROM_QSTR(MT_QSTR_join), MT_ROM_PTR(&mt_str_join_obj)},
    {MT_ROM_QSTR(MT_QSTR_ljust), MT_ROM_PTR(&mt_str_ljust_obj)},
    {MT_ROM_QSTR(MT_QSTR_lower), MT_ROM_PTR(&mt_str_lower_obj)},
    {MT_ROM_QSTR(MT_QSTR_lstrip), MT_ROM_PTR(&mt_str_lstrip_obj)},
    {MT_ROM_QSTR(MT_QSTR_maketrans), MT_ROM_PTR(&mt_bytes_maketrans_obj)},
    {MT_ROM_QSTR(MT_QSTR_partition), MT_ROM_PTR(&mt_str_partition_obj)},
    {MT_ROM_QSTR(MT_QSTR_removeprefix), MT_ROM_PTR(&mt_str_removeprefix_obj)},
    {MT_ROM_QSTR(MT_QSTR_removesuffix), MT_ROM_PTR(&mt_str_removesuffix_obj)},
    {MT_ROM_QSTR(MT_QSTR_replace), MT_ROM_PTR(&mt_str_replace_obj)},
    {MT_ROM_QSTR(MT_QSTR_rfind), MT_ROM_PTR(&mt_str_rfind_obj)},
    {MT_ROM_QSTR(MT_QSTR_rindex), MT_ROM_PTR(&mt_str_rindex_obj)},
    {MT_ROM_QSTR(MT_QSTR_rjust), MT_ROM_PTR(&mt_str_rjust_obj)},
    {MT_ROM_QSTR(MT_QSTR_rpartition), MT_ROM_PTR(&mt_str_rpartition_obj)},
    {MT_ROM_QSTR(MT_QSTR_rsplit), MT_ROM_PTR(&mt_str_rsplit_obj)},
    {MT_ROM_QSTR(MT_QSTR_rstrip), MT_ROM_PTR(&mt_str_rstrip_obj)},
    {MT_ROM_QSTR(MT_QSTR_split), MT_ROM_PTR(&mt_str_split_obj)},
    {MT_ROM_QSTR(MT_QSTR_splitlines), MT_ROM_PTR(&mt_str_splitlines_obj)},
    {MT_ROM_QSTR(MT_QSTR_startswith), MT_ROM_PTR(&mt_str_startswith_obj)},
    {MT_ROM_QSTR(MT_QSTR_strip), MT_ROM_PTR(&mt_str_strip_obj)},
    {MT_ROM_QSTR(MT_QSTR_swapcase), MT_ROM_PTR(&mt_str_swapcase_obj)},
    {MT_ROM_QSTR(MT_QSTR_title), MT_ROM_PTR(&mt_str_title_obj)},
    {MT_ROM_QSTR(MT_QSTR_translate), MT_ROM_PTR(&mt_str_translate_obj)},
    {MT_ROM_QSTR(MT_QSTR_upper), MT_ROM_PTR(&mt_str_upper_obj)},
    {MT_ROM_QSTR(MT_QSTR_zfill), MT_ROM_PTR(&mt_str_zfill_obj)},
};
static MT_DEFINE_SORTED_MAP(bytes_locals, bytes_locals_table);

const mt_type_t mt_type_bytes = {
    {&mt_type_type},
    .name = MT_QSTR_bytes,
    .flags = MT_TYPE_FLAG_BASETYPE,
    .print = bytes_print,
    .make_new = bytes_make_new,
    .unary_op = bytes_unary_op,
    .binary_op = bytes_binary_op,
    .subscr = bytes_subscr,
    .getiter = bytes_getiter,
    .buffer = bytes_buffer,
    .locals = &bytes_locals,
};
