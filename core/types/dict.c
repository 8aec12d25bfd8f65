/* dict (insertion-ordered, over mt_map_t), its views (keys/values/items) and iterators. */
#include "containers.h"
#include "runtime.h"

static mt_dict_t *get_dict(mt_obj_t o) {
    if (MT_IS_TYPE(o, &mt_type_dict)) return MT_OBJ_TO_PTR(o);
    mt_obj_t n = mt_native_of(o, &mt_type_dict);
    if (n == MT_NULL)
        mt_raise_fmt(&mt_type_TypeError, "expected dict, got %q", mt_type_of(o)->name);
    return MT_OBJ_TO_PTR(n);
}

bool mt_obj_is_dict(mt_obj_t o) {
    return mt_native_of(o, &mt_type_dict) != MT_NULL;
}

static mt_dict_t *dict_alloc(size_t n) {
    mt_dict_t *d = mt_new_obj(mt_dict_t);
    d->base.type = &mt_type_dict;
    mt_map_init(&d->map, n);
    return d;
}

mt_obj_t mt_dict_new(size_t n) {
    return MT_OBJ_FROM_PTR(dict_alloc(n));
}

mt_map_t *mt_dict_map(mt_obj_t d) {
    if (MT_IS_TYPE(d, &mt_type_dict)) return &((mt_dict_t *)MT_OBJ_TO_PTR(d))->map;
    return &get_dict(d)->map;
}

void mt_dict_store(mt_obj_t d, mt_obj_t key, mt_obj_t value) {
    mt_map_lookup(mt_dict_map(d), key, MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
}

mt_obj_t mt_dict_get(mt_obj_t d, mt_obj_t key) {
    mt_map_elem_t *e = mt_map_lookup(mt_dict_map(d), key, MT_MAP_LOOKUP);
    return e ? e->value : MT_NULL;
}

MT_NORETURN static void raise_key_error(mt_obj_t key) {
    mt_raise(mt_exc_new(&mt_type_KeyError, 1, &key));
}

mt_obj_t mt_dict_pop(mt_obj_t d, mt_obj_t key, mt_obj_t deflt) {
    mt_map_elem_t *e = mt_map_lookup(&get_dict(d)->map, key, MT_MAP_LOOKUP_REMOVE);
    if (e) return e->value;
    if (deflt == MT_NULL) raise_key_error(key);
    return deflt;
}

mt_obj_t mt_dict_copy(mt_obj_t o) {
    mt_dict_t *d = get_dict(o), *c = mt_new_obj(mt_dict_t);
    c->base.type = &mt_type_dict;
    mt_map_copy(&c->map, &d->map);
    return MT_OBJ_FROM_PTR(c);
}

mt_obj_t mt_dict_from_map(const mt_map_t *kw) {
    mt_dict_t *d = dict_alloc(kw ? kw->filled : 0);
    if (kw) {
        for (size_t i = 0; i < kw->used; i++)
            if (kw->elems[i].key != MT_NULL)
                mt_map_lookup(&d->map, kw->elems[i].key, MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value =
                    kw->elems[i].value;
    }
    return MT_OBJ_FROM_PTR(d);
}

void mt_dict_update_kw(mt_obj_t d, size_t n_kw, const mt_obj_t *kw) {
    mt_map_t *map = mt_dict_map(d);
    for (size_t i = 0; i < n_kw; i++)
        mt_map_lookup(map, kw[2 * i], MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = kw[2 * i + 1];
}

/* one element of an iterable of pairs (dict([(k, v), ...]), update, |=) */
static void store_pair(mt_map_t *map, mt_obj_t item, size_t index) {
    mt_obj_t kv[2];
    if (!MT_IS_ARRAY(item)) {
        const mt_type_t *t = mt_type_of(item);
        if (t->getiter == NULL)
            mt_raise_fmt(&mt_type_TypeError,
                         "cannot convert dictionary update sequence element #%u to a sequence",
                         (unsigned)index);
        item = mt_list_from_iter(item);
    }
    size_t n;
    mt_obj_t *items;
    mt_get_array(item, &n, &items);
    if (n != 2)
        mt_raise_fmt(&mt_type_ValueError,
                     "dictionary update sequence element #%u has length %u; 2 is required",
                     (unsigned)index, (unsigned)n);
    kv[0] = items[0];
    kv[1] = items[1];
    mt_map_lookup(map, kv[0], MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = kv[1];
}

void mt_dict_update(mt_obj_t o, mt_obj_t other) {
    mt_map_t *map = &get_dict(o)->map;
    /* a dict, or a subclass keeping dict's iteration: copied entry by entry, as CPython does
     * (without calling an overridden __getitem__) */
    mt_obj_t od = mt_native_of(other, &mt_type_dict);
    if (od != MT_NULL && (MT_IS_TYPE(other, &mt_type_dict) || !mt_overrides_iter(other))) {
        mt_map_t *src = &((mt_dict_t *)MT_OBJ_TO_PTR(od))->map;
        if (src == map) return;
        for (size_t i = 0; i < src->used; i++)
            if (src->elems[i].key != MT_NULL)
                mt_map_lookup(map, src->elems[i].key, MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value =
                    src->elems[i].value;
        return;
    }
    mt_obj_t keys[2];
    if (mt_load_method_maybe(other, MT_QSTR_keys, keys)) { /* a mapping */
        mt_obj_t ks = mt_call_method(0, 0, keys);
        mt_iter_buf_t buf;
        mt_obj_t it = mt_getiter(ks, &buf), k;
        while ((k = mt_iternext(it)) != MT_NULL)
            mt_map_lookup(map, k, MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value =
                mt_subscr(other, k, MT_SENTINEL);
        return;
    }
    mt_iter_buf_t buf;
    mt_obj_t it = mt_getiter(other, &buf), x;
    for (size_t i = 0; (x = mt_iternext(it)) != MT_NULL; i++) store_pair(map, x, i);
}

/* ---- printing --------------------------------------------------------------------------- */

static void dict_print_items(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_map_t *map = &((mt_dict_t *)MT_OBJ_TO_PTR(o))->map;
    mt_print_strn(p, "{", 1);
    bool first = true;
    for (size_t i = 0; i < map->used; i++) {
        if (map->elems[i].key == MT_NULL) continue;
        if (!first) mt_print_strn(p, ", ", 2);
        first = false;
        mt_obj_t v = map->elems[i].value; /* the key's repr may change the dict */
        mt_print_obj(p, map->elems[i].key, MT_PRINT_REPR);
        mt_print_strn(p, ": ", 2);
        mt_print_obj(p, v, MT_PRINT_REPR);
    }
    mt_print_strn(p, "}", 1);
}

static void dict_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_dict_t *d = get_dict(o);
    mt_map_t *map = &d->map;
    for (size_t i = 0; i < map->used; i++) {
        if (!mt_repr_is_leaf(map->elems[i].key) || !mt_repr_is_leaf(map->elems[i].value)) {
            mt_print_guarded(p, MT_OBJ_FROM_PTR(d), kind, dict_print_items, "{...}");
            return;
        }
    }
    dict_print_items(p, MT_OBJ_FROM_PTR(d), kind);
}

/* ---- the type ---------------------------------------------------------------------------- */

static mt_obj_t dict_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                              const mt_obj_t *args) {
    if (n_args > 1)
        mt_raise_fmt(&mt_type_TypeError, "dict expected at most 1 argument, got %u",
                     (unsigned)n_args);
    mt_obj_t d;
    if (n_args == 1 && MT_IS_TYPE(args[0], &mt_type_dict))
        d = mt_dict_copy(args[0]);
    else {
        d = mt_dict_new(n_kw);
        if (n_args == 1) mt_dict_update(d, args[0]);
    }
    if (n_kw) mt_dict_update_kw(d, n_kw, args + n_args); /* dict() may get no args array */
    return d;
}

static mt_obj_t dict_unary_op(mt_unop_t op, mt_obj_t o) {
    mt_dict_t *d = get_dict(o);
    switch (op) {
    case MT_UNOP_BOOL: return MT_BOOL(d->map.filled != 0);
    case MT_UNOP_LEN: return MT_NEW_SMALL_INT(d->map.filled);
    default: return MT_NULL;
    }
}

static bool dict_equal(mt_map_t *a, mt_map_t *b) {
    mt_stack_check();
    if (a->filled != b->filled) return false;
    for (size_t i = 0; i < a->used; i++) {
        mt_map_elem_t *e = &a->elems[i];
        if (e->key == MT_NULL) continue;
        mt_obj_t v = e->value;
        mt_map_elem_t *f = mt_map_lookup(b, e->key, MT_MAP_LOOKUP);
        if (f == NULL || !(f->value == v || mt_equal(v, f->value))) return false;
    }
    return true;
}

static mt_obj_t dict_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    mt_dict_t *d = get_dict(lhs);
    switch (op) {
    case MT_BINOP_CONTAINS: return MT_BOOL(mt_map_lookup(&d->map, rhs, MT_MAP_LOOKUP) != NULL);
    case MT_BINOP_EQ:
    case MT_BINOP_NE: {
        mt_obj_t r = mt_native_of(rhs, &mt_type_dict);
        if (r == MT_NULL) return MT_NULL;
        bool eq = dict_equal(&d->map, &((mt_dict_t *)MT_OBJ_TO_PTR(r))->map);
        return MT_BOOL(eq == (op == MT_BINOP_EQ));
    }
    case MT_BINOP_OR: {
        if (!mt_obj_is_dict(rhs)) return MT_NULL;
        mt_obj_t res = mt_dict_copy(lhs);
        mt_dict_update(res, rhs);
        return res;
    }
    case MT_BINOP_INPLACE_OR: mt_dict_update(lhs, rhs); return lhs;
    default: return MT_NULL;
    }
}

static mt_obj_t dict_subscr(mt_obj_t o, mt_obj_t index, mt_obj_t value) {
    mt_dict_t *d = get_dict(o);
    if (value == MT_SENTINEL) {
        mt_map_elem_t *e = mt_map_lookup(&d->map, index, MT_MAP_LOOKUP);
        if (e) return e->value;
        if (MT_IS_INSTANCE(o)) { /* a subclass may define __missing__ */
            mt_obj_t r = mt_call_method_maybe(o, MT_QSTR___missing__, 1, &index);
            if (r != MT_NULL) return r;
        }
        raise_key_error(index);
    }
    if (value == MT_NULL) {
        if (!mt_map_lookup(&d->map, index, MT_MAP_LOOKUP_REMOVE)) raise_key_error(index);
    } else {
        mt_map_lookup(&d->map, index, MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
    }
    return MT_NONE;
}

/* ---- iterators: in the caller's mt_iter_buf_t when given --------------------------------- */
typedef struct {
    mt_obj_base_t base;
    mt_dict_t *dict;
    size_t index;
    size_t filled; /* the size when iteration began */
} dict_iter_t;

static mt_map_elem_t *dict_iter_step(mt_obj_t o) {
    dict_iter_t *it = MT_OBJ_TO_PTR(o);
    mt_map_t *map = &it->dict->map;
    if (map->filled != it->filled) {
        it->index = SIZE_MAX;
        mt_raise_msg(&mt_type_RuntimeError, "dictionary changed size during iteration");
    }
    while (it->index < map->used) {
        mt_map_elem_t *e = &map->elems[it->index++];
        if (e->key != MT_NULL) return e;
    }
    return NULL;
}

static mt_obj_t dict_key_next(mt_obj_t o) {
    mt_map_elem_t *e = dict_iter_step(o);
    return e ? e->key : MT_NULL;
}

static mt_obj_t dict_value_next(mt_obj_t o) {
    mt_map_elem_t *e = dict_iter_step(o);
    return e ? e->value : MT_NULL;
}

static mt_obj_t dict_item_next(mt_obj_t o) {
    mt_map_elem_t *e = dict_iter_step(o);
    return e ? mt_tuple_new(2, &e->key) : MT_NULL;
}

static const mt_type_t dict_iter_types[3] = {
    {.base = {&mt_type_type},
     .name = MT_QSTR_dict_keyiterator,
     .flags = MT_TYPE_FLAG_ITER_IS_SELF,
     .getiter = mt_iter_self,
     .iternext = dict_key_next},
    {.base = {&mt_type_type},
     .name = MT_QSTR_dict_valueiterator,
     .flags = MT_TYPE_FLAG_ITER_IS_SELF,
     .getiter = mt_iter_self,
     .iternext = dict_value_next},
    {.base = {&mt_type_type},
     .name = MT_QSTR_dict_itemiterator,
     .flags = MT_TYPE_FLAG_ITER_IS_SELF,
     .getiter = mt_iter_self,
     .iternext = dict_item_next},
};

static mt_obj_t dict_iter_new(mt_dict_t *d, mt_dict_view_kind_t kind, mt_iter_buf_t *buf) {
    dict_iter_t *it = buf ? (dict_iter_t *)buf : mt_new_obj(dict_iter_t);
    it->base.type = &dict_iter_types[kind];
    it->dict = d;
    it->index = 0;
    it->filled = d->map.filled;
    return MT_OBJ_FROM_PTR(it);
}

static mt_obj_t dict_getiter(mt_obj_t o, mt_iter_buf_t *buf) {
    return dict_iter_new(get_dict(o), MT_DICT_VIEW_KEYS, buf);
}

/* reversed(d) and reversed(d.keys()) ...: a list of the current entries, walked backwards */
mt_obj_t mt_dict_reversed(mt_obj_t o, mt_dict_view_kind_t kind) {
    mt_map_t *map = &get_dict(o)->map;
    mt_obj_t l = mt_list_new(0, NULL);
    for (size_t i = 0; i < map->used; i++) {
        mt_map_elem_t *e = &map->elems[i];
        if (e->key == MT_NULL) continue;
        mt_list_append(l, kind == MT_DICT_VIEW_KEYS     ? e->key
                          : kind == MT_DICT_VIEW_VALUES ? e->value
                                                        : mt_tuple_new(2, &e->key));
    }
    return mt_reversed_array_iter(l);
}

/* ---- views ------------------------------------------------------------------------------- */

static const mt_type_t dict_view_types[3];
#define VIEW_TYPE(kind) ((kind) == MT_DICT_VIEW_KEYS ? &mt_type_dict_view : &dict_view_types[kind])

static mt_obj_t view_new(mt_obj_t d, mt_dict_view_kind_t kind) {
    mt_dict_view_t *v = mt_new_obj(mt_dict_view_t);
    v->base.type = VIEW_TYPE(kind);
    v->dict = MT_OBJ_FROM_PTR(get_dict(d));
    v->kind = kind;
    return MT_OBJ_FROM_PTR(v);
}

static bool is_view(mt_obj_t o, bool set_like) {
    if (!MT_IS_OBJ(o)) return false;
    const mt_type_t *t = ((mt_obj_base_t *)o)->type;
    return t == &mt_type_dict_view || t == &dict_view_types[MT_DICT_VIEW_ITEMS] ||
           (!set_like && t == &dict_view_types[MT_DICT_VIEW_VALUES]);
}

static void view_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_dict_view_t *v = MT_OBJ_TO_PTR(o);
    static const char *const names[] = {"dict_keys(", "dict_values(", "dict_items("};
    mt_print_str(p, names[v->kind]);
    mt_obj_t l = mt_list_new(0, NULL);
    mt_iter_buf_t buf;
    mt_obj_t it = dict_iter_new(get_dict(v->dict), v->kind, &buf), x;
    while ((x = mt_iternext(it)) != MT_NULL) mt_list_append(l, x);
    mt_print_obj(p, l, MT_PRINT_REPR);
    mt_print_str(p, ")");
}

static mt_obj_t view_unary_op(mt_unop_t op, mt_obj_t o) {
    mt_dict_view_t *v = MT_OBJ_TO_PTR(o);
    return dict_unary_op(op, v->dict);
}

static bool view_contains(mt_dict_view_t *v, mt_obj_t x) {
    mt_map_t *map = &get_dict(v->dict)->map;
    if (v->kind == MT_DICT_VIEW_KEYS) return mt_map_lookup(map, x, MT_MAP_LOOKUP) != NULL;
    if (v->kind == MT_DICT_VIEW_VALUES) {
        for (size_t i = 0; i < map->used; i++)
            if (map->elems[i].key != MT_NULL &&
                (map->elems[i].value == x || mt_equal(map->elems[i].value, x)))
                return true;
        return false;
    }
    if (!MT_IS_TYPE(x, &mt_type_tuple) || ((mt_tuple_t *)MT_OBJ_TO_PTR(x))->len != 2) return false;
    mt_tuple_t *t = MT_OBJ_TO_PTR(x);
    mt_map_elem_t *e = mt_map_lookup(map, t->items[0], MT_MAP_LOOKUP);
    return e && (e->value == t->items[1] || mt_equal(e->value, t->items[1]));
}

/* set algebra of keys/items views: done on sets made of both operands */
static mt_obj_t view_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    mt_dict_view_t *v = MT_OBJ_TO_PTR(lhs);
    if (op == MT_BINOP_CONTAINS) return MT_BOOL(view_contains(v, rhs));
    if (v->kind == MT_DICT_VIEW_VALUES) return MT_NULL;
    bool reverse = false;
    switch (op) {
    case MT_BINOP_REVERSE_AND:
    case MT_BINOP_REVERSE_OR:
    case MT_BINOP_REVERSE_XOR:
    case MT_BINOP_REVERSE_SUB:
        reverse = true;
        op -= MT_BINOP_REVERSE_OFFSET;
        /* fall through */
    case MT_BINOP_AND:
    case MT_BINOP_OR:
    case MT_BINOP_XOR:
    case MT_BINOP_SUB: {
        if (mt_type_of(rhs)->getiter == NULL) return MT_NULL;
        mt_obj_t a = mt_set_from_iter(lhs, false), b = mt_set_from_iter(rhs, false);
        return reverse ? mt_binary_op(op, b, a) : mt_binary_op(op, a, b);
    }
    case MT_BINOP_LT:
    case MT_BINOP_GT:
    case MT_BINOP_EQ:
    case MT_BINOP_NE:
    case MT_BINOP_LE:
    case MT_BINOP_GE:
        if (!mt_obj_is_set(rhs) && !is_view(rhs, true)) return MT_NULL;
        return mt_binary_op(op, mt_set_from_iter(lhs, false), mt_set_from_iter(rhs, false));
    default: return MT_NULL;
    }
}

static mt_obj_t view_getiter(mt_obj_t o, mt_iter_buf_t *buf) {
    mt_dict_view_t *v = MT_OBJ_TO_PTR(o);
    return dict_iter_new(get_dict(v->dict), v->kind, buf);
}

static mt_obj_t view_isdisjoint(mt_obj_t self, mt_obj_t other) {
    mt_iter_buf_t buf;
    mt_obj_t it = mt_getiter(other, &buf), x;
    while ((x = mt_iternext(it)) != MT_NULL)
        if (view_contains(MT_OBJ_TO_PTR(self), x)) return MT_FALSE;
    return MT_TRUE;
}
static MT_DEFINE_FUN_2(view_isdisjoint_obj, view_isdisjoint);

static const mt_map_elem_t view_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_isdisjoint), MT_ROM_PTR(&view_isdisjoint_obj)},
};
static MT_DEFINE_CONST_MAP(view_locals, view_locals_table);

#define VIEW_TYPE_BODY(qname, set_locals, fl)                                                      \
    .base = {&mt_type_type}, .name = qname, .flags = fl, .print = view_print,                      \
    .unary_op = view_unary_op, .binary_op = view_binary_op, .getiter = view_getiter,               \
    .locals = set_locals

/* keys and items views compare as sets and so are unhashable; values views hash by identity */
const mt_type_t mt_type_dict_view = {
    VIEW_TYPE_BODY(MT_QSTR_dict_keys, &view_locals, MT_TYPE_FLAG_UNHASHABLE)};
static const mt_type_t dict_view_types[3] = {
    {VIEW_TYPE_BODY(MT_QSTR_dict_keys, &view_locals, MT_TYPE_FLAG_UNHASHABLE)}, /* unused */
    {VIEW_TYPE_BODY(MT_QSTR_dict_values, NULL, 0)},
    {VIEW_TYPE_BODY(MT_QSTR_dict_items, &view_locals, MT_TYPE_FLAG_UNHASHABLE)},
};

/* reversed() of a view */
mt_obj_t mt_dict_view_reversed(mt_obj_t o) {
    if (!is_view(o, false)) return MT_NULL;
    mt_dict_view_t *v = MT_OBJ_TO_PTR(o);
    return mt_dict_reversed(v->dict, v->kind);
}

/* ---- methods ------------------------------------------------------------------------------ */

static mt_obj_t dict_keys(mt_obj_t self) {
    return view_new(self, MT_DICT_VIEW_KEYS);
}
static MT_DEFINE_FUN_1(dict_keys_obj, dict_keys);
static mt_obj_t dict_values(mt_obj_t self) {
    return view_new(self, MT_DICT_VIEW_VALUES);
}
static MT_DEFINE_FUN_1(dict_values_obj, dict_values);
static mt_obj_t dict_items(mt_obj_t self) {
    return view_new(self, MT_DICT_VIEW_ITEMS);
}
static MT_DEFINE_FUN_1(dict_items_obj, dict_items);

static mt_obj_t dict_get(size_t n_args, const mt_obj_t *args) {
    mt_obj_t v = mt_dict_get(args[0], args[1]);
    return v != MT_NULL ? v : n_args > 2 ? args[2] : MT_NONE;
}
static MT_DEFINE_FUN_VAR(dict_get_obj, 2, 3, dict_get);

static mt_obj_t dict_setdefault(size_t n_args, const mt_obj_t *args) {
    mt_map_elem_t *e = mt_map_lookup(mt_dict_map(args[0]), args[1], MT_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    if (e->value == MT_NULL) e->value = n_args > 2 ? args[2] : MT_NONE;
    return e->value;
}
static MT_DEFINE_FUN_VAR(dict_setdefault_obj, 2, 3, dict_setdefault);

static mt_obj_t dict_pop(size_t n_args, const mt_obj_t *args) {
    return mt_dict_pop(args[0], args[1], n_args > 2 ? args[2] : MT_NULL);
}
static MT_DEFINE_FUN_VAR(dict_pop_obj, 2, 3, dict_pop);

static mt_obj_t dict_popitem(mt_obj_t self) {
    mt_map_t *map = mt_dict_map(self);
    for (size_t i = map->used; i-- > 0;) {
        if (map->elems[i].key == MT_NULL) continue;
        mt_obj_t kv = mt_tuple_new(2, &map->elems[i].key);
        mt_map_lookup(map, map->elems[i].key, MT_MAP_LOOKUP_REMOVE);
        /* drop the removed entries at the end so repeated popitem() stays O(1) (an index
         * slot left pointing past `used` is harmless: its entry is rewritten on reuse) */
        while (map->used > 0 && map->elems[map->used - 1].key == MT_NULL) map->used--;
        return kv;
    }
    mt_raise(mt_exc_new_msg(&mt_type_KeyError, "popitem(): dictionary is empty"));
}
static MT_DEFINE_FUN_1(dict_popitem_obj, dict_popitem);

static mt_obj_t dict_update(size_t n_args, const mt_obj_t *args, mt_map_t *kw) {
    if (n_args > 2)
        mt_raise_fmt(&mt_type_TypeError, "update expected at most 1 argument, got %u",
                     (unsigned)(n_args - 1));
    if (n_args == 2) mt_dict_update(args[0], args[1]);
    if (kw) {
        mt_map_t *map = mt_dict_map(args[0]);
        for (size_t i = 0; i < kw->used; i++)
            if (kw->elems[i].key != MT_NULL)
                mt_map_lookup(map, kw->elems[i].key, MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value =
                    kw->elems[i].value;
    }
    return MT_NONE;
}
static MT_DEFINE_FUN_KW(dict_update_obj, 1, dict_update);

static mt_obj_t dict_copy(mt_obj_t self) {
    return mt_dict_copy(self);
}
static MT_DEFINE_FUN_1(dict_copy_obj, dict_copy);

static mt_obj_t dict_clear(mt_obj_t self) {
    mt_map_clear(mt_dict_map(self));
    return MT_NONE;
}
static MT_DEFINE_FUN_1(dict_clear_obj, dict_clear);

/* dict.fromkeys(iterable, value=None): a classmethod, args[0] is the class */
static mt_obj_t dict_fromkeys(size_t n_args, const mt_obj_t *args) {
    mt_obj_t value = n_args > 2 ? args[2] : MT_NONE;
    mt_obj_t d = args[0] == MT_OBJ_FROM_PTR(&mt_type_dict) ? mt_dict_new(0) : mt_call0(args[0]);
    mt_iter_buf_t buf;
    mt_obj_t it = mt_getiter(args[1], &buf), k;
    while ((k = mt_iternext(it)) != MT_NULL) {
        if (MT_IS_TYPE(d, &mt_type_dict))
            mt_dict_store(d, k, value);
        else
            mt_subscr(d, k, value);
    }
    return d;
}
static MT_DEFINE_FUN_VAR(dict_fromkeys_fun_obj, 2, 3, dict_fromkeys);
static const mt_staticmethod_t dict_fromkeys_obj = {{&mt_type_classmethod},
                                                    MT_ROM_PTR(&dict_fromkeys_fun_obj)};

/* the slots as methods, for subclasses that call them through super() */
static mt_obj_t dict_getitem(mt_obj_t self, mt_obj_t key) {
    return dict_subscr(self, key, MT_SENTINEL); /* self may be a subclass with __missing__ */
}
static MT_DEFINE_FUN_2(dict_getitem_obj, dict_getitem);
static mt_obj_t dict_setitem(mt_obj_t self, mt_obj_t key, mt_obj_t value) {
    return dict_subscr(MT_OBJ_FROM_PTR(get_dict(self)), key, value);
}
static MT_DEFINE_FUN_3(dict_setitem_obj, dict_setitem);
static mt_obj_t dict_delitem(mt_obj_t self, mt_obj_t key) {
    return dict_subscr(MT_OBJ_FROM_PTR(get_dict(self)), key, MT_NULL);
}
static MT_DEFINE_FUN_2(dict_delitem_obj, dict_delitem);
static mt_obj_t dict_contains(mt_obj_t self, mt_obj_t key) {
    return dict_binary_op(MT_BINOP_CONTAINS, self, key);
}
static MT_DEFINE_FUN_2(dict_contains_obj, dict_contains);
static mt_obj_t dict_len(mt_obj_t self) {
    return dict_unary_op(MT_UNOP_LEN, self);
}
static MT_DEFINE_FUN_1(dict_len_obj, dict_len);

static const mt_map_elem_t dict_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___contains__), MT_ROM_PTR(&dict_contains_obj)},
    {MT_ROM_QSTR(MT_QSTR___delitem__), MT_ROM_PTR(&dict_delitem_obj)},
    {MT_ROM_QSTR(MT_QSTR___getitem__), MT_ROM_PTR(&dict_getitem_obj)},
    {MT_ROM_QSTR(MT_QSTR___len__), MT_ROM_PTR(&dict_len_obj)},
    {MT_ROM_QSTR(MT_QSTR___setitem__), MT_ROM_PTR(&dict_setitem_obj)},
    {MT_ROM_QSTR(MT_QSTR_clear), MT_ROM_PTR(&dict_clear_obj)},
    {MT_ROM_QSTR(MT_QSTR_copy), MT_ROM_PTR(&dict_copy_obj)},
    {MT_ROM_QSTR(MT_QSTR_fromkeys), MT_ROM_PTR(&dict_fromkeys_obj)},
    {MT_ROM_QSTR(MT_QSTR_get), MT_ROM_PTR(&dict_get_obj)},
    {MT_ROM_QSTR(MT_QSTR_items), MT_ROM_PTR(&dict_items_obj)},
    {MT_ROM_QSTR(MT_QSTR_keys), MT_ROM_PTR(&dict_keys_obj)},
    {MT_ROM_QSTR(MT_QSTR_pop), MT_ROM_PTR(&dict_pop_obj)},
    {MT_ROM_QSTR(MT_QSTR_popitem), MT_ROM_PTR(&dict_popitem_obj)},
    {MT_ROM_QSTR(MT_QSTR_setdefault), MT_ROM_PTR(&dict_setdefault_obj)},
    {MT_ROM_QSTR(MT_QSTR_update), MT_ROM_PTR(&dict_update_obj)},
    {MT_ROM_QSTR(MT_QSTR_values), MT_ROM_PTR(&dict_values_obj)},
};
static MT_DEFINE_CONST_MAP(dict_locals, dict_locals_table);

const mt_type_t mt_type_dict = {
    .base = {&mt_type_type},
    .name = MT_QSTR_dict,
    .flags = MT_TYPE_FLAG_BASETYPE | MT_TYPE_FLAG_UNHASHABLE,
    .print = dict_print,
    .make_new = dict_make_new,
    .unary_op = dict_unary_op,
    .binary_op = dict_binary_op,
    .subscr = dict_subscr,
    .getiter = dict_getiter,
    .locals = &dict_locals,
};
