/* array: typed arrays of numbers (typecodes b B h H i I l L q Q f d) in one contiguous
 * buffer: append extend, indexing and slicing (a slice is a new array), slice assignment of
 * equal length, len, iteration, ==, +, +=, in, tobytes, the buffer protocol, and
 * repr "array('i', [1, 2])". 'l'/'L' are C longs (4 bytes on the chip, 8 on a 64-bit host,
 * as CPython), 'q'/'Q' 8 bytes everywhere. */
#include "nlr.h"
#include "obj.h"

typedef struct {
    mt_obj_base_t base;
    char code;
    uint8_t itemsize;
    size_t len, alloc; /* in items */
    uint8_t *data;
} array_t;

static const mt_type_t array_type;

static size_t code_size(char c) {
    switch (c) {
    case 'b':
    case 'B': return 1;
    case 'h':
    case 'H': return 2;
    case 'i':
    case 'I':
    case 'f': return 4;
    case 'l':
    case 'L': return sizeof(long); /* native, as CPython */
    case 'q':
    case 'Q':
    case 'd': return 8;
    default: return 0;
    }
}

static mt_obj_t get_item(const array_t *a, size_t i) {
    const uint8_t *p = a->data + i * a->itemsize;
    switch (a->code) {
    case 'b': return MT_NEW_SMALL_INT(*(const int8_t *)p);
    case 'B': return MT_NEW_SMALL_INT(*p);
    case 'h': {
        int16_t v;
        memcpy(&v, p, 2);
        return MT_NEW_SMALL_INT(v);
    }
    case 'H': {
        uint16_t v;
        memcpy(&v, p, 2);
        return MT_NEW_SMALL_INT(v);
    }
    case 'i': {
        int32_t v;
        memcpy(&v, p, 4);
        return mt_int_from_ll(v);
    }
    case 'I': {
        uint32_t v;
        memcpy(&v, p, 4);
        return mt_int_from_ull(v);
    }
    case 'l': {
        long v;
        memcpy(&v, p, sizeof v);
        return mt_int_from_ll(v);
    }
    case 'L': {
        unsigned long v;
        memcpy(&v, p, sizeof v);
        return mt_int_from_ull(v);
    }
    case 'q': {
        int64_t v;
        memcpy(&v, p, 8);
        return mt_int_from_ll(v);
    }
    case 'Q': {
        uint64_t v;
        memcpy(&v, p, 8);
        return mt_int_from_ull(v);
    }
    case 'f': {
        float v;
        memcpy(&v, p, 4);
        return mt_float_new((mt_float_t)v);
    }
    default: {
        double v;
        memcpy(&v, p, 8);
        return mt_float_new((mt_float_t)v);
    }
    }
}

MT_NORETURN static void overflow(const array_t *a) {
    bool is_unsigned =
        a->code == 'B' || a->code == 'H' || a->code == 'I' || a->code == 'L' || a->code == 'Q';
    mt_raise_msg(&mt_type_OverflowError, is_unsigned ? "unsigned integer is out of range"
                                                     : "signed integer is out of range");
}

static void set_item(array_t *a, size_t i, mt_obj_t v) {
    uint8_t *p = a->data + i * a->itemsize;
    if (a->code == 'f' || a->code == 'd') {
        double d = (double)mt_obj_get_float(v);
        if (a->code == 'f') {
            float f = (float)d;
            memcpy(p, &f, 4);
        } else {
            memcpy(p, &d, 8);
        }
        return;
    }
    if (!mt_obj_is_int(v))
        mt_raise_fmt(&mt_type_TypeError, "'%s' object cannot be interpreted as an integer",
                     mt_qstr_str(mt_type_of(v)->name));
    bool is_unsigned =
        a->code == 'B' || a->code == 'H' || a->code == 'I' || a->code == 'L' || a->code == 'Q';
    unsigned bits = 8u * a->itemsize;
    if (is_unsigned) {
        if (mt_is_true(mt_binary_op(MT_BINOP_LT, v, MT_NEW_SMALL_INT(0)))) overflow(a);
        if (bits < 64 && mt_is_true(mt_binary_op(MT_BINOP_GE, v, mt_int_from_ull(1ull << bits))))
            overflow(a);
        if (bits == 64 && mt_is_true(mt_binary_op(MT_BINOP_GT, v, mt_int_from_ull(~0ull))))
            overflow(a);
    }
    long long s = 0;
    unsigned long long u;
    if (is_unsigned && bits == 64) {
        /* value fits in 64 unsigned bits: take it through two halves */
        mt_obj_t hi = mt_binary_op(MT_BINOP_RSHIFT, v, MT_NEW_SMALL_INT(32));
        mt_obj_t lo = mt_binary_op(MT_BINOP_AND, v, mt_int_from_ull(0xffffffffu));
        u = ((unsigned long long)mt_obj_get_ll(hi) << 32) | (unsigned long long)mt_obj_get_ll(lo);
    } else {
        s = mt_obj_get_ll(v);
        if (!is_unsigned && bits < 64 && (s < -(1ll << (bits - 1)) || s >= (1ll << (bits - 1))))
            overflow(a);
        u = (unsigned long long)s;
    }
    memcpy(p, &u, a->itemsize); /* little-endian hosts and the lx106 */
}

static array_t *array_new(char code, size_t len) {
    array_t *a = mt_new_obj(array_t);
    a->base.type = &array_type;
    a->code = code;
    a->itemsize = (uint8_t)code_size(code);
    a->len = a->alloc = len;
    a->data = mt_alloc(len * a->itemsize + 1);
    return a;
}

static void array_grow(array_t *a, size_t extra) {
    if (a->len + extra <= a->alloc) return;
    size_t alloc = a->alloc * 2 + 4;
    if (alloc < a->len + extra) alloc = a->len + extra;
    a->data = mt_realloc(a->data, alloc * a->itemsize);
    a->alloc = alloc;
}

static mt_obj_t array_append(mt_obj_t self, mt_obj_t v) {
    array_t *a = MT_OBJ_TO_PTR(self);
    array_grow(a, 1);
    a->len++;
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        set_item(a, a->len - 1, v);
        mt_nlr_pop();
    } else {
        a->len--;
        mt_raise(nlr.ret_val);
    }
    return MT_NONE;
}
static MT_DEFINE_FUN_2(array_append_obj, array_append);

static mt_obj_t array_extend(mt_obj_t self, mt_obj_t iterable) {
    array_t *a = MT_OBJ_TO_PTR(self);
    if (MT_IS_TYPE(iterable, &array_type)) {
        array_t *b = MT_OBJ_TO_PTR(iterable);
        if (b->code != a->code) mt_raise_type_error("can only extend with array of same kind");
        size_t n = b->len;
        array_grow(a, n);
        memcpy(a->data + a->len * a->itemsize, b->data, n * a->itemsize);
        a->len += n;
        return MT_NONE;
    }
    mt_obj_t it = mt_getiter(iterable, NULL), x;
    while ((x = mt_iternext(it)) != MT_NULL) array_append(self, x);
    return MT_NONE;
}
static MT_DEFINE_FUN_2(array_extend_obj, array_extend);

static mt_obj_t array_tobytes(mt_obj_t self) {
    array_t *a = MT_OBJ_TO_PTR(self);
    return mt_bytes_new(a->data, a->len * a->itemsize);
}
static MT_DEFINE_FUN_1(array_tobytes_obj, array_tobytes);

static mt_obj_t array_tolist(mt_obj_t self) {
    array_t *a = MT_OBJ_TO_PTR(self);
    mt_obj_t l = mt_list_new(0, NULL);
    for (size_t i = 0; i < a->len; i++) mt_list_append(l, get_item(a, i));
    return l;
}
static MT_DEFINE_FUN_1(array_tolist_obj, array_tolist);

static mt_obj_t array_make_new(const mt_type_t *type, size_t n, size_t n_kw, const mt_obj_t *args) {
    mt_arg_check_num(n, n_kw, 1, 2, false);
    size_t len;
    const char *code = mt_obj_is_str(args[0]) ? mt_str_data(args[0], &len) : NULL;
    if (code == NULL)
        mt_raise_type_error("array() argument 1 must be a unicode character, not int");
    if (len != 1 || code_size(code[0]) == 0)
        mt_raise_value_error("bad typecode (must be b, B, h, H, i, I, l, L, q, Q, f or d)");
    array_t *a = array_new(code[0], 0);
    if (n == 2) {
        mt_buffer_info_t b;
        if (!mt_obj_is_str(args[1]) && !MT_IS_TYPE(args[1], &array_type) &&
            mt_get_buffer(args[1], &b, MT_BUFFER_READ)) {
            if (b.len % a->itemsize)
                mt_raise_value_error("bytes length not a multiple of item size");
            array_grow(a, b.len / a->itemsize);
            memcpy(a->data, b.buf, b.len);
            a->len = b.len / a->itemsize;
        } else {
            if (mt_obj_is_str(args[1]))
                mt_raise_type_error("cannot use a str to initialize an array with typecode 'i'");
            array_extend(MT_OBJ_FROM_PTR(a), args[1]);
        }
    }
    return MT_OBJ_FROM_PTR(a);
}

static void array_print(const mt_print_t *p, mt_obj_t self, mt_print_kind_t kind) {
    array_t *a = MT_OBJ_TO_PTR(self);
    mt_printf(p, "array('%c'", a->code);
    if (a->len) {
        mt_print_str(p, ", [");
        for (size_t i = 0; i < a->len; i++) mt_printf(p, "%s%R", i ? ", " : "", get_item(a, i));
        mt_print_str(p, "]");
    }
    mt_print_str(p, ")");
}

static mt_obj_t array_unary(mt_unop_t op, mt_obj_t self) {
    array_t *a = MT_OBJ_TO_PTR(self);
    if (op == MT_UNOP_LEN) return MT_NEW_SMALL_INT(a->len);
    if (op == MT_UNOP_BOOL) return MT_BOOL(a->len != 0);
    return MT_NULL;
}

static bool array_equal(array_t *a, mt_obj_t other) {
    if (!MT_IS_TYPE(other, &array_type)) return false;
    array_t *b = MT_OBJ_TO_PTR(other);
    if (a->len != b->len) return false;
    for (size_t i = 0; i < a->len; i++)
        if (!mt_equal(get_item(a, i), get_item(b, i))) return false;
    return true;
}

static mt_obj_t array_binary(mt_binop_t op, mt_obj_t self, mt_obj_t rhs) {
    array_t *a = MT_OBJ_TO_PTR(self);
    switch (op) {
    case MT_BINOP_EQ: return MT_BOOL(array_equal(a, rhs));
    case MT_BINOP_NE: return MT_BOOL(!array_equal(a, rhs));
    case MT_BINOP_CONTAINS:
        for (size_t i = 0; i < a->len; i++)
            if (mt_equal(get_item(a, i), rhs)) return MT_TRUE;
        return MT_FALSE;
    case MT_BINOP_ADD: {
        if (!MT_IS_TYPE(rhs, &array_type)) return MT_NULL;
        array_t *r = array_new(a->code, 0);
        array_extend(MT_OBJ_FROM_PTR(r), self);
        array_extend(MT_OBJ_FROM_PTR(r), rhs);
        return MT_OBJ_FROM_PTR(r);
    }
    case MT_BINOP_INPLACE_ADD:
        if (!MT_IS_TYPE(rhs, &array_type)) return MT_NULL;
        array_extend(self, rhs);
        return self;
    default: return MT_NULL;
    }
}

static mt_obj_t array_subscr(mt_obj_t self, mt_obj_t index, mt_obj_t value) {
    array_t *a = MT_OBJ_TO_PTR(self);
    if (MT_IS_TYPE(index, &mt_type_slice)) {
        mt_int_t start, stop, step;
        mt_slice_indices(index, (mt_int_t)a->len, &start, &stop, &step);
        size_t n = 0;
        for (mt_int_t i = start; step > 0 ? i < stop : i > stop; i += step) n++;
        if (value == MT_SENTINEL) {
            array_t *r = array_new(a->code, n);
            size_t k = 0;
            for (mt_int_t i = start; k < n; i += step, k++)
                memcpy(r->data + k * a->itemsize, a->data + (size_t)i * a->itemsize, a->itemsize);
            return MT_OBJ_FROM_PTR(r);
        }
        if (value == MT_NULL || !MT_IS_TYPE(value, &array_type)) return MT_NULL;
        array_t *src = MT_OBJ_TO_PTR(value);
        if (src->len != n || src->code != a->code)
            mt_raise_value_error("slice assignment needs an array of the same kind and length");
        size_t k = 0;
        for (mt_int_t i = start; k < n; i += step, k++)
            memcpy(a->data + (size_t)i * a->itemsize, src->data + k * a->itemsize, a->itemsize);
        return MT_NONE;
    }
    if (value == MT_NULL) return MT_NULL;
    size_t i = mt_get_index(&array_type, a->len, index, false);
    if (value == MT_SENTINEL) return get_item(a, i);
    set_item(a, i, value);
    return MT_NONE;
}

/* iteration over a snapshot would copy: iterate by index instead */
typedef struct {
    mt_obj_base_t base;
    mt_obj_t array;
    size_t i;
} array_it_t;

static mt_obj_t array_it_next(mt_obj_t self) {
    array_it_t *it = MT_OBJ_TO_PTR(self);
    array_t *a = MT_OBJ_TO_PTR(it->array);
    return it->i < a->len ? get_item(a, it->i++) : MT_NULL;
}
static mt_obj_t array_it_iter(mt_obj_t self, mt_iter_buf_t *buf) {
    return self;
}
static const mt_type_t array_it_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_iterator,
    .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .getiter = array_it_iter,
    .iternext = array_it_next,
};

static mt_obj_t array_getiter(mt_obj_t self, mt_iter_buf_t *buf) {
    array_it_t *it = mt_new_obj(array_it_t);
    it->base.type = &array_it_type;
    it->array = self;
    return MT_OBJ_FROM_PTR(it);
}

static bool array_buffer(mt_obj_t self, mt_buffer_info_t *info, int flags) {
    array_t *a = MT_OBJ_TO_PTR(self);
    info->buf = a->data;
    info->len = a->len * a->itemsize;
    info->typecode = a->code;
    return true;
}

static void array_attr(mt_obj_t self, mt_qstr_t attr, mt_obj_t *dest) {
    array_t *a = MT_OBJ_TO_PTR(self);
    if (dest[0] != MT_NULL) return;
    if (attr == MT_QSTR_typecode)
        dest[0] = MT_NEW_QSTR(mt_qstr_from_strn(&a->code, 1));
    else if (attr == MT_QSTR_itemsize)
        dest[0] = MT_NEW_SMALL_INT(a->itemsize);
}

static const mt_map_elem_t array_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_append), MT_ROM_PTR(&array_append_obj)},
    {MT_ROM_QSTR(MT_QSTR_extend), MT_ROM_PTR(&array_extend_obj)},
    {MT_ROM_QSTR(MT_QSTR_tobytes), MT_ROM_PTR(&array_tobytes_obj)},
    {MT_ROM_QSTR(MT_QSTR_tolist), MT_ROM_PTR(&array_tolist_obj)},
};
static MT_DEFINE_CONST_MAP(array_locals, array_locals_table);

static const mt_type_t array_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_array,
    .flags = MT_TYPE_FLAG_UNHASHABLE,
    .print = array_print,
    .make_new = array_make_new,
    .unary_op = array_unary,
    .binary_op = array_binary,
    .attr = array_attr,
    .subscr = array_subscr,
    .getiter = array_getiter,
    .buffer = array_buffer,
    .locals = &array_locals,
};

static const mt_map_elem_t array_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_array)},
    {MT_ROM_QSTR(MT_QSTR_array), MT_ROM_PTR(&array_type)},
};
MT_DEFINE_MODULE(mt_module_array, array_table);
