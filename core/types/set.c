/* set and frozenset. The table follows CPython's layout and algorithms (linear probes then
 * perturbation, resize thresholds, merge and difference strategies), so a set of ints
 * iterates and prints in the same order as in CPython. */
#include "containers.h"
#include "runtime.h"

#define MINSIZE       8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* probing as CPython does on 64-bit machines, also on 32-bit ones: the same order there */
typedef uint64_t perturb_t;

#define ACTIVE(e) ((e)->key != MT_NULL && (e)->key != MT_SET_DUMMY)

static mt_set_t *as_set(mt_obj_t o) {
    if (MT_IS_OBJ(o)) {
        const mt_type_t *t = ((mt_obj_base_t *)o)->type;
        if (t == &mt_type_set || t == &mt_type_frozenset) return MT_OBJ_TO_PTR(o);
    }
    mt_obj_t n = mt_native_of(o, &mt_type_set);
    if (n == MT_NULL) n = mt_native_of(o, &mt_type_frozenset);
    return n == MT_NULL ? NULL : MT_OBJ_TO_PTR(n);
}

static mt_set_t *get_set(mt_obj_t o) {
    mt_set_t *s = as_set(o);
    if (s == NULL) mt_raise_fmt(&mt_type_TypeError, "expected set, got %q", mt_type_of(o)->name);
    return s;
}

bool mt_obj_is_set(mt_obj_t o) {
    return as_set(o) != NULL;
}

static bool is_frozen(const mt_set_t *s) {
    return s->base.type == &mt_type_frozenset;
}

static mt_set_t *set_alloc(const mt_type_t *t) {
    mt_set_t *s = mt_new_obj(mt_set_t);
    s->base.type = t;
    s->mask = MINSIZE - 1;
    return s;
}

static void ensure_table(mt_set_t *s) {
    if (s->table == NULL) s->table = mt_alloc((s->mask + 1) * sizeof(mt_set_entry_t));
}

/* the hash of an element, folded into the small-int range so that every path agrees (on
 * 32-bit machines a qstr's hash and the equal str object's could otherwise differ: a str
 * object hashes to its text's hash masked to the small-int range) */
static mt_int_t set_hash(mt_obj_t key) {
    if (MT_IS_QSTR(key)) return (mt_int_t)(mt_qstr_hash(MT_QSTR_VALUE(key)) & MT_SMALL_INT_MAX);
    return MT_SMALL_INT_VALUE(MT_NEW_SMALL_INT(mt_hash(key)));
}

/* a set used as an element is looked up as the equal frozenset */
static mt_obj_t key_for_lookup(mt_obj_t key) {
    if (MT_IS_TYPE(key, &mt_type_set)) return mt_set_from_iter(key, true);
    return key;
}

static inline bool quick_ne(mt_obj_t a, mt_obj_t b) {
    return (MT_IS_SMALL_INT(a) && MT_IS_SMALL_INT(b)) || (MT_IS_QSTR(a) && MT_IS_QSTR(b));
}

/* the slot holding key, or NULL */
static mt_set_entry_t *set_lookkey(mt_set_t *s, mt_obj_t key, mt_int_t hash) {
restart:
    if (s->table == NULL) return NULL;
    mt_set_entry_t *table = s->table;
    size_t mask = s->mask, i = (size_t)hash & mask;
    perturb_t perturb = (perturb_t)hash;
    for (;;) {
        mt_set_entry_t *e = &table[i];
        size_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (e->key == MT_NULL) return NULL;
            if (e->hash == hash && e->key != MT_SET_DUMMY) {
                mt_obj_t k = e->key;
                if (k == key) return e;
                if (!quick_ne(k, key)) {
                    bool eq = mt_equal(k, key);
                    if (table != s->table || e->key != k) goto restart;
                    if (eq) return e;
                }
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (size_t)((i * 5 + 1 + perturb) & mask);
    }
}

/* insert into a table known to hold neither key nor dummies */
static void insert_clean(mt_set_entry_t *table, size_t mask, mt_obj_t key, mt_int_t hash) {
    size_t i = (size_t)hash & mask;
    perturb_t perturb = (perturb_t)hash;
    for (;;) {
        mt_set_entry_t *e = &table[i];
        if (e->key == MT_NULL) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (size_t j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (e->key == MT_NULL) goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (size_t)((i * 5 + 1 + perturb) & mask);
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

static void set_table_resize(mt_set_t *s, size_t minused) {
    size_t size = MINSIZE;
    while (size <= minused) size <<= 1;
    mt_set_entry_t *old = s->table, *table = mt_alloc(size * sizeof(mt_set_entry_t));
    size_t oldmask = s->mask;
    s->table = table;
    s->mask = size - 1;
    if (old) {
        for (size_t i = 0; i <= oldmask; i++)
            if (ACTIVE(&old[i])) insert_clean(table, s->mask, old[i].key, old[i].hash);
        mt_free(old);
    }
    s->fill = s->used;
}

static void set_add_entry(mt_set_t *s, mt_obj_t key, mt_int_t hash) {
    ensure_table(s);
restart:;
    mt_set_entry_t *table = s->table, *freeslot = NULL, *e;
    size_t mask = s->mask, i = (size_t)hash & mask;
    perturb_t perturb = (perturb_t)hash;
    for (;;) {
        e = &table[i];
        size_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (e->key == MT_NULL) goto found_unused;
            if (e->key == MT_SET_DUMMY) {
                if (freeslot == NULL) freeslot = e;
            } else if (e->hash == hash) {
                mt_obj_t k = e->key;
                if (k == key) return;
                if (!quick_ne(k, key)) {
                    bool eq = mt_equal(k, key);
                    if (table != s->table || e->key != k) goto restart;
                    if (eq) return;
                }
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (size_t)((i * 5 + 1 + perturb) & mask);
    }
found_unused:
    s->hash = 0;
    s->used++;
    if (freeslot) {
        freeslot->key = key;
        freeslot->hash = hash;
        return;
    }
    e->key = key;
    e->hash = hash;
    s->fill++;
    if (s->fill * 5 < mask * 3) return;
    set_table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

static void set_add_key(mt_set_t *s, mt_obj_t key) {
    set_add_entry(s, key, set_hash(key));
}

static bool set_discard_entry(mt_set_t *s, mt_obj_t key, mt_int_t hash) {
    mt_set_entry_t *e = set_lookkey(s, key, hash);
    if (e == NULL) return false;
    e->key = MT_SET_DUMMY;
    e->hash = -1;
    s->used--;
    return true;
}

static void set_clear(mt_set_t *s) {
    mt_set_entry_t *old = s->table;
    s->table = NULL;
    s->fill = s->used = s->finger = 0;
    s->mask = MINSIZE - 1;
    if (old) mt_free(old);
}

/* the next active slot at or after *pos (re-reading the table: user code may resize it) */
static mt_set_entry_t *set_next(mt_set_t *s, size_t *pos) {
    while (s->table && *pos <= s->mask) {
        mt_set_entry_t *e = &s->table[(*pos)++];
        if (ACTIVE(e)) return e;
    }
    return NULL;
}

static void set_merge(mt_set_t *s, mt_set_t *o) {
    if (s == o || o->used == 0) return;
    if ((s->fill + o->used) * 5 >= s->mask * 3) set_table_resize(s, (s->used + o->used) * 2);
    ensure_table(s);
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {
        memcpy(s->table, o->table, (s->mask + 1) * sizeof(mt_set_entry_t));
        s->fill = s->used = o->used;
        return;
    }
    if (s->fill == 0) {
        for (size_t i = 0; i <= o->mask; i++)
            if (ACTIVE(&o->table[i]))
                insert_clean(s->table, s->mask, o->table[i].key, o->table[i].hash);
        s->fill = s->used = o->used;
        return;
    }
    size_t pos = 0;
    mt_set_entry_t *e;
    while ((e = set_next(o, &pos)) != NULL) set_add_entry(s, e->key, e->hash);
}

static void set_update_internal(mt_set_t *s, mt_obj_t other) {
    mt_set_t *o = as_set(other);
    if (o) {
        set_merge(s, o);
        return;
    }
    if (MT_IS_TYPE(other, &mt_type_dict)) {
        mt_map_t *map = mt_dict_map(other);
        if ((s->fill + map->filled) * 5 >= s->mask * 3)
            set_table_resize(s, (s->used + map->filled) * 2);
        for (size_t i = 0; i < map->used; i++)
            if (map->elems[i].key != MT_NULL) set_add_key(s, map->elems[i].key);
        return;
    }
    mt_obj_t a = mt_array_of(other);
    if (a != MT_NULL) {
        size_t n;
        mt_obj_t *items;
        mt_get_array(a, &n, &items);
        for (size_t i = 0; i < n; i++) {
            set_add_key(s, items[i]);
            mt_get_array(a, &n, &items); /* a key's __hash__/__eq__ may change it */
        }
        return;
    }
    mt_iter_buf_t buf;
    mt_obj_t it = mt_getiter(other, &buf), x;
    while ((x = mt_iternext(it)) != MT_NULL) set_add_key(s, x);
}

static const mt_type_t *base_type(const mt_set_t *s) {
    return is_frozen(s) ? &mt_type_frozenset : &mt_type_set;
}

static mt_set_t *set_copy(mt_set_t *s) {
    mt_set_t *c = set_alloc(base_type(s));
    set_merge(c, s);
    return c;
}

/* a value a literal may hold as a constant */
static bool is_constant(mt_obj_t o) {
    if (!MT_IS_OBJ(o)) return true;
    const mt_type_t *t = ((mt_obj_base_t *)o)->type;
    if (t == &mt_type_tuple) {
        mt_tuple_t *tup = MT_OBJ_TO_PTR(o);
        for (size_t i = 0; i < tup->len; i++)
            if (!is_constant(tup->items[i])) return false;
        return true;
    }
    return t == &mt_type_int || t == &mt_type_float || t == &mt_type_complex || t == &mt_type_str ||
           t == &mt_type_bytes || o == MT_ELLIPSIS;
}

/* a set display {a, b, c}. CPython compiles one of 3+ constants into a frozenset constant
 * (built twice: from the items, then from its own iteration order) merged into a new set;
 * doing the same gives the same iteration order. */
mt_obj_t mt_set_new(size_t n, const mt_obj_t *items) {
    mt_set_t *s = set_alloc(&mt_type_set);
    bool folded = n > 2;
    for (size_t i = 0; folded && i < n; i++) folded = is_constant(items[i]);
    if (!folded) {
        for (size_t i = 0; i < n; i++) set_add_key(s, items[i]);
        return MT_OBJ_FROM_PTR(s);
    }
    mt_set_t *f1 = set_alloc(&mt_type_frozenset), *f2 = set_alloc(&mt_type_frozenset);
    for (size_t i = 0; i < n; i++) set_add_key(f1, items[i]);
    size_t pos = 0;
    mt_set_entry_t *e;
    while ((e = set_next(f1, &pos)) != NULL) set_add_entry(f2, e->key, e->hash);
    set_merge(s, f2);
    mt_free(f1->table);
    mt_free(f2->table);
    return MT_OBJ_FROM_PTR(s);
}

void mt_set_add(mt_obj_t set, mt_obj_t item) {
    set_add_key(get_set(set), item);
}

mt_obj_t mt_set_from_iter(mt_obj_t iterable, bool frozen) {
    if (frozen && MT_IS_TYPE(iterable, &mt_type_frozenset)) return iterable;
    mt_set_t *s = set_alloc(frozen ? &mt_type_frozenset : &mt_type_set);
    set_update_internal(s, iterable);
    return MT_OBJ_FROM_PTR(s);
}

bool mt_set_contains(mt_obj_t set, mt_obj_t item) {
    item = key_for_lookup(item);
    return set_lookkey(get_set(set), item, set_hash(item)) != NULL;
}

bool mt_set_discard(mt_obj_t set, mt_obj_t item) {
    item = key_for_lookup(item);
    return set_discard_entry(get_set(set), item, set_hash(item));
}

/* ---- the algebra, as CPython does it ------------------------------------------------------ */

static mt_set_t *set_intersection(mt_set_t *s, mt_obj_t other) {
    if (MT_OBJ_FROM_PTR(s) == other) return set_copy(s);
    mt_set_t *res = set_alloc(base_type(s)), *o = as_set(other);
    if (o) {
        mt_set_t *big = s, *small = o;
        if (o->used > s->used) {
            big = o;
            small = s;
        }
        size_t pos = 0;
        mt_set_entry_t *e;
        while ((e = set_next(small, &pos)) != NULL) {
            mt_obj_t k = e->key;
            mt_int_t h = e->hash;
            if (set_lookkey(big, k, h)) set_add_entry(res, k, h);
        }
        return res;
    }
    mt_iter_buf_t buf;
    mt_obj_t it = mt_getiter(other, &buf), x;
    while ((x = mt_iternext(it)) != MT_NULL) {
        mt_int_t h = set_hash(x);
        if (set_lookkey(s, x, h)) set_add_entry(res, x, h);
    }
    return res;
}

static void set_take(mt_set_t *s, mt_set_t *from) {
    s->table = from->table;
    s->fill = from->fill;
    s->used = from->used;
    s->mask = from->mask;
    s->finger = 0;
    s->hash = 0;
}

static void set_difference_update_internal(mt_set_t *s, mt_obj_t other) {
    if (MT_OBJ_FROM_PTR(s) == other) {
        set_clear(s);
        return;
    }
    mt_set_t *o = as_set(other);
    if (o) {
        size_t pos = 0;
        mt_set_entry_t *e;
        while ((e = set_next(o, &pos)) != NULL) set_discard_entry(s, e->key, e->hash);
    } else {
        mt_iter_buf_t buf;
        mt_obj_t it = mt_getiter(other, &buf), x;
        while ((x = mt_iternext(it)) != MT_NULL) {
            x = key_for_lookup(x);
            set_discard_entry(s, x, set_hash(x));
        }
    }
    if (s->fill - s->used <= s->mask / 4) return;
    set_table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

static mt_set_t *set_difference(mt_set_t *s, mt_obj_t other) {
    mt_set_t *o = as_set(other);
    bool is_dict = MT_IS_TYPE(other, &mt_type_dict);
    size_t other_size = o ? o->used : is_dict ? mt_dict_map(other)->filled : 0;
    if ((!o && !is_dict) || (s->used >> 2) > other_size) {
        mt_set_t *res = set_copy(s);
        set_difference_update_internal(res, other);
        return res;
    }
    mt_set_t *res = set_alloc(base_type(s));
    size_t pos = 0;
    mt_set_entry_t *e;
    while ((e = set_next(s, &pos)) != NULL) {
        mt_obj_t k = e->key;
        mt_int_t h = e->hash;
        bool in = o ? set_lookkey(o, k, h) != NULL
                    : mt_map_lookup(mt_dict_map(other), k, MT_MAP_LOOKUP) != NULL;
        if (!in) set_add_entry(res, k, h);
    }
    return res;
}

static void set_symmetric_difference_update(mt_set_t *s, mt_obj_t other) {
    if (MT_OBJ_FROM_PTR(s) == other) {
        set_clear(s);
        return;
    }
    mt_set_t *o = as_set(other);
    if (o == NULL) {
        o = set_alloc(base_type(s));
        set_update_internal(o, other);
    }
    size_t pos = 0;
    mt_set_entry_t *e;
    while ((e = set_next(o, &pos)) != NULL) {
        mt_obj_t k = e->key;
        mt_int_t h = e->hash;
        if (!set_discard_entry(s, k, h)) set_add_entry(s, k, h);
    }
}

static mt_set_t *set_symmetric_difference(mt_set_t *s, mt_obj_t other) {
    mt_set_t *res = set_alloc(base_type(s));
    set_update_internal(res, other);
    set_symmetric_difference_update(res, MT_OBJ_FROM_PTR(s));
    return res;
}

static bool set_issubset(mt_set_t *s, mt_set_t *o) {
    if (s->used > o->used) return false;
    size_t pos = 0;
    mt_set_entry_t *e;
    while ((e = set_next(s, &pos)) != NULL)
        if (!set_lookkey(o, e->key, e->hash)) return false;
    return true;
}

static mt_set_t *as_set_or_new(mt_obj_t o) {
    mt_set_t *s = as_set(o);
    return s ? s : MT_OBJ_TO_PTR(mt_set_from_iter(o, false));
}

/* ---- the types --------------------------------------------------------------------------- */

static void set_print_items(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_set_t *s = MT_OBJ_TO_PTR(o);
    if (s->used == 0) {
        mt_print_str(p, is_frozen(s) ? "frozenset()" : "set()");
        return;
    }
    if (is_frozen(s)) mt_print_str(p, "frozenset(");
    mt_print_str(p, "{");
    size_t pos = 0;
    mt_set_entry_t *e;
    for (bool first = true; (e = set_next(s, &pos)) != NULL; first = false) {
        if (!first) mt_print_strn(p, ", ", 2);
        mt_print_obj(p, e->key, MT_PRINT_REPR);
    }
    mt_print_str(p, is_frozen(s) ? "})" : "}");
}

static void set_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_set_t *s = get_set(o);
    size_t pos = 0;
    mt_set_entry_t *e;
    while ((e = set_next(s, &pos)) != NULL) {
        if (!mt_repr_is_leaf(e->key)) {
            mt_print_guarded(p, MT_OBJ_FROM_PTR(s), kind, set_print_items,
                             is_frozen(s) ? "frozenset(...)" : "set(...)");
            return;
        }
    }
    set_print_items(p, MT_OBJ_FROM_PTR(s), kind);
}

static mt_obj_t set_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                             const mt_obj_t *args) {
    bool frozen = mt_issubclass(type, &mt_type_frozenset);
    if (n_kw)
        mt_raise_fmt(&mt_type_TypeError, "%q() takes no keyword arguments",
                     frozen ? MT_QSTR_frozenset : MT_QSTR_set);
    if (n_args > 1)
        mt_raise_fmt(&mt_type_TypeError, "%q expected at most 1 argument, got %u",
                     frozen ? MT_QSTR_frozenset : MT_QSTR_set, (unsigned)n_args);
    if (n_args == 0) return MT_OBJ_FROM_PTR(set_alloc(frozen ? &mt_type_frozenset : &mt_type_set));
    return mt_set_from_iter(args[0], frozen);
}

static mt_obj_t frozenset_hash(mt_set_t *s) {
    if (s->hash != 0) return MT_NEW_SMALL_INT(s->hash);
    mt_stack_check();
    mt_uint_t h = 0;
    size_t pos = 0;
    mt_set_entry_t *e;
    while ((e = set_next(s, &pos)) != NULL) {
        mt_uint_t x = (mt_uint_t)e->hash;
        h ^= ((x ^ 89869747UL) ^ (x << 16)) * 3644798167UL;
    }
    h ^= ((mt_uint_t)s->used + 1) * 1927868237UL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923UL;
    mt_int_t v = (mt_int_t)h >> 1; /* fold into a small int */
    if (v == 0) v = 1;
    s->hash = v;
    return MT_NEW_SMALL_INT(v);
}

static mt_obj_t set_unary_op(mt_unop_t op, mt_obj_t o) {
    mt_set_t *s = get_set(o);
    switch (op) {
    case MT_UNOP_BOOL: return MT_BOOL(s->used != 0);
    case MT_UNOP_LEN: return MT_NEW_SMALL_INT(s->used);
    case MT_UNOP_HASH: return is_frozen(s) ? frozenset_hash(s) : MT_NULL;
    default: return MT_NULL;
    }
}

static mt_obj_t set_compare(mt_binop_t op, mt_set_t *a, mt_set_t *b) {
    switch (op) {
    case MT_BINOP_EQ:
    case MT_BINOP_NE: {
        bool eq = a->used == b->used && set_issubset(a, b);
        return MT_BOOL(eq == (op == MT_BINOP_EQ));
    }
    case MT_BINOP_LE: return MT_BOOL(set_issubset(a, b));
    case MT_BINOP_GE: return MT_BOOL(set_issubset(b, a));
    case MT_BINOP_LT: return MT_BOOL(a->used < b->used && set_issubset(a, b));
    default: return MT_BOOL(a->used > b->used && set_issubset(b, a));
    }
}

static mt_obj_t set_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    mt_set_t *s = get_set(lhs);
    if (op == MT_BINOP_CONTAINS) return MT_BOOL(mt_set_contains(MT_OBJ_FROM_PTR(s), rhs));
    mt_set_t *o = as_set(rhs);
    if (o == NULL) return MT_NULL;
    if (op >= MT_BINOP_LT && op <= MT_BINOP_GE) return set_compare(op, s, o);
    bool inplace = op >= MT_BINOP_INPLACE_ADD && op < MT_BINOP_REVERSE_ADD;
    if (inplace) {
        if (is_frozen(s)) return MT_NULL; /* frozenset: falls back to the plain operator */
        switch (op) {
        case MT_BINOP_INPLACE_OR: set_update_internal(s, rhs); return lhs;
        case MT_BINOP_INPLACE_AND: set_take(s, set_intersection(s, rhs)); return lhs;
        case MT_BINOP_INPLACE_SUB: set_difference_update_internal(s, rhs); return lhs;
        case MT_BINOP_INPLACE_XOR: set_symmetric_difference_update(s, rhs); return lhs;
        default: return MT_NULL;
        }
    }
    mt_set_t *r;
    switch (op) {
    case MT_BINOP_OR:
        r = set_copy(s);
        if (o != s) set_update_internal(r, rhs);
        break;
    case MT_BINOP_AND: r = set_intersection(s, rhs); break;
    case MT_BINOP_SUB: r = set_difference(s, rhs); break;
    case MT_BINOP_XOR: r = set_symmetric_difference(s, rhs); break;
    default: return MT_NULL;
    }
    return MT_OBJ_FROM_PTR(r);
}

/* ---- the iterator ------------------------------------------------------------------------- */
typedef struct {
    mt_obj_base_t base;
    mt_set_t *set;
    size_t pos;
    size_t used; /* the size when iteration began */
} set_iter_t;

static mt_obj_t set_iter_next(mt_obj_t o) {
    set_iter_t *it = MT_OBJ_TO_PTR(o);
    if (it->set->used != it->used) {
        it->used = SIZE_MAX;
        mt_raise_msg(&mt_type_RuntimeError, "Set changed size during iteration");
    }
    mt_set_entry_t *e = set_next(it->set, &it->pos);
    return e ? e->key : MT_NULL;
}

static const mt_type_t set_iter_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_set_iterator,
    .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .getiter = mt_iter_self,
    .iternext = set_iter_next,
};

static mt_obj_t set_getiter(mt_obj_t o, mt_iter_buf_t *buf) {
    set_iter_t *it = buf ? (set_iter_t *)buf : mt_new_obj(set_iter_t);
    it->base.type = &set_iter_type;
    it->set = get_set(o);
    it->pos = 0;
    it->used = it->set->used;
    return MT_OBJ_FROM_PTR(it);
}

/* ---- methods ------------------------------------------------------------------------------ */

static mt_set_t *get_mutable(mt_obj_t o) {
    return get_set(o);
}

static mt_obj_t set_add(mt_obj_t self, mt_obj_t x) {
    set_add_key(get_mutable(self), x);
    return MT_NONE;
}
static MT_DEFINE_FUN_2(set_add_obj, set_add);

static mt_obj_t set_remove(mt_obj_t self, mt_obj_t x) {
    if (!mt_set_discard(self, x)) mt_raise(mt_exc_new(&mt_type_KeyError, 1, &x));
    return MT_NONE;
}
static MT_DEFINE_FUN_2(set_remove_obj, set_remove);

static mt_obj_t set_discard(mt_obj_t self, mt_obj_t x) {
    mt_set_discard(self, x);
    return MT_NONE;
}
static MT_DEFINE_FUN_2(set_discard_obj, set_discard);

static mt_obj_t set_pop(mt_obj_t self) {
    mt_set_t *s = get_mutable(self);
    if (s->used == 0) mt_raise(mt_exc_new_msg(&mt_type_KeyError, "pop from an empty set"));
    mt_set_entry_t *e = &s->table[s->finger & s->mask];
    while (!ACTIVE(e)) {
        e++;
        if (e > &s->table[s->mask]) e = s->table;
    }
    mt_obj_t key = e->key;
    e->key = MT_SET_DUMMY;
    e->hash = -1;
    s->used--;
    s->finger = (size_t)(e - s->table) + 1;
    return key;
}
static MT_DEFINE_FUN_1(set_pop_obj, set_pop);

static mt_obj_t set_clear_m(mt_obj_t self) {
    set_clear(get_mutable(self));
    return MT_NONE;
}
static MT_DEFINE_FUN_1(set_clear_obj, set_clear_m);

static mt_obj_t set_copy_m(mt_obj_t self) {
    mt_set_t *s = get_set(self);
    if (MT_IS_TYPE(self, &mt_type_frozenset)) return self;
    return MT_OBJ_FROM_PTR(set_copy(s));
}
static MT_DEFINE_FUN_1(set_copy_obj, set_copy_m);

static mt_obj_t set_union(size_t n_args, const mt_obj_t *args) {
    mt_set_t *s = get_set(args[0]), *r = set_copy(s);
    for (size_t i = 1; i < n_args; i++)
        if (args[i] != MT_OBJ_FROM_PTR(s)) set_update_internal(r, args[i]);
    return MT_OBJ_FROM_PTR(r);
}
static MT_DEFINE_FUN_VAR(set_union_obj, 1, MT_FUN_ARGS_MAX, set_union);

static mt_obj_t set_update(size_t n_args, const mt_obj_t *args) {
    mt_set_t *s = get_mutable(args[0]);
    for (size_t i = 1; i < n_args; i++) set_update_internal(s, args[i]);
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(set_update_obj, 1, MT_FUN_ARGS_MAX, set_update);

static mt_set_t *intersection_multi(size_t n_args, const mt_obj_t *args) {
    mt_set_t *s = get_set(args[0]);
    if (n_args == 1) return set_copy(s);
    mt_set_t *r = s;
    for (size_t i = 1; i < n_args; i++) r = set_intersection(r, args[i]);
    return r;
}

static mt_obj_t set_intersection_m(size_t n_args, const mt_obj_t *args) {
    return MT_OBJ_FROM_PTR(intersection_multi(n_args, args));
}
static MT_DEFINE_FUN_VAR(set_intersection_obj, 1, MT_FUN_ARGS_MAX, set_intersection_m);

static mt_obj_t set_intersection_update(size_t n_args, const mt_obj_t *args) {
    mt_set_t *s = get_mutable(args[0]);
    set_take(s, intersection_multi(n_args, args));
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(set_intersection_update_obj, 1, MT_FUN_ARGS_MAX, set_intersection_update);

static mt_obj_t set_difference_m(size_t n_args, const mt_obj_t *args) {
    mt_set_t *s = get_set(args[0]);
    if (n_args == 1) return MT_OBJ_FROM_PTR(set_copy(s));
    mt_set_t *r = set_difference(s, args[1]);
    for (size_t i = 2; i < n_args; i++) set_difference_update_internal(r, args[i]);
    return MT_OBJ_FROM_PTR(r);
}
static MT_DEFINE_FUN_VAR(set_difference_obj, 1, MT_FUN_ARGS_MAX, set_difference_m);

static mt_obj_t set_difference_update(size_t n_args, const mt_obj_t *args) {
    mt_set_t *s = get_mutable(args[0]);
    for (size_t i = 1; i < n_args; i++) set_difference_update_internal(s, args[i]);
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(set_difference_update_obj, 1, MT_FUN_ARGS_MAX, set_difference_update);

static mt_obj_t set_symmetric_difference_m(mt_obj_t self, mt_obj_t other) {
    return MT_OBJ_FROM_PTR(set_symmetric_difference(get_set(self), other));
}
static MT_DEFINE_FUN_2(set_symmetric_difference_obj, set_symmetric_difference_m);

static mt_obj_t set_symmetric_difference_update_m(mt_obj_t self, mt_obj_t other) {
    set_symmetric_difference_update(get_mutable(self), other);
    return MT_NONE;
}
static MT_DEFINE_FUN_2(set_symmetric_difference_update_obj, set_symmetric_difference_update_m);

static mt_obj_t set_issubset_m(mt_obj_t self, mt_obj_t other) {
    return MT_BOOL(set_issubset(get_set(self), as_set_or_new(other)));
}
static MT_DEFINE_FUN_2(set_issubset_obj, set_issubset_m);

static mt_obj_t set_issuperset_m(mt_obj_t self, mt_obj_t other) {
    mt_set_t *s = get_set(self), *o = as_set(other);
    if (o) return MT_BOOL(set_issubset(o, s));
    mt_iter_buf_t buf;
    mt_obj_t it = mt_getiter(other, &buf), x;
    while ((x = mt_iternext(it)) != MT_NULL)
        if (!mt_set_contains(MT_OBJ_FROM_PTR(s), x)) return MT_FALSE;
    return MT_TRUE;
}
static MT_DEFINE_FUN_2(set_issuperset_obj, set_issuperset_m);

static mt_obj_t set_isdisjoint(mt_obj_t self, mt_obj_t other) {
    mt_set_t *s = get_set(self), *o = as_set(other);
    if (o == s) return MT_BOOL(s->used == 0);
    if (o) {
        mt_set_t *big = s, *small = o;
        if (o->used > s->used) {
            big = o;
            small = s;
        }
        size_t pos = 0;
        mt_set_entry_t *e;
        while ((e = set_next(small, &pos)) != NULL)
            if (set_lookkey(big, e->key, e->hash)) return MT_FALSE;
        return MT_TRUE;
    }
    mt_iter_buf_t buf;
    mt_obj_t it = mt_getiter(other, &buf), x;
    while ((x = mt_iternext(it)) != MT_NULL)
        if (mt_set_contains(MT_OBJ_FROM_PTR(s), x)) return MT_FALSE;
    return MT_TRUE;
}
static MT_DEFINE_FUN_2(set_isdisjoint_obj, set_isdisjoint);

static mt_obj_t set_contains_m(mt_obj_t self, mt_obj_t x) {
    return MT_BOOL(mt_set_contains(self, x));
}
static MT_DEFINE_FUN_2(set_contains_obj, set_contains_m);

static mt_obj_t set_len_m(mt_obj_t self) {
    return MT_NEW_SMALL_INT(get_set(self)->used);
}
static MT_DEFINE_FUN_1(set_len_obj, set_len_m);

#define FROZEN_METHODS                                                                             \
    {MT_ROM_QSTR(MT_QSTR___contains__), MT_ROM_PTR(&set_contains_obj)},                            \
        {MT_ROM_QSTR(MT_QSTR___len__), MT_ROM_PTR(&set_len_obj)},                                  \
        {MT_ROM_QSTR(MT_QSTR_copy), MT_ROM_PTR(&set_copy_obj)},                                    \
        {MT_ROM_QSTR(MT_QSTR_difference), MT_ROM_PTR(&set_difference_obj)},                        \
        {MT_ROM_QSTR(MT_QSTR_intersection), MT_ROM_PTR(&set_intersection_obj)},                    \
        {MT_ROM_QSTR(MT_QSTR_isdisjoint), MT_ROM_PTR(&set_isdisjoint_obj)},                        \
        {MT_ROM_QSTR(MT_QSTR_issubset), MT_ROM_PTR(&set_issubset_obj)},                            \
        {MT_ROM_QSTR(MT_QSTR_issuperset), MT_ROM_PTR(&set_issuperset_obj)},                        \
        {MT_ROM_QSTR(MT_QSTR_symmetric_difference), MT_ROM_PTR(&set_symmetric_difference_obj)}, {  \
        MT_ROM_QSTR(MT_QSTR_union), MT_ROM_PTR(&set_union_obj)                                     \
    }

static const mt_map_elem_t set_locals_table[] = {
    FROZEN_METHODS,
    {MT_ROM_QSTR(MT_QSTR_add), MT_ROM_PTR(&set_add_obj)},
    {MT_ROM_QSTR(MT_QSTR_clear), MT_ROM_PTR(&set_clear_obj)},
    {MT_ROM_QSTR(MT_QSTR_difference_update), MT_ROM_PTR(&set_difference_update_obj)},
    {MT_ROM_QSTR(MT_QSTR_discard), MT_ROM_PTR(&set_discard_obj)},
    {MT_ROM_QSTR(MT_QSTR_intersection_update), MT_ROM_PTR(&set_intersection_update_obj)},
    {MT_ROM_QSTR(MT_QSTR_pop), MT_ROM_PTR(&set_pop_obj)},
    {MT_ROM_QSTR(MT_QSTR_remove), MT_ROM_PTR(&set_remove_obj)},
    {MT_ROM_QSTR(MT_QSTR_symmetric_difference_update),
     MT_ROM_PTR(&set_symmetric_difference_update_obj)},
    {MT_ROM_QSTR(MT_QSTR_update), MT_ROM_PTR(&set_update_obj)},
};
static MT_DEFINE_CONST_MAP(set_locals, set_locals_table);

static const mt_map_elem_t frozenset_locals_table[] = {FROZEN_METHODS};
static MT_DEFINE_CONST_MAP(frozenset_locals, frozenset_locals_table);

const mt_type_t mt_type_set = {
    .base = {&mt_type_type},
    .name = MT_QSTR_set,
    .flags = MT_TYPE_FLAG_BASETYPE | MT_TYPE_FLAG_UNHASHABLE,
    .print = set_print,
    .make_new = set_make_new,
    .unary_op = set_unary_op,
    .binary_op = set_binary_op,
    .getiter = set_getiter,
    .locals = &set_locals,
};

const mt_type_t mt_type_frozenset = {
    .base = {&mt_type_type},
    .name = MT_QSTR_frozenset,
    .flags = MT_TYPE_FLAG_BASETYPE,
    .print = set_print,
    .make_new = set_make_new,
    .unary_op = set_unary_op,
    .binary_op = set_binary_op,
    .getiter = set_getiter,
    .locals = &frozenset_locals,
};
