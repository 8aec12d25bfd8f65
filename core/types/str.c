/* str: immutable UTF-8 text (heap mt_str_t or qstr immediate), and the str-like methods
 * shared with bytes and bytearray (one implementation, parameterised by the kind of self).
 *
 * Speed notes: an ASCII str (charlen == len) indexes and slices by byte; results of
 * split/join/replace/slicing/case changes are sized first and built in one allocation;
 * one-character ASCII strs are const objects (iteration and indexing never allocate). */
#define _GNU_SOURCE
#include <string.h>

#include "containers.h"
#include "gc.h"
#include "nlr.h"
#include "num.h"
#include "runtime.h"
#include "state.h"
#include "str.h"
#include "strfmt.h"
#include "unicode.h"

#define EMPTY_STR   MT_NEW_QSTR(MT_QSTR_NULL)
#define TYPE_OF(o)  (((mt_obj_base_t *)MT_OBJ_TO_PTR(o))->type)
#define STR_MAX_LEN 0x7ffffff0u

/* ---- UTF-8 ------------------------------------------------------------------------------ */

size_t mt_utf8_encode(uint32_t c, uint8_t *out) {
    if (c < 0x80) {
        out[0] = (uint8_t)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (uint8_t)(0xc0 | (c >> 6));
        out[1] = (uint8_t)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (uint8_t)(0xe0 | (c >> 12));
        out[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
        out[2] = (uint8_t)(0x80 | (c & 0x3f));
        return 3;
    }
    out[0] = (uint8_t)(0xf0 | (c >> 18));
    out[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3f));
    out[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
    out[3] = (uint8_t)(0x80 | (c & 0x3f));
    return 4;
}

typedef uintptr_t word_t;
#define WORD_HIGH_BITS ((word_t)-1 / 0xff * 0x80)

static inline word_t load_word(const uint8_t *p) {
    word_t w;
    memcpy(&w, p, sizeof(w));
    return w;
}

/* count of continuation bytes (10xxxxxx) in s[0..len), a word at a time */
static size_t count_cont(const uint8_t *s, size_t len) {
    if (len >= sizeof(word_t)) { /* ASCII first: whole words, the last one overlapping */
        word_t any = load_word(s + len - sizeof(word_t));
        for (size_t i = 0; i + sizeof(word_t) <= len; i += sizeof(word_t)) any |= load_word(s + i);
        if (!(any & WORD_HIGH_BITS)) return 0;
    }
    size_t n = 0, i = 0;
    for (; i + sizeof(word_t) <= len; i += sizeof(word_t)) {
        word_t w = load_word(s + i);
        if (w & WORD_HIGH_BITS) n += (size_t)__builtin_popcountl(w & ~(w << 1) & WORD_HIGH_BITS);
    }
    for (; i < len; i++) n += MT_UTF8_IS_CONT(s[i]);
    return n;
}

size_t mt_utf8_charlen(const uint8_t *s, size_t len) {
    return len - count_cont(s, len);
}

/* index of the first non-ASCII byte of s, or len */
static size_t ascii_prefix(const uint8_t *s, size_t len) {
    size_t i = 0;
    while (i + sizeof(word_t) <= len && !(load_word(s + i) & WORD_HIGH_BITS)) i += sizeof(word_t);
    while (i < len && s[i] < 0x80) i++;
    return i;
}

/* length of the valid UTF-8 sequence at s (1..4), or 0 if invalid; *bad gets the number of
 * bytes forming the maximal invalid prefix (for error reporting / replacement) */
static size_t utf8_seq(const uint8_t *s, const uint8_t *end, size_t *bad) {
    uint8_t c = s[0];
    size_t n;
    uint8_t lo = 0x80, hi = 0xbf; /* allowed range of the second byte */
    if (c < 0x80) return 1;
    if (c < 0xc2) {
        *bad = 1;
        return 0;
    } else if (c < 0xe0) {
        n = 2;
    } else if (c < 0xf0) {
        n = 3;
        if (c == 0xe0) lo = 0xa0;
        if (c == 0xed) hi = 0x9f; /* no surrogates */
    } else if (c < 0xf5) {
        n = 4;
        if (c == 0xf0) lo = 0x90;
        if (c == 0xf4) hi = 0x8f;
    } else {
        *bad = 1;
        return 0;
    }
    size_t i = 1;
    for (; i < n && s + i < end; i++) {
        uint8_t b = s[i];
        if (i == 1 ? (b < lo || b > hi) : !MT_UTF8_IS_CONT(b)) break;
    }
    if (i == n) return n;
    *bad = i;
    return 0;
}

bool mt_utf8_validate(const uint8_t *s, size_t len, size_t *charlen) {
    const uint8_t *p = s, *end = s + len;
    size_t n = 0;
    while (p < end) {
        size_t a = ascii_prefix(p, (size_t)(end - p));
        p += a;
        n += a;
        if (p == end) break;
        size_t bad, k = utf8_seq(p, end, &bad);
        if (k == 0) {
            *charlen = (size_t)(p - s);
            return false;
        }
        p += k;
        n++;
    }
    *charlen = n;
    return true;
}

const uint8_t *mt_utf8_skip(const uint8_t *s, const uint8_t *end, size_t n) {
    while (n && s < end) {
        s++;
        while (s < end && MT_UTF8_IS_CONT(*s)) s++;
        n--;
    }
    return s;
}

/* start of the code point ending just before p (p > start) */
static inline const uint8_t *utf8_back(const uint8_t *start, const uint8_t *p) {
    do {
        p--;
    } while (p > start && MT_UTF8_IS_CONT(*p));
    return p;
}

/* ---- the const one-character strs of U+0000..U+00FF ----------------------------------------
 * Indexing, iteration and chr() of these never allocate (Latin-1 text included). */

/* UTF-8 of c < 0x100, NUL-terminated, 4 bytes per entry */
#define D1(c)                                                                                      \
    (char)((c) < 0x80 ? (c) : 0xc0 | ((c) >> 6)), (char)((c) < 0x80 ? 0 : 0x80 | ((c)&0x3f)), 0, 0
#define D4(c)  D1(c), D1(c + 1), D1(c + 2), D1(c + 3)
#define D16(c) D4(c), D4(c + 4), D4(c + 8), D4(c + 12)
#define D64(c) D16(c), D16(c + 16), D16(c + 32), D16(c + 48)
static const char char_data[256 * 4] = {D64(0), D64(64), D64(128), D64(192)};
#define C1(c)                                                                                      \
    { {&mt_type_str}, 0, (c) < 0x80 ? 1 : 2, 1, (const uint8_t *)&char_data[4 * (c)] }
#define C4(c)  C1(c), C1(c + 1), C1(c + 2), C1(c + 3)
#define C16(c) C4(c), C4(c + 4), C4(c + 8), C4(c + 12)
#define C64(c) C16(c), C16(c + 16), C16(c + 32), C16(c + 48)
static const mt_str_t ascii_chars[256] = {C64(0), C64(64), C64(128), C64(192)};
#undef D1
#undef D4
#undef D16
#undef D64
#undef C1
#undef C4
#undef C16
#undef C64

/* the const str of a code point below 0x100 */
#define ASCII_CHAR(c) MT_OBJ_FROM_PTR(&ascii_chars[c])

/* ---- creation --------------------------------------------------------------------------- */

static mt_str_t *str_alloc(const mt_type_t *type, size_t len, uint8_t **data) {
    if (len > STR_MAX_LEN) mt_raise_memory_error();
    mt_str_t *s = mt_alloc(sizeof(mt_str_t) + len + 1);
    s->base.type = type;
    s->len = (uint32_t)len;
    s->charlen = (uint32_t)len;
    s->data = (const uint8_t *)(s + 1);
    *data = (uint8_t *)(s + 1);
    return s;
}

mt_str_t *mt_str_alloc(size_t len, uint8_t **data) {
    return str_alloc(&mt_type_str, len, data);
}
mt_str_t *mt_bytes_alloc(size_t len, uint8_t **data) {
    return str_alloc(&mt_type_bytes, len, data);
}

mt_obj_t mt_str_finish(mt_str_t *s, long charlen) {
    ((uint8_t *)s->data)[s->len] = 0;
    s->charlen = charlen < 0 ? (uint32_t)mt_utf8_charlen(s->data, s->len) : (uint32_t)charlen;
    if (s->len == 1 && s->data[0] < 0x80) return ASCII_CHAR(s->data[0]);
    return MT_OBJ_FROM_PTR(s);
}

mt_obj_t mt_str_new_len(const char *s, size_t len, size_t charlen) {
    if (len == 0) return EMPTY_STR;
    if (len == 1 && (uint8_t)s[0] < 0x80) return ASCII_CHAR((uint8_t)s[0]);
    if (len == 2 && charlen == 1 && ((uint8_t)s[0] & 0xfe) == 0xc2) { /* U+0080..U+00FF */
        return ASCII_CHAR((((uint8_t)s[0] & 3) << 6) | ((uint8_t)s[1] & 0x3f));
    }
    uint8_t *d;
    mt_str_t *o = mt_str_alloc(len, &d);
    memcpy(d, s, len);
    o->charlen = (uint32_t)charlen;
    return MT_OBJ_FROM_PTR(o);
}

mt_obj_t mt_str_new_ascii(const char *s, size_t len) {
    return mt_str_new_len(s, len, len);
}

mt_obj_t mt_str_new(const char *s, size_t len) {
    return mt_str_new_len(s, len, mt_utf8_charlen((const uint8_t *)s, len));
}

mt_obj_t mt_str_new_cstr(const char *s) {
    return mt_str_new(s, strlen(s));
}

mt_obj_t mt_str_new_checked(const char *s, size_t len) {
    return mt_bytes_decode_utf8((const uint8_t *)s, len, MT_QSTR_strict);
}

mt_obj_t mt_str_from_char(uint32_t c) {
    if (c < 0x100) return ASCII_CHAR(c);
    uint8_t buf[4];
    size_t n = mt_utf8_encode(c, buf);
    uint8_t *d;
    mt_str_t *o = mt_str_alloc(n, &d);
    memcpy(d, buf, n);
    o->charlen = 1;
    return MT_OBJ_FROM_PTR(o);
}

/* Take v's buffer: grow/shrink it in place to header + data and move the data up, so the
 * str is one block whatever its size. v is left empty. */
static mt_obj_t from_vstr(const mt_type_t *type, mt_vstr_t *v, bool count) {
    size_t len = v->len;
    if (len == 0 && type == &mt_type_str) {
        mt_vstr_clear(v);
        return EMPTY_STR;
    }
    if (len > STR_MAX_LEN) mt_raise_memory_error();
    /* grow or shrink to header + data + NUL, unless that leaves the block count unchanged */
    size_t need = sizeof(mt_str_t) + len + 1, blk = MT_CONFIG_GC_BLOCK;
    uint8_t *buf = (uint8_t *)v->buf;
    if (v->alloc < need || (v->alloc + blk - 1) / blk != (need + blk - 1) / blk) {
        buf = mt_realloc(v->buf, need);
    }
    memmove(buf + sizeof(mt_str_t), buf, len);
    v->buf = NULL;
    v->len = v->alloc = 0;
    mt_str_t *s = (mt_str_t *)buf;
    memset(s, 0, sizeof(*s));
    s->base.type = type;
    s->len = (uint32_t)len;
    s->data = buf + sizeof(mt_str_t);
    buf[sizeof(mt_str_t) + len] = 0;
    if (count) return mt_str_finish(s, -1);
    s->charlen = (uint32_t)len;
    return MT_OBJ_FROM_PTR(s);
}

mt_obj_t mt_str_new_from_vstr(mt_vstr_t *v) {
    return from_vstr(&mt_type_str, v, true);
}
mt_obj_t mt_bytes_new_from_vstr(mt_vstr_t *v) {
    return from_vstr(&mt_type_bytes, v, false);
}

mt_obj_t mt_bytes_new(const void *data, size_t len) {
    uint8_t *d;
    mt_str_t *o = mt_bytes_alloc(len, &d);
    if (len) memcpy(d, data, len);
    return MT_OBJ_FROM_PTR(o);
}

mt_obj_t mt_str_intern(const char *s, size_t len) {
    return MT_NEW_QSTR(mt_qstr_from_strn(s, len));
}

/* ---- access ----------------------------------------------------------------------------- */

mt_obj_t mt_str_unwrap(mt_obj_t o) {
    if (MT_IS_QSTR(o)) return o;
    if (!MT_IS_OBJ(o)) return MT_NULL;
    const mt_type_t *t = TYPE_OF(o);
    if (t == &mt_type_str) return o;
    if (MT_IS_HEAP_TYPE(t) && mt_issubclass(t, &mt_type_str)) {
        return mt_str_unwrap(((mt_instance_t *)MT_OBJ_TO_PTR(o))->native);
    }
    return MT_NULL;
}

bool mt_obj_is_str(mt_obj_t o) {
    if (MT_IS_QSTR(o)) return true;
    if (!MT_IS_OBJ(o)) return false;
    const mt_type_t *t = TYPE_OF(o);
    return t == &mt_type_str || (MT_IS_HEAP_TYPE(t) && mt_str_unwrap(o) != MT_NULL);
}

/* data of an unwrapped str/qstr/bytes */
static inline const uint8_t *raw_data(mt_obj_t o, size_t *len) {
    if (MT_IS_QSTR(o)) return (const uint8_t *)mt_qstr_data(MT_QSTR_VALUE(o), len);
    const mt_str_t *s = MT_OBJ_TO_PTR(o);
    *len = s->len;
    return s->data;
}

const char *mt_str_data(mt_obj_t o, size_t *len) {
    if (MT_IS_QSTR(o) ||
        (MT_IS_OBJ(o) && (TYPE_OF(o) == &mt_type_str || TYPE_OF(o) == &mt_type_bytes))) {
        return (const char *)raw_data(o, len);
    }
    mt_obj_t s = mt_str_unwrap(o);
    if (s != MT_NULL) return (const char *)raw_data(s, len);
    return (const char *)mt_bytes_get(o, len);
}

const char *mt_str_get(mt_obj_t o, size_t *len) {
    if (MT_IS_QSTR(o) || (MT_IS_OBJ(o) && TYPE_OF(o) == &mt_type_str)) {
        return (const char *)raw_data(o, len);
    }
    mt_obj_t s = mt_str_unwrap(o);
    if (s == MT_NULL) mt_raise_fmt(&mt_type_TypeError, "must be str, not %q", mt_obj_type_name(o));
    return (const char *)raw_data(s, len);
}

const char *mt_obj_str_cstr(mt_obj_t o) {
    size_t len;
    return mt_str_get(o, &len);
}

mt_qstr_t mt_obj_str_to_qstr(mt_obj_t o) {
    if (MT_IS_QSTR(o)) return MT_QSTR_VALUE(o);
    size_t len;
    const char *s = mt_str_get(o, &len);
    return mt_qstr_from_strn(s, len);
}

static size_t charlen_of(mt_obj_t s) {
    if (MT_IS_QSTR(s)) {
        size_t len;
        const uint8_t *d = raw_data(s, &len);
        return mt_utf8_charlen(d, len);
    }
    return ((const mt_str_t *)MT_OBJ_TO_PTR(s))->charlen;
}

size_t mt_str_get_charlen(mt_obj_t o) {
    mt_obj_t s = mt_str_unwrap(o);
    if (s == MT_NULL) mt_raise_fmt(&mt_type_TypeError, "must be str, not %q", mt_obj_type_name(o));
    return charlen_of(s);
}

uint32_t mt_str_hash(mt_obj_t o) {
    if (MT_IS_QSTR(o)) return mt_qstr_hash(MT_QSTR_VALUE(o));
    mt_str_t *s = MT_OBJ_TO_PTR(o);
    if (TYPE_OF(o) != &mt_type_str && TYPE_OF(o) != &mt_type_bytes) {
        return mt_str_hash(mt_str_unwrap(o));
    }
    if (s->hash) return s->hash;
    uint32_t h = mt_hash_bytes(s->data, s->len);
    if (mt_gc_is_heap_ptr(s)) s->hash = h; /* const strs live in flash */
    return h;
}

bool mt_str_equal(mt_obj_t a, mt_obj_t b) {
    if (a == b) return true;
    size_t na, nb;
    const uint8_t *sa = raw_data(a, &na), *sb = raw_data(b, &nb);
    if (na != nb) return false;
    if (MT_IS_QSTR(a) && MT_IS_QSTR(b) && na != 0) return false; /* interned: unique */
    return memcmp(sa, sb, na) == 0;
}

/* ---- views: the str-like methods work on any of str, bytes, bytearray ------------------- */

enum { K_STR, K_BYTES, K_BYTEARRAY };

typedef struct {
    mt_obj_t o; /* the unwrapped object */
    const uint8_t *s;
    size_t len;
    size_t clen_; /* code points (read it with CLEN: counted on first use for qstrs); == len
                   * for ASCII strs and byte strings */
    int kind;
    uint8_t byte; /* storage for an int argument of bytes methods */
} sv_t;

#define CLEN_UNKNOWN ((size_t)-1)

/* the code points of a view, counted on first use (the cache makes const views mutable) */
static inline size_t sv_clen(const sv_t *v) {
    if (v->clen_ == CLEN_UNKNOWN) ((sv_t *)v)->clen_ = mt_utf8_charlen(v->s, v->len);
    return v->clen_;
}
#define CLEN(v)     sv_clen(v)
#define SV_ASCII(v) (CLEN(v) == (v)->len)

static bool str_view(mt_obj_t o, sv_t *v) {
    if (!MT_IS_QSTR(o) && !(MT_IS_OBJ(o) && TYPE_OF(o) == &mt_type_str)) {
        o = mt_str_unwrap(o);
        if (o == MT_NULL) return false;
    }
    v->o = o;
    v->kind = K_STR;
    if (MT_IS_QSTR(o)) {
        v->s = raw_data(o, &v->len);
        v->clen_ = CLEN_UNKNOWN;
    } else {
        const mt_str_t *s = MT_OBJ_TO_PTR(o);
        v->s = s->data;
        v->len = s->len;
        v->clen_ = s->charlen;
    }
    return true;
}

static bool bytes_view(mt_obj_t o, sv_t *v) {
    o = mt_obj_native(o);
    if (!MT_IS_OBJ(o)) return false;
    const mt_type_t *t = TYPE_OF(o);
    if (t == &mt_type_bytes) {
        const mt_str_t *s = MT_OBJ_TO_PTR(o);
        v->s = s->data;
        v->len = s->len;
        v->kind = K_BYTES;
    } else if (t == &mt_type_bytearray) {
        const mt_bytearray_t *b = MT_OBJ_TO_PTR(o);
        v->s = b->items;
        v->len = b->len;
        v->kind = K_BYTEARRAY;
    } else {
        return false;
    }
    v->o = o;
    v->clen_ = v->len;
    return true;
}

/* self of a shared method: a str, bytes or bytearray */
static void self_view(mt_obj_t o, sv_t *v) {
    if (!str_view(o, v) && !bytes_view(o, v)) {
        mt_raise_fmt(&mt_type_TypeError, "descriptor requires a 'str' object but received a '%q'",
                     mt_obj_type_name(o));
    }
}

/* any object exposing a buffer, as a byte view */
static bool buffer_view(mt_obj_t o, sv_t *v) {
    if (bytes_view(o, v)) return true;
    mt_buffer_info_t info;
    if (!mt_get_buffer(o, &info, MT_BUFFER_READ)) return false;
    v->o = o;
    v->s = info.buf;
    v->len = v->clen_ = info.len;
    v->kind = K_BYTES;
    return true;
}

/* an argument of the same kind as self (str for str, bytes-like for bytes/bytearray) */
static void arg_view(const sv_t *self, mt_obj_t o, sv_t *v) {
    if (self->kind == K_STR) {
        if (!str_view(o, v)) {
            mt_raise_fmt(&mt_type_TypeError, "must be str, not %q", mt_obj_type_name(o));
        }
    } else if (!buffer_view(o, v)) {
        mt_raise_fmt(&mt_type_TypeError, "a bytes-like object is required, not '%q'",
                     mt_obj_type_name(o));
    }
}

/* like arg_view, but bytes methods also take an int in range(256) (find, count, index ...) */
static void arg_view_or_int(const sv_t *self, mt_obj_t o, sv_t *v) {
    if (self->kind == K_STR) {
        arg_view(self, o, v);
        return;
    }
    if (mt_obj_is_int(o)) {
        mt_int_t b = mt_obj_get_int(o);
        if (b < 0 || b > 255) mt_raise_value_error("byte must be in range(0, 256)");
        v->byte = (uint8_t)b;
        v->s = &v->byte;
        v->len = v->clen_ = 1;
        v->kind = K_BYTES;
        v->o = MT_NULL;
        return;
    }
    if (!buffer_view(o, v)) {
        mt_raise_fmt(&mt_type_TypeError,
                     "argument should be integer or bytes-like object, not '%q'",
                     mt_obj_type_name(o));
    }
}

/* a new object of self's kind holding s[0..n) (a piece of self or built from self's text:
 * ASCII when self is) */
static mt_obj_t new_like(const sv_t *self, const uint8_t *s, size_t n) {
    switch (self->kind) {
    case K_STR:
        if (n == self->len && s == self->s) return self->o;
        if (SV_ASCII(self)) return mt_str_new_ascii((const char *)s, n);
        return mt_str_new((const char *)s, n);
    case K_BYTES:
        if (n == self->len && s == self->s && self->o != MT_NULL) return self->o;
        return mt_bytes_new(s, n);
    default: return mt_bytearray_new(s, n);
    }
}

/* an uninitialised result of self's kind with n bytes; finish with finish_like */
static mt_obj_t alloc_like(const sv_t *self, size_t n, uint8_t **data) {
    if (self->kind == K_BYTEARRAY) {
        mt_obj_t b = mt_bytearray_new(NULL, n);
        *data = ((mt_bytearray_t *)MT_OBJ_TO_PTR(b))->items;
        return b;
    }
    return MT_OBJ_FROM_PTR(str_alloc(self->kind == K_STR ? &mt_type_str : &mt_type_bytes, n, data));
}

static mt_obj_t finish_like(const sv_t *self, mt_obj_t o, long charlen) {
    if (self->kind == K_STR) return mt_str_finish(MT_OBJ_TO_PTR(o), charlen);
    return o;
}

/* a list of exactly n items (filled by the caller) */
static mt_obj_t *new_list(size_t n, mt_obj_t *list) {
    if (n == 0) {
        *list = mt_list_new(0, NULL);
        return NULL;
    }
    mt_list_t *l = mt_new_obj(mt_list_t);
    l->base.type = &mt_type_list;
    l->items = mt_alloc(n * sizeof(mt_obj_t));
    l->alloc = l->len = n;
    *list = MT_OBJ_FROM_PTR(l);
    return l->items;
}

/* ---- code point positions of non-ASCII strs ----------------------------------------------
 * Finding code point i means walking the UTF-8. One cache makes sequential access (s[i] in a
 * loop, find() from a moving start) cheap: the last str looked up (kept alive in
 * mt_state.extra[MT_STR_STATE_SLOT], so its address cannot be reused while cached) with the
 * code point and byte offset found. A walk starts from the nearest of the start, the cached
 * position and the end. Short strs are just walked. */
static size_t cache_char, cache_byte;

static const uint8_t *back_chars(const uint8_t *start, const uint8_t *p, size_t n) {
    while (n--) p = utf8_back(start, p);
    return p;
}

/* the address of code point i (0 <= i <= code points) of the non-ASCII str in v */
static const uint8_t *char_at(const sv_t *v, size_t i) {
    const uint8_t *s = v->s, *end = s + v->len;
    if (v->len < 64 || MT_IS_QSTR(v->o)) return mt_utf8_skip(s, end, i);
    size_t n = CLEN(v), ci = 0;
    const uint8_t *p = s, *r;
    if (mt_state.extra[MT_STR_STATE_SLOT] == v->o && cache_char <= n) {
        ci = cache_char;
        p = s + cache_byte;
    }
    if (i >= ci) {
        r = n - i < i - ci ? back_chars(s, end, n - i) : mt_utf8_skip(p, end, i - ci);
    } else {
        r = i < ci - i ? mt_utf8_skip(s, end, i) : back_chars(s, p, ci - i);
    }
    mt_state.extra[MT_STR_STATE_SLOT] = v->o;
    cache_char = i;
    cache_byte = (size_t)(r - s);
    return r;
}

/* ---- start/end arguments ---------------------------------------------------------------- */

/* a slice bound as CPython's: negative from the end, clamped to [0, n] */
static size_t bound(mt_obj_t o, size_t n) {
    mt_int_t i;
    if (MT_IS_SMALL_INT(o)) {
        i = MT_SMALL_INT_VALUE(o);
    } else if (mt_obj_is_int(o)) {
        if (!mt_obj_get_int_maybe(o, &i))
            i = mt_int_sign(o) < 0 ? MT_SMALL_INT_MIN : MT_SMALL_INT_MAX;
    } else {
        mt_obj_t r = mt_call_method_maybe(o, MT_QSTR___index__, 0, NULL);
        if (r == MT_NULL || !mt_obj_is_int(r)) {
            mt_raise_type_error(
                "slice indices must be integers or None or have an __index__ method");
        }
        return bound(r, n);
    }
    if (i < 0) {
        i += (mt_int_t)n;
        if (i < 0) i = 0;
    }
    if ((size_t)i > n) i = (mt_int_t)n;
    return (size_t)i;
}

void mt_str_get_start_end(size_t n_args, const mt_obj_t *args, size_t first, size_t len,
                          size_t *start, size_t *end) {
    *start = 0;
    *end = len;
    if (n_args > first && args[first] != MT_NONE) {
        mt_obj_t a = args[first];
        /* a start past the end stays past it: find('', 4) on 'abc' is -1 */
        if (MT_IS_SMALL_INT(a) && MT_SMALL_INT_VALUE(a) > (mt_int_t)len) {
            *start = len + 1;
        } else {
            *start = bound(a, len);
        }
    }
    if (n_args > first + 1 && args[first + 1] != MT_NONE) *end = bound(args[first + 1], len);
}

/* the byte range of self selected by start/end args; false if empty-invalid (start > end) */
typedef struct {
    const uint8_t *p, *e; /* bytes */
    size_t c0, nc;        /* first code point, code points in range ((size_t)-1: all) */
} range_t;

static bool get_range(const sv_t *v, size_t n_args, const mt_obj_t *args, size_t first,
                      range_t *r) {
    if (n_args <= first) { /* the whole string; code points counted only if asked for */
        r->p = v->s;
        r->e = v->s + v->len;
        r->c0 = 0;
        r->nc = (size_t)-1;
        return true;
    }
    size_t a, b;
    mt_str_get_start_end(n_args, args, first, CLEN(v), &a, &b);
    if (a > b) return false;
    r->c0 = a;
    r->nc = b - a;
    if (SV_ASCII(v)) {
        r->p = v->s + a;
        r->e = v->s + b;
    } else {
        r->p = char_at(v, a);
        r->e = b - a < 64 ? mt_utf8_skip(r->p, v->s + v->len, b - a) : char_at(v, b);
    }
    return true;
}

/* code point index of byte position p of v */
static size_t char_index(const sv_t *v, const uint8_t *p) {
    size_t n = (size_t)(p - v->s);
    return SV_ASCII(v) ? n : mt_utf8_charlen(v->s, n);
}

/* ---- searching -------------------------------------------------------------------------- */

/* first occurrence of n in h: memchr on the first byte and compare (cheap to start, good for
 * the short needles and repeated searches of replace/split/count); memmem (two-way, no bad
 * cases) once candidate first bytes keep failing */
static const uint8_t *bfind(const uint8_t *h, size_t hn, const uint8_t *n, size_t nn) {
    if (nn == 0) return h;
    if (nn > hn) return NULL;
    if (nn == 1) return memchr(h, n[0], hn);
    const uint8_t *p = h, *end = h + hn - nn + 1;
    for (size_t misses = 0; p < end; p++, misses++) {
        p = memchr(p, n[0], (size_t)(end - p));
        if (p == NULL) return NULL;
        if (p[1] == n[1] && memcmp(p + 2, n + 2, nn - 2) == 0) return p;
#if defined(__GLIBC__)
        if (misses > 16 && misses * 8 > (size_t)(p - h)) {
            return memmem(p + 1, (size_t)(h + hn - p - 1), n, nn);
        }
#endif
    }
    return NULL;
}

#define WORD_ONES ((word_t)-1 / 0xff)

/* occurrences of byte c in s[0..n): a word at a time, per-byte counters summed every 255
 * words */
static size_t count_byte(const uint8_t *s, size_t n, uint8_t c) {
    size_t total = 0, i = 0;
    const word_t x = WORD_ONES * c, low7 = WORD_ONES * 0x7f;
    while (i + sizeof(word_t) <= n) {
        word_t acc = 0;
        for (int k = 0; k < 255 && i + sizeof(word_t) <= n; k++, i += sizeof(word_t)) {
            word_t w = load_word(s + i) ^ x; /* zero bytes where s[i] == c */
            acc += (~(((w & low7) + low7) | w) & WORD_HIGH_BITS) >> 7;
        }
        const word_t m = (word_t)-1 / 0xffff * 0xff; /* 0x00ff00ff... */
        word_t pairs = (acc & m) + ((acc >> 8) & m); /* 16-bit lanes, each <= 510 */
        total += (size_t)((pairs * ((word_t)-1 / 0xffff)) >> (sizeof(word_t) * 8 - 16));
    }
    for (; i < n; i++) total += s[i] == c;
    return total;
}

static const uint8_t *brfind(const uint8_t *h, size_t hn, const uint8_t *n, size_t nn) {
    if (nn == 0) return h + hn;
    if (nn > hn) return NULL;
    const uint8_t last = n[nn - 1];
    for (const uint8_t *p = h + hn - nn;; p--) {
        if (p[nn - 1] == last && memcmp(p, n, nn - 1) == 0) return p;
        if (p == h) return NULL;
    }
}

/* find/rfind/index/rindex */
static mt_obj_t find_impl(size_t n_args, const mt_obj_t *args, bool rev, bool raise) {
    sv_t v, sub;
    range_t r;
    self_view(args[0], &v);
    arg_view_or_int(&v, args[1], &sub);
    const uint8_t *f = NULL;
    if (get_range(&v, n_args, args, 2, &r)) {
        size_t n = (size_t)(r.e - r.p);
        f = rev ? brfind(r.p, n, sub.s, sub.len) : bfind(r.p, n, sub.s, sub.len);
    }
    if (f == NULL) {
        if (raise)
            mt_raise_value_error(v.kind == K_STR ? "substring not found" : "subsection not found");
        return MT_NEW_SMALL_INT(-1);
    }
    return MT_NEW_SMALL_INT(char_index(&v, f));
}

static mt_obj_t str_find(size_t n, const mt_obj_t *a) {
    return find_impl(n, a, false, false);
}
static mt_obj_t str_rfind(size_t n, const mt_obj_t *a) {
    return find_impl(n, a, true, false);
}
static mt_obj_t str_index(size_t n, const mt_obj_t *a) {
    return find_impl(n, a, false, true);
}
static mt_obj_t str_rindex(size_t n, const mt_obj_t *a) {
    return find_impl(n, a, true, true);
}
MT_DEFINE_FUN_VAR(mt_str_find_obj, 2, 4, str_find);
MT_DEFINE_FUN_VAR(mt_str_rfind_obj, 2, 4, str_rfind);
MT_DEFINE_FUN_VAR(mt_str_index_obj, 2, 4, str_index);
MT_DEFINE_FUN_VAR(mt_str_rindex_obj, 2, 4, str_rindex);

/* non-overlapping occurrences of n in h (max: stop there, -1 no limit) */
static size_t count_in(const uint8_t *h, size_t hn, const uint8_t *n, size_t nn, mt_int_t max) {
    size_t c = 0;
    const uint8_t *end = h + hn;
    while ((max < 0 || (mt_int_t)c < max)) {
        const uint8_t *f = bfind(h, (size_t)(end - h), n, nn);
        if (f == NULL) break;
        c++;
        h = f + nn;
    }
    return c;
}

static mt_obj_t str_count(size_t n_args, const mt_obj_t *args) {
    sv_t v, sub;
    range_t r;
    self_view(args[0], &v);
    arg_view_or_int(&v, args[1], &sub);
    if (!get_range(&v, n_args, args, 2, &r)) return MT_NEW_SMALL_INT(0);
    if (sub.len == 0) return MT_NEW_SMALL_INT((r.nc == (size_t)-1 ? CLEN(&v) : r.nc) + 1);
    if (sub.len == 1) return MT_NEW_SMALL_INT(count_byte(r.p, (size_t)(r.e - r.p), sub.s[0]));
    return MT_NEW_SMALL_INT(count_in(r.p, (size_t)(r.e - r.p), sub.s, sub.len, -1));
}
MT_DEFINE_FUN_VAR(mt_str_count_obj, 2, 4, str_count);

static mt_obj_t starts_ends(size_t n_args, const mt_obj_t *args, bool ends) {
    sv_t v, sub;
    range_t r;
    self_view(args[0], &v);
    mt_obj_t *items = &((mt_obj_t *)args)[1];
    size_t n = 1;
    bool tuple = MT_IS_TYPE(args[1], &mt_type_tuple) ||
                 (MT_IS_INSTANCE(args[1]) && mt_isinstance(args[1], &mt_type_tuple));
    if (tuple) mt_tuple_get(mt_obj_native(args[1]), &n, &items);
    bool ok = true;
    if (n_args > 2) {
        ok = get_range(&v, n_args, args, 2, &r);
    } else {
        r.p = v.s;
        r.e = v.s + v.len;
    }
    for (size_t i = 0; i < n; i++) {
        bool is_kind = v.kind == K_STR ? str_view(items[i], &sub) : buffer_view(items[i], &sub);
        if (!is_kind) {
            const char *k = v.kind == K_STR ? "str" : "bytes";
            if (tuple) {
                mt_raise_fmt(&mt_type_TypeError, "a tuple of %s is required, not '%q'", k,
                             mt_obj_type_name(items[i]));
            }
            mt_raise_fmt(&mt_type_TypeError, "%s first arg must be %s or a tuple of %s, not %q",
                         ends ? "endswith" : "startswith", k, k, mt_obj_type_name(items[i]));
        }
        size_t have = (size_t)(r.e - r.p);
        if (!ok || sub.len > have) continue;
        const uint8_t *p = ends ? r.e - sub.len : r.p;
        if (memcmp(p, sub.s, sub.len) == 0) return MT_TRUE;
    }
    return MT_FALSE;
}

static mt_obj_t str_startswith(size_t n, const mt_obj_t *a) {
    return starts_ends(n, a, false);
}
static mt_obj_t str_endswith(size_t n, const mt_obj_t *a) {
    return starts_ends(n, a, true);
}
MT_DEFINE_FUN_VAR(mt_str_startswith_obj, 2, 4, str_startswith);
MT_DEFINE_FUN_VAR(mt_str_endswith_obj, 2, 4, str_endswith);

/* ---- splitting -------------------------------------------------------------------------- */

static inline bool bspace(uint8_t c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* bytes of the whitespace character at p, 0 if it is not whitespace */
static inline size_t ws_at(const sv_t *v, const uint8_t *p) {
    uint8_t c = *p;
    if (v->kind != K_STR) return bspace(c);
    if (c < 0x80) return (mt_ascii_class[c] & MT_CC_SPACE) != 0;
    const uint8_t *q = p;
    return mt_unichar_isspace(mt_utf8_decode(&q)) ? (size_t)(q - p) : 0;
}

/* bytes of the whitespace character ending at p (p > start), 0 if not whitespace */
static inline size_t ws_before(const sv_t *v, const uint8_t *start, const uint8_t *p) {
    uint8_t c = p[-1];
    if (v->kind != K_STR) return bspace(c);
    if (c < 0x80) return (mt_ascii_class[c] & MT_CC_SPACE) != 0;
    const uint8_t *q = utf8_back(start, p);
    return ws_at(v, q) ? (size_t)(p - q) : 0;
}

static inline const uint8_t *next_char(const sv_t *v, const uint8_t *p, const uint8_t *end) {
    p++;
    if (v->kind == K_STR) {
        while (p < end && MT_UTF8_IS_CONT(*p)) p++;
    }
    return p;
}

static inline const uint8_t *prev_char(const sv_t *v, const uint8_t *start, const uint8_t *p) {
    return v->kind == K_STR ? utf8_back(start, p) : p - 1;
}

/* Pieces are counted in a first pass (out == NULL), then made into an exact-size list. */
typedef struct {
    const sv_t *v;
    mt_obj_t *out;
    size_t n, total;
    bool rev; /* found right to left: fill the list from its end */
} pieces_t;

static inline void emit(pieces_t *ps, const uint8_t *a, const uint8_t *b) {
    if (ps->out)
        ps->out[ps->rev ? ps->total - 1 - ps->n : ps->n] = new_like(ps->v, a, (size_t)(b - a));
    ps->n++;
}

static bool at_max(const pieces_t *ps, mt_int_t max) {
    return max >= 0 && (mt_int_t)ps->n >= max;
}

/* whitespace among single-byte characters: bit 1 for ASCII strs, bit 2 for bytes */
static const uint8_t byte_ws[256] = {[9] = 3,  [10] = 3, [11] = 3, [12] = 3, [13] = 3,
                                     [28] = 1, [29] = 1, [30] = 1, [31] = 1, [32] = 3};

/* split on whitespace when every character is one byte (ASCII strs, bytes): tight loops */
static void split_ws_bytes(pieces_t *ps, mt_int_t max) {
    const sv_t *v = ps->v;
    uint8_t m = v->kind == K_STR ? 1 : 2;
    const uint8_t *p = v->s, *end = p + v->len;
    for (;;) {
        while (p < end && (byte_ws[*p] & m)) p++;
        if (p == end) break;
        if (at_max(ps, max)) {
            emit(ps, p, end);
            break;
        }
        const uint8_t *q = p + 1;
        while (q < end && !(byte_ws[*q] & m)) q++;
        emit(ps, p, q);
        p = q;
    }
}

static void rsplit_ws_bytes(pieces_t *ps, mt_int_t max) {
    const sv_t *v = ps->v;
    uint8_t m = v->kind == K_STR ? 1 : 2;
    const uint8_t *start = v->s, *p = start + v->len;
    for (;;) {
        while (p > start && (byte_ws[p[-1]] & m)) p--;
        if (p == start) break;
        if (at_max(ps, max)) {
            emit(ps, start, p);
            break;
        }
        const uint8_t *q = p - 1;
        while (q > start && !(byte_ws[q[-1]] & m)) q--;
        emit(ps, q, p);
        p = q;
    }
}

static void split_ws(pieces_t *ps, mt_int_t max) {
    const sv_t *v = ps->v;
    const uint8_t *p = v->s, *end = p + v->len;
    for (;;) {
        size_t w;
        while (p < end && (w = ws_at(v, p)) != 0) p += w;
        if (p == end) break;
        if (at_max(ps, max)) {
            emit(ps, p, end);
            break;
        }
        const uint8_t *q = p;
        while (q < end && !ws_at(v, q)) q = next_char(v, q, end);
        emit(ps, p, q);
        p = q;
    }
}

static void rsplit_ws(pieces_t *ps, mt_int_t max) {
    const sv_t *v = ps->v;
    const uint8_t *start = v->s, *p = start + v->len;
    for (;;) {
        size_t w;
        while (p > start && (w = ws_before(v, start, p)) != 0) p -= w;
        if (p == start) break;
        if (at_max(ps, max)) {
            emit(ps, start, p);
            break;
        }
        const uint8_t *q = p;
        while (q > start && !ws_before(v, start, q)) q = prev_char(v, start, q);
        emit(ps, q, p);
        p = q;
    }
}

static void split_sep(pieces_t *ps, const sv_t *sep, mt_int_t max) {
    const uint8_t *p = ps->v->s, *end = p + ps->v->len;
    while (!at_max(ps, max)) {
        const uint8_t *f = bfind(p, (size_t)(end - p), sep->s, sep->len);
        if (f == NULL) break;
        emit(ps, p, f);
        p = f + sep->len;
    }
    emit(ps, p, end);
}

static void rsplit_sep(pieces_t *ps, const sv_t *sep, mt_int_t max) {
    const uint8_t *start = ps->v->s, *p = start + ps->v->len;
    while (!at_max(ps, max)) {
        const uint8_t *f = brfind(start, (size_t)(p - start), sep->s, sep->len);
        if (f == NULL) break;
        emit(ps, f + sep->len, p);
        p = f;
    }
    emit(ps, start, p);
}

/* KW builtins: the common positional-only call without going through mt_arg_parse */
static void parse_args(size_t n_args, const mt_obj_t *args, mt_map_t *kw, size_t n_spec,
                       const mt_arg_spec_t *spec, mt_obj_t *out) {
    if ((kw == NULL || kw->filled == 0) && n_args <= n_spec) {
        size_t i = 0;
        for (; i < n_args; i++) out[i] = args[i];
        for (; i < n_spec && !(spec[i].flags & MT_ARG_REQUIRED); i++) out[i] = spec[i].deflt;
        if (i == n_spec) return;
    }
    mt_arg_parse(n_args, args, kw, n_spec, spec, out);
}

static const mt_arg_spec_t split_spec[] = {
    {MT_QSTR_sep, 0, MT_NONE},
    {MT_QSTR_maxsplit, 0, MT_NEW_SMALL_INT(-1)},
};

static void run_split(pieces_t *ps, const sv_t *sep, mt_int_t max) {
    if (sep == NULL && SV_ASCII(ps->v)) {
        ps->rev ? rsplit_ws_bytes(ps, max) : split_ws_bytes(ps, max);
    } else if (sep == NULL) {
        ps->rev ? rsplit_ws(ps, max) : split_ws(ps, max);
    } else {
        ps->rev ? rsplit_sep(ps, sep, max) : split_sep(ps, sep, max);
    }
}

static mt_obj_t split_impl(size_t n_args, const mt_obj_t *args, mt_map_t *kw, bool rev) {
    mt_obj_t a[2];
    parse_args(n_args - 1, args + 1, kw, 2, split_spec, a);
    sv_t v, sep, *sepp = NULL;
    self_view(args[0], &v);
    mt_int_t max = mt_obj_get_int(a[1]);
    if (a[0] != MT_NONE) {
        if (v.kind == K_STR && !str_view(a[0], &sep)) {
            mt_raise_fmt(&mt_type_TypeError, "must be str or None, not %q", mt_obj_type_name(a[0]));
        }
        if (v.kind != K_STR) arg_view(&v, a[0], &sep);
        if (sep.len == 0) mt_raise_value_error("empty separator");
        sepp = &sep;
    }
    pieces_t ps = {&v, NULL, 0, 0, rev};
    run_split(&ps, sepp, max);
    mt_obj_t list;
    ps.out = new_list(ps.n, &list);
    ps.total = ps.n;
    ps.n = 0;
    if (ps.out) run_split(&ps, sepp, max);
    return list;
}

static mt_obj_t str_split(size_t n, const mt_obj_t *a, mt_map_t *kw) {
    return split_impl(n, a, kw, false);
}
static mt_obj_t str_rsplit(size_t n, const mt_obj_t *a, mt_map_t *kw) {
    return split_impl(n, a, kw, true);
}
MT_DEFINE_FUN_KW(mt_str_split_obj, 1, str_split);
MT_DEFINE_FUN_KW(mt_str_rsplit_obj, 1, str_rsplit);

/* length of the line break at p (0 if none); \r\n counts as one */
static size_t line_break(const sv_t *v, const uint8_t *p, const uint8_t *end) {
    uint8_t c = *p;
    if (c == '\n') return 1;
    if (c == '\r') return (p + 1 < end && p[1] == '\n') ? 2 : 1;
    if (v->kind != K_STR) return 0;
    if (c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e)) return 1;
    if (c == 0xc2 && p[1] == 0x85) return 2;
    if (c == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) return 3;
    return 0;
}

static void run_splitlines(pieces_t *ps, bool keep) {
    const sv_t *v = ps->v;
    const uint8_t *p = v->s, *end = p + v->len;
    while (p < end) {
        const uint8_t *q = p;
        size_t br = 0;
        while (q < end && (br = line_break(v, q, end)) == 0) q++;
        emit(ps, p, keep ? q + br : q);
        p = q + br;
    }
}

static const mt_arg_spec_t splitlines_spec[] = {{MT_QSTR_keepends, 0, MT_FALSE}};

static mt_obj_t str_splitlines(size_t n_args, const mt_obj_t *args, mt_map_t *kw) {
    mt_obj_t keep;
    parse_args(n_args - 1, args + 1, kw, 1, splitlines_spec, &keep);
    sv_t v;
    self_view(args[0], &v);
    pieces_t ps = {&v, NULL, 0, 0, false};
    bool k = mt_is_true(keep);
    run_splitlines(&ps, k);
    mt_obj_t list;
    ps.out = new_list(ps.n, &list);
    ps.n = 0;
    if (ps.out) run_splitlines(&ps, k);
    return list;
}
MT_DEFINE_FUN_KW(mt_str_splitlines_obj, 1, str_splitlines);

static mt_obj_t partition_impl(mt_obj_t self, mt_obj_t sep_in, bool rev) {
    sv_t v, sep;
    self_view(self, &v);
    arg_view(&v, sep_in, &sep);
    if (sep.len == 0) mt_raise_value_error("empty separator");
    const uint8_t *f = rev ? brfind(v.s, v.len, sep.s, sep.len) : bfind(v.s, v.len, sep.s, sep.len);
    mt_obj_t t[3];
    if (f == NULL) {
        t[rev ? 2 : 0] = new_like(&v, v.s, v.len);
        t[1] = new_like(&v, v.s, 0);
        t[rev ? 0 : 2] = new_like(&v, v.s, 0);
    } else {
        t[0] = new_like(&v, v.s, (size_t)(f - v.s));
        t[1] = v.kind == K_STR ? sep.o : new_like(&v, sep.s, sep.len);
        const uint8_t *r = f + sep.len;
        t[2] = new_like(&v, r, v.len - (size_t)(r - v.s));
    }
    return mt_tuple_new(3, t);
}

static mt_obj_t str_partition(mt_obj_t s, mt_obj_t sep) {
    return partition_impl(s, sep, false);
}
static mt_obj_t str_rpartition(mt_obj_t s, mt_obj_t sep) {
    return partition_impl(s, sep, true);
}
MT_DEFINE_FUN_2(mt_str_partition_obj, str_partition);
MT_DEFINE_FUN_2(mt_str_rpartition_obj, str_rpartition);

/* ---- join / concat ---------------------------------------------------------------------- */

/* the text of a str item of join: its bytes and code points (-1: not known without counting,
 * for qstrs); NULL if o is not a str */
static inline const uint8_t *join_item(mt_obj_t o, size_t *len, long *clen) {
    if (MT_IS_QSTR(o)) {
        *clen = -1;
        return raw_data(o, len);
    }
    if (MT_IS_OBJ(o) && TYPE_OF(o) == &mt_type_str) {
        const mt_str_t *s = MT_OBJ_TO_PTR(o);
        *len = s->len;
        *clen = s->charlen;
        return s->data;
    }
    o = mt_str_unwrap(o);
    return o == MT_NULL ? NULL : join_item(o, len, clen);
}

MT_NORETURN static void join_type_error(const sv_t *sep, size_t i, mt_obj_t item) {
    if (sep->kind == K_STR) {
        mt_raise_fmt(&mt_type_TypeError, "sequence item %u: expected str instance, %q found",
                     (unsigned)i, mt_obj_type_name(item));
    }
    mt_raise_fmt(&mt_type_TypeError, "sequence item %u: expected a bytes-like object, %q found",
                 (unsigned)i, mt_obj_type_name(item));
}

/* join of strs: sized in a first pass, copied in a second; the result's code points are
 * summed, or counted at the end when some item is a qstr */
static mt_obj_t join_strs(const sv_t *sep, size_t n, const mt_obj_t *items) {
    size_t len = sep->len * (n - 1), clen = CLEN(sep) * (n - 1), k;
    bool count = false;
    long c;
    for (size_t i = 0; i < n; i++) {
        if (join_item(items[i], &k, &c) == NULL) join_type_error(sep, i, items[i]);
        len += k;
        if (c < 0) count = true;
        clen += (size_t)c;
        if (len > STR_MAX_LEN) mt_raise_memory_error();
    }
    if (n == 1 && (MT_IS_QSTR(items[0]) || TYPE_OF(items[0]) == &mt_type_str)) return items[0];
    if (len == 0) return EMPTY_STR;
    uint8_t *d;
    mt_str_t *r = mt_str_alloc(len, &d);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && sep->len) {
            memcpy(d, sep->s, sep->len);
            d += sep->len;
        }
        const uint8_t *s = join_item(items[i], &k, &c);
        memcpy(d, s, k);
        d += k;
    }
    return mt_str_finish(r, count ? -1 : (long)clen);
}

static mt_obj_t join_items(const sv_t *sep, size_t n, const mt_obj_t *items) {
    if (n == 0) return new_like(sep, sep->s, 0);
    if (sep->kind == K_STR) return join_strs(sep, n, items);
    size_t len = sep->len * (n - 1);
    sv_t it;
    for (size_t i = 0; i < n; i++) {
        if (!buffer_view(items[i], &it)) join_type_error(sep, i, items[i]);
        len += it.len;
        if (len > STR_MAX_LEN) mt_raise_memory_error();
    }
    if (n == 1 && sep->kind == K_BYTES && MT_IS_TYPE(items[0], &mt_type_bytes)) return items[0];
    uint8_t *d;
    mt_obj_t r = alloc_like(sep, len, &d);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && sep->len) {
            memcpy(d, sep->s, sep->len);
            d += sep->len;
        }
        buffer_view(items[i], &it);
        if (it.len) memcpy(d, it.s, it.len);
        d += it.len;
    }
    return r;
}

static mt_obj_t str_join(mt_obj_t self, mt_obj_t iterable) {
    sv_t sep;
    self_view(self, &sep);
    size_t n;
    mt_obj_t *items;
    if (MT_IS_ARRAY(iterable)) {
        mt_get_array(iterable, &n, &items);
    } else {
        if (mt_type_of(iterable)->getiter == NULL && !MT_IS_INSTANCE(iterable)) {
            mt_raise_type_error("can only join an iterable");
        }
        mt_list_get(mt_list_from_iter(iterable), &n, &items);
    }
    return join_items(&sep, n, items);
}
MT_DEFINE_FUN_2(mt_str_join_obj, str_join);

mt_obj_t mt_str_concat(size_t n, const mt_obj_t *items) {
    sv_t sep;
    str_view(EMPTY_STR, &sep);
    return join_items(&sep, n, items);
}

/* ---- strip, replace, prefix/suffix ------------------------------------------------------ */

/* bytes of the character at p if it is one of chars, else 0 */
static size_t in_chars(const sv_t *v, const sv_t *chars, const uint8_t *p, const uint8_t *end) {
    size_t k = (size_t)(next_char(v, p, end) - p);
    if (k == 1) return memchr(chars->s, *p, chars->len) != NULL;
    return bfind(chars->s, chars->len, p, k) ? k : 0;
}

static mt_obj_t strip_impl(size_t n_args, const mt_obj_t *args, int which) {
    sv_t v, chars;
    self_view(args[0], &v);
    bool ws = n_args < 2 || args[1] == MT_NONE;
    if (!ws) {
        if (v.kind == K_STR && !str_view(args[1], &chars)) {
            mt_raise_type_error(which == 3   ? "strip arg must be None or str"
                                : which == 1 ? "lstrip arg must be None or str"
                                             : "rstrip arg must be None or str");
        }
        if (v.kind != K_STR) arg_view(&v, args[1], &chars);
    }
    const uint8_t *p = v.s, *e = p + v.len;
    while ((which & 1) && p < e) {
        size_t w = ws ? ws_at(&v, p) : in_chars(&v, &chars, p, e);
        if (w == 0) break;
        p += w;
    }
    while ((which & 2) && e > p) {
        const uint8_t *q = prev_char(&v, p, e);
        size_t w = ws ? ws_before(&v, p, e) : in_chars(&v, &chars, q, e);
        if (w == 0) break;
        e -= w;
    }
    return new_like(&v, p, (size_t)(e - p));
}

static mt_obj_t str_strip(size_t n, const mt_obj_t *a) {
    return strip_impl(n, a, 3);
}
static mt_obj_t str_lstrip(size_t n, const mt_obj_t *a) {
    return strip_impl(n, a, 1);
}
static mt_obj_t str_rstrip(size_t n, const mt_obj_t *a) {
    return strip_impl(n, a, 2);
}
MT_DEFINE_FUN_VAR(mt_str_strip_obj, 1, 2, str_strip);
MT_DEFINE_FUN_VAR(mt_str_lstrip_obj, 1, 2, str_lstrip);
MT_DEFINE_FUN_VAR(mt_str_rstrip_obj, 1, 2, str_rstrip);

static mt_obj_t str_replace(size_t n_args, const mt_obj_t *args) {
    sv_t v, old, nw;
    self_view(args[0], &v);
    if (v.kind == K_STR && !str_view(args[1], &old)) {
        mt_raise_fmt(&mt_type_TypeError, "replace() argument 1 must be str, not %q",
                     mt_obj_type_name(args[1]));
    }
    if (v.kind == K_STR && !str_view(args[2], &nw)) {
        mt_raise_fmt(&mt_type_TypeError, "replace() argument 2 must be str, not %q",
                     mt_obj_type_name(args[2]));
    }
    if (v.kind != K_STR) {
        arg_view(&v, args[1], &old);
        arg_view(&v, args[2], &nw);
    }
    mt_int_t max = n_args > 3 ? mt_obj_get_int(args[3]) : -1;
    size_t k;
    if (old.len == 0) {
        k = CLEN(&v) + 1;
        if (max >= 0 && (size_t)max < k) k = (size_t)max;
    } else {
        k = count_in(v.s, v.len, old.s, old.len, max);
    }
    if (k == 0) return new_like(&v, v.s, v.len);
    uint64_t len = (uint64_t)v.len + (uint64_t)k * nw.len - (uint64_t)k * old.len;
    if (len > STR_MAX_LEN) mt_raise_memory_error();
    uint8_t *d;
    mt_obj_t r = alloc_like(&v, (size_t)len, &d);
    const uint8_t *p = v.s, *end = v.s + v.len;
    for (size_t i = 0; i < k; i++) {
        const uint8_t *f = old.len ? bfind(p, (size_t)(end - p), old.s, old.len) : p;
        memcpy(d, p, (size_t)(f - p));
        d += f - p;
        memcpy(d, nw.s, nw.len);
        d += nw.len;
        p = f + old.len;
        if (old.len == 0 && p < end) {
            const uint8_t *q = next_char(&v, p, end);
            memcpy(d, p, (size_t)(q - p));
            d += q - p;
            p = q;
        }
    }
    memcpy(d, p, (size_t)(end - p));
    return finish_like(&v, r, (long)(CLEN(&v) + k * CLEN(&nw) - k * CLEN(&old)));
}
MT_DEFINE_FUN_VAR(mt_str_replace_obj, 3, 4, str_replace);

static mt_obj_t remove_affix(mt_obj_t self, mt_obj_t affix, bool suffix) {
    sv_t v, a;
    self_view(self, &v);
    arg_view(&v, affix, &a);
    if (a.len > 0 && a.len <= v.len) {
        const uint8_t *p = suffix ? v.s + v.len - a.len : v.s;
        if (memcmp(p, a.s, a.len) == 0)
            return new_like(&v, suffix ? v.s : v.s + a.len, v.len - a.len);
    }
    return new_like(&v, v.s, v.len);
}

static mt_obj_t str_removeprefix(mt_obj_t s, mt_obj_t a) {
    return remove_affix(s, a, false);
}
static mt_obj_t str_removesuffix(mt_obj_t s, mt_obj_t a) {
    return remove_affix(s, a, true);
}
MT_DEFINE_FUN_2(mt_str_removeprefix_obj, str_removeprefix);
MT_DEFINE_FUN_2(mt_str_removesuffix_obj, str_removesuffix);

/* ---- case ------------------------------------------------------------------------------- */

enum { C_UPPER, C_LOWER, C_SWAP, C_TITLE, C_CAP, C_FOLD };

/* high bit of each byte of w set where that byte is ASCII and within [lo, hi] (no carries
 * cross bytes: each 7-bit value plus at most 0x80 stays below 0x100) */
static inline word_t bytes_in_range(word_t w, uint8_t lo, uint8_t hi) {
    word_t h = w & (WORD_ONES * 0x7f);
    word_t ge = h + WORD_ONES * (uint8_t)(0x80 - lo), gt = h + WORD_ONES * (uint8_t)(0x7f - hi);
    return ge & ~gt & ~w & WORD_HIGH_BITS;
}

/* upper/lower/swap/fold of ASCII letters a word at a time (0x20 flips the case) */
static size_t ascii_case_words(const uint8_t *s, size_t n, uint8_t *d, int op) {
    size_t i = 0;
    for (; i + sizeof(word_t) <= n; i += sizeof(word_t)) {
        word_t w = load_word(s + i), flip;
        if (op == C_UPPER) {
            flip = bytes_in_range(w, 'a', 'z');
        } else if (op == C_SWAP) {
            flip = bytes_in_range(w, 'a', 'z') | bytes_in_range(w, 'A', 'Z');
        } else {
            flip = bytes_in_range(w, 'A', 'Z');
        }
        w ^= flip >> 2;
        memcpy(d + i, &w, sizeof(w));
    }
    return i;
}

static void ascii_case(const uint8_t *s, size_t n, uint8_t *d, int op) {
    bool prev = false;
    size_t i = (op == C_TITLE || op == C_CAP) ? 0 : ascii_case_words(s, n, d, op);
    for (; i < n; i++) {
        uint8_t c = s[i];
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        switch (op) {
        case C_UPPER: c = lo ? c - 32 : c; break;
        case C_LOWER:
        case C_FOLD: c = up ? c + 32 : c; break;
        case C_SWAP: c = (up || lo) ? c ^ 32 : c; break;
        case C_TITLE:
            if (prev ? up : lo) c ^= 32;
            prev = up || lo;
            break;
        default: c = (i == 0 ? lo : up) ? c ^ 32 : c; break;
        }
        d[i] = c;
    }
}

static bool case_ignorable(uint32_t c) {
    return c == '\'' || c == '.' || c == ':' || c == '^' || c == '`' || c == 0xad || c == 0xb7 ||
           c == 0x2019 || (c >= 0x2b0 && c <= 0x2ff) || mt_unichar_iscombining(c);
}

/* Greek capital sigma at p lower-cases to final sigma at the end of a word */
static uint32_t lower_sigma(const uint8_t *start, const uint8_t *p, const uint8_t *end) {
    const uint8_t *q = p;
    uint32_t c;
    do {
        if (q == start) return 0x3c3;
        q = utf8_back(start, q);
        const uint8_t *t = q;
        c = mt_utf8_decode(&t);
    } while (case_ignorable(c));
    if (!mt_unichar_iscased(c)) return 0x3c3;
    q = p + 2;
    while (q < end) {
        c = mt_utf8_decode(&q);
        if (!case_ignorable(c)) return mt_unichar_iscased(c) ? 0x3c3 : 0x3c2;
    }
    return 0x3c2;
}

/* which mapping applies to c at position `at` under op (-1: unchanged) */
static int case_kind(int op, uint32_t c, bool first, bool *prev) {
    switch (op) {
    case C_UPPER: return MT_CASE_UPPER;
    case C_LOWER: return MT_CASE_LOWER;
    case C_FOLD: return MT_CASE_FOLD;
    case C_SWAP:
        return mt_unichar_isupper(c) ? MT_CASE_LOWER : mt_unichar_islower(c) ? MT_CASE_UPPER : -1;
    case C_TITLE: {
        int k = *prev ? MT_CASE_LOWER : MT_CASE_TITLE;
        *prev = mt_unichar_iscased(c);
        return k;
    }
    default: return first ? MT_CASE_TITLE : MT_CASE_LOWER;
    }
}

/* apply op to a non-ASCII str; returns the bytes of the result, written to out if not NULL */
static size_t case_run(const sv_t *v, int op, uint8_t *out) {
    const uint8_t *p = v->s, *end = p + v->len;
    size_t n = 0;
    bool prev = false;
    while (p < end) {
        const uint8_t *at = p;
        uint32_t c = mt_utf8_decode(&p), m[3];
        int kind = case_kind(op, c, at == v->s, &prev);
        size_t k = 1;
        if (kind < 0) {
            m[0] = c;
        } else if (kind == MT_CASE_LOWER && c == 0x3a3) {
            m[0] = lower_sigma(v->s, at, end);
        } else {
            k = mt_unichar_case_full(c, (mt_case_t)kind, m);
        }
        for (size_t i = 0; i < k; i++) {
            if (out) {
                n += mt_utf8_encode(m[i], out + n);
            } else {
                n += mt_utf8_size(m[i]);
            }
        }
    }
    return n;
}

static mt_obj_t case_impl(mt_obj_t self, int op) {
    sv_t v;
    self_view(self, &v);
    uint8_t *d;
    if (SV_ASCII(&v)) {
        if (v.len == 0 && v.kind != K_BYTEARRAY) return v.kind == K_STR ? EMPTY_STR : v.o;
        mt_obj_t r = alloc_like(&v, v.len, &d);
        ascii_case(v.s, v.len, d, op);
        return finish_like(&v, r, (long)v.len);
    }
    mt_obj_t r = alloc_like(&v, case_run(&v, op, NULL), &d);
    case_run(&v, op, d);
    return finish_like(&v, r, -1);
}

static mt_obj_t str_upper(mt_obj_t s) {
    return case_impl(s, C_UPPER);
}
static mt_obj_t str_lower(mt_obj_t s) {
    return case_impl(s, C_LOWER);
}
static mt_obj_t str_swapcase(mt_obj_t s) {
    return case_impl(s, C_SWAP);
}
static mt_obj_t str_title(mt_obj_t s) {
    return case_impl(s, C_TITLE);
}
static mt_obj_t str_capitalize(mt_obj_t s) {
    return case_impl(s, C_CAP);
}
static mt_obj_t str_casefold(mt_obj_t s) {
    return case_impl(s, C_FOLD);
}
MT_DEFINE_FUN_1(mt_str_upper_obj, str_upper);
MT_DEFINE_FUN_1(mt_str_lower_obj, str_lower);
MT_DEFINE_FUN_1(mt_str_swapcase_obj, str_swapcase);
MT_DEFINE_FUN_1(mt_str_title_obj, str_title);
MT_DEFINE_FUN_1(mt_str_capitalize_obj, str_capitalize);
MT_DEFINE_FUN_1(mt_str_casefold_obj, str_casefold);

/* ---- padding ---------------------------------------------------------------------------- */

static void fill_char(const sv_t *v, size_t n_args, const mt_obj_t *args, const char *fname,
                      sv_t *fill) {
    if (n_args < 3) {
        str_view(MT_NEW_QSTR(MT_QSTR_NULL), fill);
        fill->s = (const uint8_t *)" ";
        fill->len = fill->clen_ = 1;
        return;
    }
    if (v->kind == K_STR) {
        if (!str_view(args[2], fill)) {
            mt_raise_fmt(&mt_type_TypeError,
                         "The fill character must be a unicode character, not %q",
                         mt_obj_type_name(args[2]));
        }
        if (CLEN(fill) != 1) {
            mt_raise_type_error("The fill character must be exactly one character long");
        }
    } else if (!bytes_view(args[2], fill) || fill->len != 1) {
        mt_raise_fmt(&mt_type_TypeError,
                     "%s() argument 2 must be a byte string of length 1, not %q", fname,
                     mt_obj_type_name(args[2]));
    }
}

/* repeat the fill (f bytes) n times at d */
static uint8_t *put_fill(uint8_t *d, const sv_t *fill, size_t n) {
    if (fill->len == 1) {
        memset(d, fill->s[0], n);
        return d + n;
    }
    for (size_t i = 0; i < n; i++, d += fill->len) memcpy(d, fill->s, fill->len);
    return d;
}

static mt_obj_t pad_impl(size_t n_args, const mt_obj_t *args, int align, const char *fname) {
    sv_t v, fill;
    self_view(args[0], &v);
    mt_int_t width = mt_obj_get_int(args[1]);
    fill_char(&v, n_args, args, fname, &fill);
    if (width <= (mt_int_t)CLEN(&v)) return new_like(&v, v.s, v.len);
    size_t marg = (size_t)width - CLEN(&v), left;
    if (align == '<') {
        left = 0;
    } else if (align == '>') {
        left = marg;
    } else {
        left = marg / 2 + (marg & (size_t)width & 1);
    }
    uint64_t len = (uint64_t)v.len + (uint64_t)marg * fill.len;
    if (len > STR_MAX_LEN) mt_raise_memory_error();
    uint8_t *d;
    mt_obj_t r = alloc_like(&v, (size_t)len, &d);
    d = put_fill(d, &fill, left);
    memcpy(d, v.s, v.len);
    put_fill(d + v.len, &fill, marg - left);
    return finish_like(&v, r, SV_ASCII(&v) && fill.len == 1 ? (long)len : -1);
}

static mt_obj_t str_ljust(size_t n, const mt_obj_t *a) {
    return pad_impl(n, a, '<', "ljust");
}
static mt_obj_t str_rjust(size_t n, const mt_obj_t *a) {
    return pad_impl(n, a, '>', "rjust");
}
static mt_obj_t str_center(size_t n, const mt_obj_t *a) {
    return pad_impl(n, a, '^', "center");
}
MT_DEFINE_FUN_VAR(mt_str_ljust_obj, 2, 3, str_ljust);
MT_DEFINE_FUN_VAR(mt_str_rjust_obj, 2, 3, str_rjust);
MT_DEFINE_FUN_VAR(mt_str_center_obj, 2, 3, str_center);

static mt_obj_t str_zfill(mt_obj_t self, mt_obj_t width_in) {
    sv_t v;
    self_view(self, &v);
    mt_int_t width = mt_obj_get_int(width_in);
    if (width <= (mt_int_t)CLEN(&v)) return new_like(&v, v.s, v.len);
    size_t fill = (size_t)width - CLEN(&v), len = v.len + fill;
    if (len > STR_MAX_LEN) mt_raise_memory_error();
    uint8_t *d;
    mt_obj_t r = alloc_like(&v, len, &d);
    size_t sign = (v.len && (v.s[0] == '+' || v.s[0] == '-')) ? 1 : 0;
    memcpy(d, v.s, sign);
    memset(d + sign, '0', fill);
    memcpy(d + sign + fill, v.s + sign, v.len - sign);
    return finish_like(&v, r, (long)(CLEN(&v) + fill));
}
MT_DEFINE_FUN_2(mt_str_zfill_obj, str_zfill);

/* expand tabs; returns the result's bytes, written to out if not NULL */
static size_t expand_run(const sv_t *v, mt_int_t tab, uint8_t *out) {
    size_t n = 0, col = 0;
    for (const uint8_t *p = v->s, *end = p + v->len; p < end; p++) {
        uint8_t c = *p;
        if (c == '\t') {
            size_t k = tab > 0 ? (size_t)tab - col % (size_t)tab : 0;
            if (out) memset(out + n, ' ', k);
            n += k;
            col += k;
            if (n > STR_MAX_LEN) mt_raise_memory_error();
            continue;
        }
        if (out) out[n] = c;
        n++;
        if (c == '\n' || c == '\r') {
            col = 0;
        } else if (v->kind != K_STR || !MT_UTF8_IS_CONT(c)) {
            col++;
        }
    }
    return n;
}

static const mt_arg_spec_t expandtabs_spec[] = {{MT_QSTR_tabsize, 0, MT_NEW_SMALL_INT(8)}};

static mt_obj_t str_expandtabs(size_t n_args, const mt_obj_t *args, mt_map_t *kw) {
    mt_obj_t t;
    parse_args(n_args - 1, args + 1, kw, 1, expandtabs_spec, &t);
    sv_t v;
    self_view(args[0], &v);
    mt_int_t tab = mt_obj_get_int(t);
    if (memchr(v.s, '\t', v.len) == NULL) return new_like(&v, v.s, v.len);
    uint8_t *d;
    mt_obj_t r = alloc_like(&v, expand_run(&v, tab, NULL), &d);
    expand_run(&v, tab, d);
    return finish_like(&v, r, SV_ASCII(&v) ? (long)(((mt_str_t *)MT_OBJ_TO_PTR(r))->len) : -1);
}
MT_DEFINE_FUN_KW(mt_str_expandtabs_obj, 1, str_expandtabs);

/* ---- classification --------------------------------------------------------------------- */

typedef bool (*uni_pred_t)(uint32_t c);

/* every character satisfies pred (bytes: ASCII class bits); false when empty */
static mt_obj_t all_chars(mt_obj_t self, uni_pred_t pred, uint8_t bits) {
    sv_t v;
    self_view(self, &v);
    if (v.len == 0) return MT_FALSE;
    const uint8_t *p = v.s, *end = p + v.len;
    if (v.kind != K_STR) {
        for (; p < end; p++) {
            bool ok = bits == MT_CC_SPACE ? bspace(*p) : MT_ASCII_IS(*p, bits);
            if (!ok) return MT_FALSE;
        }
        return MT_TRUE;
    }
    while (p < end) {
        uint32_t c = *p < 0x80 ? *p++ : mt_utf8_decode(&p);
        if (!pred(c)) return MT_FALSE;
    }
    return MT_TRUE;
}

static bool u_isalnum(uint32_t c) {
    return mt_unichar_isalpha(c) || mt_unichar_isnumeric(c);
}

static mt_obj_t str_isalpha(mt_obj_t s) {
    return all_chars(s, mt_unichar_isalpha, MT_CC_ALPHA);
}
static mt_obj_t str_isdigit(mt_obj_t s) {
    return all_chars(s, mt_unichar_isdigit, MT_CC_DIGIT);
}
static mt_obj_t str_isdecimal(mt_obj_t s) {
    return all_chars(s, mt_unichar_isdecimal, MT_CC_DIGIT);
}
static mt_obj_t str_isnumeric(mt_obj_t s) {
    return all_chars(s, mt_unichar_isnumeric, MT_CC_DIGIT);
}
static mt_obj_t str_isalnum(mt_obj_t s) {
    return all_chars(s, u_isalnum, MT_CC_ALNUM);
}
static mt_obj_t str_isspace(mt_obj_t s) {
    return all_chars(s, mt_unichar_isspace, MT_CC_SPACE);
}
MT_DEFINE_FUN_1(mt_str_isalpha_obj, str_isalpha);
MT_DEFINE_FUN_1(mt_str_isdigit_obj, str_isdigit);
MT_DEFINE_FUN_1(mt_str_isdecimal_obj, str_isdecimal);
MT_DEFINE_FUN_1(mt_str_isnumeric_obj, str_isnumeric);
MT_DEFINE_FUN_1(mt_str_isalnum_obj, str_isalnum);
MT_DEFINE_FUN_1(mt_str_isspace_obj, str_isspace);

/* isupper / islower: some cased character and none of the other case */
static mt_obj_t is_case(mt_obj_t self, bool upper) {
    sv_t v;
    self_view(self, &v);
    bool cased = false;
    const uint8_t *p = v.s, *end = p + v.len;
    while (p < end) {
        uint32_t c = (v.kind != K_STR || *p < 0x80) ? *p++ : mt_utf8_decode(&p);
        if (v.kind != K_STR && c >= 0x80) continue;
        bool u = mt_unichar_isupper(c), l = mt_unichar_islower(c);
        if ((upper ? l : u) || mt_unichar_istitle(c)) return MT_FALSE;
        cased |= upper ? u : l;
    }
    return MT_BOOL(cased);
}

static mt_obj_t str_isupper(mt_obj_t s) {
    return is_case(s, true);
}
static mt_obj_t str_islower(mt_obj_t s) {
    return is_case(s, false);
}
MT_DEFINE_FUN_1(mt_str_isupper_obj, str_isupper);
MT_DEFINE_FUN_1(mt_str_islower_obj, str_islower);

static mt_obj_t str_istitle(mt_obj_t self) {
    sv_t v;
    self_view(self, &v);
    bool cased = false, prev = false;
    const uint8_t *p = v.s, *end = p + v.len;
    while (p < end) {
        uint32_t c = (v.kind != K_STR || *p < 0x80) ? *p++ : mt_utf8_decode(&p);
        if (v.kind != K_STR && c >= 0x80) c = 0;
        if (mt_unichar_isupper(c) || mt_unichar_istitle(c)) {
            if (prev) return MT_FALSE;
            prev = cased = true;
        } else if (mt_unichar_islower(c)) {
            if (!prev) return MT_FALSE;
        } else {
            prev = false;
        }
    }
    return MT_BOOL(cased);
}
MT_DEFINE_FUN_1(mt_str_istitle_obj, str_istitle);

static mt_obj_t str_isidentifier(mt_obj_t self) {
    sv_t v;
    self_view(self, &v);
    const uint8_t *p = v.s, *end = p + v.len;
    if (p == end) return MT_FALSE;
    uint32_t c = mt_utf8_decode(&p);
    if (!mt_unichar_isidstart(c)) return MT_FALSE;
    while (p < end) {
        if (!mt_unichar_isidcont(mt_utf8_decode(&p))) return MT_FALSE;
    }
    return MT_TRUE;
}
MT_DEFINE_FUN_1(mt_str_isidentifier_obj, str_isidentifier);

static mt_obj_t str_isprintable(mt_obj_t self) {
    sv_t v;
    self_view(self, &v);
    const uint8_t *p = v.s, *end = p + v.len;
    while (p < end) {
        if (!mt_unichar_isprintable(mt_utf8_decode(&p))) return MT_FALSE;
    }
    return MT_TRUE;
}
MT_DEFINE_FUN_1(mt_str_isprintable_obj, str_isprintable);

static mt_obj_t str_isascii(mt_obj_t self) {
    sv_t v;
    self_view(self, &v);
    if (v.kind == K_STR) return MT_BOOL(SV_ASCII(&v));
    return MT_BOOL(ascii_prefix(v.s, v.len) == v.len);
}
MT_DEFINE_FUN_1(mt_str_isascii_obj, str_isascii);

/* ---- encoding --------------------------------------------------------------------------- */

int mt_str_encoding(mt_obj_t name) {
    size_t len;
    const char *s = mt_str_get(name, &len);
    char n[16];
    size_t k = 0;
    for (size_t i = 0; i < len && k < sizeof(n) - 1; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c += 32;
        n[k++] = (c == '_' || c == ' ') ? '-' : c;
    }
    n[k] = 0;
    if (len < sizeof(n)) {
        static const char *const names[] = {"utf-8",     "utf8", "u8",      "utf",    "ascii",
                                            "us-ascii",  "646",  "latin-1", "latin1", "iso-8859-1",
                                            "iso8859-1", "8859", "l1",      "latin"};
        static const uint8_t codes[] = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2};
        for (size_t i = 0; i < MT_ARRAY_SIZE(names); i++) {
            if (strcmp(n, names[i]) == 0) return codes[i];
        }
    }
    mt_raise_fmt(&mt_type_LookupError, "unknown encoding: %s", mt_obj_str_cstr(name));
}

/* the error handler named by errors: 0 strict, 1 ignore, 2 replace, 3 unknown (an error
 * only when an encoding error happens, as in CPython) */
int mt_str_errors(mt_obj_t errors) {
    if (errors == MT_NULL) return 0;
    size_t len;
    const char *s = mt_str_get(errors, &len);
    if (strcmp(s, "strict") == 0) return 0;
    if (strcmp(s, "ignore") == 0) return 1;
    if (strcmp(s, "replace") == 0) return 2;
    return 3;
}

void mt_str_errors_unknown(void) {
    mt_raise_msg(&mt_type_LookupError, "unknown error handler name");
}

/* a code point written as a Python escape ('\xe9', '\u20ac', '\U0001f600') */
static void print_char_escape(const mt_print_t *p, uint32_t c) {
    if (c < 0x100) {
        mt_printf(p, "\\x%02x", (unsigned)c);
    } else if (c < 0x10000) {
        mt_printf(p, "\\u%04x", (unsigned)c);
    } else {
        mt_printf(p, "\\U%08x", (unsigned)c);
    }
}

MT_NORETURN static void encode_error(const char *codec, const sv_t *v, const uint8_t *at,
                                     size_t limit) {
    mt_vstr_t vs;
    mt_print_t pr;
    mt_vstr_init(&vs, 80);
    mt_vstr_printer(&vs, &pr);
    size_t pos = char_index(v, at), n = 0;
    const uint8_t *p = at, *end = v->s + v->len;
    uint32_t first = 0;
    while (p < end) {
        const uint8_t *q = p;
        uint32_t c = mt_utf8_decode(&q);
        if (c < limit) break;
        if (n++ == 0) first = c;
        p = q;
    }
    mt_printf(&pr, "'%s' codec can't encode ", codec);
    if (n == 1) {
        mt_print_str(&pr, "character '");
        print_char_escape(&pr, first);
        mt_printf(&pr, "' in position %u", (unsigned)pos);
    } else {
        mt_printf(&pr, "characters in position %u-%u", (unsigned)pos, (unsigned)(pos + n - 1));
    }
    mt_printf(&pr, ": ordinal not in range(%u)", (unsigned)limit);
    mt_raise_msg(&mt_type_UnicodeError, mt_vstr_null_terminated(&vs));
}

/* str -> bytes in ascii (limit 128) or latin-1 (limit 256) */
static mt_obj_t encode_narrow(const sv_t *v, size_t limit, int errors) {
    mt_vstr_t out;
    mt_str_vstr_init(&out, CLEN(v));
    const uint8_t *p = v->s, *end = p + v->len;
    while (p < end) {
        const uint8_t *at = p;
        uint32_t c = mt_utf8_decode(&p);
        if (c < limit) {
            mt_vstr_add_byte(&out, (uint8_t)c);
        } else if (errors == 0) {
            encode_error(limit == 128 ? "ascii" : "latin-1", v, at, limit);
        } else if (errors == 3) {
            mt_str_errors_unknown();
        } else if (errors == 2) {
            mt_vstr_add_byte(&out, '?');
        }
    }
    return mt_bytes_new_from_vstr(&out);
}

static const mt_arg_spec_t encode_spec[] = {
    {MT_QSTR_encoding, 0, MT_NULL},
    {MT_QSTR_errors, 0, MT_NULL},
};

static mt_obj_t str_encode(size_t n_args, const mt_obj_t *args, mt_map_t *kw) {
    mt_obj_t a[2];
    parse_args(n_args - 1, args + 1, kw, 2, encode_spec, a);
    sv_t v;
    self_view(args[0], &v);
    int enc = a[0] == MT_NULL ? 0 : mt_str_encoding(a[0]);
    int errors = mt_str_errors(a[1]);
    if (enc == 0 || SV_ASCII(&v)) return mt_bytes_new(v.s, v.len);
    return encode_narrow(&v, enc == 1 ? 128 : 256, errors);
}
MT_DEFINE_FUN_KW(mt_str_encode_obj, 1, str_encode);

/* ---- translate / maketrans -------------------------------------------------------------- */

/* table[c] for str.translate: MT_NULL when the table has no entry (LookupError) */
static mt_obj_t trans_lookup(mt_obj_t table, uint32_t c) {
    mt_obj_t key = MT_NEW_SMALL_INT(c);
    if (MT_IS_TYPE(table, &mt_type_dict)) return mt_dict_get(table, key);
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_obj_t r = mt_subscr(table, key, MT_SENTINEL);
        mt_nlr_pop();
        return r;
    }
    if (mt_exc_match(nlr.ret_val, MT_OBJ_FROM_PTR(&mt_type_LookupError))) return MT_NULL;
    mt_raise(nlr.ret_val);
}

static void translate_str(const sv_t *v, mt_obj_t table, mt_vstr_t *out) {
    const uint8_t *p = v->s, *end = p + v->len;
    while (p < end) {
        const uint8_t *at = p;
        uint32_t c = mt_utf8_decode(&p);
        mt_obj_t r = trans_lookup(table, c);
        if (r == MT_NULL) {
            mt_vstr_add_strn(out, (const char *)at, (size_t)(p - at));
        } else if (r == MT_NONE) {
            continue;
        } else if (mt_obj_is_int(r)) {
            mt_int_t u = mt_obj_get_int(r);
            if (u < 0 || u > 0x10ffff)
                mt_raise_value_error("character mapping must be in range(0x110000)");
            mt_vstr_add_char(out, (uint32_t)u);
        } else if (mt_obj_is_str(r)) {
            size_t n;
            const char *s = mt_str_get(r, &n);
            mt_vstr_add_strn(out, s, n);
        } else {
            mt_raise_type_error("character mapping must return integer, None or str");
        }
    }
}

static mt_obj_t str_translate(size_t n_args, const mt_obj_t *args) {
    sv_t v;
    self_view(args[0], &v);
    mt_vstr_t out;
    mt_str_vstr_init(&out, v.len);
    if (v.kind == K_STR) {
        if (n_args > 2) mt_raise_type_error("translate() takes exactly one argument (2 given)");
        translate_str(&v, args[1], &out);
        return mt_str_new_from_vstr(&out);
    }
    sv_t table, del = {0};
    if (args[1] != MT_NONE) {
        arg_view(&v, args[1], &table);
        if (table.len != 256) mt_raise_value_error("translation table must be 256 characters long");
    }
    if (n_args > 2) arg_view(&v, args[2], &del);
    for (size_t i = 0; i < v.len; i++) {
        uint8_t c = v.s[i];
        if (del.len && memchr(del.s, c, del.len)) continue;
        mt_vstr_add_byte(&out, args[1] == MT_NONE ? c : table.s[c]);
    }
    if (v.kind == K_BYTES) return mt_bytes_new_from_vstr(&out);
    return mt_bytearray_new_from_vstr(&out);
}
MT_DEFINE_FUN_VAR(mt_str_translate_obj, 2, 3, str_translate);

static mt_obj_t maketrans_dict(mt_obj_t map) {
    if (!mt_obj_is_dict(map)) {
        mt_raise_type_error("if you give only one argument to maketrans it must be a dict");
    }
    mt_obj_t d = mt_dict_new(0);
    mt_map_t *m = mt_dict_map(map);
    for (size_t i = 0; i < m->used; i++) {
        if (!MT_MAP_SLOT_IS_FILLED(m, i)) continue;
        mt_obj_t k = m->elems[i].key;
        if (mt_obj_is_str(k)) {
            if (mt_str_get_charlen(k) != 1) {
                mt_raise_value_error("string keys in translate table must be of length 1");
            }
            k = mt_str_ord(k);
        } else if (!mt_obj_is_int(k)) {
            mt_raise_type_error("keys in translate table must be strings or integers");
        }
        mt_dict_store(d, k, m->elems[i].value);
    }
    return d;
}

/* str.maketrans(x[, y[, z]]) (called on the class: no self) */
static mt_obj_t str_maketrans(size_t n_args, const mt_obj_t *args) {
    if (n_args == 1) return maketrans_dict(args[0]);
    sv_t x, y, z;
    if (!str_view(args[0], &x) || !str_view(args[1], &y)) {
        mt_raise_type_error("maketrans() arguments must be str");
    }
    if (CLEN(&x) != CLEN(&y)) {
        mt_raise_value_error("the first two maketrans arguments must have equal length");
    }
    mt_obj_t d = mt_dict_new(CLEN(&x));
    for (const uint8_t *p = x.s, *q = y.s; p < x.s + x.len;) {
        uint32_t a = mt_utf8_decode(&p), b = mt_utf8_decode(&q);
        mt_dict_store(d, MT_NEW_SMALL_INT(a), MT_NEW_SMALL_INT(b));
    }
    if (n_args > 2) {
        if (!str_view(args[2], &z)) mt_raise_type_error("maketrans() argument 3 must be str");
        for (const uint8_t *p = z.s; p < z.s + z.len;) {
            mt_dict_store(d, MT_NEW_SMALL_INT(mt_utf8_decode(&p)), MT_NONE);
        }
    }
    return d;
}
MT_DEFINE_FUN_VAR(mt_str_maketrans_obj, 1, 3, str_maketrans);

/* bytes.maketrans(from, to) */
static mt_obj_t bytes_maketrans(size_t n_args, const mt_obj_t *args) {
    sv_t a, b;
    if (!buffer_view(args[n_args - 2], &a) || !buffer_view(args[n_args - 1], &b)) {
        mt_raise_type_error("a bytes-like object is required");
    }
    if (a.len != b.len) mt_raise_value_error("maketrans arguments must have same length");
    uint8_t *d;
    mt_str_t *r = mt_bytes_alloc(256, &d);
    for (int i = 0; i < 256; i++) d[i] = (uint8_t)i;
    for (size_t i = 0; i < a.len; i++) d[a.s[i]] = b.s[i];
    return MT_OBJ_FROM_PTR(r);
}
MT_DEFINE_FUN_VAR(mt_bytes_maketrans_obj, 2, 3, bytes_maketrans);

MT_DEFINE_FUN_KW(mt_str_format_obj, 1, mt_str_format);
MT_DEFINE_FUN_2(mt_str_format_map_obj, mt_str_format_map);

/* ---- repr ------------------------------------------------------------------------------- */

void mt_str_print_quoted(const mt_print_t *p, const char *str, size_t len, int bytes_kind,
                         bool ascii_only) {
    bool is_bytes = bytes_kind != 0;
    const uint8_t *s = (const uint8_t *)str, *end = s + len;
    char q = (memchr(s, '\'', len) && !memchr(s, '"', len)) ? '"' : '\'';
    if (is_bytes) mt_print_strn(p, "b", 1);
    mt_print_strn(p, &q, 1);
    const uint8_t *run = s;
    while (s < end) {
        uint8_t c = *s;
        if (c >= 0x20 && c < 0x7f && c != '\\' && c != (uint8_t)q &&
            !(c == '\'' && bytes_kind == 2)) {
            s++;
            continue;
        }
        const uint8_t *at = s;
        uint32_t u = c;
        if (c >= 0x80 && !is_bytes) {
            u = mt_utf8_decode(&s);
            if (!ascii_only && mt_unichar_isprintable(u)) continue;
        } else {
            s++;
        }
        mt_print_strn(p, (const char *)run, (size_t)(at - run));
        run = s;
        if (c == '\\' || c == (uint8_t)q || c == '\'') {
            char e[2] = {'\\', (char)c};
            mt_print_strn(p, e, 2);
        } else if (c == '\n') {
            mt_print_strn(p, "\\n", 2);
        } else if (c == '\t') {
            mt_print_strn(p, "\\t", 2);
        } else if (c == '\r') {
            mt_print_strn(p, "\\r", 2);
        } else {
            print_char_escape(p, u);
        }
    }
    mt_print_strn(p, (const char *)run, (size_t)(end - run));
    mt_print_strn(p, &q, 1);
}

static void str_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    size_t len;
    const char *s = (const char *)raw_data(mt_str_unwrap(o), &len);
    if (kind == MT_PRINT_STR) {
        mt_print_strn(p, s, len);
    } else {
        mt_str_print_quoted(p, s, len, 0, false);
    }
}

/* ---- ord -------------------------------------------------------------------------------- */

mt_obj_t mt_str_ord(mt_obj_t o) {
    sv_t v;
    if (str_view(o, &v)) {
        if (CLEN(&v) == 1) {
            const uint8_t *p = v.s;
            return MT_NEW_SMALL_INT(mt_utf8_decode(&p));
        }
    } else if (bytes_view(o, &v)) {
        if (v.len == 1) return MT_NEW_SMALL_INT(v.s[0]);
    } else {
        mt_raise_fmt(&mt_type_TypeError, "ord() expected string of length 1, but %q found",
                     mt_obj_type_name(o));
    }
    mt_raise_fmt(&mt_type_TypeError, "ord() expected a character, but string of length %u found",
                 (unsigned)CLEN(&v));
}

/* ---- the str type ----------------------------------------------------------------------- */

static mt_obj_t str_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                             const mt_obj_t *args) {
    mt_obj_t a[3] = {MT_NULL, MT_NULL, MT_NULL}; /* object, encoding, errors */
    if (n_args > 3) {
        mt_raise_fmt(&mt_type_TypeError, "str() takes at most 3 arguments (%u given)",
                     (unsigned)(n_args + n_kw));
    }
    for (size_t i = 0; i < n_args; i++) a[i] = args[i];
    for (size_t i = 0; i < n_kw; i++) {
        mt_qstr_t k = MT_QSTR_VALUE(args[n_args + 2 * i]);
        int j = k == MT_QSTR_object ? 0 : k == MT_QSTR_encoding ? 1 : k == MT_QSTR_errors ? 2 : -1;
        if (j < 0) {
            mt_raise_fmt(&mt_type_TypeError, "'%q' is an invalid keyword argument for str()", k);
        }
        a[j] = args[n_args + 2 * i + 1];
    }
    if (a[0] == MT_NULL) return EMPTY_STR;
    if (a[1] == MT_NULL && a[2] == MT_NULL) {
        if (MT_IS_QSTR(a[0]) || MT_IS_TYPE(a[0], &mt_type_str)) return a[0];
        return mt_obj_str(a[0]);
    }
    sv_t v;
    if (mt_obj_is_str(a[0])) mt_raise_type_error("decoding str is not supported");
    if (!buffer_view(a[0], &v)) {
        mt_raise_fmt(&mt_type_TypeError, "decoding to str: need a bytes-like object, %q found",
                     mt_obj_type_name(a[0]));
    }
    return mt_bytes_decode(v.s, v.len, a[1], a[2]);
}

static mt_obj_t str_unary_op(mt_unop_t op, mt_obj_t o) {
    o = mt_str_unwrap(o);
    switch (op) {
    case MT_UNOP_BOOL: {
        size_t len;
        raw_data(o, &len);
        return MT_BOOL(len != 0);
    }
    case MT_UNOP_LEN: return MT_NEW_SMALL_INT(charlen_of(o));
    case MT_UNOP_HASH: return MT_NEW_SMALL_INT((mt_int_t)(mt_str_hash(o) & MT_SMALL_INT_MAX));
    default: return MT_NULL;
    }
}

static mt_obj_t str_repeat(const sv_t *v, mt_obj_t times) {
    mt_int_t n;
    if (!mt_obj_get_int_maybe(times, &n)) {
        mt_raise_msg(&mt_type_OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    if (n <= 0 || v->len == 0) return new_like(v, v->s, 0);
    if (n == 1 && v->kind != K_BYTEARRAY) return new_like(v, v->s, v->len);
    if ((uint64_t)v->len * (uint64_t)n > STR_MAX_LEN) {
        if ((uint64_t)v->len * (uint64_t)n / (uint64_t)n != v->len) {
            mt_raise_msg(&mt_type_OverflowError, "repeated string is too long");
        }
        mt_raise_memory_error();
    }
    size_t len = v->len * (size_t)n;
    uint8_t *d;
    mt_obj_t r = alloc_like(v, len, &d);
    memcpy(d, v->s, v->len);
    for (size_t have = v->len; have < len;) { /* doubling copies */
        size_t k = have <= len - have ? have : len - have;
        memcpy(d + have, d, k);
        have += k;
    }
    return finish_like(v, r, (long)(CLEN(v) * (size_t)n));
}

static int compare_views(const sv_t *a, const sv_t *b) {
    size_t n = a->len < b->len ? a->len : b->len;
    int c = n ? memcmp(a->s, b->s, n) : 0;
    if (c == 0) c = a->len < b->len ? -1 : a->len > b->len;
    return c;
}

static mt_obj_t compare_op(mt_binop_t op, int c) {
    switch (op) {
    case MT_BINOP_LT: return MT_BOOL(c < 0);
    case MT_BINOP_LE: return MT_BOOL(c <= 0);
    case MT_BINOP_GT: return MT_BOOL(c > 0);
    case MT_BINOP_GE: return MT_BOOL(c >= 0);
    case MT_BINOP_EQ: return MT_BOOL(c == 0);
    default: return MT_BOOL(c != 0);
    }
}

static mt_obj_t concat(const sv_t *a, const sv_t *b) {
    if (b->len == 0 && a->kind != K_BYTEARRAY) return new_like(a, a->s, a->len);
    if (a->len == 0 && a->kind == K_STR) return b->o;
    if ((uint64_t)a->len + b->len > STR_MAX_LEN) mt_raise_memory_error();
    uint8_t *d;
    mt_obj_t r = alloc_like(a, a->len + b->len, &d);
    memcpy(d, a->s, a->len);
    memcpy(d + a->len, b->s, b->len);
    return finish_like(a, r, (long)(CLEN(a) + CLEN(b)));
}

/* the bytes of a str (qstr, str or subclass) without counting its code points */
static inline bool str_text(mt_obj_t o, sv_t *v) {
    if (!MT_IS_QSTR(o) && !(MT_IS_OBJ(o) && TYPE_OF(o) == &mt_type_str)) {
        o = mt_str_unwrap(o);
        if (o == MT_NULL) return false;
    }
    v->o = o;
    v->s = raw_data(o, &v->len);
    return true;
}

/* comparisons and `in` look at bytes only (UTF-8 order is code point order) */
static mt_obj_t str_compare(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    sv_t a, b;
    if (!str_text(lhs, &a)) return MT_NULL;
    if (!str_text(rhs, &b)) {
        if (op != MT_BINOP_CONTAINS) return MT_NULL;
        mt_raise_fmt(&mt_type_TypeError, "'in <string>' requires string as left operand, not %q",
                     mt_obj_type_name(rhs));
    }
    if (op == MT_BINOP_CONTAINS) return MT_BOOL(bfind(a.s, a.len, b.s, b.len) != NULL);
    if ((op == MT_BINOP_EQ || op == MT_BINOP_NE) && a.len != b.len) {
        return MT_BOOL(op == MT_BINOP_NE);
    }
    return compare_op(op, compare_views(&a, &b));
}

static mt_obj_t str_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    sv_t a, b;
    if (op >= MT_BINOP_LT && op <= MT_BINOP_CONTAINS) return str_compare(op, lhs, rhs);
    if (op == MT_BINOP_MOD || op == MT_BINOP_INPLACE_MOD) {
        return str_text(lhs, &a) ? mt_str_modulo(a.o, rhs, false) : MT_NULL;
    }
    if (!str_view(lhs, &a)) return MT_NULL;
    switch (op) {
    case MT_BINOP_ADD:
    case MT_BINOP_INPLACE_ADD:
        if (str_view(rhs, &b)) return concat(&a, &b);
        if (MT_IS_INSTANCE(rhs)) return MT_NULL;
        mt_raise_fmt(&mt_type_TypeError, "can only concatenate str (not \"%q\") to str",
                     mt_obj_type_name(rhs));
    case MT_BINOP_MUL:
    case MT_BINOP_INPLACE_MUL:
    case MT_BINOP_REVERSE_MUL:
        if (mt_obj_is_int(rhs)) return str_repeat(&a, rhs);
        if (MT_IS_INSTANCE(rhs)) return MT_NULL;
        mt_raise_fmt(&mt_type_TypeError, "can't multiply sequence by non-int of type '%q'",
                     mt_obj_type_name(rhs));
    default: return MT_NULL;
    }
}

/* an index for a str/bytes subscript: TypeError "<what> indices must be integers" */
mt_int_t mt_str_index_value(mt_obj_t index, const char *what) {
    if (MT_IS_SMALL_INT(index)) return MT_SMALL_INT_VALUE(index);
    if (mt_obj_is_int(index) || MT_IS_INSTANCE(index)) {
        mt_int_t i;
        if (mt_obj_is_int(index) && !mt_obj_get_int_maybe(index, &i)) {
            mt_raise_msg(&mt_type_IndexError, "cannot fit 'int' into an index-sized integer");
        }
        return mt_obj_get_index(index);
    }
    mt_raise_fmt(&mt_type_TypeError, "%s indices must be integers, not '%q'", what,
                 mt_obj_type_name(index));
}

/* the characters of v at start, start+step, ... (n of them, non-ASCII str); returns the
 * bytes, copied to out when not NULL */
static size_t walk_slice(const sv_t *v, mt_int_t start, mt_int_t step, size_t n, uint8_t *out) {
    const uint8_t *p = char_at(v, (size_t)start), *end = v->s + v->len;
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++) {
        const uint8_t *q = next_char(v, p, end);
        if (out) memcpy(out + bytes, p, (size_t)(q - p));
        bytes += (size_t)(q - p);
        if (i + 1 == n) break;
        if (step > 0) {
            p = mt_utf8_skip(p, end, (size_t)step);
        } else {
            for (mt_int_t k = 0; k < -step; k++) p = utf8_back(v->s, p);
        }
    }
    return bytes;
}

/* v[slice] for str, bytes, bytearray */
static mt_obj_t slice_view(const sv_t *v, mt_obj_t slice) {
    mt_int_t start, step;
    size_t n = mt_slice_resolve(slice, CLEN(v), &start, &step);
    uint8_t *d;
    if (step == 1 || n <= 1) {
        const uint8_t *p = v->s + start;
        if (!SV_ASCII(v)) p = char_at(v, (size_t)start);
        const uint8_t *e = SV_ASCII(v) ? p + n : mt_utf8_skip(p, v->s + v->len, n);
        return new_like(v, p, (size_t)(e - p));
    }
    if (SV_ASCII(v)) {
        mt_obj_t r = alloc_like(v, n, &d);
        for (size_t i = 0; i < n; i++) d[i] = v->s[start + (mt_int_t)i * step];
        return finish_like(v, r, (long)n);
    }
    mt_obj_t r = alloc_like(v, walk_slice(v, start, step, n, NULL), &d);
    walk_slice(v, start, step, n, d);
    return finish_like(v, r, (long)n);
}

static mt_obj_t str_subscr(mt_obj_t o, mt_obj_t index, mt_obj_t value) {
    if (value != MT_SENTINEL) return MT_NULL;
    sv_t v;
    str_view(o, &v);
    if (MT_IS_TYPE(index, &mt_type_slice)) return slice_view(&v, index);
    mt_int_t i = mt_str_index_value(index, "string");
    if (i < 0) i += (mt_int_t)CLEN(&v);
    if (i < 0 || (size_t)i >= CLEN(&v))
        mt_raise_msg(&mt_type_IndexError, "string index out of range");
    if (SV_ASCII(&v)) return ASCII_CHAR(v.s[i]);
    const uint8_t *p = char_at(&v, (size_t)i), *q = p;
    uint32_t c = mt_utf8_decode(&q);
    if (c < 0x100) return ASCII_CHAR(c);
    return mt_str_new_len((const char *)p, (size_t)(q - p), 1);
}

/* the iterator: built in the caller's iter buffer when given one (no allocation) */
typedef struct {
    mt_obj_base_t base;
    mt_obj_t str;
    const uint8_t *cur, *end;
} str_it_t;

static mt_obj_t str_it_next(mt_obj_t self) {
    str_it_t *it = MT_OBJ_TO_PTR(self);
    const uint8_t *p = it->cur;
    if (p >= it->end) return MT_NULL;
    if (*p < 0x80) {
        it->cur = p + 1;
        return ASCII_CHAR(*p);
    }
    const uint8_t *q = p;
    uint32_t c = mt_utf8_decode(&q);
    it->cur = q;
    if (c < 0x100) return ASCII_CHAR(c);
    return mt_str_new_len((const char *)p, (size_t)(q - p), 1);
}

static const mt_type_t str_iterator_type = {
    {&mt_type_type},         .name = MT_QSTR_str_iterator, .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .getiter = mt_iter_self, .iternext = str_it_next,
};

static mt_obj_t str_getiter(mt_obj_t o, mt_iter_buf_t *buf) {
    sv_t v;
    str_view(o, &v);
    str_it_t *it = buf ? (str_it_t *)buf : mt_new_obj(str_it_t);
    it->base.type = &str_iterator_type;
    it->str = v.o;
    it->cur = v.s;
    it->end = v.s + v.len;
    return MT_OBJ_FROM_PTR(it);
}

/* sorted by qstr (the build numbers qstrs in name order): looked up by binary search */
static const mt_map_elem_t str_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___format__), MT_ROM_PTR(&mt_format_method_obj)},
    {MT_ROM_QSTR(MT_QSTR_capitalize), MT_ROM_PTR(&mt_str_capitalize_obj)},
    {MT_ROM_QSTR(MT_QSTR_casefold), MT_ROM_PTR(&mt_str_casefold_obj)},
    {MT_ROM_QSTR(MT_QSTR_center), MT_ROM_PTR(&mt_str_center_obj)},
    {MT_ROM_QSTR(MT_QSTR_count), MT_ROM_PTR(&mt_str_count_obj)},
    {MT_ROM_QSTR(MT_QSTR_encode), MT_ROM_PTR(&mt_str_encode_obj)},
    {MT_ROM_QSTR(MT_QSTR_endswith), MT_ROM_PTR(&mt_str_endswith_obj)},
    {MT_ROM_QSTR(MT_QSTR_expandtabs), MT_ROM_PTR(&mt_str_expandtabs_obj)},
    {MT_ROM_QSTR(MT_QSTR_find), MT_ROM_PTR(&mt_str_find_obj)},
    {MT_ROM_QSTR(MT_QSTR_format), MT_ROM_PTR(&mt_str_format_obj)},
    {MT_ROM_QSTR(MT_QSTR_format_map), MT_ROM_PTR(&mt_str_format_map_obj)},
    {MT_ROM_QSTR(MT_QSTR_index), MT_ROM_PTR(&mt_str_index_obj)},
    {MT_ROM_QSTR(MT_QSTR_isalnum), MT_ROM_PTR(&mt_str_isalnum_obj)},
    {MT_ROM_QSTR(MT_QSTR_isalpha), MT_ROM_PTR(&mt_str_isalpha_obj)},
    {MT_ROM_QSTR(MT_QSTR_isascii), MT_ROM_PTR(&mt_str_isascii_obj)},
    {MT_ROM_QSTR(MT_QSTR_isdecimal), MT_ROM_PTR(&mt_str_isdecimal_obj)},
    {MT_ROM_QSTR(MT_QSTR_isdigit), MT_ROM_PTR(&mt_str_isdigit_obj)},
    {MT_ROM_QSTR(MT_QSTR_isidentifier), MT_ROM_PTR(&mt_str_isidentifier_obj)},
    {MT_ROM_QSTR(MT_QSTR_islower), MT_ROM_PTR(&mt_str_islower_obj)},
    {MT_ROM_QSTR(MT_QSTR_isnumeric), MT_ROM_PTR(&mt_str_isnumeric_obj)},
    {MT_ROM_QSTR(MT_QSTR_isprintable), MT_ROM_PTR(&mt_str_isprintable_obj)},
    {MT_ROM_QSTR(MT_QSTR_isspace), MT_ROM_PTR(&mt_str_isspace_obj)},
    {MT_ROM_QSTR(MT_QSTR_istitle), MT_ROM_PTR(&mt_str_istitle_obj)},
    {MT_ROM_QSTR(MT_QSTR_isupper), MT_ROM_PTR(&mt_str_isupper_obj)},
    {MT_ROM_QSTR(MT_QSTR_join), MT_ROM_PTR(&mt_str_join_obj)},
    {MT_ROM_QSTR(MT_QSTR_ljust), MT_ROM_PTR(&mt_str_ljust_obj)},
    {MT_ROM_QSTR(MT_QSTR_lower), MT_ROM_PTR(&mt_str_lower_obj)},
    {MT_ROM_QSTR(MT_QSTR_lstrip), MT_ROM_PTR(&mt_str_lstrip_obj)},
    {MT_ROM_QSTR(MT_QSTR_maketrans), MT_ROM_PTR(&mt_str_maketrans_obj)},
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
static MT_DEFINE_SORTED_MAP(str_locals, str_locals_table);

const mt_type_t mt_type_str = {
    {&mt_type_type},
    .name = MT_QSTR_str,
    .flags = MT_TYPE_FLAG_BASETYPE,
    .print = str_print,
    .make_new = str_make_new,
    .unary_op = str_unary_op,
    .binary_op = str_binary_op,
    .subscr = str_subscr,
    .getiter = str_getiter,
    .locals = &str_locals,
};

/* ---- slots shared with bytes and bytearray ---------------------------------------------- */

mt_obj_t mt_bytes_slice(mt_obj_t o, mt_obj_t slice) {
    sv_t v;
    bytes_view(o, &v);
    return slice_view(&v, slice);
}

mt_obj_t mt_bytes_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    sv_t a, b;
    if (!bytes_view(lhs, &a)) return MT_NULL;
    switch (op) {
    case MT_BINOP_ADD:
    case MT_BINOP_INPLACE_ADD:
        if (buffer_view(rhs, &b)) return concat(&a, &b);
        if (MT_IS_INSTANCE(rhs)) return MT_NULL;
        mt_raise_fmt(&mt_type_TypeError, "can't concat %q to %q", mt_obj_type_name(rhs),
                     mt_obj_type_name(lhs));
    case MT_BINOP_MUL:
    case MT_BINOP_INPLACE_MUL:
    case MT_BINOP_REVERSE_MUL:
        if (mt_obj_is_int(rhs)) return str_repeat(&a, rhs);
        if (MT_IS_INSTANCE(rhs)) return MT_NULL;
        mt_raise_fmt(&mt_type_TypeError, "can't multiply sequence by non-int of type '%q'",
                     mt_obj_type_name(rhs));
    case MT_BINOP_MOD:
    case MT_BINOP_INPLACE_MOD: {
        mt_obj_t r = mt_str_modulo(lhs, rhs, true);
        if (a.kind != K_BYTEARRAY) return r;
        bytes_view(r, &b);
        return mt_bytearray_new(b.s, b.len);
    }
    case MT_BINOP_EQ:
    case MT_BINOP_NE:
    case MT_BINOP_LT:
    case MT_BINOP_LE:
    case MT_BINOP_GT:
    case MT_BINOP_GE:
        if (!bytes_view(rhs, &b)) return MT_NULL;
        if ((op == MT_BINOP_EQ || op == MT_BINOP_NE) && a.len != b.len) {
            return MT_BOOL(op == MT_BINOP_NE);
        }
        return compare_op(op, compare_views(&a, &b));
    case MT_BINOP_CONTAINS:
        arg_view_or_int(&a, rhs, &b);
        return MT_BOOL(bfind(a.s, a.len, b.s, b.len) != NULL);
    default: return MT_NULL;
    }
}
