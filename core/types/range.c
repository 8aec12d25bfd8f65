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

/* r[i] (C-int bounds) for 0 <= i < len: fits mt_int_t since it lies between start and stop */
static mt_int_t range_at(const mt_range_t *r, mt_uint_t i) {
    return (mt_int_t)((mt_uint_t)r->start + i * (mt_uint_t)r->step);
}

static mt_obj_t int_obj(mt_int_t v) {
    return MT_SMALL_INT_FITS(v) ? MT_NEW_SMALL_INT(v) : mt_int_from_ll(v);
}

static mt_range_t *get_range(mt_obj_t o) {
    return MT_OBJ_TO_PTR(o);
}

/* an argument of range(): an int (subclass stripped) or an object with __index__ */
static mt_obj_t arg_int(mt_obj_t o) {
    if (MT_IS_SMALL_INT(o)) return o;
    if (mt_obj_is_int(o)) return mt_int_unwrap(o);
    return mt_unary_op(MT_UNOP_INDEX, o);
}

/* a range from int objects: C ints when all fit, else the objects themselves */
static mt_obj_t range_from_objs(mt_obj_t start, mt_obj_t stop, mt_obj_t step) {
    mt_int_t a, b, c;
    if (mt_obj_get_int_maybe(start, &a) && mt_obj_get_int_maybe(stop, &b) &&
        mt_obj_get_int_maybe(step, &c) && c != INTPTR_MIN)
        return mt_range_new(a, b, c);
    mt_range_t *r = MT_OBJ_TO_PTR(mt_range_new(0, 0, 1));
    mt_obj_t t[3] = {start, stop, step};
    r->big = mt_tuple_new(3, t);
    return MT_OBJ_FROM_PTR(r);
}

static mt_obj_t range_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                               const mt_obj_t *args) {
    if (n_kw) mt_raise_type_error("range() takes no keyword arguments");
    if (n_args == 0 || n_args > 3)
        mt_raise_fmt(&mt_type_TypeError,
                     n_args ? "range expected at most 3 arguments, got %u"
                            : "range expected at least 1 argument, got %u",
                     (unsigned)n_args);
    mt_obj_t start = MT_NEW_SMALL_INT(0), stop, step = MT_NEW_SMALL_INT(1);
    if (n_args == 1) {
        stop = arg_int(args[0]);
    } else {
        start = arg_int(args[0]);
        stop = arg_int(args[1]);
        if (n_args == 3) step = arg_int(args[2]);
    }
    if (step == MT_NEW_SMALL_INT(0)) mt_raise_value_error("range() arg 3 must not be zero");
    return range_from_objs(start, stop, step);
}

/* ---- ranges whose bounds exceed a C int: the same arithmetic on int objects ---------------- */
#define BIG(r, i) (((mt_tuple_t *)MT_OBJ_TO_PTR((r)->big))->items[i]) /* start, stop, step */

static mt_obj_t iop(mt_binop_t op, mt_obj_t a, mt_obj_t b) {
    return mt_int_binary_op(op, a, b);
}

/* the bounds as int objects, in either representation */
static void bounds(const mt_range_t *r, mt_obj_t b[3]) {
    if (r->big != MT_NULL) {
        for (int i = 0; i < 3; i++) b[i] = BIG(r, i);
        return;
    }
    b[0] = int_obj(r->start);
    b[1] = int_obj(r->stop);
    b[2] = int_obj(r->step);
}

static mt_obj_t big_len(const mt_range_t *r) {
    mt_obj_t start = BIG(r, 0), stop = BIG(r, 1), step = BIG(r, 2), one = MT_NEW_SMALL_INT(1);
    if (mt_int_sign(step) > 0) {
        if (mt_int_cmp(start, stop) >= 0) return MT_NEW_SMALL_INT(0);
        return iop(
            MT_BINOP_ADD,
            iop(MT_BINOP_FLOORDIV, iop(MT_BINOP_SUB, stop, iop(MT_BINOP_ADD, start, one)), step),
            one);
    }
    if (mt_int_cmp(start, stop) <= 0) return MT_NEW_SMALL_INT(0);
    mt_obj_t neg = iop(MT_BINOP_SUB, MT_NEW_SMALL_INT(0), step);
    return iop(MT_BINOP_ADD,
               iop(MT_BINOP_FLOORDIV, iop(MT_BINOP_SUB, start, iop(MT_BINOP_ADD, stop, one)), neg),
               one);
}

static mt_obj_t big_at(const mt_range_t *r, mt_obj_t i) {
    return iop(MT_BINOP_ADD, BIG(r, 0), iop(MT_BINOP_MUL, i, BIG(r, 2)));
}

/* the position of int x in a big range, or MT_NULL */
static mt_obj_t big_position(const mt_range_t *r, mt_obj_t x) {
    mt_obj_t start = BIG(r, 0), stop = BIG(r, 1), step = BIG(r, 2);
    x = mt_int_unwrap(x);
    if (mt_int_sign(step) > 0 ? mt_int_cmp(x, start) < 0 || mt_int_cmp(x, stop) >= 0
                              : mt_int_cmp(x, start) > 0 || mt_int_cmp(x, stop) <= 0)
        return MT_NULL;
    mt_obj_t off = iop(MT_BINOP_SUB, x, start);
    if (mt_int_sign(iop(MT_BINOP_MOD, off, step)) != 0) return MT_NULL;
    return iop(MT_BINOP_FLOORDIV, off, step);
}

/* len() as a Py_ssize_t-sized int */
static mt_int_t len_checked(const mt_range_t *r) {
    mt_int_t n;
    if (r->big == MT_NULL && mt_range_len(r) <= (mt_uint_t)INTPTR_MAX)
        return (mt_int_t)mt_range_len(r);
    if (r->big != MT_NULL && mt_obj_get_int_maybe(big_len(r), &n)) return n;
    mt_raise_msg(&mt_type_OverflowError, "Python int too large to convert to C ssize_t");
}

static void range_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_obj_t b[3];
    bounds(get_range(o), b);
    if (b[2] == MT_NEW_SMALL_INT(1))
        mt_printf(p, "range(%R, %R)", b[0], b[1]);
    else
        mt_printf(p, "range(%R, %R, %R)", b[0], b[1], b[2]);
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

/* the position of x in r (an int object), or MT_NULL; non-ints compare item by item */
static mt_obj_t range_find(mt_obj_t o, mt_obj_t x) {
    const mt_range_t *r = get_range(o);
    if (is_exact_int(x)) {
        if (r->big != MT_NULL) return big_position(r, x);
        mt_int_t i = int_position(r, x);
        return i < 0 ? MT_NULL : int_obj(i);
    }
    mt_iter_buf_t buf;
    mt_obj_t it = mt_getiter(o, &buf), v;
    for (mt_int_t i = 0; (v = mt_iternext(it)) != MT_NULL; i++)
        if (mt_equal(v, x)) return int_obj(i);
    return MT_NULL;
}

/* hash((len, start, step)) with start/step None where they do not matter, as CPython */
static mt_obj_t range_hash(const mt_range_t *r) {
    mt_obj_t b[3], len = r->big ? big_len(r) : mt_int_from_ull(mt_range_len(r));
    bounds(r, b);
    mt_obj_t t[3] = {len, MT_NONE, MT_NONE};
    if (len != MT_NEW_SMALL_INT(0)) t[1] = b[0];
    if (mt_int_cmp(len, MT_NEW_SMALL_INT(1)) > 0) t[2] = b[2];
    return MT_NEW_SMALL_INT(mt_hash(mt_tuple_new(3, t)));
}

static mt_obj_t range_unary_op(mt_unop_t op, mt_obj_t o) {
    mt_range_t *r = get_range(o);
    switch (op) {
    case MT_UNOP_BOOL: return MT_BOOL(r->big ? mt_int_sign(big_len(r)) != 0 : mt_range_len(r) != 0);
    case MT_UNOP_LEN: return int_obj(len_checked(r));
    case MT_UNOP_HASH: return range_hash(r);
    default: return MT_NULL;
    }
}

static bool range_equal(const mt_range_t *a, const mt_range_t *b) {
    if (a->big == MT_NULL && b->big == MT_NULL) {
        mt_uint_t len = mt_range_len(a);
        if (len != mt_range_len(b)) return false;
        if (len == 0) return true;
        if (a->start != b->start) return false;
        return len == 1 || a->step == b->step;
    }
    mt_obj_t la = a->big ? big_len(a) : mt_int_from_ull(mt_range_len(a));
    mt_obj_t lb = b->big ? big_len(b) : mt_int_from_ull(mt_range_len(b));
    if (mt_int_cmp(la, lb) != 0) return false;
    if (la == MT_NEW_SMALL_INT(0)) return true;
    mt_obj_t ba[3], bb[3];
    bounds(a, ba);
    bounds(b, bb);
    if (mt_int_cmp(ba[0], bb[0]) != 0) return false;
    return la == MT_NEW_SMALL_INT(1) || mt_int_cmp(ba[2], bb[2]) == 0;
}

static mt_obj_t range_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    mt_range_t *r = get_range(lhs);
    if (op == MT_BINOP_CONTAINS) return MT_BOOL(range_find(lhs, rhs) != MT_NULL);
    if ((op == MT_BINOP_EQ || op == MT_BINOP_NE) && MT_IS_TYPE(rhs, &mt_type_range))
        return MT_BOOL(range_equal(r, get_range(rhs)) == (op == MT_BINOP_EQ));
    return MT_NULL;
}

static mt_obj_t range_subscr(mt_obj_t o, mt_obj_t index, mt_obj_t value) {
    if (value != MT_SENTINEL) return MT_NULL;
    mt_range_t *r = get_range(o);
    if (MT_IS_TYPE(index, &mt_type_slice)) {
        mt_int_t len = len_checked(r), start, stop, step;
        mt_slice_indices(index, len, &start, &stop, &step);
        mt_obj_t b[3];
        bounds(r, b);
        mt_obj_t nstart = iop(MT_BINOP_ADD, b[0], iop(MT_BINOP_MUL, int_obj(start), b[2]));
        mt_obj_t nstop = iop(MT_BINOP_ADD, b[0], iop(MT_BINOP_MUL, int_obj(stop), b[2]));
        return range_from_objs(nstart, nstop, iop(MT_BINOP_MUL, int_obj(step), b[2]));
    }
    if (r->big == MT_NULL && MT_IS_SMALL_INT(index)) {
        mt_uint_t len = mt_range_len(r);
        mt_int_t i = MT_SMALL_INT_VALUE(index);
        if (i < 0) i += (mt_int_t)len;
        if (i < 0 || (mt_uint_t)i >= len)
            mt_raise_msg(&mt_type_IndexError, "range object index out of range");
        return int_obj(range_at(r, (mt_uint_t)i));
    }
    if (!mt_obj_is_int(index) && !MT_IS_INSTANCE(index))
        mt_raise_fmt(&mt_type_TypeError, "range indices must be integers or slices, not %q",
                     mt_obj_type_name(index));
    mt_obj_t i = arg_int(index);
    mt_obj_t len = r->big ? big_len(r) : mt_int_from_ull(mt_range_len(r));
    if (mt_int_sign(i) < 0) i = iop(MT_BINOP_ADD, i, len);
    if (mt_int_sign(i) < 0 || mt_int_cmp(i, len) >= 0)
        mt_raise_msg(&mt_type_IndexError, "range object index out of range");
    if (r->big) return big_at(r, i);
    return int_obj(range_at(r, (mt_uint_t)mt_obj_get_int(i)));
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

/* the iterator of big ranges: int objects, compared with the stop each step */
typedef struct {
    mt_obj_base_t base;
    mt_obj_t cur, stop, step;
} big_iter_t;

static mt_obj_t big_iter_next(mt_obj_t o) {
    big_iter_t *it = MT_OBJ_TO_PTR(o);
    int c = mt_int_cmp(it->cur, it->stop);
    if (mt_int_sign(it->step) > 0 ? c >= 0 : c <= 0) return MT_NULL;
    mt_obj_t v = it->cur;
    it->cur = iop(MT_BINOP_ADD, v, it->step);
    return v;
}

static const mt_type_t big_iter_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_longrange_iterator,
    .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .getiter = mt_iter_self,
    .iternext = big_iter_next,
};

static mt_obj_t big_iter(const mt_range_t *r, mt_iter_buf_t *buf, bool reversed) {
    big_iter_t *it = buf ? (big_iter_t *)buf : mt_new_obj(big_iter_t);
    it->base.type = &big_iter_type;
    it->cur = BIG(r, 0);
    it->stop = BIG(r, 1);
    it->step = BIG(r, 2);
    if (reversed) {
        mt_obj_t len = big_len(r);
        it->cur = big_at(r, iop(MT_BINOP_SUB, len, MT_NEW_SMALL_INT(1)));
        it->stop = iop(MT_BINOP_SUB, BIG(r, 0), it->step);
        it->step = iop(MT_BINOP_SUB, MT_NEW_SMALL_INT(0), it->step);
        if (len == MT_NEW_SMALL_INT(0)) it->cur = it->stop;
    }
    return MT_OBJ_FROM_PTR(it);
}

static mt_obj_t range_getiter(mt_obj_t o, mt_iter_buf_t *buf) {
    mt_range_t *r = get_range(o);
    return r->big ? big_iter(r, buf, false) : range_iter(r, buf, false);
}

mt_obj_t mt_range_reversed(mt_obj_t o) {
    mt_range_t *r = get_range(o);
    return r->big ? big_iter(r, NULL, true) : range_iter(r, NULL, true);
}

/* ---- methods and attributes --------------------------------------------------------------- */

static mt_obj_t range_count(mt_obj_t self, mt_obj_t x) {
    if (is_exact_int(x)) return MT_NEW_SMALL_INT(range_find(self, x) != MT_NULL);
    mt_iter_buf_t buf;
    mt_obj_t it = mt_getiter(self, &buf), v;
    mt_int_t n = 0;
    while ((v = mt_iternext(it)) != MT_NULL) n += mt_equal(v, x);
    return int_obj(n);
}
static MT_DEFINE_FUN_2(range_count_obj, range_count);

static mt_obj_t range_index(mt_obj_t self, mt_obj_t x) {
    mt_obj_t i = range_find(self, x);
    if (i == MT_NULL) mt_raise_fmt(&mt_type_ValueError, "%R is not in range", x);
    return i;
}
static MT_DEFINE_FUN_2(range_index_obj, range_index);

static const mt_map_elem_t range_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_count), MT_ROM_PTR(&range_count_obj)},
    {MT_ROM_QSTR(MT_QSTR_index), MT_ROM_PTR(&range_index_obj)},
};
static MT_DEFINE_CONST_MAP(range_locals, range_locals_table);

static void range_attr(mt_obj_t o, mt_qstr_t attr, mt_obj_t *dest) {
    if (dest[0] != MT_NULL) return;
    int i = attr == MT_QSTR_start ? 0 : attr == MT_QSTR_stop ? 1 : attr == MT_QSTR_step ? 2 : -1;
    if (i < 0) return; /* methods: the runtime looks in locals */
    mt_obj_t b[3];
    bounds(get_range(o), b);
    dest[0] = b[i];
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
