/* The iterator builtins: enumerate, zip, map, filter, reversed, and iter(callable, sentinel). */
#include "containers.h"
#include "runtime.h"

mt_obj_t mt_iter_self(mt_obj_t o, mt_iter_buf_t *buf) {
    return o;
}

/* a keyword argument of make_new: the value for name in the (key, value) pairs, else MT_NULL;
 * any other keyword is a TypeError */
static mt_obj_t kw_arg(size_t n_kw, const mt_obj_t *kw, mt_qstr_t name, mt_qstr_t fun) {
    mt_obj_t v = MT_NULL;
    for (size_t i = 0; i < n_kw; i++) {
        mt_qstr_t k = mt_obj_str_to_qstr(kw[2 * i]);
        if (k != name)
            mt_raise_fmt(&mt_type_TypeError, "%q() got an unexpected keyword argument '%q'", fun,
                         k);
        v = kw[2 * i + 1];
    }
    return v;
}

/* ---- enumerate ----------------------------------------------------------------------------- */
typedef struct {
    mt_obj_base_t base;
    mt_obj_t iter;
    mt_obj_t count;
} enumerate_t;

static mt_obj_t enumerate_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                                   const mt_obj_t *args) {
    mt_obj_t iterable = n_args > 0 ? args[0] : MT_NULL, start = n_args > 1 ? args[1] : MT_NULL;
    for (size_t i = 0; i < n_kw; i++) {
        mt_qstr_t k = mt_obj_str_to_qstr(args[n_args + 2 * i]);
        mt_obj_t v = args[n_args + 2 * i + 1];
        if (k == MT_QSTR_iterable && iterable == MT_NULL)
            iterable = v;
        else if (k == MT_QSTR_start && start == MT_NULL)
            start = v;
        else
            mt_raise_fmt(&mt_type_TypeError, "'%q' is an invalid keyword argument for enumerate()",
                         k);
    }
    if (n_args > 2)
        mt_raise_fmt(&mt_type_TypeError, "enumerate() takes at most 2 arguments (%u given)",
                     (unsigned)n_args);
    if (iterable == MT_NULL)
        mt_raise_type_error("enumerate() missing required argument 'iterable' (pos 1)");
    if (start == MT_NULL)
        start = MT_NEW_SMALL_INT(0);
    else if (!mt_obj_is_int(start))
        mt_raise_fmt(&mt_type_TypeError, "'%q' object cannot be interpreted as an integer",
                     mt_type_of(start)->name);
    enumerate_t *e = mt_new_obj(enumerate_t);
    e->base.type = &mt_type_enumerate;
    e->iter = mt_getiter(iterable, NULL);
    e->count = start;
    return MT_OBJ_FROM_PTR(e);
}

static mt_obj_t enumerate_next(mt_obj_t o) {
    enumerate_t *e = MT_OBJ_TO_PTR(o);
    mt_obj_t x = mt_iternext(e->iter);
    if (x == MT_NULL) return MT_NULL;
    mt_obj_t pair[2] = {e->count, x};
    if (MT_IS_SMALL_INT(e->count) && e->count != MT_NEW_SMALL_INT(MT_SMALL_INT_MAX))
        e->count += 2; /* the next small int: the value sits above the tag bit */
    else
        e->count = mt_binary_op(MT_BINOP_ADD, e->count, MT_NEW_SMALL_INT(1));
    return mt_tuple_new(2, pair);
}

const mt_type_t mt_type_enumerate = {
    .base = {&mt_type_type},
    .name = MT_QSTR_enumerate,
    .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .make_new = enumerate_make_new,
    .getiter = mt_iter_self,
    .iternext = enumerate_next,
};

/* ---- zip ------------------------------------------------------------------------------------ */
typedef struct {
    mt_obj_base_t base;
    size_t n;
    bool strict;
    bool done;
    mt_obj_t iters[];
} zip_t;

static mt_obj_t zip_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                             const mt_obj_t *args) {
    mt_obj_t strict = kw_arg(n_kw, args + n_args, MT_QSTR_strict, MT_QSTR_zip);
    zip_t *z = mt_new_obj_var(zip_t, mt_obj_t, n_args);
    z->base.type = &mt_type_zip;
    z->n = n_args;
    z->strict = strict != MT_NULL && mt_is_true(strict);
    for (size_t i = 0; i < n_args; i++) z->iters[i] = mt_getiter(args[i], NULL);
    return MT_OBJ_FROM_PTR(z);
}

MT_NORETURN static void zip_length_error(size_t i, bool longer) {
    mt_raise_fmt(&mt_type_ValueError, "zip() argument %u is %s than argument%s%u",
                 (unsigned)(i + 1), longer ? "longer" : "shorter", i == 1 ? " " : "s 1-",
                 (unsigned)i);
}

static mt_obj_t zip_next(mt_obj_t o) {
    zip_t *z = MT_OBJ_TO_PTR(o);
    if (z->n == 0 || z->done) return MT_NULL;
    mt_obj_t t = mt_tuple_new(z->n, NULL);
    mt_tuple_t *tp = MT_OBJ_TO_PTR(t);
    for (size_t i = 0; i < z->n; i++) {
        mt_obj_t x = mt_iternext(z->iters[i]);
        if (x == MT_NULL) {
            z->done = true;
            if (z->strict) {
                if (i > 0) zip_length_error(i, false);
                for (size_t j = 1; j < z->n; j++)
                    if (mt_iternext(z->iters[j]) != MT_NULL) zip_length_error(j, true);
            }
            return MT_NULL;
        }
        tp->items[i] = x;
    }
    return t;
}

const mt_type_t mt_type_zip = {
    .base = {&mt_type_type},
    .name = MT_QSTR_zip,
    .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .make_new = zip_make_new,
    .getiter = mt_iter_self,
    .iternext = zip_next,
};

/* ---- map ------------------------------------------------------------------------------------ */
typedef struct {
    mt_obj_base_t base;
    mt_obj_t fun;
    size_t n;
    mt_obj_t iters[]; /* n iterators, then room for n call arguments */
} map_t;

static mt_obj_t map_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                             const mt_obj_t *args) {
    if (n_kw) mt_raise_type_error("map() takes no keyword arguments");
    if (n_args < 2) mt_raise_type_error("map() must have at least two arguments.");
    size_t n = n_args - 1;
    map_t *m = mt_new_obj_var(map_t, mt_obj_t, 2 * n);
    m->base.type = &mt_type_map;
    m->fun = args[0];
    m->n = n;
    for (size_t i = 0; i < n; i++) m->iters[i] = mt_getiter(args[i + 1], NULL);
    return MT_OBJ_FROM_PTR(m);
}

static mt_obj_t map_next(mt_obj_t o) {
    map_t *m = MT_OBJ_TO_PTR(o);
    if (m->n == 1) {
        mt_obj_t x = mt_iternext(m->iters[0]);
        return x == MT_NULL ? MT_NULL : mt_call1(m->fun, x);
    }
    mt_obj_t *args = m->iters + m->n;
    for (size_t i = 0; i < m->n; i++)
        if ((args[i] = mt_iternext(m->iters[i])) == MT_NULL) return MT_NULL;
    return mt_call(m->fun, m->n, 0, args);
}

const mt_type_t mt_type_map = {
    .base = {&mt_type_type},
    .name = MT_QSTR_map,
    .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .make_new = map_make_new,
    .getiter = mt_iter_self,
    .iternext = map_next,
};

/* ---- filter --------------------------------------------------------------------------------- */
typedef struct {
    mt_obj_base_t base;
    mt_obj_t fun; /* MT_NONE: the items' own truth */
    mt_obj_t iter;
} filter_t;

static mt_obj_t filter_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                                const mt_obj_t *args) {
    if (n_kw) mt_raise_type_error("filter() takes no keyword arguments");
    if (n_args != 2)
        mt_raise_fmt(&mt_type_TypeError, "filter expected 2 arguments, got %u", (unsigned)n_args);
    filter_t *f = mt_new_obj(filter_t);
    f->base.type = &mt_type_filter;
    f->fun = args[0];
    f->iter = mt_getiter(args[1], NULL);
    return MT_OBJ_FROM_PTR(f);
}

static mt_obj_t filter_next(mt_obj_t o) {
    filter_t *f = MT_OBJ_TO_PTR(o);
    mt_obj_t x;
    while ((x = mt_iternext(f->iter)) != MT_NULL) {
        if (mt_is_true(f->fun == MT_NONE ? x : mt_call1(f->fun, x))) return x;
    }
    return MT_NULL;
}

const mt_type_t mt_type_filter = {
    .base = {&mt_type_type},
    .name = MT_QSTR_filter,
    .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .make_new = filter_make_new,
    .getiter = mt_iter_self,
    .iternext = filter_next,
};

/* ---- reversed ------------------------------------------------------------------------------- */
typedef struct {
    mt_obj_base_t base;
    mt_obj_t seq;
    size_t index; /* items left: the next one is seq[index - 1] */
} reversed_t;

static mt_obj_t array_reversed_next(mt_obj_t o) {
    reversed_t *r = MT_OBJ_TO_PTR(o);
    if (r->index == 0) return MT_NULL;
    size_t len;
    mt_obj_t *items;
    mt_get_array(r->seq, &len, &items);
    r->index--;
    if (r->index >= len) {
        r->index = 0;
        return MT_NULL;
    }
    return items[r->index];
}

static const mt_type_t array_reversed_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_list_reverseiterator,
    .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .getiter = mt_iter_self,
    .iternext = array_reversed_next,
};

static mt_obj_t reversed_new(const mt_type_t *t, mt_obj_t seq, size_t len) {
    reversed_t *r = mt_new_obj(reversed_t);
    r->base.type = t;
    r->seq = seq;
    r->index = len;
    return MT_OBJ_FROM_PTR(r);
}

mt_obj_t mt_reversed_array_iter(mt_obj_t seq) {
    size_t len;
    mt_obj_t *items;
    mt_get_array(seq, &len, &items);
    return reversed_new(&array_reversed_type, seq, len);
}

/* a sequence for reversed(): len() and indexing (a built-in type's slots, or a user class's
 * __len__ and __getitem__) */
static bool is_sequence(mt_obj_t o) {
    const mt_type_t *t = mt_type_of(o);
    if (t == &mt_type_dict || mt_obj_is_dict(o) || mt_obj_is_set(o)) return false;
    if (MT_IS_HEAP_TYPE(t))
        return mt_type_lookup(t, MT_QSTR___getitem__) != MT_NULL &&
               mt_type_lookup(t, MT_QSTR___len__) != MT_NULL;
    return t->subscr != NULL && mt_len_maybe(o) != MT_NULL;
}

mt_obj_t mt_reversed(mt_obj_t o) {
    if (MT_IS_ARRAY(o)) return mt_reversed_array_iter(o);
    if (MT_IS_TYPE(o, &mt_type_range)) return mt_range_reversed(o);
    if (MT_IS_TYPE(o, &mt_type_dict)) return mt_dict_reversed(o, MT_DICT_VIEW_KEYS);
    mt_obj_t r = mt_dict_view_reversed(o);
    if (r != MT_NULL) return r;
    mt_obj_t dest[2];
    if (mt_load_method_maybe(o, MT_QSTR___reversed__, dest)) return mt_call_method(0, 0, dest);
    mt_obj_t native = mt_obj_native(o);
    if (native != o && (MT_IS_ARRAY(native) || MT_IS_TYPE(native, &mt_type_dict)))
        return mt_reversed(native);
    if (!is_sequence(o))
        mt_raise_fmt(&mt_type_TypeError, "'%q' object is not reversible", mt_obj_type_name(o));
    return reversed_new(&mt_type_reversed, o, mt_len(o));
}

static mt_obj_t reversed_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                                  const mt_obj_t *args) {
    if (n_kw) mt_raise_type_error("reversed() takes no keyword arguments");
    if (n_args != 1)
        mt_raise_fmt(&mt_type_TypeError, "reversed expected 1 argument, got %u", (unsigned)n_args);
    return mt_reversed(args[0]);
}

static mt_obj_t reversed_next(mt_obj_t o) {
    reversed_t *r = MT_OBJ_TO_PTR(o);
    if (r->index == 0) return MT_NULL;
    r->index--;
    return mt_subscr(r->seq, MT_NEW_SMALL_INT(r->index), MT_SENTINEL);
}

const mt_type_t mt_type_reversed = {
    .base = {&mt_type_type},
    .name = MT_QSTR_reversed,
    .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .make_new = reversed_make_new,
    .getiter = mt_iter_self,
    .iternext = reversed_next,
};

/* ---- iter(callable, sentinel) --------------------------------------------------------------- */
typedef struct {
    mt_obj_base_t base;
    mt_obj_t fun; /* MT_NULL once the sentinel was seen */
    mt_obj_t sentinel;
} callable_iter_t;

static mt_obj_t callable_iter_next(mt_obj_t o) {
    callable_iter_t *c = MT_OBJ_TO_PTR(o);
    if (c->fun == MT_NULL) return MT_NULL;
    mt_obj_t x = mt_call0(c->fun);
    if (x == c->sentinel || mt_equal(x, c->sentinel)) {
        c->fun = MT_NULL;
        return MT_NULL;
    }
    return x;
}

static const mt_type_t callable_iter_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_callable_iterator,
    .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .getiter = mt_iter_self,
    .iternext = callable_iter_next,
};

mt_obj_t mt_callable_iter_new(mt_obj_t fun, mt_obj_t sentinel) {
    callable_iter_t *c = mt_new_obj(callable_iter_t);
    c->base.type = &callable_iter_type;
    c->fun = fun;
    c->sentinel = sentinel;
    return MT_OBJ_FROM_PTR(c);
}
