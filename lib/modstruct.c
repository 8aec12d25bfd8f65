/* struct: pack unpack calcsize pack_into unpack_from iter_unpack.
 * Byte orders: '@' native with alignment, '=' native without, '<' little, '>' and '!' big.
 * Codes: x c b B ? h H i I l L q Q n N e f d s p (with counts).
 * struct.error is ValueError, as MicroPython raises; CPython code catching struct.error works.
 */
#include <math.h>

#include "obj.h"
#include "types/num.h"

typedef struct {
    const char *p, *end;
    char order; /* '<' '>' or '@' (native aligned) or '=' */
} fmt_t;

static bool native_little(void) {
    const uint16_t one = 1;
    return *(const uint8_t *)&one == 1;
}

static void fmt_init(fmt_t *f, mt_obj_t fmt) {
    size_t n;
    f->p = mt_str_data(fmt, &n);
    f->end = f->p + n;
    f->order = '@';
    if (f->p < f->end && *f->p && strchr("@=<>!", *f->p)) {
        f->order = *f->p == '!' ? '>' : *f->p;
        f->p++;
    }
}

/* size of one item of code c (0 if the code is unknown) */
static size_t code_size(char c, bool native) {
    switch (c) {
    case 'x':
    case 'c':
    case 'b':
    case 'B':
    case '?':
    case 's':
    case 'p': return 1;
    case 'h':
    case 'H':
    case 'e': return 2;
    case 'i':
    case 'I':
    case 'f': return 4;
    case 'l':
    case 'L': return native ? sizeof(long) : 4;
    case 'q':
    case 'Q':
    case 'd': return 8;
    case 'n':
    case 'N': return native ? sizeof(size_t) : 0;
    default: return 0;
    }
}

/* next directive: its count and code; false at the end */
static bool fmt_next(fmt_t *f, size_t *count, char *code) {
    while (f->p < f->end && (*f->p == ' ' || *f->p == '\t' || *f->p == '\n')) f->p++;
    if (f->p >= f->end) return false;
    size_t n = 0;
    bool has = false;
    while (f->p < f->end && *f->p >= '0' && *f->p <= '9') {
        n = n * 10 + (size_t)(*f->p++ - '0');
        has = true;
        if (n > 0x7fffffff) mt_raise_msg(&mt_type_OverflowError, "total struct size too long");
    }
    if (f->p >= f->end) mt_raise_value_error("repeat count given without format specifier");
    *code = *f->p++;
    *count = has ? n : 1;
    if (code_size(*code, f->order == '@') == 0) mt_raise_value_error("bad char in struct format");
    return true;
}

static size_t align_to(size_t off, size_t a) {
    return (off + a - 1) / a * a;
}

/* total size, and the number of values the format consumes */
static size_t fmt_size(mt_obj_t fmt, size_t *n_values) {
    fmt_t f;
    fmt_init(&f, fmt);
    size_t size = 0, count, nv = 0;
    char c;
    while (fmt_next(&f, &count, &c)) {
        size_t sz = code_size(c, f.order == '@');
        if (f.order == '@') size = align_to(size, sz);
        if (c == 's' || c == 'p') {
            size += count;
            nv++;
        } else {
            size += sz * count;
            if (c != 'x') nv += count;
        }
    }
    if (n_values) *n_values = nv;
    return size;
}

static bool little(const fmt_t *f) {
    return f->order == '<' || (f->order != '>' && native_little());
}

static uint64_t load_uint(const uint8_t *p, size_t n, bool le) {
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) v |= (uint64_t)p[le ? i : n - 1 - i] << (8 * i);
    return v;
}

static void store_uint(uint8_t *p, size_t n, bool le, uint64_t v) {
    for (size_t i = 0; i < n; i++) p[le ? i : n - 1 - i] = (uint8_t)(v >> (8 * i));
}

/* IEEE half precision <-> double */
static double half_to_double(uint16_t h) {
    int e = (h >> 10) & 31, m = h & 1023;
    double v = e == 0 ? ldexp(m, -24) : e == 31 ? (m ? NAN : INFINITY) : ldexp(m + 1024, e - 25);
    return h & 0x8000 ? -v : v;
}

static uint16_t double_to_half(double d) {
    uint16_t sign = signbit(d) ? 0x8000 : 0;
    d = fabs(d);
    if (isnan(d)) return sign | 0x7e00;
    if (d >= 65520.0) {
        if (isinf(d)) return sign | 0x7c00;
        mt_raise_msg(&mt_type_OverflowError, "float too large to pack with e format");
    }
    if (d < ldexp(1, -14)) return sign | (uint16_t)nearbyint(d * ldexp(1, 24));
    int e;
    double m = frexp(d, &e);                         /* d = m * 2^e, 0.5 <= m < 1 */
    uint32_t mant = (uint32_t)nearbyint(m * 2048.0); /* 11 bits with the implicit one */
    if (mant == 2048) mant = 1024, e++;
    return sign | (uint16_t)((e + 14) << 10) | (uint16_t)(mant - 1024);
}

static mt_obj_t unpack_one(char c, const uint8_t *p, size_t sz, bool le) {
    switch (c) {
    case 'c': return mt_bytes_new(p, 1);
    case '?': return MT_BOOL(p[0] != 0);
    case 'e': return mt_float_new((mt_float_t)half_to_double((uint16_t)load_uint(p, 2, le)));
    case 'f': {
        uint32_t u = (uint32_t)load_uint(p, 4, le);
        float f;
        memcpy(&f, &u, 4);
        return mt_float_new((mt_float_t)f);
    }
    case 'd': {
        uint64_t u = load_uint(p, 8, le);
        double d;
        memcpy(&d, &u, 8);
        return mt_float_new((mt_float_t)d);
    }
    }
    uint64_t u = load_uint(p, sz, le);
    if (c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' || c == 'N')
        return mt_int_from_ull(u);
    if (sz < 8 && (u >> (8 * sz - 1)) & 1) u |= ~(uint64_t)0 << (8 * sz); /* sign-extend */
    return mt_int_from_ll((long long)u);
}

MT_NORETURN static void range_error(char c, size_t sz, bool is_unsigned) {
    if (c == 'c') mt_raise_value_error("char format requires a bytes object of length 1");
    if (is_unsigned)
        mt_raise_fmt(&mt_type_ValueError, "'%c' format requires 0 <= number <= %s", c,
                     sz == 1   ? "255"
                     : sz == 2 ? "65535"
                     : sz == 4 ? "4294967295"
                               : "18446744073709551615");
    mt_raise_value_error("argument out of range");
}

static void pack_int(char c, uint8_t *p, size_t sz, bool le, mt_obj_t v) {
    if (!mt_obj_is_int(v)) {
        mt_obj_t idx = mt_load_attr_maybe(v, MT_QSTR___index__);
        if (idx == MT_NULL) mt_raise_value_error("required argument is not an integer");
        v = mt_call0(idx);
    }
    bool is_unsigned = c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' || c == 'N';
    uint8_t tmp[9];
    /* after the range check, a 9-byte two's complement image gives every size up to 8 */
    bool neg = mt_is_true(mt_binary_op(MT_BINOP_LT, v, MT_NEW_SMALL_INT(0)));
    if (is_unsigned && neg) range_error(c, sz, true);
    mt_obj_t lim = mt_binary_op(MT_BINOP_LSHIFT, MT_NEW_SMALL_INT(1),
                                MT_NEW_SMALL_INT(8 * sz - (is_unsigned ? 0 : 1)));
    if (neg ? mt_is_true(mt_binary_op(MT_BINOP_LT, v, mt_unary_op(MT_UNOP_NEG, lim)))
            : mt_is_true(mt_binary_op(MT_BINOP_GE, v, lim)))
        range_error(c, sz, is_unsigned);
    mt_int_to_bytes(v, 9, false, true, tmp);
    for (size_t i = 0; i < sz; i++) p[le ? i : sz - 1 - i] = tmp[i];
}

static void pack_one(char c, uint8_t *p, size_t sz, bool le, mt_obj_t v) {
    switch (c) {
    case 'c': {
        size_t n;
        if (!MT_IS_TYPE(v, &mt_type_bytes)) range_error('c', 1, false);
        const char *s = mt_str_data(v, &n);
        if (n != 1) range_error('c', 1, false);
        p[0] = (uint8_t)s[0];
        return;
    }
    case '?': p[0] = mt_is_true(v); return;
    case 'e': store_uint(p, 2, le, double_to_half((double)mt_obj_get_float(v))); return;
    case 'f': {
        float f = (float)mt_obj_get_float(v);
        uint32_t u;
        memcpy(&u, &f, 4);
        store_uint(p, 4, le, u);
        return;
    }
    case 'd': {
        double d = (double)mt_obj_get_float(v);
        uint64_t u;
        memcpy(&u, &d, 8);
        store_uint(p, 8, le, u);
        return;
    }
    }
    pack_int(c, p, sz, le, v);
}

/* pack values into buf (which has room for the whole format) */
static void pack_into_buf(mt_obj_t fmt, uint8_t *buf, size_t n_args, const mt_obj_t *args) {
    size_t nv;
    fmt_size(fmt, &nv);
    if (nv != n_args)
        mt_raise_fmt(&mt_type_ValueError, "pack expected %u items for packing (got %u)",
                     (unsigned)nv, (unsigned)n_args);
    fmt_t f;
    fmt_init(&f, fmt);
    size_t off = 0, count, ai = 0;
    char c;
    bool le = little(&f);
    while (fmt_next(&f, &count, &c)) {
        size_t sz = code_size(c, f.order == '@');
        if (f.order == '@') off = align_to(off, sz);
        if (c == 's' || c == 'p') {
            mt_buffer_info_t b;
            if (!MT_IS_TYPE(args[ai], &mt_type_bytes) && !MT_IS_TYPE(args[ai], &mt_type_bytearray))
                mt_raise_value_error("argument for 's' must be a bytes object");
            mt_get_buffer_raise(args[ai++], &b, MT_BUFFER_READ);
            size_t room = c == 'p' ? (count ? count - 1 : 0) : count;
            size_t k = b.len < room ? b.len : room;
            if (c == 'p' && count) buf[off++] = (uint8_t)(k > 255 ? 255 : k), count--;
            memcpy(buf + off, b.buf, k);
            off += count;
            continue;
        }
        for (size_t i = 0; i < count; i++, off += sz)
            if (c != 'x') pack_one(c, buf + off, sz, le, args[ai++]);
    }
}

static mt_obj_t struct_calcsize(mt_obj_t fmt) {
    return MT_NEW_SMALL_INT(fmt_size(fmt, NULL));
}
static MT_DEFINE_FUN_1(struct_calcsize_obj, struct_calcsize);

static mt_obj_t struct_pack(size_t n, const mt_obj_t *args) {
    size_t size = fmt_size(args[0], NULL);
    uint8_t *buf = mt_alloc(size + 1);
    pack_into_buf(args[0], buf, n - 1, args + 1);
    return mt_bytes_new(buf, size);
}
static MT_DEFINE_FUN_VAR(struct_pack_obj, 1, MT_FUN_ARGS_MAX, struct_pack);

static mt_obj_t struct_pack_into(size_t n, const mt_obj_t *args) {
    mt_buffer_info_t b;
    mt_get_buffer_raise(args[1], &b, MT_BUFFER_WRITE);
    mt_int_t off = mt_obj_get_int(args[2]);
    size_t size = fmt_size(args[0], NULL);
    if (off < 0) off += (mt_int_t)b.len;
    if (off < 0 || (size_t)off + size > b.len)
        mt_raise_fmt(&mt_type_ValueError, "pack_into requires a buffer of at least %u bytes",
                     (unsigned)(size + (size_t)(off < 0 ? 0 : off)));
    pack_into_buf(args[0], (uint8_t *)b.buf + off, n - 3, args + 3);
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(struct_pack_into_obj, 3, MT_FUN_ARGS_MAX, struct_pack_into);

static mt_obj_t unpack_buf(mt_obj_t fmt, const uint8_t *p) {
    size_t nv;
    fmt_size(fmt, &nv);
    mt_obj_t tup = mt_tuple_new(nv, NULL);
    mt_obj_t *items = ((mt_tuple_t *)MT_OBJ_TO_PTR(tup))->items;
    fmt_t f;
    fmt_init(&f, fmt);
    size_t off = 0, count, vi = 0;
    char c;
    bool le = little(&f);
    while (fmt_next(&f, &count, &c)) {
        size_t sz = code_size(c, f.order == '@');
        if (f.order == '@') off = align_to(off, sz);
        if (c == 's') {
            items[vi++] = mt_bytes_new(p + off, count);
            off += count;
        } else if (c == 'p') {
            size_t k = count ? p[off] : 0;
            if (count && k > count - 1) k = count - 1;
            items[vi++] = mt_bytes_new(p + off + (count ? 1 : 0), k);
            off += count;
        } else {
            for (size_t i = 0; i < count; i++, off += sz)
                if (c != 'x') items[vi++] = unpack_one(c, p + off, sz, le);
        }
    }
    return tup;
}

static mt_obj_t struct_unpack(mt_obj_t fmt, mt_obj_t data) {
    mt_buffer_info_t b;
    mt_get_buffer_raise(data, &b, MT_BUFFER_READ);
    size_t size = fmt_size(fmt, NULL);
    if (b.len != size)
        mt_raise_fmt(&mt_type_ValueError, "unpack requires a buffer of %u bytes", (unsigned)size);
    return unpack_buf(fmt, b.buf);
}
static MT_DEFINE_FUN_2(struct_unpack_obj, struct_unpack);

static mt_obj_t struct_unpack_from(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_format, MT_ARG_REQUIRED | MT_ARG_POS_ONLY, MT_NULL},
        {MT_QSTR_buffer, MT_ARG_REQUIRED, MT_NULL},
        {MT_QSTR_offset, 0, MT_NEW_SMALL_INT(0)},
    };
    mt_obj_t a[3];
    mt_arg_parse(n, args, kw, 3, spec, a);
    mt_buffer_info_t b;
    mt_get_buffer_raise(a[1], &b, MT_BUFFER_READ);
    mt_int_t off = mt_obj_get_int(a[2]);
    size_t size = fmt_size(a[0], NULL);
    if (off < 0) off += (mt_int_t)b.len;
    if (off < 0 || (size_t)off + size > b.len)
        mt_raise_fmt(&mt_type_ValueError,
                     "unpack_from requires a buffer of at least %u bytes for unpacking %u bytes at "
                     "offset %d (actual buffer size is %u)",
                     (unsigned)(size + (size_t)(off < 0 ? 0 : off)), (unsigned)size, (int)off,
                     (unsigned)b.len);
    return unpack_buf(a[0], (const uint8_t *)b.buf + off);
}
static MT_DEFINE_FUN_KW(struct_unpack_from_obj, 2, struct_unpack_from);

static mt_obj_t struct_iter_unpack(mt_obj_t fmt, mt_obj_t data) {
    mt_buffer_info_t b;
    mt_get_buffer_raise(data, &b, MT_BUFFER_READ);
    size_t size = fmt_size(fmt, NULL);
    if (size == 0) mt_raise_value_error("cannot iteratively unpack with a struct of length 0");
    if (b.len % size)
        mt_raise_fmt(&mt_type_ValueError,
                     "iterative unpacking requires a buffer of a multiple of %u bytes",
                     (unsigned)size);
    /* the results as a list iterator: simple, and the buffer may change later anyway */
    mt_obj_t list = mt_list_new(0, NULL);
    for (size_t off = 0; off < b.len; off += size)
        mt_list_append(list, unpack_buf(fmt, (const uint8_t *)b.buf + off));
    return mt_getiter(list, NULL);
}
static MT_DEFINE_FUN_2(struct_iter_unpack_obj, struct_iter_unpack);

static const mt_map_elem_t struct_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_struct)},
    {MT_ROM_QSTR(MT_QSTR_calcsize), MT_ROM_PTR(&struct_calcsize_obj)},
    {MT_ROM_QSTR(MT_QSTR_pack), MT_ROM_PTR(&struct_pack_obj)},
    {MT_ROM_QSTR(MT_QSTR_pack_into), MT_ROM_PTR(&struct_pack_into_obj)},
    {MT_ROM_QSTR(MT_QSTR_unpack), MT_ROM_PTR(&struct_unpack_obj)},
    {MT_ROM_QSTR(MT_QSTR_unpack_from), MT_ROM_PTR(&struct_unpack_from_obj)},
    {MT_ROM_QSTR(MT_QSTR_iter_unpack), MT_ROM_PTR(&struct_iter_unpack_obj)},
    {MT_ROM_QSTR(MT_QSTR_error), MT_ROM_PTR(&mt_type_ValueError)},
};
MT_DEFINE_MODULE(mt_module_struct, struct_table);
