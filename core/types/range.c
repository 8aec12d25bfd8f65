/* range: a lazy arithmetic sequence; its iterator never allocates when the caller gives an
 * mt_iter_buf_t (so `for i in range(n)` costs no heap). */
#include "containers.h"
#include "runtime.h"
#include "types/num.h"

mt_obj_t mt_range_new(mt_int_t start, mt_int_t stop, mt_int_t step) {
    mt_range_t *r = mt_new_obj(mt_range_t);
    r->base.type = &mt_type_range;
    r->start = start;
    r->stop = stop;
    r->step = step;
    return MT_OBJ_FROM_PTR(r);
}

mt_uint_t mt_range_len(const mt_range_t *r) {
    if (r->step > 0) {
        if (r->start >= r->stop) return 0;
        return ((mt_uint_t)r->stop - (mt_uint_t)r->start - 1) / (mt_uint_t)r->step + 1;
    }
    if (r->start <= r->stop) return 0;
    return ((mt_uint_t)r->start - (mt_uint_t)r->stop - 1) / (0 - (mt_uint_t)r->step) + 1;
}

/* r[i] for 0 <= i < len: fits mt_int_t since it lies between start and stop */
static mt_int_t range_at(const mt_range_t *r, mt_uint_t i) {
    return (mt_int_t)((mt_uint_t)r->start + i * (mt_uint_t)r->step);
}

static mt_obj_t int_obj(mt_int_t v) {
    return MT_SMALL_INT_FITS(v) ? MT_NEW_SMALL_INT(v) : mt_int_from_ll(v);
}

static mt_range_t *get_range(mt_obj_t o) {
    return MT_OBJ_TO_PTR(o);
}

static mt_int_t arg_int(mt_obj_t o) {
    return MT_IS_SMALL_INT(o) ? MT_SMALL_INT_VALUE(o) : mt_obj_get_index(o);
}

static mt_obj_t range_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                               const mt_obj_t *args) {
    if (n_kw) mt_raise_type_error("range() takes no keyword arguments");
    if (n_args == 0 || n_args > 3)
        mt_raise_fmt(&mt_type_TypeError,
                     n_args ? "range expected at most 3 arguments, got %u"
                            : "range expected at least 1 argument, got %u",
                     (unsigned)n_args);
    mt_int_t start = 0, stop, step = 1;
    if (n_args == 1) {
        stop = arg_int(args[0]);
    } else {
        start = arg_int(args[0]);
        stop = arg_int(args[1]);
        if (n_args == 3) step = arg_int(args[2]);
    }
    if (step == 0) mt_raise_value_error("range() arg 3 must not be zero");
    if (step == INTPTR_MIN) mt_raise_msg(&mt_type_OverflowError, "range() step too large");
    return mt_range_new(start, stop, step);
}

static void range_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_range_t *r = get_range(o);
    if (r->step == 1)
        mt_printf(p, "range(%R, %R)", int_obj(r->start), int_obj(r->stop));
    else
        mt_printf(p, "range(%R, %R, %R)", int_obj(r->start), int_obj(r->stop), int_obj(r->step));
}

/* the position of int x in r, or -1 */
static mt_int_t int_position(const mt_range_t *r, mt_obj_t x) {
    mt_int_t v;
    if (MT_IS_SMALL_INT(x))
        v = MT_SMALL_INT_VALUE(x);
    else if (!mt_obj_get_int_maybe(x, &v))
        return -1;
    mt_uint_t len = mt_range_len(r), off;
    if (len == 0) return -1;
    if (r->step > 0) {
        if (v < r->start || v >= r->stop) return -1;
        off = (mt_uint_t)v - (mt_uint_t)r->start;
        if (off % (mt_uint_t)r->step) return -1;
        return (mt_int_t)(off / (mt_uint_t)r->step);
    }
    if (v > r->start || v <= r->stop) return -1;
    off = (mt_uint_t)r->start - (mt_uint_t)v;
    if (off % (0 - (mt_uint_t)r->step)) return -1;
    return (mt_int_t)(off / (0 - (mt_uint_t)r->step));
}

/* ints take the O(1) path; anything else (1.0, a user object) compares item by item */
static bool is_exact_int(mt_obj_t x) {
    return MT_IS_SMALL_INT(x) || x == MT_TRUE || x == MT_FALSE || MT_IS_TYPE(x, &mt_type_int);
}

static mt_int_t range_find(const mt_range_t *r, mt_obj_t x) {
    if (is_exact_int(x)) return int_position(r, x);
    mt_uint_t len = mt_range_len(r);
    for (mt_uint_t i = 0; i < len; i++)
        if (mt_equal(int_obj(range_at(r, i)), x)) return (mt_int_t)i;
    return -1;
}

static mt_obj_t range_len_obj(const mt_range_t *r) {
    mt_uint_t len = mt_range_len(r);
    if (len > (mt_uint_t)INTPTR_MAX)
        mt_raise_msg(&mt_type_OverflowError, "Python int too large to convert to C ssize_t");
    return int_obj((mt_int_t)len);
}

static mt_obj_t range_hash(const mt_range_t *r) {
    mt_uint_t len = mt_range_len(r);
    mt_obj_t t[3] = {int_obj((mt_int_t)len), MT_NONE, MT_NONE};
    if (len > 0) t[1] = int_obj(r->start);
    if (len > 1) t[2] = int_obj(r->step);
    return MT_NEW_SMALL_INT(mt_hash(mt_tuple_new(3, t)));
}

static mt_obj_t range_unary_op(mt_unop_t op, mt_obj_t o) {
    mt_range_t *r = get_range(o);
    switch (op) {
    case MT_UNOP_BOOL: return MT_BOOL(mt_range_len(r) != 0);
    case MT_UNOP_LEN: return range_len_obj(r);
    case MT_UNOP_HASH: return range_hash(r);
    default: return MT_NULL;
    }
}

static bool range_equal(const mt_range_t *a, const mt_range_t *b) {
    mt_uint_t len = mt_range_len(a);
    if (len != mt_range_len(b)) return false;
    if (len == 0) return true;
    if (a->start != b->start) return false;
    return len == 1 || a->step == b->step;
}

static mt_obj_t range_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    mt_range_t *r = get_range(lhs);
    if (op == MT_BINOP_CONTAINS) return MT_BOOL(range_find(r, rhs) >= 0);
    if ((op == MT_BINOP_EQ || op == MT_BINOP_NE) && MT_IS_TYPE(rhs, &mt_type_range))
        return MT_BOOL(range_equal(r, get_range(rhs)) == (op == MT_BINOP_EQ));
    return MT_NULL;
}

static mt_int_t mul_checked(mt_int_t a, mt_int_t b) {
    mt_int_t r;
    if (__builtin_mul_overflow(a, b, &r)) mt_raise_msg(&mt_type_OverflowError, "range too large");
    return r;
}

static mt_obj_t range_subscr(mt_obj_t o, mt_obj_t index, mt_obj_t value) {
    if (value != MT_SENTINEL) return MT_NULL;
    mt_range_t *r = get_range(o);
    mt_uint_t len = mt_range_len(r);
    if (len > (mt_uint_t)INTPTR_MAX)
        mt_raise_msg(&mt_type_OverflowError, "Python int too large to convert to C ssize_t");
    if (MT_IS_TYPE(index, &mt_type_slice)) {
        mt_int_t start, stop, step;
        mt_slice_indices(index, (mt_int_t)len, &start, &stop, &step);
        mt_int_t nstart = (mt_int_t)((mt_uint_t)r->start + (mt_uint_t)mul_checked(start, r->step));
        mt_int_t nstop = (mt_int_t)((mt_uint_t)r->start + (mt_uint_t)mul_checked(stop, r->step));
        return mt_range_new(nstart, nstop, mul_checked(step, r->step));
    }
    if (MT_IS_SMALL_INT(index)) {
        mt_int_t i = MT_SMALL_INT_VALUE(index);
        if (i < 0) i += (mt_int_t)len;
        if (i < 0 || (mt_uint_t)i >= len)
            mt_raise_msg(&mt_type_IndexError, "range object index out of range");
        return int_obj(range_at(r, (mt_uint_t)i));
    }
    if (mt_obj_is_int(index) && mt_int_is_big(index))
        mt_raise_msg(&mt_type_IndexError, "range object index out of range");
    return int_obj(range_at(r, mt_seq_get_index(&mt_type_range, (size_t)len, index)));
}

/* ---- the iterator: counts down the items left, so it never overflows ---------------------- */
typedef struct {
    mt_obj_base_t base;
    mt_uint_t cur, left, step;
} range_iter_t;

static mt_obj_t range_iter_next(mt_obj_t o) {
    range_iter_t *it = MT_OBJ_TO_PTR(o);
    if (it->left == 0) return MT_NULL;
    it->left--;
    mt_int_t v = (mt_int_t)it->cur;
    it->cur += it->step;
    return MT_SMALL_INT_FITS(v) ? MT_NEW_SMALL_INT(v) : mt_int_from_ll(v);
}

static const mt_type_t range_iter_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_range_iterator,
    .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .getiter = mt_iter_self,
    .iternext = range_iter_next,
};

static mt_obj_t range_iter(const mt_range_t *r, mt_iter_buf_t *buf, bool reversed) {
    range_iter_t *it = buf ? (range_iter_t *)buf : mt_new_obj(range_iter_t);
    it->base.type = &range_iter_type;
    it->left = mt_range_len(r);
    it->step = (mt_uint_t)r->step;
    it->cur = (mt_uint_t)r->start;
    if (reversed && it->left) {
        it->cur = (mt_uint_t)range_at(r, it->left - 1);
        it->step = 0 - it->step;
    }
    return MT_OBJ_FROM_PTR(it);
}

static mt_obj_t range_getiter(mt_obj_t o, mt_iter_buf_t *buf) {
    return range_iter(get_range(o), buf, false);
}

mt_obj_t mt_range_reversed(mt_obj_t o) {
    return range_iter(get_range(o), NULL, true);
}

/* ---- methods and attributes --------------------------------------------------------------- */

static mt_obj_t range_count(mt_obj_t self, mt_obj_t x) {
    mt_range_t *r = get_range(self);
    if (is_exact_int(x)) return MT_NEW_SMALL_INT(int_position(r, x) >= 0);
    mt_uint_t len = mt_range_len(r), n = 0;
    for (mt_uint_t i = 0; i < len; i++) n += mt_equal(int_obj(range_at(r, i)), x);
    return int_obj((mt_int_t)n);
}
static MT_DEFINE_FUN_2(range_count_obj, range_count);

static mt_obj_t range_index(mt_obj_t self, mt_obj_t x) {
    mt_int_t i = range_find(get_range(self), x);
    if (i < 0) mt_raise_fmt(&mt_type_ValueError, "%R is not in range", x);
    return int_obj(i);
}
static MT_DEFINE_FUN_2(range_index_obj, range_index);

static const mt_map_elem_t range_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_count), MT_ROM_PTR(&range_count_obj)},
    {MT_ROM_QSTR(MT_QSTR_index), MT_ROM_PTR(&range_index_obj)},
};
static MT_DEFINE_CONST_MAP(range_locals, range_locals_table);

static void range_attr(mt_obj_t o, mt_qstr_t attr, mt_obj_t *dest) {
    if (dest[0] != MT_NULL) return;
    mt_range_t *r = get_range(o);
    if (attr == MT_QSTR_start)
        dest[0] = int_obj(r->start);
    else if (attr == MT_QSTR_stop)
        dest[0] = int_obj(r->stop);
    else if (attr == MT_QSTR_step)
        dest[0] = int_obj(r->step);
    else {
        mt_map_elem_t *e = mt_map_lookup_qstr(&range_locals, attr);
        if (e) {
            dest[0] = e->value;
            dest[1] = o;
        }
    }
}

const mt_type_t mt_type_range = {
    .base = {&mt_type_type},
    .name = MT_QSTR_range,
    .print = range_print,
    .make_new = range_make_new,
    .unary_op = range_unary_op,
    .binary_op = range_binary_op,
    .attr = range_attr,
    .subscr = range_subscr,
    .getiter = range_getiter,
    .locals = &range_locals,
};
