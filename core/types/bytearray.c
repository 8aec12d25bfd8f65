/* bytearray: a growable, mutable byte string (mt_bytearray_t). The str-like methods are
 * shared with str and bytes (core/types/str.c). */
#include "containers.h"
#include "runtime.h"
#include "str.h"

static uint8_t empty_items[1]; /* items of a bytearray that never had room (alloc 0) */

static mt_bytearray_t *get(mt_obj_t o) {
    return MT_OBJ_TO_PTR(mt_obj_native(o));
}

mt_obj_t mt_bytearray_new(const void *data, size_t len) {
    mt_bytearray_t *b = mt_new_obj(mt_bytearray_t);
    b->base.type = &mt_type_bytearray;
    b->alloc = len;
    b->len = len;
    b->items = len ? mt_alloc(len) : empty_items;
    if (data && len) memcpy(b->items, data, len);
    return MT_OBJ_FROM_PTR(b);
}

mt_obj_t mt_bytearray_new_from_vstr(mt_vstr_t *v) {
    mt_bytearray_t *b = mt_new_obj(mt_bytearray_t);
    b->base.type = &mt_type_bytearray;
    b->alloc = v->alloc;
    b->len = v->len;
    b->items = v->alloc ? (uint8_t *)v->buf : empty_items;
    v->buf = NULL;
    v->len = v->alloc = 0;
    return MT_OBJ_FROM_PTR(b);
}

/* room for n bytes (len unchanged) */
static void reserve(mt_bytearray_t *b, size_t n) {
    if (n <= b->alloc) return;
    size_t a = b->alloc + b->alloc / 2 + 8;
    if (a < n) a = n;
    b->items = b->alloc ? mt_realloc(b->items, a) : mt_alloc(a);
    b->alloc = a;
}

/* open (n > 0) or close (n < 0) a gap at pos */
static void move_tail(mt_bytearray_t *b, size_t pos, long n) {
    if (n > 0) reserve(b, b->len + (size_t)n);
    memmove(b->items + (long)pos + n, b->items + pos, b->len - pos);
    b->len = (size_t)((long)b->len + n);
}

static void append_bytes(mt_bytearray_t *b, const uint8_t *s, size_t n) {
    if (n == 0) return;
    if (s >= b->items && s < b->items + b->alloc) { /* from ourselves: copy first */
        mt_obj_t tmp = mt_bytes_new(s, n);
        size_t len;
        s = (const uint8_t *)mt_str_data(tmp, &len);
        reserve(b, b->len + n);
        memcpy(b->items + b->len, s, n);
    } else {
        reserve(b, b->len + n);
        memcpy(b->items + b->len, s, n);
    }
    b->len += n;
}

/* ---- methods ---------------------------------------------------------------------------- */

static mt_obj_t ba_append(mt_obj_t self, mt_obj_t x) {
    mt_bytearray_t *b = get(self);
    uint8_t v = mt_bytes_byte_value(x);
    reserve(b, b->len + 1);
    b->items[b->len++] = v;
    return MT_NONE;
}
MT_DEFINE_FUN_2(ba_append_obj, ba_append);

static void extend(mt_bytearray_t *b, mt_obj_t src) {
    mt_buffer_info_t info;
    if (mt_get_buffer(src, &info, MT_BUFFER_READ)) {
        append_bytes(b, info.buf, info.len);
        return;
    }
    if (mt_obj_is_str(src)) mt_raise_type_error("expected iterable of integers; got: 'str'");
    if (mt_type_of(src)->getiter == NULL && !MT_IS_INSTANCE(src)) {
        mt_raise_fmt(&mt_type_TypeError, "can't extend bytearray with %q", mt_obj_type_name(src));
    }
    mt_iter_buf_t buf;
    mt_obj_t it = mt_getiter(src, &buf);
    for (mt_obj_t x; (x = mt_iternext(it)) != MT_NULL;) {
        uint8_t v = mt_bytes_byte_value(x);
        reserve(b, b->len + 1);
        b->items[b->len++] = v;
    }
}

static mt_obj_t ba_extend(mt_obj_t self, mt_obj_t src) {
    extend(get(self), src);
    return MT_NONE;
}
MT_DEFINE_FUN_2(ba_extend_obj, ba_extend);

static mt_obj_t ba_pop(size_t n_args, const mt_obj_t *args) {
    mt_bytearray_t *b = get(args[0]);
    mt_int_t i = n_args > 1 ? mt_obj_get_index(args[1]) : -1;
    if (b->len == 0) mt_raise_msg(&mt_type_IndexError, "pop from empty bytearray");
    if (i < 0) i += (mt_int_t)b->len;
    if (i < 0 || (size_t)i >= b->len) mt_raise_msg(&mt_type_IndexError, "pop index out of range");
    uint8_t v = b->items[i];
    move_tail(b, (size_t)i + 1, -1);
    return MT_NEW_SMALL_INT(v);
}
MT_DEFINE_FUN_VAR(ba_pop_obj, 1, 2, ba_pop);

static mt_obj_t ba_insert(mt_obj_t self, mt_obj_t index, mt_obj_t x) {
    mt_bytearray_t *b = get(self);
    mt_int_t i = mt_obj_get_index(index);
    uint8_t v = mt_bytes_byte_value(x);
    if (i < 0) {
        i += (mt_int_t)b->len;
        if (i < 0) i = 0;
    }
    if ((size_t)i > b->len) i = (mt_int_t)b->len;
    move_tail(b, (size_t)i, 1);
    b->items[i] = v;
    return MT_NONE;
}
MT_DEFINE_FUN_3(ba_insert_obj, ba_insert);

static mt_obj_t ba_remove(mt_obj_t self, mt_obj_t x) {
    mt_bytearray_t *b = get(self);
    uint8_t v = mt_bytes_byte_value(x);
    uint8_t *p = b->len ? memchr(b->items, v, b->len) : NULL;
    if (p == NULL) mt_raise_value_error("value not found in bytearray");
    move_tail(b, (size_t)(p - b->items) + 1, -1);
    return MT_NONE;
}
MT_DEFINE_FUN_2(ba_remove_obj, ba_remove);

static mt_obj_t ba_reverse(mt_obj_t self) {
    mt_bytearray_t *b = get(self);
    for (size_t i = 0, j = b->len; i + 1 < j; i++, j--) {
        uint8_t t = b->items[i];
        b->items[i] = b->items[j - 1];
        b->items[j - 1] = t;
    }
    return MT_NONE;
}
MT_DEFINE_FUN_1(ba_reverse_obj, ba_reverse);

static mt_obj_t ba_clear(mt_obj_t self) {
    get(self)->len = 0;
    return MT_NONE;
}
MT_DEFINE_FUN_1(ba_clear_obj, ba_clear);

static mt_obj_t ba_copy(mt_obj_t self) {
    mt_bytearray_t *b = get(self);
    return mt_bytearray_new(b->items, b->len);
}
MT_DEFINE_FUN_1(ba_copy_obj, ba_copy);

static mt_obj_t ba_fromhex(size_t n_args, const mt_obj_t *args) {
    mt_vstr_t v;
    mt_bytes_fromhex_vstr(args[n_args - 1], &v);
    return mt_bytearray_new_from_vstr(&v);
}
MT_DEFINE_FUN_VAR(ba_fromhex_obj, 1, 2, ba_fromhex);

/* ---- slots ------------------------------------------------------------------------------ */

static mt_obj_t ba_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                            const mt_obj_t *args) {
    mt_obj_t a[3];
    mt_bytes_parse_args(n_args, n_kw, args, a, "bytearray");
    if (a[0] == MT_NULL) {
        if (a[1] != MT_NULL || a[2] != MT_NULL) {
            mt_raise_type_error(a[1] != MT_NULL ? "encoding without a string argument"
                                                : "errors without a string argument");
        }
        return mt_bytearray_new(NULL, 0);
    }
    mt_vstr_t v;
    mt_bytes_collect(a[0], a[1], a[2], &v, "bytearray");
    return mt_bytearray_new_from_vstr(&v);
}

static void ba_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_bytearray_t *b = get(o);
    mt_print_str(p, "bytearray(");
    mt_str_print_quoted(p, (const char *)b->items, b->len, 2, false);
    mt_print_str(p, ")");
}

static mt_obj_t ba_unary_op(mt_unop_t op, mt_obj_t o) {
    mt_bytearray_t *b = get(o);
    switch (op) {
    case MT_UNOP_BOOL: return MT_BOOL(b->len != 0);
    case MT_UNOP_LEN: return MT_NEW_SMALL_INT(b->len);
    default: return MT_NULL;
    }
}

static mt_obj_t ba_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    mt_bytearray_t *b = get(lhs);
    mt_buffer_info_t info;
    if (op == MT_BINOP_INPLACE_ADD) {
        if (!mt_get_buffer(rhs, &info, MT_BUFFER_READ)) {
            mt_raise_fmt(&mt_type_TypeError, "can't concat %q to bytearray", mt_obj_type_name(rhs));
        }
        append_bytes(b, info.buf, info.len);
        return lhs;
    }
    if (op == MT_BINOP_INPLACE_MUL && mt_obj_is_int(rhs)) {
        mt_int_t n = mt_obj_get_int(rhs);
        size_t len = b->len;
        if (n <= 0 || len == 0) {
            b->len = 0;
            return lhs;
        }
        if ((uint64_t)len * (uint64_t)n > 0x7ffffff0u) mt_raise_memory_error();
        reserve(b, len * (size_t)n);
        for (mt_int_t i = 1; i < n; i++) memcpy(b->items + len * (size_t)i, b->items, len);
        b->len = len * (size_t)n;
        return lhs;
    }
    return mt_bytes_binary_op(op, lhs, rhs);
}

/* ba[slice] = value (value's bytes in src/n) */
static void store_slice(mt_bytearray_t *b, mt_obj_t slice, const uint8_t *src, size_t n) {
    mt_int_t start, step;
    size_t count = mt_slice_resolve(slice, b->len, &start, &step);
    if (step == 1) {
        mt_obj_t keep = MT_NULL;
        if (src >= b->items && src < b->items + b->alloc) { /* b[x:y] = b */
            keep = mt_bytes_new(src, n);
            size_t len;
            src = (const uint8_t *)mt_str_data(keep, &len);
        }
        move_tail(b, (size_t)start + count, (long)n - (long)count);
        if (n) memcpy(b->items + start, src, n);
        (void)keep;
        return;
    }
    if (n != count) {
        mt_raise_fmt(&mt_type_ValueError,
                     "attempt to assign bytes of size %u to extended slice of size %u", (unsigned)n,
                     (unsigned)count);
    }
    for (size_t i = 0; i < n; i++) b->items[start + (mt_int_t)i * step] = src[i];
}

static void delete_slice(mt_bytearray_t *b, mt_obj_t slice) {
    mt_int_t start, step;
    size_t count = mt_slice_resolve(slice, b->len, &start, &step);
    if (count == 0) return;
    if (step < 0) { /* same items, walked upwards */
        start += (mt_int_t)(count - 1) * step;
        step = -step;
    }
    size_t w = (size_t)start;
    for (size_t r = (size_t)start, k = 0; r < b->len; r++) {
        if (k < count && r == (size_t)start + k * (size_t)step) {
            k++;
            continue;
        }
        b->items[w++] = b->items[r];
    }
    b->len = w;
}

static void slice_assign(mt_bytearray_t *b, mt_obj_t slice, mt_obj_t value) {
    if (value == MT_NULL) {
        delete_slice(b, slice);
        return;
    }
    mt_buffer_info_t info;
    if (mt_get_buffer(value, &info, MT_BUFFER_READ)) {
        store_slice(b, slice, info.buf, info.len);
        return;
    }
    if (mt_obj_is_int(value) || mt_obj_is_str(value)) {
        mt_raise_type_error(
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    }
    mt_vstr_t v;
    mt_bytes_collect(value, MT_NULL, MT_NULL, &v, "bytearray");
    store_slice(b, slice, (const uint8_t *)v.buf, v.len);
}

static mt_obj_t ba_subscr(mt_obj_t o, mt_obj_t index, mt_obj_t value) {
    mt_bytearray_t *b = get(o);
    if (MT_IS_TYPE(index, &mt_type_slice)) {
        if (value == MT_SENTINEL) return mt_bytes_slice(MT_OBJ_FROM_PTR(b), index);
        slice_assign(b, index, value);
        return MT_NONE;
    }
    mt_int_t i = mt_str_index_value(index, "bytearray");
    if (i < 0) i += (mt_int_t)b->len;
    if (i < 0 || (size_t)i >= b->len) {
        mt_raise_msg(&mt_type_IndexError, value == MT_NULL ? "bytearray index out of range"
                                                           : "bytearray index out of range");
    }
    if (value == MT_SENTINEL) return MT_NEW_SMALL_INT(b->items[i]);
    if (value == MT_NULL) {
        move_tail(b, (size_t)i + 1, -1);
    } else {
        if (!mt_obj_is_int(value) && !MT_IS_INSTANCE(value)) {
            mt_raise_fmt(&mt_type_TypeError, "'%q' object cannot be interpreted as an integer",
                         mt_obj_type_name(value));
        }
        mt_int_t v = mt_obj_get_index(value);
        if (v < 0 || v > 255) mt_raise_value_error("byte must be in range(0, 256)");
        b->items[i] = (uint8_t)v;
    }
    return MT_NONE;
}

/* the iterator re-reads the length: the bytearray may change while iterated */
typedef struct {
    mt_obj_base_t base;
    mt_bytearray_t *b;
    size_t i;
} ba_it_t;

static mt_obj_t ba_it_next(mt_obj_t self) {
    ba_it_t *it = MT_OBJ_TO_PTR(self);
    if (it->i >= it->b->len) return MT_NULL;
    return MT_NEW_SMALL_INT(it->b->items[it->i++]);
}

static const mt_type_t ba_iterator_type = {
    {&mt_type_type},
    .name = MT_QSTR_bytearray_iterator,
    .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .getiter = mt_iter_self,
    .iternext = ba_it_next,
};

static mt_obj_t ba_getiter(mt_obj_t o, mt_iter_buf_t *buf) {
    ba_it_t *it = buf ? (ba_it_t *)buf : mt_new_obj(ba_it_t);
    it->base.type = &ba_iterator_type;
    it->b = get(o);
    it->i = 0;
    return MT_OBJ_FROM_PTR(it);
}

static bool ba_buffer(mt_obj_t o, mt_buffer_info_t *info, int flags) {
    mt_bytearray_t *b = get(o);
    info->buf = b->items;
    info->len = b->len;
    info->typecode = 'B';
    return true;
}

/* sorted by name (binary search) */
static const mt_map_elem_t ba_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_append), MT_ROM_PTR(&ba_append_obj)},
    {MT_ROM_QSTR(MT_QSTR_capitalize), MT_ROM_PTR(&mt_str_capitalize_obj)},
    {MT_ROM_QSTR(MT_QSTR_center), MT_ROM_PTR(&mt_str_center_obj)},
    {MT_ROM_QSTR(MT_QSTR_clear), MT_ROM_PTR(&ba_clear_obj)},
    {MT_ROM_QSTR(MT_QSTR_copy), MT_ROM_PTR(&ba_copy_obj)},
    {MT_ROM_QSTR(MT_QSTR_count), MT_ROM_PTR(&mt_str_count_obj)},
    {MT_ROM_QSTR(MT_QSTR_decode), MT_ROM_PTR(&mt_bytes_decode_obj)},
    {MT_ROM_QSTR(MT_QSTR_endswith), MT_ROM_PTR(&mt_str_endswith_obj)},
    {MT_ROM_QSTR(MT_QSTR_expandtabs), MT_ROM_PTR(&mt_str_expandtabs_obj)},
    {MT_ROM_QSTR(MT_QSTR_extend), MT_ROM_PTR(&ba_extend_obj)},
    {MT_ROM_QSTR(MT_QSTR_find), MT_ROM_PTR(&mt_str_find_obj)},
    {MT_ROM_QSTR(MT_QSTR_fromhex), MT_ROM_PTR(&ba_fromhex_obj)},
    {MT_ROM_QSTR(MT_QSTR_hex), MT_ROM_PTR(&mt_bytes_hex_obj)},
    {MT_ROM_QSTR(MT_QSTR_index), MT_ROM_PTR(&mt_str_index_obj)},
    {MT_ROM_QSTR(MT_QSTR_insert), MT_ROM_PTR(&ba_insert_obj)},
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
    {MT_ROM_QSTR(MT_QSTR_pop), MT_ROM_PTR(&ba_pop_obj)},
    {MT_ROM_QSTR(MT_QSTR_remove), MT_ROM_PTR(&ba_remove_obj)},
    {MT_ROM_QSTR(MT_QSTR_removeprefix), MT_ROM_PTR(&mt_str_removeprefix_obj)},
    {MT_ROM_QSTR(MT_QSTR_removesuffix), MT_ROM_PTR(&mt_str_removesuffix_obj)},
    {MT_ROM_QSTR(MT_QSTR_replace), MT_ROM_PTR(&mt_str_replace_obj)},
    {MT_ROM_QSTR(MT_QSTR_reverse), MT_ROM_PTR(&ba_reverse_obj)},
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
static MT_DEFINE_SORTED_MAP(ba_locals, ba_locals_table);

const mt_type_t mt_type_bytearray = {
    {&mt_type_type},
    .name = MT_QSTR_bytearray,
    .flags = MT_TYPE_FLAG_BASETYPE | MT_TYPE_FLAG_UNHASHABLE,
    .print = ba_print,
    .make_new = ba_make_new,
    .unary_op = ba_unary_op,
    .binary_op = ba_binary_op,
    .subscr = ba_subscr,
    .getiter = ba_getiter,
    .buffer = ba_buffer,
    .locals = &ba_locals,
};
