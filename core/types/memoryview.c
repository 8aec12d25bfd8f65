/* memoryview: a window on another object's buffer, sliced without copying. One dimension;
 * item formats b B h H i I l L q Q f d (from the exporter's typecode). The exporter's buffer
 * is fetched again at every access (a bytearray may have moved or shrunk since). */
#include "containers.h"
#include "runtime.h"
#include "str.h"

typedef struct {
    mt_obj_base_t base;
    mt_obj_t obj;      /* the exporter */
    size_t start, len; /* bytes of the exporter's buffer */
    uint8_t readonly;
    uint8_t released;
    uint8_t itemsize;
    char format;
} mv_t;

static size_t item_size(int code) {
    switch (code) {
    case 'b':
    case 'B':
    case 'c': return 1;
    case 'h':
    case 'H': return 2;
    case 'i':
    case 'I':
    case 'f': return 4;
    case 'l':
    case 'L': return sizeof(long);
    case 'q':
    case 'Q':
    case 'd': return 8;
    default: return 0;
    }
}

static mv_t *get(mt_obj_t o) {
    return MT_OBJ_TO_PTR(mt_obj_native(o));
}

static void check_live(const mv_t *m) {
    if (m->released) mt_raise_value_error("operation forbidden on released memoryview object");
}

/* the viewed bytes now (clamped to what the exporter still has) */
static uint8_t *data(const mv_t *m, size_t *len) {
    check_live(m);
    mt_buffer_info_t info;
    mt_get_buffer_raise(m->obj, &info, MT_BUFFER_READ);
    if (m->start >= info.len) {
        *len = 0;
        return info.buf;
    }
    size_t n = info.len - m->start;
    *len = n < m->len ? n - n % m->itemsize : m->len;
    return (uint8_t *)info.buf + m->start;
}

mt_obj_t mt_memoryview_new(mt_obj_t obj, size_t offset, size_t len, bool readonly) {
    mv_t *m = mt_new_obj(mv_t);
    m->base.type = &mt_type_memoryview;
    m->obj = obj;
    m->start = offset;
    m->len = len;
    m->readonly = readonly;
    m->itemsize = 1;
    m->format = 'B';
    return MT_OBJ_FROM_PTR(m);
}

static mt_obj_t mv_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                            const mt_obj_t *args) {
    mt_arg_check_num(n_args, n_kw, 1, 1, false);
    mt_obj_t o = args[0];
    if (MT_IS_TYPE(o, &mt_type_memoryview)) {
        mv_t *src = get(o);
        check_live(src);
        mv_t *m = mt_new_obj(mv_t);
        *m = *src;
        return MT_OBJ_FROM_PTR(m);
    }
    mt_buffer_info_t info;
    if (!mt_get_buffer(o, &info, MT_BUFFER_READ)) {
        mt_raise_fmt(&mt_type_TypeError, "memoryview: a bytes-like object is required, not '%q'",
                     mt_obj_type_name(o));
    }
    mt_buffer_info_t w;
    mv_t *m =
        MT_OBJ_TO_PTR(mt_memoryview_new(o, 0, info.len, !mt_get_buffer(o, &w, MT_BUFFER_WRITE)));
    size_t sz = item_size(info.typecode);
    if (sz == 0) sz = 1;
    m->itemsize = (uint8_t)sz;
    m->format = sz == 1 && info.typecode != 'b' ? 'B' : (char)info.typecode;
    return MT_OBJ_FROM_PTR(m);
}

/* ---- items ------------------------------------------------------------------------------ */

static mt_obj_t read_item(const mv_t *m, const uint8_t *p) {
    union {
        int8_t b;
        int16_t h;
        uint16_t H;
        int32_t i;
        uint32_t I;
        long l;
        unsigned long L;
        long long q;
        unsigned long long Q;
        float f;
        double d;
    } u;
    memcpy(&u, p, m->itemsize);
    switch (m->format) {
    case 'b': return MT_NEW_SMALL_INT(u.b);
    case 'h': return MT_NEW_SMALL_INT(u.h);
    case 'H': return MT_NEW_SMALL_INT(u.H);
    case 'i': return mt_int_from_ll(u.i);
    case 'I': return mt_int_from_ull(u.I);
    case 'l': return mt_int_from_ll(u.l);
    case 'L': return mt_int_from_ull(u.L);
    case 'q': return mt_int_from_ll(u.q);
    case 'Q': return mt_int_from_ull(u.Q);
    case 'f': return mt_float_new(u.f);
    case 'd': return mt_float_new((mt_float_t)u.d);
    default: return MT_NEW_SMALL_INT(*p);
    }
}

MT_NORETURN static void bad_value(const mv_t *m, bool type) {
    mt_raise_fmt(type ? &mt_type_TypeError : &mt_type_ValueError,
                 "memoryview: invalid %s for format '%c'", type ? "type" : "value", m->format);
}

static void write_item(const mv_t *m, uint8_t *p, mt_obj_t v) {
    if (m->format == 'f' || m->format == 'd') {
        mt_float_t f;
        if (!mt_obj_get_float_maybe(v, &f)) bad_value(m, true);
        float ff = (float)f;
        double dd = (double)f;
        memcpy(p, m->format == 'f' ? (void *)&ff : (void *)&dd, m->itemsize);
        return;
    }
    if (!mt_obj_is_int(v)) bad_value(m, true);
    long long x = mt_obj_get_ll(v);
    bool is_signed = m->format >= 'a';
    int bits = m->itemsize * 8;
    if (bits < 64) {
        long long lo = is_signed ? -(1LL << (bits - 1)) : 0;
        long long hi = is_signed ? (1LL << (bits - 1)) - 1 : (1LL << bits) - 1;
        if (x < lo || x > hi) bad_value(m, false);
    } else if (!is_signed && x < 0) {
        bad_value(m, false);
    }
    memcpy(p, &x, m->itemsize); /* little-endian hosts and chips */
}

static mt_obj_t store(mv_t *m, mt_obj_t index, mt_obj_t value, uint8_t *d, size_t n) {
    if (m->readonly) mt_raise_type_error("cannot modify read-only memory");
    if (value == MT_NULL) mt_raise_type_error("cannot delete memory");
    size_t count = n / m->itemsize;
    if (MT_IS_TYPE(index, &mt_type_slice)) {
        mt_int_t start, step;
        size_t k = mt_slice_resolve(index, count, &start, &step);
        mt_buffer_info_t info;
        mt_get_buffer_raise(value, &info, MT_BUFFER_READ);
        if (info.len != k * m->itemsize) {
            mt_raise_value_error(
                "memoryview assignment: lvalue and rvalue have different structures");
        }
        for (size_t i = 0; i < k; i++) {
            memmove(d + (start + (mt_int_t)i * step) * m->itemsize,
                    (uint8_t *)info.buf + i * m->itemsize, m->itemsize);
        }
        return MT_NONE;
    }
    mt_int_t i = mt_str_index_value(index, "memoryview");
    if (i < 0) i += (mt_int_t)count;
    if (i < 0 || (size_t)i >= count)
        mt_raise_msg(&mt_type_IndexError, "index out of bounds on dimension 1");
    write_item(m, d + (size_t)i * m->itemsize, value);
    return MT_NONE;
}

static mt_obj_t mv_subscr(mt_obj_t o, mt_obj_t index, mt_obj_t value) {
    mv_t *m = get(o);
    size_t n;
    uint8_t *d = data(m, &n);
    if (value != MT_SENTINEL) return store(m, index, value, d, n);
    size_t count = n / m->itemsize;
    if (MT_IS_TYPE(index, &mt_type_slice)) {
        mt_int_t start, step;
        size_t k = mt_slice_resolve(index, count, &start, &step);
        if (step != 1 && k > 1)
            mt_raise_msg(&mt_type_NotImplementedError, "memoryview: slice step");
        mv_t *r = mt_new_obj(mv_t);
        *r = *m;
        r->start = m->start + (size_t)start * m->itemsize;
        r->len = k * m->itemsize;
        return MT_OBJ_FROM_PTR(r);
    }
    mt_int_t i = mt_str_index_value(index, "memoryview");
    if (i < 0) i += (mt_int_t)count;
    if (i < 0 || (size_t)i >= count)
        mt_raise_msg(&mt_type_IndexError, "index out of bounds on dimension 1");
    return read_item(m, d + (size_t)i * m->itemsize);
}

/* ---- methods ---------------------------------------------------------------------------- */

static mt_obj_t mv_tobytes(mt_obj_t self) {
    size_t n;
    uint8_t *d = data(get(self), &n);
    return mt_bytes_new(d, n);
}
MT_DEFINE_FUN_1(mv_tobytes_obj, mv_tobytes);

static mt_obj_t mv_tolist(mt_obj_t self) {
    mv_t *m = get(self);
    size_t n;
    uint8_t *d = data(m, &n);
    n /= m->itemsize;
    mt_obj_t list = mt_list_new(0, NULL);
    for (size_t i = 0; i < n; i++) mt_list_append(list, read_item(m, d + i * m->itemsize));
    return list;
}
MT_DEFINE_FUN_1(mv_tolist_obj, mv_tolist);

static mt_obj_t mv_hex(size_t n_args, const mt_obj_t *args) {
    mt_obj_t a[3] = {mv_tobytes(args[0]), MT_NULL, MT_NULL};
    for (size_t i = 1; i < n_args; i++) a[i] = args[i];
    return mt_call(MT_OBJ_FROM_PTR(&mt_bytes_hex_obj), n_args, 0, a);
}
MT_DEFINE_FUN_VAR(mv_hex_obj, 1, 3, mv_hex);

static mt_obj_t mv_release(mt_obj_t self) {
    get(self)->released = 1;
    return MT_NONE;
}
MT_DEFINE_FUN_1(mv_release_obj, mv_release);

static mt_obj_t mv_enter(mt_obj_t self) {
    check_live(get(self));
    return self;
}
MT_DEFINE_FUN_1(mv_enter_obj, mv_enter);

static mt_obj_t mv_exit(size_t n_args, const mt_obj_t *args) {
    return mv_release(args[0]);
}
MT_DEFINE_FUN_VAR(mv_exit_obj, 1, 4, mv_exit);

static mt_obj_t mv_cast(mt_obj_t self, mt_obj_t fmt) {
    mv_t *m = get(self);
    size_t n;
    data(m, &n);
    size_t len;
    const char *f = mt_str_get(fmt, &len);
    size_t sz = len == 1 ? item_size(f[0]) : 0;
    if (sz == 0) {
        mt_raise_value_error("memoryview: destination format must be a native single character "
                             "format prefixed with an optional '@'");
    }
    if (n % sz) mt_raise_type_error("memoryview: length is not a multiple of itemsize");
    mv_t *r = mt_new_obj(mv_t);
    *r = *m;
    r->itemsize = (uint8_t)sz;
    r->format = f[0];
    return MT_OBJ_FROM_PTR(r);
}
MT_DEFINE_FUN_2(mv_cast_obj, mv_cast);

/* sorted by name (binary search) */
static const mt_map_elem_t mv_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___enter__), MT_ROM_PTR(&mv_enter_obj)},
    {MT_ROM_QSTR(MT_QSTR___exit__), MT_ROM_PTR(&mv_exit_obj)},
    {MT_ROM_QSTR(MT_QSTR_cast), MT_ROM_PTR(&mv_cast_obj)},
    {MT_ROM_QSTR(MT_QSTR_hex), MT_ROM_PTR(&mv_hex_obj)},
    {MT_ROM_QSTR(MT_QSTR_release), MT_ROM_PTR(&mv_release_obj)},
    {MT_ROM_QSTR(MT_QSTR_tobytes), MT_ROM_PTR(&mv_tobytes_obj)},
    {MT_ROM_QSTR(MT_QSTR_tolist), MT_ROM_PTR(&mv_tolist_obj)},
};
static MT_DEFINE_SORTED_MAP(mv_locals, mv_locals_table);

/* ---- slots ------------------------------------------------------------------------------ */

static void mv_attr(mt_obj_t o, mt_qstr_t attr, mt_obj_t *dest) {
    if (dest[0] != MT_NULL) return; /* store/delete: not supported */
    mv_t *m = get(o);
    size_t n = m->len;
    if (attr != MT_QSTR_obj && attr != MT_QSTR_readonly) data(m, &n);
    switch (attr) {
    case MT_QSTR_obj: dest[0] = m->obj; return;
    case MT_QSTR_nbytes: dest[0] = MT_NEW_SMALL_INT(n); return;
    case MT_QSTR_readonly: dest[0] = MT_BOOL(m->readonly); return;
    case MT_QSTR_itemsize: dest[0] = MT_NEW_SMALL_INT(m->itemsize); return;
    case MT_QSTR_format: dest[0] = mt_str_from_char((uint8_t)m->format); return;
    case MT_QSTR_ndim: dest[0] = MT_NEW_SMALL_INT(1); return;
    case MT_QSTR_shape: {
        mt_obj_t len = MT_NEW_SMALL_INT(n / m->itemsize);
        dest[0] = mt_tuple_new(1, &len);
        return;
    }
    default: break;
    }
    mt_map_elem_t *e = mt_map_lookup_qstr(&mv_locals, attr);
    if (e) {
        dest[0] = e->value;
        dest[1] = o;
    }
}

static void mv_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_printf(p, "<%smemory at %p>", get(o)->released ? "released " : "", MT_OBJ_TO_PTR(o));
}

static mt_obj_t mv_unary_op(mt_unop_t op, mt_obj_t o) {
    mv_t *m = get(o);
    size_t n;
    uint8_t *d = data(m, &n);
    switch (op) {
    case MT_UNOP_BOOL: return MT_BOOL(n != 0);
    case MT_UNOP_LEN: return MT_NEW_SMALL_INT(n / m->itemsize);
    case MT_UNOP_HASH:
        if (!m->readonly) mt_raise_value_error("cannot hash writable memoryview object");
        return MT_NEW_SMALL_INT((mt_int_t)(mt_hash_bytes(d, n) & MT_SMALL_INT_MAX));
    default: return MT_NULL;
    }
}

static mt_obj_t mv_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    if (op != MT_BINOP_EQ && op != MT_BINOP_NE) return MT_NULL;
    mv_t *m = get(lhs);
    if (m->released) return MT_BOOL((lhs == rhs) == (op == MT_BINOP_EQ));
    size_t n;
    uint8_t *d = data(m, &n);
    mt_buffer_info_t info;
    if (!mt_get_buffer(rhs, &info, MT_BUFFER_READ)) return MT_NULL;
    bool eq = n == info.len && memcmp(d, info.buf, n) == 0;
    return MT_BOOL(eq == (op == MT_BINOP_EQ));
}

typedef struct {
    mt_obj_base_t base;
    mv_t *m;
    size_t i;
} mv_it_t;

static mt_obj_t mv_it_next(mt_obj_t self) {
    mv_it_t *it = MT_OBJ_TO_PTR(self);
    size_t n;
    uint8_t *d = data(it->m, &n);
    if ((it->i + 1) * it->m->itemsize > n) return MT_NULL;
    return read_item(it->m, d + it->i++ * it->m->itemsize);
}

static const mt_type_t mv_iterator_type = {
    {&mt_type_type},
    .name = MT_QSTR_memoryview_iterator,
    .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .getiter = mt_iter_self,
    .iternext = mv_it_next,
};

static mt_obj_t mv_getiter(mt_obj_t o, mt_iter_buf_t *buf) {
    mv_t *m = get(o);
    check_live(m);
    mv_it_t *it = buf ? (mv_it_t *)buf : mt_new_obj(mv_it_t);
    it->base.type = &mv_iterator_type;
    it->m = m;
    it->i = 0;
    return MT_OBJ_FROM_PTR(it);
}

static bool mv_buffer(mt_obj_t o, mt_buffer_info_t *info, int flags) {
    mv_t *m = get(o);
    if ((flags & MT_BUFFER_WRITE) && m->readonly) return false;
    size_t n;
    info->buf = data(m, &n);
    info->len = n;
    info->typecode = m->format;
    return true;
}

const mt_type_t mt_type_memoryview = {
    {&mt_type_type},         .name = MT_QSTR_memoryview, .print = mv_print,
    .make_new = mv_make_new, .unary_op = mv_unary_op,    .binary_op = mv_binary_op,
    .attr = mv_attr,         .subscr = mv_subscr,        .getiter = mv_getiter,
    .buffer = mv_buffer,     .locals = &mv_locals,
};
