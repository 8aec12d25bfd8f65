/* tuple, and the helpers every sequence shares (indexing, slicing, comparison, repr with a
 * recursion guard, unpacking). */
#include "containers.h"
#include "nlr.h"
#include "runtime.h"
#include "types/num.h"

const mt_tuple_t mt_const_empty_tuple = {{&mt_type_tuple}, 0};

mt_obj_t mt_native_of(mt_obj_t o, const mt_type_t *t) {
    if (!MT_IS_OBJ(o)) return MT_NULL;
    const mt_type_t *ot = ((mt_obj_base_t *)o)->type;
    if (ot == t) return o;
    /* a C subtype (namedtuple types, OrderedDict) shares its base's layout */
    if (!(ot->flags & MT_TYPE_FLAG_HEAP) && mt_issubclass(ot, t)) return o;
    if ((ot->flags & MT_TYPE_FLAG_HEAP) && mt_issubclass(ot, t)) {
        mt_obj_t n = ((mt_instance_t *)o)->native;
        if (MT_IS_OBJ(n) && mt_issubclass(((mt_obj_base_t *)n)->type, t)) return n;
    }
    return MT_NULL;
}

bool mt_overrides_iter(mt_obj_t o) {
    if (!MT_IS_INSTANCE(o)) return false;
    mt_obj_t m = mt_type_lookup(mt_type_of(o), MT_QSTR___iter__);
    return MT_IS_TYPE(m, &mt_type_function) || MT_IS_TYPE(m, &mt_type_closure);
}

mt_obj_t mt_array_of(mt_obj_t o) {
    if (MT_IS_ARRAY(o)) return o;
    if (!MT_IS_INSTANCE(o)) return MT_NULL;
    mt_obj_t n = mt_obj_native(o);
    return n != o && MT_IS_ARRAY(n) && !mt_overrides_iter(o) ? n : MT_NULL;
}

/* ---- sequence helpers ------------------------------------------------------------------- */

size_t mt_seq_get_index(const mt_type_t *t, size_t len, mt_obj_t index) {
    if (MT_IS_SMALL_INT(index)) {
        mt_int_t i = MT_SMALL_INT_VALUE(index);
        if (i < 0) i += (mt_int_t)len;
        if (i < 0 || (size_t)i >= len)
            mt_raise_fmt(&mt_type_IndexError, "%q index out of range", t->name);
        return (size_t)i;
    }
    if (!mt_obj_is_int(index) && !(mt_type_of(index)->flags & MT_TYPE_FLAG_HEAP))
        mt_raise_fmt(&mt_type_TypeError, "%q indices must be integers or slices, not %q", t->name,
                     mt_type_of(index)->name);
    return mt_get_index(t, len, index, false);
}

size_t mt_slice_len(mt_int_t start, mt_int_t stop, mt_int_t step) {
    if (step > 0)
        return start < stop ? (size_t)((mt_uint_t)(stop - start - 1) / (mt_uint_t)step) + 1 : 0;
    return start > stop ? (size_t)((mt_uint_t)(start - stop - 1) / (0 - (mt_uint_t)step)) + 1 : 0;
}

size_t mt_slice_resolve(mt_obj_t slice, size_t len, mt_int_t *start, mt_int_t *step) {
    mt_int_t stop;
    mt_slice_indices(slice, (mt_int_t)len, start, &stop, step);
    return mt_slice_len(*start, stop, *step);
}

void mt_seq_copy_slice(mt_obj_t *out, const mt_obj_t *items, mt_int_t start, mt_int_t step,
                       size_t n) {
    if (n == 0) return; /* an empty list may have no item array at all */
    if (step == 1) {
        mt_copy_items(out, items + start, n);
        return;
    }
    for (size_t i = 0; i < n; i++, start += step) out[i] = items[start];
}

static inline bool items_equal(mt_obj_t a, mt_obj_t b) {
    if (a == b) return true;
    if (MT_IS_SMALL_INT(a) && MT_IS_SMALL_INT(b)) return false;
    if (MT_IS_QSTR(a) && MT_IS_QSTR(b)) return false;
    return mt_equal(a, b);
}

bool mt_seq_contains(const mt_obj_t *items, size_t n, mt_obj_t x) {
    for (size_t i = 0; i < n; i++)
        if (items_equal(items[i], x)) return true;
    return false;
}

bool mt_seq_compare(mt_binop_t op, const mt_obj_t *a, size_t na, const mt_obj_t *b, size_t nb) {
    mt_stack_check(); /* items may be nested containers */
    if ((op == MT_BINOP_EQ || op == MT_BINOP_NE) && na != nb) return op == MT_BINOP_NE;
    size_t n = na < nb ? na : nb, i = 0;
    while (i < n && items_equal(a[i], b[i])) i++;
    if (i == n) {
        switch (op) {
        case MT_BINOP_LT: return na < nb;
        case MT_BINOP_LE: return na <= nb;
        case MT_BINOP_GT: return na > nb;
        case MT_BINOP_GE: return na >= nb;
        case MT_BINOP_EQ: return na == nb;
        default: return na != nb;
        }
    }
    if (op == MT_BINOP_EQ) return false;
    if (op == MT_BINOP_NE) return true;
    return mt_is_true(mt_binary_op(op, a[i], b[i]));
}

/* clamp a start/stop argument of index() to [0, len] as slice indices are */
static size_t clamp_arg(mt_obj_t o, size_t len) {
    mt_int_t i;
    if (MT_IS_SMALL_INT(o))
        i = MT_SMALL_INT_VALUE(o);
    else if (mt_obj_is_int(o) && mt_int_is_big(o))
        return mt_int_sign(o) < 0 ? 0 : len;
    else
        i = mt_obj_get_index(o);
    if (i < 0) {
        i += (mt_int_t)len;
        if (i < 0) i = 0;
    }
    return (size_t)i > len ? len : (size_t)i;
}

mt_obj_t mt_seq_index(const mt_obj_t *items, size_t len, size_t n_args, const mt_obj_t *args) {
    size_t start = n_args > 2 ? clamp_arg(args[2], len) : 0;
    size_t stop = n_args > 3 ? clamp_arg(args[3], len) : len;
    for (size_t i = start; i < stop && i < len; i++)
        if (items_equal(items[i], args[1])) return MT_NEW_SMALL_INT(i);
    if (mt_native_of(args[0], &mt_type_tuple) != MT_NULL)
        mt_raise_msg(&mt_type_ValueError, "tuple.index(x): x not in tuple");
    mt_raise_fmt(&mt_type_ValueError, "%R is not in list", args[1]);
}

mt_obj_t mt_seq_count(const mt_obj_t *items, size_t len, mt_obj_t x) {
    size_t c = 0;
    for (size_t i = 0; i < len; i++) c += items_equal(items[i], x);
    return MT_NEW_SMALL_INT(c);
}

void mt_seq_print(const mt_print_t *p, const mt_obj_t *items, size_t n, const char *open,
                  const char *close, bool tuple_1) {
    mt_print_str(p, open);
    for (size_t i = 0; i < n; i++) {
        if (i > 0) mt_print_strn(p, ", ", 2);
        mt_print_obj(p, items[i], MT_PRINT_REPR);
    }
    if (tuple_1 && n == 1) mt_print_strn(p, ",", 1);
    mt_print_str(p, close);
}

bool mt_seq_repeat_by_index(mt_obj_t rhs) {
    const mt_type_t *t = mt_type_of(rhs);
    return mt_type_lookup(t, MT_QSTR___rmul__) == MT_NULL &&
           mt_type_lookup(t, MT_QSTR___index__) != MT_NULL;
}

mt_obj_t *mt_seq_repeat(const mt_obj_t *items, size_t n, mt_obj_t times, size_t *out_n) {
    mt_int_t k = mt_obj_get_index(times);
    if (k <= 0 || n == 0) {
        *out_n = 0;
        return NULL;
    }
    if ((mt_uint_t)k > (SIZE_MAX / sizeof(mt_obj_t)) / n) mt_raise_memory_error();
    size_t total = n * (size_t)k;
    mt_obj_t *out = mt_alloc(total * sizeof(mt_obj_t));
    for (size_t i = 0; i < total; i += n) memcpy(out + i, items, n * sizeof(mt_obj_t));
    *out_n = total;
    return out;
}

bool mt_repr_is_leaf(mt_obj_t o) {
    if (!MT_IS_OBJ(o)) return true;
    const mt_type_t *t = ((mt_obj_base_t *)o)->type;
    return t == &mt_type_str || t == &mt_type_int || t == &mt_type_float || t == &mt_type_bytes ||
           t == &mt_type_complex || t == &mt_type_range;
}

/* The containers being printed, outermost first. Entries are only compared, never followed,
 * and each is alive on the C stack while listed, so this is not a GC root. The outermost
 * guarded print resets it if an exception unwinds through. */
#define GUARD_MAX 16
static mt_obj_t guard[GUARD_MAX];
static size_t guard_depth;

void mt_print_guarded(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind, mt_print_fun_t fn,
                      const char *cycle) {
    size_t d = guard_depth;
    for (size_t i = 0; i < d && i < GUARD_MAX; i++) {
        if (guard[i] == o) {
            mt_print_str(p, cycle);
            return;
        }
    }
    mt_stack_check();
    if (d < GUARD_MAX) guard[d] = o;
    guard_depth = d + 1;
    if (d > 0) {
        fn(p, o, kind);
        guard_depth = d;
        return;
    }
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        fn(p, o, kind);
        mt_nlr_pop();
        guard_depth = 0;
    } else {
        guard_depth = 0;
        mt_nlr_jump(nlr.ret_val);
    }
}

/* ---- tuple ------------------------------------------------------------------------------ */

static mt_tuple_t *tuple_alloc(size_t n) {
    if (n > (SIZE_MAX - sizeof(mt_tuple_t)) / sizeof(mt_obj_t)) mt_raise_memory_error();
    mt_tuple_t *t = mt_new_obj_var(mt_tuple_t, mt_obj_t, n);
    t->base.type = &mt_type_tuple;
    t->len = n;
    return t;
}

mt_obj_t mt_tuple_new(size_t n, const mt_obj_t *items) {
    if (n == 0) return MT_EMPTY_TUPLE;
    mt_tuple_t *t = tuple_alloc(n);
    if (items)
        mt_copy_items(t->items, items, n);
    else
        for (size_t i = 0; i < n; i++) t->items[i] = MT_NONE;
    return MT_OBJ_FROM_PTR(t);
}

static mt_tuple_t *get_tuple(mt_obj_t o) {
    if (MT_IS_TYPE(o, &mt_type_tuple)) return MT_OBJ_TO_PTR(o);
    mt_obj_t n = mt_native_of(o, &mt_type_tuple);
    if (n == MT_NULL)
        mt_raise_fmt(&mt_type_TypeError, "expected tuple, got %q", mt_type_of(o)->name);
    return MT_OBJ_TO_PTR(n);
}

void mt_tuple_get(mt_obj_t o, size_t *len, mt_obj_t **items) {
    mt_tuple_t *t = get_tuple(o);
    *len = t->len;
    *items = t->items;
}

void mt_get_array(mt_obj_t o, size_t *len, mt_obj_t **items) {
    if (MT_IS_TYPE(o, &mt_type_tuple)) {
        mt_tuple_t *t = MT_OBJ_TO_PTR(o);
        *len = t->len;
        *items = t->items;
        return;
    }
    if (MT_IS_TYPE(o, &mt_type_list)) {
        mt_list_t *l = MT_OBJ_TO_PTR(o);
        *len = l->len;
        *items = l->items;
        return;
    }
    mt_obj_t n = mt_native_of(o, &mt_type_tuple);
    if (n == MT_NULL) n = mt_native_of(o, &mt_type_list);
    if (n == MT_NULL)
        mt_raise_fmt(&mt_type_TypeError, "expected tuple or list, got %q", mt_type_of(o)->name);
    mt_get_array(n, len, items);
}

void mt_unpack_sequence(mt_obj_t seq, size_t n, mt_obj_t *out) {
    if (MT_IS_ARRAY(seq)) {
        size_t len;
        mt_obj_t *items;
        mt_get_array(seq, &len, &items);
        if (len < n)
            mt_raise_fmt(&mt_type_ValueError, "not enough values to unpack (expected %u, got %u)",
                         (unsigned)n, (unsigned)len);
        if (len > n) goto too_many;
        mt_copy_items(out, items, n);
        return;
    }
    mt_iter_buf_t buf;
    mt_obj_t it = mt_getiter(seq, &buf);
    for (size_t i = 0; i < n; i++) {
        mt_obj_t x = mt_iternext(it);
        if (x == MT_NULL)
            mt_raise_fmt(&mt_type_ValueError, "not enough values to unpack (expected %u, got %u)",
                         (unsigned)n, (unsigned)i);
        out[i] = x;
    }
    if (mt_iternext(it) == MT_NULL) return;
too_many:
    mt_raise_fmt(&mt_type_ValueError, "too many values to unpack (expected %u)", (unsigned)n);
}

mt_obj_t mt_tuple_from_iter(mt_obj_t iterable) {
    if (MT_IS_TYPE(iterable, &mt_type_tuple)) return iterable;
    mt_obj_t a = mt_array_of(iterable);
    if (a != MT_NULL) {
        size_t n;
        mt_obj_t *items;
        mt_get_array(a, &n, &items);
        return mt_tuple_new(n, items);
    }
    /* grow an unpublished tuple in place, then trim it */
    size_t alloc = 4, n = 0;
    mt_tuple_t *t = tuple_alloc(alloc);
    mt_iter_buf_t buf;
    mt_obj_t it = mt_getiter(iterable, &buf), x;
    while ((x = mt_iternext(it)) != MT_NULL) {
        if (n == alloc) {
            alloc *= 2;
            t = mt_realloc(t, sizeof(mt_tuple_t) + alloc * sizeof(mt_obj_t));
        }
        t->items[n++] = x;
    }
    if (n == 0) {
        mt_free(t);
        return MT_EMPTY_TUPLE;
    }
    if (n < alloc) t = mt_realloc(t, sizeof(mt_tuple_t) + n * sizeof(mt_obj_t));
    t->len = n;
    return MT_OBJ_FROM_PTR(t);
}

static void tuple_print_items(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_tuple_t *t = MT_OBJ_TO_PTR(o);
    mt_seq_print(p, t->items, t->len, "(", ")", true);
}

static void tuple_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_tuple_t *t = get_tuple(o);
    for (size_t i = 0; i < t->len; i++) {
        if (!mt_repr_is_leaf(t->items[i])) {
            mt_print_guarded(p, MT_OBJ_FROM_PTR(t), kind, tuple_print_items, "(...)");
            return;
        }
    }
    tuple_print_items(p, MT_OBJ_FROM_PTR(t), kind);
}

static mt_obj_t tuple_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                               const mt_obj_t *args) {
    if (n_kw) mt_raise_type_error("tuple() takes no keyword arguments");
    if (n_args > 1)
        mt_raise_fmt(&mt_type_TypeError, "tuple expected at most 1 argument, got %u",
                     (unsigned)n_args);
    return n_args == 0 ? MT_EMPTY_TUPLE : mt_tuple_from_iter(args[0]);
}

/* hash combining in the manner of CPython's tuple hash (xxHash lanes) */
#if UINTPTR_MAX > 0xffffffffu
#define XXPRIME_1   11400714785074694791ULL
#define XXPRIME_2   14029467366897019727ULL
#define XXPRIME_5   2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))
#else
#define XXPRIME_1   2654435761UL
#define XXPRIME_2   2246822519UL
#define XXPRIME_5   374761393UL
#define XXROTATE(x) (((x) << 13) | ((x) >> 19))
#endif

static mt_obj_t tuple_hash(mt_tuple_t *t) {
    mt_stack_check();
    mt_uint_t acc = (mt_uint_t)XXPRIME_5;
    for (size_t i = 0; i < t->len; i++) {
        mt_obj_t x = t->items[i];
        mt_uint_t lane = (mt_uint_t)(MT_IS_SMALL_INT(x) ? mt_int_hash(x) : mt_hash(x));
        acc += lane * (mt_uint_t)XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= (mt_uint_t)XXPRIME_1;
    }
    acc += t->len ^ ((mt_uint_t)XXPRIME_5 ^ 3527539UL);
    return MT_NEW_SMALL_INT((mt_int_t)acc >> 1); /* fold into a small int: no allocation */
}

static mt_obj_t tuple_unary_op(mt_unop_t op, mt_obj_t o) {
    mt_tuple_t *t = get_tuple(o);
    switch (op) {
    case MT_UNOP_BOOL: return MT_BOOL(t->len != 0);
    case MT_UNOP_LEN: return MT_NEW_SMALL_INT(t->len);
    case MT_UNOP_HASH: return tuple_hash(t);
    default: return MT_NULL;
    }
}

/* true when rhs may implement the reflected operation itself (a user class) */
static bool is_user_obj(mt_obj_t o) {
    return (mt_type_of(o)->flags & MT_TYPE_FLAG_HEAP) != 0;
}

static mt_obj_t tuple_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    mt_tuple_t *t = get_tuple(lhs);
    if (op == MT_BINOP_CONTAINS) return MT_BOOL(mt_seq_contains(t->items, t->len, rhs));
    if (op == MT_BINOP_ADD || op == MT_BINOP_INPLACE_ADD) {
        mt_obj_t r = mt_native_of(rhs, &mt_type_tuple);
        if (r == MT_NULL) {
            if (is_user_obj(rhs)) return MT_NULL;
            mt_raise_fmt(&mt_type_TypeError, "can only concatenate tuple (not \"%q\") to tuple",
                         mt_type_of(rhs)->name);
        }
        mt_tuple_t *u = MT_OBJ_TO_PTR(r);
        if (u->len == 0 && MT_IS_TYPE(lhs, &mt_type_tuple)) return lhs;
        mt_tuple_t *res = tuple_alloc(t->len + u->len);
        mt_copy_items(res->items, t->items, t->len);
        mt_copy_items(res->items + t->len, u->items, u->len);
        return MT_OBJ_FROM_PTR(res);
    }
    if (op == MT_BINOP_MUL || op == MT_BINOP_REVERSE_MUL || op == MT_BINOP_INPLACE_MUL) {
        if (!mt_obj_is_int(rhs)) {
            if (is_user_obj(rhs) && !mt_seq_repeat_by_index(rhs)) return MT_NULL;
            if (!is_user_obj(rhs))
                mt_raise_fmt(&mt_type_TypeError, "can't multiply sequence by non-int of type '%q'",
                             mt_type_of(rhs)->name);
        }
        size_t n;
        mt_obj_t *items = mt_seq_repeat(t->items, t->len, rhs, &n);
        mt_obj_t res = mt_tuple_new(n, items);
        if (items) mt_free(items);
        return res;
    }
    if (op >= MT_BINOP_LT && op <= MT_BINOP_GE) {
        mt_obj_t r = mt_native_of(rhs, &mt_type_tuple);
        if (r == MT_NULL) return MT_NULL;
        mt_tuple_t *u = MT_OBJ_TO_PTR(r);
        return MT_BOOL(mt_seq_compare(op, t->items, t->len, u->items, u->len));
    }
    return MT_NULL;
}

static mt_obj_t tuple_subscr(mt_obj_t o, mt_obj_t index, mt_obj_t value) {
    if (value != MT_SENTINEL)
        mt_raise_msg(&mt_type_TypeError, value == MT_NULL
                                             ? "'tuple' object doesn't support item deletion"
                                             : "'tuple' object does not support item assignment");
    mt_tuple_t *t = get_tuple(o);
    if (MT_IS_TYPE(index, &mt_type_slice)) {
        mt_int_t start, step;
        size_t n = mt_slice_resolve(index, t->len, &start, &step);
        if (n == t->len && step == 1 && MT_IS_TYPE(o, &mt_type_tuple)) return o;
        if (n == 0) return MT_EMPTY_TUPLE;
        mt_tuple_t *res = tuple_alloc(n);
        mt_seq_copy_slice(res->items, t->items, start, step, n);
        return MT_OBJ_FROM_PTR(res);
    }
    return t->items[mt_seq_get_index(&mt_type_tuple, t->len, index)];
}

/* ---- the tuple iterator: built in the caller's mt_iter_buf_t when given one ------------- */
typedef struct {
    mt_obj_base_t base;
    mt_obj_t seq;
    size_t index;
} tuple_iter_t;

static mt_obj_t tuple_iter_next(mt_obj_t o) {
    tuple_iter_t *it = MT_OBJ_TO_PTR(o);
    mt_tuple_t *t = MT_OBJ_TO_PTR(it->seq);
    return it->index < t->len ? t->items[it->index++] : MT_NULL;
}

static const mt_type_t tuple_iter_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_tuple_iterator,
    .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .getiter = mt_iter_self,
    .iternext = tuple_iter_next,
};

static mt_obj_t tuple_getiter(mt_obj_t o, mt_iter_buf_t *buf) {
    tuple_iter_t *it = buf ? (tuple_iter_t *)buf : mt_new_obj(tuple_iter_t);
    it->base.type = &tuple_iter_type;
    it->seq = MT_OBJ_FROM_PTR(get_tuple(o));
    it->index = 0;
    return MT_OBJ_FROM_PTR(it);
}

/* ---- methods ---------------------------------------------------------------------------- */

static mt_obj_t tuple_count(mt_obj_t self, mt_obj_t x) {
    mt_tuple_t *t = get_tuple(self);
    return mt_seq_count(t->items, t->len, x);
}
static MT_DEFINE_FUN_2(tuple_count_obj, tuple_count);

static mt_obj_t tuple_index(size_t n_args, const mt_obj_t *args) {
    mt_tuple_t *t = get_tuple(args[0]);
    return mt_seq_index(t->items, t->len, n_args, args);
}
static MT_DEFINE_FUN_VAR(tuple_index_obj, 2, 4, tuple_index);

/* the slots as methods, for subclasses that call them through super() */
static mt_obj_t tuple_getitem(mt_obj_t self, mt_obj_t index) {
    return tuple_subscr(MT_OBJ_FROM_PTR(get_tuple(self)), index, MT_SENTINEL);
}
static MT_DEFINE_FUN_2(tuple_getitem_obj, tuple_getitem);

static mt_obj_t tuple_len(mt_obj_t self) {
    return MT_NEW_SMALL_INT(get_tuple(self)->len);
}
static MT_DEFINE_FUN_1(tuple_len_obj, tuple_len);

static mt_obj_t tuple_contains(mt_obj_t self, mt_obj_t x) {
    mt_tuple_t *t = get_tuple(self);
    return MT_BOOL(mt_seq_contains(t->items, t->len, x));
}
static MT_DEFINE_FUN_2(tuple_contains_obj, tuple_contains);

static const mt_map_elem_t tuple_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___contains__), MT_ROM_PTR(&tuple_contains_obj)},
    {MT_ROM_QSTR(MT_QSTR___getitem__), MT_ROM_PTR(&tuple_getitem_obj)},
    {MT_ROM_QSTR(MT_QSTR___len__), MT_ROM_PTR(&tuple_len_obj)},
    {MT_ROM_QSTR(MT_QSTR_count), MT_ROM_PTR(&tuple_count_obj)},
    {MT_ROM_QSTR(MT_QSTR_index), MT_ROM_PTR(&tuple_index_obj)},
};
static MT_DEFINE_CONST_MAP(tuple_locals, tuple_locals_table);

const mt_type_t mt_type_tuple = {
    .base = {&mt_type_type},
    .name = MT_QSTR_tuple,
    .flags = MT_TYPE_FLAG_BASETYPE,
    .print = tuple_print,
    .make_new = tuple_make_new,
    .unary_op = tuple_unary_op,
    .binary_op = tuple_binary_op,
    .subscr = tuple_subscr,
    .getiter = tuple_getiter,
    .locals = &tuple_locals,
};
