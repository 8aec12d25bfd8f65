/* list, and the stable sort (list.sort, sorted). */
#include "containers.h"
#include "nlr.h"

static mt_list_t *get_list(mt_obj_t o) {
    if (MT_IS_TYPE(o, &mt_type_list)) return MT_OBJ_TO_PTR(o);
    mt_obj_t n = mt_native_of(o, &mt_type_list);
    if (n == MT_NULL)
        mt_raise_fmt(&mt_type_TypeError, "expected list, got %q", mt_type_of(o)->name);
    return MT_OBJ_TO_PTR(n);
}

/* make room for at least n items */
static void list_reserve(mt_list_t *l, size_t n) {
    if (n <= l->alloc) return;
    size_t alloc = l->alloc + (l->alloc >> 1) + 4;
    if (alloc < n) alloc = n;
    if (alloc > SIZE_MAX / sizeof(mt_obj_t)) mt_raise_memory_error();
    l->items = mt_realloc(l->items, alloc * sizeof(mt_obj_t));
    l->alloc = alloc;
}

static mt_list_t *list_alloc(size_t n) {
    mt_list_t *l = mt_new_obj(mt_list_t);
    l->base.type = &mt_type_list;
    if (n) list_reserve(l, n);
    return l;
}

mt_obj_t mt_list_new(size_t n, const mt_obj_t *items) {
    mt_list_t *l = list_alloc(n);
    if (items)
        mt_copy_items(l->items, items, n);
    else
        for (size_t i = 0; i < n; i++) l->items[i] = MT_NONE;
    l->len = n;
    return MT_OBJ_FROM_PTR(l);
}

void mt_list_get(mt_obj_t o, size_t *len, mt_obj_t **items) {
    mt_list_t *l = get_list(o);
    *len = l->len;
    *items = l->items;
}

void mt_list_append(mt_obj_t o, mt_obj_t item) {
    mt_list_t *l = MT_IS_TYPE(o, &mt_type_list) ? MT_OBJ_TO_PTR(o) : get_list(o);
    if (l->len == l->alloc) list_reserve(l, l->len + 1);
    l->items[l->len++] = item;
}

/* replace the ndel items at pos with src[0..m) */
static void list_replace(mt_list_t *l, size_t pos, size_t ndel, const mt_obj_t *src, size_t m) {
    size_t len = l->len, newlen = len - ndel + m;
    list_reserve(l, newlen);
    mt_copy_items(l->items + pos + m, l->items + pos + ndel, (len - pos - ndel));
    if (m) mt_copy_items(l->items + pos, src, m);
    for (size_t i = newlen; i < len; i++) l->items[i] = MT_NULL;
    l->len = newlen;
}

void mt_list_extend(mt_obj_t o, mt_obj_t iterable) {
    mt_list_t *l = get_list(o);
    mt_obj_t a = mt_array_of(iterable);
    if (a != MT_NULL) {
        size_t n;
        mt_obj_t *items;
        mt_get_array(a, &n, &items);
        list_reserve(l, l->len + n);
        mt_get_array(a, &n, &items); /* l.extend(l): items may have moved */
        mt_copy_items(l->items + l->len, items, n);
        l->len += n;
        return;
    }
    mt_iter_buf_t buf;
    mt_obj_t it = mt_getiter(iterable, &buf), x;
    while ((x = mt_iternext(it)) != MT_NULL) mt_list_append(MT_OBJ_FROM_PTR(l), x);
}

mt_obj_t mt_list_from_iter(mt_obj_t iterable) {
    mt_obj_t a = mt_array_of(iterable);
    if (a != MT_NULL) {
        size_t n;
        mt_obj_t *items;
        mt_get_array(a, &n, &items);
        return mt_list_new(n, items);
    }
    mt_obj_t l = MT_OBJ_FROM_PTR(list_alloc(0));
    mt_list_extend(l, iterable);
    return l;
}

mt_obj_t mt_list_pop(mt_obj_t o, mt_int_t index) {
    mt_list_t *l = get_list(o);
    if (l->len == 0) mt_raise_msg(&mt_type_IndexError, "pop from empty list");
    if (index < 0) index += (mt_int_t)l->len;
    if (index < 0 || (size_t)index >= l->len)
        mt_raise_msg(&mt_type_IndexError, "pop index out of range");
    mt_obj_t x = l->items[index];
    list_replace(l, (size_t)index, 1, NULL, 0);
    if (l->alloc > 16 && l->len < l->alloc / 4) { /* give memory back */
        l->alloc = l->len * 2;
        l->items = mt_realloc(l->items, l->alloc * sizeof(mt_obj_t));
    }
    return x;
}

void mt_list_insert(mt_obj_t o, mt_int_t index, mt_obj_t item) {
    mt_list_t *l = get_list(o);
    if (index < 0) {
        index += (mt_int_t)l->len;
        if (index < 0) index = 0;
    }
    if ((size_t)index > l->len) index = (mt_int_t)l->len;
    list_replace(l, (size_t)index, 0, &item, 1);
}

void mt_list_clear(mt_obj_t o) {
    mt_list_t *l = get_list(o);
    mt_obj_t *items = l->items;
    l->items = NULL;
    l->len = l->alloc = 0;
    if (items) mt_free(items);
}

/* ---- sorting: a bottom-up merge sort over binary-insertion-sorted runs ------------------- */

static inline bool is_plain_str(mt_obj_t o) {
    return MT_IS_QSTR(o) || MT_IS_TYPE(o, &mt_type_str);
}

static int str_cmp(mt_obj_t a, mt_obj_t b) {
    size_t la, lb;
    const char *sa = mt_str_data(a, &la), *sb = mt_str_data(b, &lb);
    int c = memcmp(sa, sb, la < lb ? la : lb);
    return c ? c : (la > lb) - (la < lb);
}

/* a < b from the fast paths alone: 1 true, 0 false, -1 unknown (no fast path applies) */
static int fast_lt(mt_obj_t a, mt_obj_t b) {
    if (MT_IS_SMALL_INT(a) && MT_IS_SMALL_INT(b)) return (mt_int_t)a < (mt_int_t)b;
    if (is_plain_str(a) && is_plain_str(b)) return a != b && str_cmp(a, b) < 0;
    if (MT_IS_TYPE(a, &mt_type_float) && MT_IS_TYPE(b, &mt_type_float))
        return mt_obj_get_float(a) < mt_obj_get_float(b);
    return -1;
}

/* a == b known from the fast paths: 1 equal, 0 not, -1 unknown */
static int fast_eq(mt_obj_t a, mt_obj_t b) {
    if (a == b) return 1;
    if ((MT_IS_SMALL_INT(a) && MT_IS_SMALL_INT(b)) || (MT_IS_QSTR(a) && MT_IS_QSTR(b))) return 0;
    if (is_plain_str(a) && is_plain_str(b)) return str_cmp(a, b) == 0;
    return -1;
}

/* tuples of fast-path items (sorted(d.items()), (key, index) pairs ...) */
static int fast_tuple_lt(mt_obj_t a, mt_obj_t b) {
    if (!MT_IS_TYPE(a, &mt_type_tuple) || !MT_IS_TYPE(b, &mt_type_tuple)) return -1;
    mt_tuple_t *ta = MT_OBJ_TO_PTR(a), *tb = MT_OBJ_TO_PTR(b);
    size_t n = ta->len < tb->len ? ta->len : tb->len;
    for (size_t i = 0; i < n; i++) {
        int e = fast_eq(ta->items[i], tb->items[i]);
        if (e < 0) return -1;
        if (!e) return fast_lt(ta->items[i], tb->items[i]);
    }
    return ta->len < tb->len;
}

bool mt_lt(mt_obj_t a, mt_obj_t b) {
    int r = fast_lt(a, b);
    if (r < 0) r = fast_tuple_lt(a, b);
    if (r >= 0) return r;
    return mt_is_true(mt_binary_op(MT_BINOP_LT, a, b));
}

typedef struct {
    mt_obj_t *k, *v;   /* keys, and the values that move with them (NULL: none) */
    mt_obj_t *tk, *tv; /* room for half the keys/values */
    mt_obj_t exc;      /* the exception a comparison raised; then every compare is false */
} sorter_t;

static bool slow_lt(sorter_t *s, mt_obj_t a, mt_obj_t b) {
    if (s->exc != MT_NULL) return false;
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        bool r = mt_is_true(mt_binary_op(MT_BINOP_LT, a, b));
        mt_nlr_pop();
        return r;
    }
    s->exc = nlr.ret_val;
    return false;
}

static inline bool lt(sorter_t *s, mt_obj_t a, mt_obj_t b) {
    int r = fast_lt(a, b);
    if (r < 0) r = fast_tuple_lt(a, b);
    return r >= 0 ? r : slow_lt(s, a, b);
}

static void insertion_sort(sorter_t *s, size_t lo, size_t hi) {
    for (size_t i = lo + 1; i < hi; i++) {
        mt_obj_t x = s->k[i];
        if (!lt(s, x, s->k[i - 1])) continue;
        size_t a = lo, b = i - 1; /* x goes after equal items, in [lo, i-1] */
        while (a < b) {
            size_t m = a + (b - a) / 2;
            if (lt(s, x, s->k[m]))
                b = m;
            else
                a = m + 1;
        }
        memmove(s->k + a + 1, s->k + a, (i - a) * sizeof(mt_obj_t));
        s->k[a] = x;
        if (s->v) {
            mt_obj_t y = s->v[i];
            memmove(s->v + a + 1, s->v + a, (i - a) * sizeof(mt_obj_t));
            s->v[a] = y;
        }
    }
}

#define MOVE(dk, dv, sk, sv)                                                                       \
    do {                                                                                           \
        dk = sk;                                                                                   \
        if (s->v) dv = sv;                                                                         \
    } while (0)

/* merge runs [lo, mid) and [mid, hi), the left one no longer: it goes to the temp room */
static void merge_lo(sorter_t *s, size_t lo, size_t mid, size_t hi) {
    size_t nl = mid - lo, i = 0, j = mid, d = lo;
    memcpy(s->tk, s->k + lo, nl * sizeof(mt_obj_t));
    if (s->v) memcpy(s->tv, s->v + lo, nl * sizeof(mt_obj_t));
    while (i < nl && j < hi) {
        if (lt(s, s->k[j], s->tk[i])) {
            MOVE(s->k[d], s->v[d], s->k[j], s->v[j]);
            j++;
        } else {
            MOVE(s->k[d], s->v[d], s->tk[i], s->tv[i]);
            i++;
        }
        d++;
    }
    memcpy(s->k + d, s->tk + i, (nl - i) * sizeof(mt_obj_t));
    if (s->v) memcpy(s->v + d, s->tv + i, (nl - i) * sizeof(mt_obj_t));
}

/* the same with a shorter right run, merging from the top down */
static void merge_hi(sorter_t *s, size_t lo, size_t mid, size_t hi) {
    size_t nr = hi - mid, i = mid, j = nr, d = hi;
    memcpy(s->tk, s->k + mid, nr * sizeof(mt_obj_t));
    if (s->v) memcpy(s->tv, s->v + mid, nr * sizeof(mt_obj_t));
    while (i > lo && j > 0) {
        d--;
        if (lt(s, s->tk[j - 1], s->k[i - 1])) {
            i--;
            MOVE(s->k[d], s->v[d], s->k[i], s->v[i]);
        } else {
            j--;
            MOVE(s->k[d], s->v[d], s->tk[j], s->tv[j]);
        }
    }
    memcpy(s->k + lo, s->tk, j * sizeof(mt_obj_t));
    if (s->v) memcpy(s->v + lo, s->tv, j * sizeof(mt_obj_t));
}

static void reverse_array(mt_obj_t *a, size_t n) {
    for (size_t i = 0, j = n; i + 1 < j; i++) {
        j--;
        mt_obj_t t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

#define RUN 16

void mt_sort_array(mt_obj_t *keys, mt_obj_t *values, size_t n) {
    if (n < 2) return;
    sorter_t s = {keys, values, NULL, NULL, MT_NULL};
    if (n > RUN) {
        size_t half = n / 2 + 1;
        s.tk = mt_alloc(half * sizeof(mt_obj_t) * (values ? 2 : 1));
        s.tv = values ? s.tk + half : NULL;
    }
    size_t desc = 1; /* a strictly descending array (reverse=True of sorted data) just flips */
    while (desc < n && lt(&s, keys[desc], keys[desc - 1])) desc++;
    if (desc == n) {
        reverse_array(keys, n);
        if (values) reverse_array(values, n);
    }
    for (size_t lo = 0; lo < n; lo += RUN) insertion_sort(&s, lo, lo + RUN < n ? lo + RUN : n);
    for (size_t w = RUN; w < n; w *= 2) {
        for (size_t lo = 0; lo + w < n; lo += 2 * w) {
            size_t mid = lo + w, hi = mid + w < n ? mid + w : n;
            if (!lt(&s, keys[mid], keys[mid - 1])) continue; /* already in order */
            if (mid - lo <= hi - mid)
                merge_lo(&s, lo, mid, hi);
            else
                merge_hi(&s, lo, mid, hi);
        }
    }
    if (s.tk) mt_free(s.tk);
    if (s.exc != MT_NULL) mt_raise(s.exc);
}

void mt_list_sort(mt_obj_t o, mt_obj_t key, bool reverse) {
    mt_list_t *l = get_list(o);
    size_t n = l->len, alloc = l->alloc;
    mt_obj_t *items = l->items, *keys = items;
    if (key != MT_NONE && key != MT_NULL && n > 0) {
        keys = mt_alloc(n * sizeof(mt_obj_t));
        for (size_t i = 0; i < n && i < l->len; i++) keys[i] = mt_call1(key, l->items[i]);
        if (l->items != items || l->len != n)
            mt_raise_msg(&mt_type_ValueError, "list modified during sort");
    }
    if (n < 2) return;
    /* detach the items so that changes during the sort show */
    l->items = NULL;
    l->len = l->alloc = 0;
    if (reverse) {
        reverse_array(items, n);
        if (keys != items) reverse_array(keys, n);
    }
    mt_obj_t exc = MT_NULL;
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_sort_array(keys, keys != items ? items : NULL, n);
        mt_nlr_pop();
    } else {
        exc = nlr.ret_val;
    }
    if (reverse) {
        reverse_array(items, n);
        if (keys != items) reverse_array(keys, n);
    }
    bool modified = l->items != NULL || l->len != 0;
    l->items = items;
    l->len = n;
    l->alloc = alloc;
    if (keys != items) mt_free(keys);
    if (exc != MT_NULL) mt_raise(exc);
    if (modified) mt_raise_msg(&mt_type_ValueError, "list modified during sort");
}

/* ---- the type ---------------------------------------------------------------------------- */

static void list_print_items(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_list_t *l = MT_OBJ_TO_PTR(o);
    mt_print_strn(p, "[", 1);
    for (size_t i = 0; i < l->len; i++) { /* re-read: a repr may change the list */
        if (i > 0) mt_print_strn(p, ", ", 2);
        mt_print_obj(p, l->items[i], MT_PRINT_REPR);
    }
    mt_print_strn(p, "]", 1);
}

static void list_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_list_t *l = get_list(o);
    for (size_t i = 0; i < l->len; i++) {
        if (!mt_repr_is_leaf(l->items[i])) {
            mt_print_guarded(p, MT_OBJ_FROM_PTR(l), kind, list_print_items, "[...]");
            return;
        }
    }
    list_print_items(p, MT_OBJ_FROM_PTR(l), kind);
}

static mt_obj_t list_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                              const mt_obj_t *args) {
    if (n_kw) mt_raise_type_error("list() takes no keyword arguments");
    if (n_args > 1)
        mt_raise_fmt(&mt_type_TypeError, "list expected at most 1 argument, got %u",
                     (unsigned)n_args);
    return n_args == 0 ? mt_list_new(0, NULL) : mt_list_from_iter(args[0]);
}

static mt_obj_t list_unary_op(mt_unop_t op, mt_obj_t o) {
    mt_list_t *l = get_list(o);
    switch (op) {
    case MT_UNOP_BOOL: return MT_BOOL(l->len != 0);
    case MT_UNOP_LEN: return MT_NEW_SMALL_INT(l->len);
    default: return MT_NULL;
    }
}

static bool is_user_obj(mt_obj_t o) {
    return (mt_type_of(o)->flags & MT_TYPE_FLAG_HEAP) != 0;
}

static mt_obj_t list_repeat(mt_list_t *l, mt_obj_t times, mt_obj_t in_place) {
    size_t n;
    mt_obj_t *items = mt_seq_repeat(l->items, l->len, times, &n);
    if (in_place == MT_NULL) {
        mt_obj_t res = mt_list_new(n, items);
        if (items) mt_free(items);
        return res;
    }
    mt_obj_t *old = l->items;
    l->items = items;
    l->len = l->alloc = n;
    if (old) mt_free(old);
    return in_place;
}

static mt_obj_t list_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    mt_list_t *l = get_list(lhs);
    switch (op) {
    case MT_BINOP_CONTAINS: return MT_BOOL(mt_seq_contains(l->items, l->len, rhs));
    case MT_BINOP_ADD: {
        mt_obj_t r = mt_native_of(rhs, &mt_type_list);
        if (r == MT_NULL) {
            if (is_user_obj(rhs)) return MT_NULL;
            mt_raise_fmt(&mt_type_TypeError, "can only concatenate list (not \"%q\") to list",
                         mt_type_of(rhs)->name);
        }
        mt_list_t *u = MT_OBJ_TO_PTR(r);
        mt_list_t *res = list_alloc(l->len + u->len);
        mt_copy_items(res->items, l->items, l->len);
        if (u->len) mt_copy_items(res->items + l->len, u->items, u->len); /* items may be NULL */
        res->len = l->len + u->len;
        return MT_OBJ_FROM_PTR(res);
    }
    case MT_BINOP_INPLACE_ADD: mt_list_extend(MT_OBJ_FROM_PTR(l), rhs); return lhs;
    case MT_BINOP_MUL:
    case MT_BINOP_REVERSE_MUL:
    case MT_BINOP_INPLACE_MUL:
        if (!mt_obj_is_int(rhs)) {
            if (is_user_obj(rhs) && !mt_seq_repeat_by_index(rhs)) return MT_NULL;
            if (!is_user_obj(rhs))
                mt_raise_fmt(&mt_type_TypeError, "can't multiply sequence by non-int of type '%q'",
                             mt_type_of(rhs)->name);
        }
        return list_repeat(l, rhs, op == MT_BINOP_INPLACE_MUL ? lhs : MT_NULL);
    case MT_BINOP_LT:
    case MT_BINOP_GT:
    case MT_BINOP_EQ:
    case MT_BINOP_NE:
    case MT_BINOP_LE:
    case MT_BINOP_GE: {
        mt_obj_t r = mt_native_of(rhs, &mt_type_list);
        if (r == MT_NULL) return MT_NULL;
        mt_list_t *u = MT_OBJ_TO_PTR(r);
        return MT_BOOL(mt_seq_compare(op, l->items, l->len, u->items, u->len));
    }
    default: return MT_NULL;
    }
}

static void list_store_slice(mt_list_t *l, mt_obj_t slice, mt_obj_t value) {
    mt_int_t start, stop, step;
    mt_slice_indices(slice, (mt_int_t)l->len, &start, &stop, &step);
    if (!MT_IS_ARRAY(value) && mt_type_of(value)->getiter == NULL && !is_user_obj(value))
        mt_raise_type_error(step == 1 ? "can only assign an iterable"
                                      : "must assign iterable to extended slice");
    if (!MT_IS_ARRAY(value) || value == MT_OBJ_FROM_PTR(l)) value = mt_list_from_iter(value);
    size_t m;
    mt_obj_t *src;
    mt_get_array(value, &m, &src);
    mt_slice_indices(slice, (mt_int_t)l->len, &start, &stop, &step); /* len may have changed */
    if (step == 1) {
        if (stop < start) stop = start;
        list_replace(l, (size_t)start, (size_t)(stop - start), src, m);
        return;
    }
    size_t n = mt_slice_len(start, stop, step);
    if (m != n)
        mt_raise_fmt(&mt_type_ValueError,
                     "attempt to assign sequence of size %u to extended slice of size %u",
                     (unsigned)m, (unsigned)n);
    for (size_t i = 0; i < n; i++, start += step) l->items[start] = src[i];
}

static void list_delete_slice(mt_list_t *l, mt_obj_t slice) {
    mt_int_t start, step;
    size_t n = mt_slice_resolve(slice, l->len, &start, &step);
    if (n == 0) return;
    if (step < 0) {
        start += (mt_int_t)(n - 1) * step;
        step = -step;
    }
    if (step == 1) {
        list_replace(l, (size_t)start, n, NULL, 0);
        return;
    }
    size_t d = (size_t)start, k = 0, len = l->len;
    for (size_t i = (size_t)start; i < len; i++) {
        if (k < n && i == (size_t)start + k * (size_t)step)
            k++;
        else
            l->items[d++] = l->items[i];
    }
    for (size_t i = d; i < len; i++) l->items[i] = MT_NULL;
    l->len = d;
}

static mt_obj_t list_subscr(mt_obj_t o, mt_obj_t index, mt_obj_t value) {
    mt_list_t *l = get_list(o);
    if (MT_IS_TYPE(index, &mt_type_slice)) {
        if (value == MT_SENTINEL) {
            mt_int_t start, step;
            size_t n = mt_slice_resolve(index, l->len, &start, &step);
            mt_list_t *res = list_alloc(n);
            mt_seq_copy_slice(res->items, l->items, start, step, n);
            res->len = n;
            return MT_OBJ_FROM_PTR(res);
        }
        if (value == MT_NULL)
            list_delete_slice(l, index);
        else
            list_store_slice(l, index, value);
        return MT_NONE;
    }
    if (value == MT_SENTINEL) return l->items[mt_seq_get_index(&mt_type_list, l->len, index)];
    size_t i;
    if (MT_IS_SMALL_INT(index)) {
        mt_int_t v = MT_SMALL_INT_VALUE(index);
        if (v < 0) v += (mt_int_t)l->len;
        if (v < 0 || (size_t)v >= l->len)
            mt_raise_msg(&mt_type_IndexError, "list assignment index out of range");
        i = (size_t)v;
    } else {
        i = mt_seq_get_index(&mt_type_list, l->len, index);
    }
    if (value == MT_NULL)
        list_replace(l, i, 1, NULL, 0);
    else
        l->items[i] = value;
    return MT_NONE;
}

/* ---- the list iterator (in the caller's mt_iter_buf_t when given) ------------------------ */
typedef struct {
    mt_obj_base_t base;
    mt_list_t *list;
    size_t index;
} list_iter_t;

static mt_obj_t list_iter_next(mt_obj_t o) {
    list_iter_t *it = MT_OBJ_TO_PTR(o);
    return it->index < it->list->len ? it->list->items[it->index++] : MT_NULL;
}

static const mt_type_t list_iter_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_list_iterator,
    .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .getiter = mt_iter_self,
    .iternext = list_iter_next,
};

static mt_obj_t list_getiter(mt_obj_t o, mt_iter_buf_t *buf) {
    list_iter_t *it = buf ? (list_iter_t *)buf : mt_new_obj(list_iter_t);
    it->base.type = &list_iter_type;
    it->list = get_list(o);
    it->index = 0;
    return MT_OBJ_FROM_PTR(it);
}

/* ---- methods ------------------------------------------------------------------------------ */

static mt_obj_t list_append(mt_obj_t self, mt_obj_t x) {
    mt_list_append(self, x);
    return MT_NONE;
}
static MT_DEFINE_FUN_2(list_append_obj, list_append);

static mt_obj_t list_extend(mt_obj_t self, mt_obj_t x) {
    mt_list_extend(self, x);
    return MT_NONE;
}
static MT_DEFINE_FUN_2(list_extend_obj, list_extend);

static mt_obj_t list_insert(mt_obj_t self, mt_obj_t index, mt_obj_t x) {
    mt_int_t i = MT_IS_SMALL_INT(index) ? MT_SMALL_INT_VALUE(index) : mt_obj_get_index(index);
    mt_list_insert(self, i, x);
    return MT_NONE;
}
static MT_DEFINE_FUN_3(list_insert_obj, list_insert);

static mt_obj_t list_pop(size_t n_args, const mt_obj_t *args) {
    mt_int_t i = -1;
    if (n_args > 1)
        i = MT_IS_SMALL_INT(args[1]) ? MT_SMALL_INT_VALUE(args[1]) : mt_obj_get_index(args[1]);
    return mt_list_pop(args[0], i);
}
static MT_DEFINE_FUN_VAR(list_pop_obj, 1, 2, list_pop);

static mt_obj_t list_remove(mt_obj_t self, mt_obj_t x) {
    mt_list_t *l = get_list(self);
    for (size_t i = 0; i < l->len; i++) {
        if (l->items[i] == x || mt_equal(l->items[i], x)) {
            if (i < l->len) list_replace(l, i, 1, NULL, 0);
            return MT_NONE;
        }
    }
    mt_raise_msg(&mt_type_ValueError, "list.remove(x): x not in list");
}
static MT_DEFINE_FUN_2(list_remove_obj, list_remove);

static mt_obj_t list_index(size_t n_args, const mt_obj_t *args) {
    mt_list_t *l = get_list(args[0]);
    return mt_seq_index(l->items, l->len, n_args, args);
}
static MT_DEFINE_FUN_VAR(list_index_obj, 2, 4, list_index);

static mt_obj_t list_count(mt_obj_t self, mt_obj_t x) {
    mt_list_t *l = get_list(self);
    return mt_seq_count(l->items, l->len, x);
}
static MT_DEFINE_FUN_2(list_count_obj, list_count);

static mt_obj_t list_reverse(mt_obj_t self) {
    mt_list_t *l = get_list(self);
    reverse_array(l->items, l->len);
    return MT_NONE;
}
static MT_DEFINE_FUN_1(list_reverse_obj, list_reverse);

static mt_obj_t list_copy(mt_obj_t self) {
    mt_list_t *l = get_list(self);
    return mt_list_new(l->len, l->items);
}
static MT_DEFINE_FUN_1(list_copy_obj, list_copy);

static mt_obj_t list_clear(mt_obj_t self) {
    mt_list_clear(self);
    return MT_NONE;
}
static MT_DEFINE_FUN_1(list_clear_obj, list_clear);

static mt_obj_t list_sort(size_t n_args, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_key, MT_ARG_KW_ONLY, MT_NONE},
        {MT_QSTR_reverse, MT_ARG_KW_ONLY, MT_FALSE},
    };
    if (n_args > 1) mt_raise_type_error("sort() takes no positional arguments");
    mt_obj_t out[2];
    mt_arg_parse(0, NULL, kw, 2, spec, out);
    mt_list_sort(args[0], out[0], mt_is_true(out[1]));
    return MT_NONE;
}
static MT_DEFINE_FUN_KW(list_sort_obj, 1, list_sort);

/* the slots as methods, for subclasses that call them through super() */
static mt_obj_t list_getitem(mt_obj_t self, mt_obj_t index) {
    return list_subscr(MT_OBJ_FROM_PTR(get_list(self)), index, MT_SENTINEL);
}
static MT_DEFINE_FUN_2(list_getitem_obj, list_getitem);

static mt_obj_t list_setitem(mt_obj_t self, mt_obj_t index, mt_obj_t value) {
    return list_subscr(MT_OBJ_FROM_PTR(get_list(self)), index, value);
}
static MT_DEFINE_FUN_3(list_setitem_obj, list_setitem);

static mt_obj_t list_delitem(mt_obj_t self, mt_obj_t index) {
    return list_subscr(MT_OBJ_FROM_PTR(get_list(self)), index, MT_NULL);
}
static MT_DEFINE_FUN_2(list_delitem_obj, list_delitem);

static mt_obj_t list_len(mt_obj_t self) {
    return MT_NEW_SMALL_INT(get_list(self)->len);
}
static MT_DEFINE_FUN_1(list_len_obj, list_len);

static mt_obj_t list_contains(mt_obj_t self, mt_obj_t x) {
    mt_list_t *l = get_list(self);
    return MT_BOOL(mt_seq_contains(l->items, l->len, x));
}
static MT_DEFINE_FUN_2(list_contains_obj, list_contains);

static const mt_map_elem_t list_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___contains__), MT_ROM_PTR(&list_contains_obj)},
    {MT_ROM_QSTR(MT_QSTR___delitem__), MT_ROM_PTR(&list_delitem_obj)},
    {MT_ROM_QSTR(MT_QSTR___getitem__), MT_ROM_PTR(&list_getitem_obj)},
    {MT_ROM_QSTR(MT_QSTR___len__), MT_ROM_PTR(&list_len_obj)},
    {MT_ROM_QSTR(MT_QSTR___setitem__), MT_ROM_PTR(&list_setitem_obj)},
    {MT_ROM_QSTR(MT_QSTR_append), MT_ROM_PTR(&list_append_obj)},
    {MT_ROM_QSTR(MT_QSTR_clear), MT_ROM_PTR(&list_clear_obj)},
    {MT_ROM_QSTR(MT_QSTR_copy), MT_ROM_PTR(&list_copy_obj)},
    {MT_ROM_QSTR(MT_QSTR_count), MT_ROM_PTR(&list_count_obj)},
    {MT_ROM_QSTR(MT_QSTR_extend), MT_ROM_PTR(&list_extend_obj)},
    {MT_ROM_QSTR(MT_QSTR_index), MT_ROM_PTR(&list_index_obj)},
    {MT_ROM_QSTR(MT_QSTR_insert), MT_ROM_PTR(&list_insert_obj)},
    {MT_ROM_QSTR(MT_QSTR_pop), MT_ROM_PTR(&list_pop_obj)},
    {MT_ROM_QSTR(MT_QSTR_remove), MT_ROM_PTR(&list_remove_obj)},
    {MT_ROM_QSTR(MT_QSTR_reverse), MT_ROM_PTR(&list_reverse_obj)},
    {MT_ROM_QSTR(MT_QSTR_sort), MT_ROM_PTR(&list_sort_obj)},
};
static MT_DEFINE_CONST_MAP(list_locals, list_locals_table);

const mt_type_t mt_type_list = {
    .base = {&mt_type_type},
    .name = MT_QSTR_list,
    .flags = MT_TYPE_FLAG_BASETYPE | MT_TYPE_FLAG_UNHASHABLE,
    .print = list_print,
    .make_new = list_make_new,
    .unary_op = list_unary_op,
    .binary_op = list_binary_op,
    .subscr = list_subscr,
    .getiter = list_getiter,
    .locals = &list_locals,
};
