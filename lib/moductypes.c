/* uctypes: access to binary data laid out as C structs, as MicroPython documents.
 *
 * A descriptor is a dict of field name -> spec:
 *   scalar      TYPE | offset                       e.g. uctypes.UINT16 | 4
 *   bitfield    BFTYPE | offset | pos << BF_POS | len << BF_LEN
 *   nested      (offset, {descriptor})
 *   array       (ARRAY | offset, TYPE | count)  or  (ARRAY | offset, count, {descriptor})
 *   pointer     (PTR | offset, TYPE)  or  (PTR | offset, {descriptor})
 * The scalar word packs: offset in bits 0..15, bit position 16..20, bit length 21..25,
 * value type 26..29; aggregate words carry the kind (PTR, ARRAY) in bits 28..29. Every
 * constant stays below 2**30: a small int on the chip too.
 *
 * uctypes.struct(addr, descriptor, layout) views memory at addr; a struct over a bytearray
 * (addressof) keeps that object alive. Reads and writes go straight to memory: as in
 * MicroPython, wrong addresses are the user's responsibility on the chip. */
#include "obj.h"

#define OFFSET_MASK 0xffff
#define BF_POS      16
#define BF_LEN      21
#define TYPE_SHIFT  26
#define AGG_SHIFT   28

enum {
    T_UINT8,
    T_INT8,
    T_UINT16,
    T_INT16,
    T_UINT32,
    T_INT32,
    T_UINT64,
    T_INT64,
    T_BFUINT8,
    T_BFINT8,
    T_BFUINT16,
    T_BFINT16,
    T_BFUINT32,
    T_BFINT32,
    T_FLOAT32,
    T_FLOAT64
};
enum { AGG_STRUCT = 0, AGG_PTR = 2, AGG_ARRAY = 3 };
enum { LAYOUT_NATIVE = 0, LAYOUT_LITTLE = 1, LAYOUT_BIG = 2 };

typedef struct {
    mt_obj_base_t base;
    mt_obj_t desc; /* dict, or a (ARRAY|off, ...) tuple for arrays */
    uint8_t *addr;
    mt_obj_t owner; /* keeps a bytearray alive */
    int layout;
} uct_t;

static const mt_type_t uct_type;

static size_t scalar_size(int t) {
    static const uint8_t sizes[16] = {1, 1, 2, 2, 4, 4, 8, 8, 1, 1, 2, 2, 4, 4, 4, 8};
    return sizes[t & 15];
}

static size_t desc_size(mt_obj_t desc, size_t *align);

/* size and alignment of one field spec */
static size_t field_size(mt_obj_t spec, size_t *align) {
    if (mt_obj_is_int(spec)) {
        mt_uint_t v = (mt_uint_t)mt_obj_get_ll(spec);
        size_t s = scalar_size((int)(v >> TYPE_SHIFT) & 15);
        *align = s;
        return (v & OFFSET_MASK) + s;
    }
    size_t n;
    mt_obj_t *items;
    mt_tuple_get(spec, &n, &items);
    mt_uint_t w = (mt_uint_t)mt_obj_get_ll(items[0]);
    size_t off = w & OFFSET_MASK;
    int agg = (int)(w >> AGG_SHIFT) & 3;
    if (n == 2 && !mt_obj_is_int(items[1]) && agg == AGG_STRUCT)
        return off + desc_size(items[1], align);
    if (agg == AGG_PTR) {
        *align = sizeof(void *);
        return off + sizeof(void *);
    }
    if (agg == AGG_ARRAY && n == 2) { /* of scalars: TYPE | count */
        mt_uint_t t = (mt_uint_t)mt_obj_get_ll(items[1]);
        size_t s = scalar_size((int)(t >> TYPE_SHIFT) & 15);
        *align = s;
        return off + s * (t & OFFSET_MASK);
    }
    if (agg == AGG_ARRAY && n == 3) { /* of structs */
        size_t s = desc_size(items[2], align);
        return off + s * (size_t)mt_obj_get_int(items[1]);
    }
    mt_raise_type_error("bad uctypes descriptor");
}

static size_t desc_size(mt_obj_t desc, size_t *align) {
    mt_map_t *map = mt_dict_map(desc);
    size_t size = 0, max_align = 1;
    for (size_t i = 0; i < map->used; i++) {
        if (!MT_MAP_SLOT_IS_FILLED(map, i)) continue;
        size_t a = 1, end = field_size(map->elems[i].value, &a);
        if (end > size) size = end;
        if (a > max_align) max_align = a;
    }
    *align = max_align;
    return (size + max_align - 1) / max_align * max_align;
}

static bool little(int layout) {
    const uint16_t one = 1;
    return layout == LAYOUT_LITTLE || (layout == LAYOUT_NATIVE && *(const uint8_t *)&one);
}

static uint64_t load(const uint8_t *p, size_t n, bool le) {
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) v |= (uint64_t)p[le ? i : n - 1 - i] << (8 * i);
    return v;
}

static void store(uint8_t *p, size_t n, bool le, uint64_t v) {
    for (size_t i = 0; i < n; i++) p[le ? i : n - 1 - i] = (uint8_t)(v >> (8 * i));
}

static mt_obj_t get_scalar(uint8_t *p, int t, bool le, unsigned pos, unsigned len) {
    size_t sz = scalar_size(t);
    uint64_t v = load(p, sz, le);
    if (t == T_FLOAT32) {
        uint32_t u = (uint32_t)v;
        float f;
        memcpy(&f, &u, 4);
        return mt_float_new((mt_float_t)f);
    }
    if (t == T_FLOAT64) {
        double d;
        memcpy(&d, &v, 8);
        return mt_float_new((mt_float_t)d);
    }
    if (t >= T_BFUINT8) {
        v = (v >> pos) & ((len < 64 ? (1ull << len) : 0) - 1);
        if ((t & 1) && len && (v >> (len - 1)) & 1) v |= ~0ull << len;
        sz = 8;
    }
    if (t & 1 && sz < 8 && (v >> (8 * sz - 1)) & 1) v |= ~0ull << (8 * sz);
    return (t & 1) ? mt_int_from_ll((long long)v) : mt_int_from_ull(v);
}

static void set_scalar(uint8_t *p, int t, bool le, unsigned pos, unsigned len, mt_obj_t val) {
    size_t sz = scalar_size(t);
    uint64_t v;
    if (t == T_FLOAT32) {
        float f = (float)mt_obj_get_float(val);
        uint32_t u;
        memcpy(&u, &f, 4);
        v = u;
    } else if (t == T_FLOAT64) {
        double d = (double)mt_obj_get_float(val);
        memcpy(&v, &d, 8);
    } else {
        v = (uint64_t)mt_obj_get_ll(mt_binary_op(MT_BINOP_AND, val, mt_int_from_ull(~0ull >> 1)));
        if (mt_is_true(mt_binary_op(MT_BINOP_LT, val, MT_NEW_SMALL_INT(0))))
            v = (uint64_t)mt_obj_get_ll(val);
    }
    if (t >= T_BFUINT8 && t <= T_BFINT32) {
        uint64_t mask = ((len < 64 ? (1ull << len) : 0) - 1) << pos;
        v = (load(p, sz, le) & ~mask) | ((v << pos) & mask);
    }
    store(p, sz, le, v);
}

static mt_obj_t make_struct(mt_obj_t desc, uint8_t *addr, mt_obj_t owner, int layout) {
    uct_t *s = mt_new_obj(uct_t);
    s->base.type = &uct_type;
    s->desc = desc;
    s->addr = addr;
    s->owner = owner;
    s->layout = layout;
    return MT_OBJ_FROM_PTR(s);
}

/* the value of field spec at base address */
static mt_obj_t field_get(uct_t *s, mt_obj_t spec) {
    bool le = little(s->layout);
    if (mt_obj_is_int(spec)) {
        mt_uint_t v = (mt_uint_t)mt_obj_get_ll(spec);
        return get_scalar(s->addr + (v & OFFSET_MASK), (int)(v >> TYPE_SHIFT) & 15, le,
                          (v >> BF_POS) & 31, (v >> BF_LEN) & 31);
    }
    size_t n;
    mt_obj_t *items;
    mt_tuple_get(spec, &n, &items);
    mt_uint_t w = (mt_uint_t)mt_obj_get_ll(items[0]);
    uint8_t *p = s->addr + (w & OFFSET_MASK);
    int agg = (int)(w >> AGG_SHIFT) & 3;
    if (agg == AGG_STRUCT) return make_struct(items[1], p, s->owner, s->layout);
    if (agg == AGG_ARRAY) return make_struct(spec, p - (w & OFFSET_MASK), s->owner, s->layout);
    uintptr_t target;
    memcpy(&target, p, sizeof target);
    if (mt_obj_is_int(items[1])) { /* pointer to scalars: index with [] */
        mt_obj_t arr[2] = {mt_int_from_ull((mt_uint_t)AGG_ARRAY << AGG_SHIFT),
                           mt_binary_op(MT_BINOP_OR, items[1], MT_NEW_SMALL_INT(OFFSET_MASK))};
        return make_struct(mt_tuple_new(2, arr), (uint8_t *)target, MT_NULL, s->layout);
    }
    return make_struct(items[1], (uint8_t *)target, MT_NULL, s->layout);
}

static mt_obj_t field_spec(uct_t *s, mt_qstr_t attr) {
    if (!MT_IS_TYPE(s->desc, &mt_type_dict) && !mt_isinstance(s->desc, &mt_type_dict))
        return MT_NULL;
    return mt_dict_get(s->desc, MT_NEW_QSTR(attr));
}

static void uct_attr(mt_obj_t self, mt_qstr_t attr, mt_obj_t *dest) {
    uct_t *s = MT_OBJ_TO_PTR(self);
    mt_obj_t spec = field_spec(s, attr);
    if (spec == MT_NULL) return;
    if (dest[0] == MT_NULL) {
        dest[0] = field_get(s, spec);
        return;
    }
    if (dest[0] == MT_SENTINEL && dest[1] != MT_NULL && mt_obj_is_int(spec)) {
        mt_uint_t v = (mt_uint_t)mt_obj_get_ll(spec);
        set_scalar(s->addr + (v & OFFSET_MASK), (int)(v >> TYPE_SHIFT) & 15, little(s->layout),
                   (v >> BF_POS) & 31, (v >> BF_LEN) & 31, dest[1]);
        dest[0] = MT_NULL;
    }
}

/* arrays: s->desc is (ARRAY|off, TYPE|count) or (ARRAY|off, count, {struct}) */
static mt_obj_t uct_subscr(mt_obj_t self, mt_obj_t index, mt_obj_t value) {
    uct_t *s = MT_OBJ_TO_PTR(self);
    if (!MT_IS_TYPE(s->desc, &mt_type_tuple) || value == MT_NULL) return MT_NULL;
    size_t n;
    mt_obj_t *items;
    mt_tuple_get(s->desc, &n, &items);
    size_t off = (mt_uint_t)mt_obj_get_ll(items[0]) & OFFSET_MASK;
    bool scalars = n == 2;
    mt_uint_t w1 = (mt_uint_t)mt_obj_get_ll(items[1]);
    mt_int_t count = (mt_int_t)(scalars ? w1 & OFFSET_MASK : w1);
    mt_int_t i = mt_obj_get_int(index);
    if (i < 0 || i >= count) mt_raise_msg(&mt_type_IndexError, "index out of range");
    if (scalars) {
        int t = (int)(w1 >> TYPE_SHIFT) & 15;
        uint8_t *p = s->addr + off + (size_t)i * scalar_size(t);
        if (value == MT_SENTINEL) return get_scalar(p, t, little(s->layout), 0, 0);
        set_scalar(p, t, little(s->layout), 0, 0, value);
        return MT_NONE;
    }
    size_t align;
    size_t sz = desc_size(items[2], &align);
    if (value != MT_SENTINEL) return MT_NULL;
    return make_struct(items[2], s->addr + off + (size_t)i * sz, s->owner, s->layout);
}

static void uct_print(const mt_print_t *p, mt_obj_t self, mt_print_kind_t kind) {
    uct_t *s = MT_OBJ_TO_PTR(self);
    mt_printf(p, "<struct %s at %p>", MT_IS_TYPE(s->desc, &mt_type_tuple) ? "ARRAY" : "STRUCT",
              s->addr);
}

static bool uct_buffer(mt_obj_t self, mt_buffer_info_t *info, int flags) {
    uct_t *s = MT_OBJ_TO_PTR(self);
    size_t align;
    info->buf = s->addr;
    info->len = MT_IS_TYPE(s->desc, &mt_type_tuple) ? field_size(s->desc, &align)
                                                    : desc_size(s->desc, &align);
    info->typecode = 'B';
    return true;
}

static mt_obj_t uct_make_new(const mt_type_t *type, size_t n, size_t n_kw, const mt_obj_t *args) {
    mt_arg_check_num(n, n_kw, 2, 3, false);
    mt_obj_t owner = MT_NULL;
    uint8_t *addr;
    mt_buffer_info_t b;
    if (mt_obj_is_int(args[0]))
        addr = (uint8_t *)(uintptr_t)mt_obj_get_ll(args[0]);
    else {
        mt_get_buffer_raise(args[0], &b, MT_BUFFER_READ);
        addr = b.buf;
        owner = args[0];
    }
    return make_struct(args[1], addr, owner, n > 2 ? (int)mt_obj_get_int(args[2]) : LAYOUT_NATIVE);
}

static const mt_type_t uct_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_struct,
    .print = uct_print,
    .make_new = uct_make_new,
    .attr = uct_attr,
    .subscr = uct_subscr,
    .buffer = uct_buffer,
};

static mt_obj_t uctypes_sizeof(size_t n, const mt_obj_t *args) {
    size_t align;
    mt_obj_t d = args[0];
    if (MT_IS_TYPE(d, &uct_type)) d = ((uct_t *)MT_OBJ_TO_PTR(d))->desc;
    if (MT_IS_TYPE(d, &mt_type_tuple))
        return MT_NEW_SMALL_INT(
            field_size(d, &align) -
            ((mt_uint_t)mt_obj_get_ll(((mt_tuple_t *)MT_OBJ_TO_PTR(d))->items[0]) & OFFSET_MASK));
    return MT_NEW_SMALL_INT(desc_size(d, &align));
}
static MT_DEFINE_FUN_VAR(uctypes_sizeof_obj, 1, 2, uctypes_sizeof);

static mt_obj_t uctypes_addressof(mt_obj_t o) {
    mt_buffer_info_t b;
    mt_get_buffer_raise(o, &b, MT_BUFFER_READ);
    return mt_int_from_ull((uintptr_t)b.buf);
}
static MT_DEFINE_FUN_1(uctypes_addressof_obj, uctypes_addressof);

static mt_obj_t uctypes_bytes_at(mt_obj_t addr, mt_obj_t size) {
    return mt_bytes_new((const void *)(uintptr_t)mt_obj_get_ll(addr), (size_t)mt_obj_get_int(size));
}
static MT_DEFINE_FUN_2(uctypes_bytes_at_obj, uctypes_bytes_at);

/* a bytearray over existing memory: memoryview semantics without a copy */
static mt_obj_t uctypes_bytearray_at(mt_obj_t addr, mt_obj_t size) {
    mt_bytearray_t *b = mt_new_obj(mt_bytearray_t);
    b->base.type = &mt_type_bytearray;
    b->items = (uint8_t *)(uintptr_t)mt_obj_get_ll(addr);
    b->len = b->alloc = (size_t)mt_obj_get_int(size);
    return MT_OBJ_FROM_PTR(b);
}
static MT_DEFINE_FUN_2(uctypes_bytearray_at_obj, uctypes_bytearray_at);

#define T(x) MT_ROM_INT((mt_int_t)(x) << TYPE_SHIFT)
static const mt_map_elem_t uctypes_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_uctypes)},
    {MT_ROM_QSTR(MT_QSTR_struct), MT_ROM_PTR(&uct_type)},
    {MT_ROM_QSTR(MT_QSTR_sizeof), MT_ROM_PTR(&uctypes_sizeof_obj)},
    {MT_ROM_QSTR(MT_QSTR_addressof), MT_ROM_PTR(&uctypes_addressof_obj)},
    {MT_ROM_QSTR(MT_QSTR_bytes_at), MT_ROM_PTR(&uctypes_bytes_at_obj)},
    {MT_ROM_QSTR(MT_QSTR_bytearray_at), MT_ROM_PTR(&uctypes_bytearray_at_obj)},
    {MT_ROM_QSTR(MT_QSTR_NATIVE), MT_ROM_INT(LAYOUT_NATIVE)},
    {MT_ROM_QSTR(MT_QSTR_LITTLE_ENDIAN), MT_ROM_INT(LAYOUT_LITTLE)},
    {MT_ROM_QSTR(MT_QSTR_BIG_ENDIAN), MT_ROM_INT(LAYOUT_BIG)},
    {MT_ROM_QSTR(MT_QSTR_VOID), T(T_UINT8)},
    {MT_ROM_QSTR(MT_QSTR_UINT8), T(T_UINT8)},
    {MT_ROM_QSTR(MT_QSTR_INT8), T(T_INT8)},
    {MT_ROM_QSTR(MT_QSTR_UINT16), T(T_UINT16)},
    {MT_ROM_QSTR(MT_QSTR_INT16), T(T_INT16)},
    {MT_ROM_QSTR(MT_QSTR_UINT32), T(T_UINT32)},
    {MT_ROM_QSTR(MT_QSTR_INT32), T(T_INT32)},
    {MT_ROM_QSTR(MT_QSTR_UINT64), T(T_UINT64)},
    {MT_ROM_QSTR(MT_QSTR_INT64), T(T_INT64)},
    {MT_ROM_QSTR(MT_QSTR_BFUINT8), T(T_BFUINT8)},
    {MT_ROM_QSTR(MT_QSTR_BFINT8), T(T_BFINT8)},
    {MT_ROM_QSTR(MT_QSTR_BFUINT16), T(T_BFUINT16)},
    {MT_ROM_QSTR(MT_QSTR_BFINT16), T(T_BFINT16)},
    {MT_ROM_QSTR(MT_QSTR_BFUINT32), T(T_BFUINT32)},
    {MT_ROM_QSTR(MT_QSTR_BFINT32), T(T_BFINT32)},
    {MT_ROM_QSTR(MT_QSTR_FLOAT32), T(T_FLOAT32)},
    {MT_ROM_QSTR(MT_QSTR_FLOAT64), T(T_FLOAT64)},
    {MT_ROM_QSTR(MT_QSTR_BF_POS), MT_ROM_INT(BF_POS)},
    {MT_ROM_QSTR(MT_QSTR_BF_LEN), MT_ROM_INT(BF_LEN)},
    {MT_ROM_QSTR(MT_QSTR_PTR), MT_ROM_INT((mt_int_t)AGG_PTR << AGG_SHIFT)},
    {MT_ROM_QSTR(MT_QSTR_ARRAY), MT_ROM_INT((mt_int_t)AGG_ARRAY << AGG_SHIFT)},
};
MT_DEFINE_MODULE(mt_module_uctypes, uctypes_table);
