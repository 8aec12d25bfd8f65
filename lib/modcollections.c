/* collections: namedtuple, OrderedDict, deque.
 *
 * namedtuple(name, fields) makes a type at run time: a heap mt_type_t (extended with its
 * field names) whose instances are plain tuples (mt_tuple_t layout), so every tuple
 * operation applies. OrderedDict is a dict whose repr and popitem/move_to_end differ;
 * dicts already keep insertion order. deque is a ring buffer with an optional maxlen. */
#include "obj.h"

/* ---- namedtuple */

typedef struct {
    mt_type_t type;
    mt_obj_t fields; /* tuple of field-name qstrs */
} nt_type_t;

static const nt_type_t *nt_type(mt_obj_t self) {
    return (const nt_type_t *)((mt_obj_base_t *)MT_OBJ_TO_PTR(self))->type;
}

static void nt_fields(const nt_type_t *t, size_t *n, mt_obj_t **f) {
    mt_tuple_get(t->fields, n, f);
}

static void nt_print(const mt_print_t *p, mt_obj_t self, mt_print_kind_t kind) {
    const nt_type_t *t = nt_type(self);
    size_t n, nf;
    mt_obj_t *items, *f;
    mt_tuple_get(self, &n, &items);
    nt_fields(t, &nf, &f);
    mt_printf(p, "%q(", t->type.name);
    for (size_t i = 0; i < n; i++)
        mt_printf(p, "%s%q=%R", i ? ", " : "", MT_QSTR_VALUE(f[i]), items[i]);
    mt_print_str(p, ")");
}

/* index of field q, or -1 */
static long nt_field_index(const nt_type_t *t, mt_qstr_t q) {
    size_t nf;
    mt_obj_t *f;
    nt_fields(t, &nf, &f);
    for (size_t i = 0; i < nf; i++)
        if (MT_QSTR_VALUE(f[i]) == q) return (long)i;
    return -1;
}

static void nt_attr(mt_obj_t self, mt_qstr_t attr, mt_obj_t *dest) {
    if (dest[0] != MT_NULL) return; /* read only */
    const nt_type_t *t = nt_type(self);
    long i = nt_field_index(t, attr);
    if (i >= 0) {
        size_t n;
        mt_obj_t *items;
        mt_tuple_get(self, &n, &items);
        dest[0] = items[i];
    }
}

static mt_obj_t nt_make_new(const mt_type_t *type, size_t n, size_t n_kw, const mt_obj_t *args) {
    const nt_type_t *t = (const nt_type_t *)type;
    size_t nf;
    mt_obj_t *f;
    nt_fields(t, &nf, &f);
    if (n > nf)
        mt_raise_fmt(&mt_type_TypeError, "%q() takes %u positional arguments but %u were given",
                     type->name, (unsigned)nf + 1, (unsigned)n + 1);
    mt_tuple_t *tup = MT_OBJ_TO_PTR(mt_tuple_new(nf, NULL));
    for (size_t i = 0; i < nf; i++) tup->items[i] = i < n ? args[i] : MT_NULL;
    for (size_t k = 0; k < n_kw; k++) {
        mt_qstr_t q = mt_obj_str_to_qstr(args[n + 2 * k]);
        long i = nt_field_index(t, q);
        if (i < 0)
            mt_raise_fmt(&mt_type_TypeError, "%q() got an unexpected keyword argument '%q'",
                         type->name, q);
        if (tup->items[i] != MT_NULL)
            mt_raise_fmt(&mt_type_TypeError, "%q() got multiple values for argument '%q'",
                         type->name, q);
        tup->items[i] = args[n + 2 * k + 1];
    }
    for (size_t i = 0; i < nf; i++)
        if (tup->items[i] == MT_NULL)
            mt_raise_fmt(&mt_type_TypeError, "%q() missing required argument: '%q'", type->name,
                         MT_QSTR_VALUE(f[i]));
    tup->base.type = type;
    return MT_OBJ_FROM_PTR(tup);
}

static mt_obj_t nt_asdict(mt_obj_t self) {
    size_t n, nf;
    mt_obj_t *items, *f;
    mt_tuple_get(self, &n, &items);
    nt_fields(nt_type(self), &nf, &f);
    mt_obj_t d = mt_dict_new(n);
    for (size_t i = 0; i < n; i++) mt_dict_store(d, f[i], items[i]);
    return d;
}
static MT_DEFINE_FUN_1(nt_asdict_obj, nt_asdict);

static mt_obj_t nt_replace(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    if (n != 1) mt_raise_type_error("_replace() takes keyword arguments only");
    const nt_type_t *t = nt_type(args[0]);
    size_t len;
    mt_obj_t *items;
    mt_tuple_get(args[0], &len, &items);
    mt_tuple_t *tup = MT_OBJ_TO_PTR(mt_tuple_new(len, items));
    for (size_t i = 0; kw && i < kw->used; i++) {
        mt_qstr_t q = mt_obj_str_to_qstr(kw->elems[i].key);
        long k = nt_field_index(t, q);
        if (k < 0) mt_raise_fmt(&mt_type_ValueError, "Got unexpected field names: ['%q']", q);
        tup->items[k] = kw->elems[i].value;
    }
    tup->base.type = &t->type;
    return MT_OBJ_FROM_PTR(tup);
}
static MT_DEFINE_FUN_KW(nt_replace_obj, 1, nt_replace);

static const mt_map_elem_t nt_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR__asdict), MT_ROM_PTR(&nt_asdict_obj)},
    {MT_ROM_QSTR(MT_QSTR__replace), MT_ROM_PTR(&nt_replace_obj)},
};
static MT_DEFINE_CONST_MAP(nt_locals, nt_locals_table);

/* fields may be a string "x y" / "x, y" or an iterable of strings */
static mt_obj_t parse_fields(mt_obj_t spec) {
    mt_obj_t list = mt_list_new(0, NULL);
    if (mt_obj_is_str(spec)) {
        size_t n;
        const char *s = mt_str_data(spec, &n);
        for (size_t i = 0; i < n;) {
            while (i < n && (s[i] == ' ' || s[i] == ',')) i++;
            size_t j = i;
            while (j < n && s[j] != ' ' && s[j] != ',') j++;
            if (j > i) mt_list_append(list, MT_NEW_QSTR(mt_qstr_from_strn(s + i, j - i)));
            i = j;
        }
    } else {
        mt_obj_t it = mt_getiter(spec, NULL), x;
        while ((x = mt_iternext(it)) != MT_NULL)
            mt_list_append(list, MT_NEW_QSTR(mt_obj_str_to_qstr(x)));
    }
    size_t n;
    mt_obj_t *items;
    mt_list_get(list, &n, &items);
    return mt_tuple_new(n, items);
}

static mt_obj_t collections_namedtuple(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    nt_type_t *t = mt_new_obj(nt_type_t);
    t->type = mt_type_tuple; /* inherit every tuple slot */
    t->type.base.type = &mt_type_type;
    t->type.name = mt_obj_str_to_qstr(args[0]);
    t->type.flags &= (uint16_t)~MT_TYPE_FLAG_BASETYPE;
    t->type.print = nt_print;
    t->type.make_new = nt_make_new;
    t->type.attr = nt_attr;
    t->type.parent = &mt_type_tuple;
    t->fields = parse_fields(args[1]);
    /* class attributes: the shared methods plus this type's _fields */
    mt_map_t *locals = mt_alloc(sizeof(mt_map_t));
    mt_map_init(locals, nt_locals.used + 1);
    for (size_t i = 0; i < nt_locals.used; i++)
        mt_map_lookup(locals, nt_locals.elems[i].key, MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value =
            nt_locals.elems[i].value;
    mt_map_lookup(locals, MT_NEW_QSTR(MT_QSTR__fields), MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value =
        t->fields;
    t->type.locals = locals;
    return MT_OBJ_FROM_PTR(t);
}
static MT_DEFINE_FUN_KW(collections_namedtuple_obj, 2, collections_namedtuple);

/* ---- OrderedDict: a dict printed as OrderedDict([(k, v), ...]) */

static void odict_print(const mt_print_t *p, mt_obj_t self, mt_print_kind_t kind) {
    mt_map_t *map = mt_dict_map(self);
    mt_print_str(p, "OrderedDict(");
    if (map->filled) {
        mt_print_str(p, "[");
        bool first = true;
        for (size_t i = 0; i < map->used; i++) {
            if (!MT_MAP_SLOT_IS_FILLED(map, i)) continue;
            mt_printf(p, "%s(%R, %R)", first ? "" : ", ", map->elems[i].key, map->elems[i].value);
            first = false;
        }
        mt_print_str(p, "]");
    }
    mt_print_str(p, ")");
}

static mt_obj_t odict_make_new(const mt_type_t *type, size_t n, size_t n_kw, const mt_obj_t *args) {
    mt_obj_t d = mt_type_dict.make_new(&mt_type_dict, n, n_kw, args);
    ((mt_obj_base_t *)MT_OBJ_TO_PTR(d))->type = type;
    return d;
}

static mt_obj_t odict_move_to_end(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    mt_map_t *map = mt_dict_map(args[0]);
    bool last = true;
    if (n > 2) last = mt_is_true(args[2]);
    mt_map_elem_t *e = kw ? mt_map_lookup(kw, MT_NEW_QSTR(MT_QSTR_last), MT_MAP_LOOKUP) : NULL;
    if (e) last = mt_is_true(e->value);
    mt_map_elem_t *found = mt_map_lookup(map, args[1], MT_MAP_LOOKUP_REMOVE);
    if (found == NULL) mt_raise(mt_exc_new(&mt_type_KeyError, 1, &args[1]));
    mt_obj_t key = args[1], value = found->value;
    if (last) {
        mt_map_lookup(map, key, MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
        return MT_NONE;
    }
    /* to the front: rebuild with key first */
    mt_map_t old = *map;
    mt_map_init(map, old.filled + 1);
    mt_map_lookup(map, key, MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
    for (size_t i = 0; i < old.used; i++)
        if (old.elems[i].key != MT_NULL)
            mt_map_lookup(map, old.elems[i].key, MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value =
                old.elems[i].value;
    return MT_NONE;
}
static MT_DEFINE_FUN_KW(odict_move_to_end_obj, 2, odict_move_to_end);

static mt_obj_t odict_popitem(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    mt_map_t *map = mt_dict_map(args[0]);
    bool last = n > 1 ? mt_is_true(args[1]) : true;
    mt_map_elem_t *e = kw ? mt_map_lookup(kw, MT_NEW_QSTR(MT_QSTR_last), MT_MAP_LOOKUP) : NULL;
    if (e) last = mt_is_true(e->value);
    if (map->filled == 0) mt_raise_msg(&mt_type_KeyError, "dictionary is empty");
    size_t i = last ? map->used : 0;
    if (last) {
        while (!MT_MAP_SLOT_IS_FILLED(map, i - 1)) i--;
        i--;
    } else {
        while (!MT_MAP_SLOT_IS_FILLED(map, i)) i++;
    }
    mt_obj_t kv[2] = {map->elems[i].key, map->elems[i].value};
    mt_map_lookup(map, kv[0], MT_MAP_LOOKUP_REMOVE);
    return mt_tuple_new(2, kv);
}
static MT_DEFINE_FUN_KW(odict_popitem_obj, 1, odict_popitem);

static const mt_map_elem_t odict_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_move_to_end), MT_ROM_PTR(&odict_move_to_end_obj)},
    {MT_ROM_QSTR(MT_QSTR_popitem), MT_ROM_PTR(&odict_popitem_obj)},
};
static MT_DEFINE_CONST_MAP(odict_locals, odict_locals_table);

/* the other slots forward to dict's */
static mt_obj_t odict_unary(mt_unop_t op, mt_obj_t o) {
    return mt_type_dict.unary_op(op, o);
}
static mt_obj_t odict_binary(mt_binop_t op, mt_obj_t a, mt_obj_t b) {
    return mt_type_dict.binary_op(op, a, b);
}
static mt_obj_t odict_subscr(mt_obj_t o, mt_obj_t i, mt_obj_t v) {
    return mt_type_dict.subscr(o, i, v);
}
static mt_obj_t odict_getiter(mt_obj_t o, mt_iter_buf_t *b) {
    return mt_type_dict.getiter(o, b);
}

static const mt_type_t odict_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_OrderedDict,
    .flags = MT_TYPE_FLAG_BASETYPE | MT_TYPE_FLAG_UNHASHABLE,
    .print = odict_print,
    .make_new = odict_make_new,
    .unary_op = odict_unary,
    .binary_op = odict_binary,
    .subscr = odict_subscr,
    .getiter = odict_getiter,
    .locals = &odict_locals,
    .parent = &mt_type_dict,
};

/* ---- deque: a ring buffer; with maxlen, appends push out items from the other end */

typedef struct {
    mt_obj_base_t base;
    size_t head, len, alloc; /* items[head .. head+len) modulo alloc */
    mt_int_t maxlen;         /* -1: unbounded */
    mt_obj_t *items;
} deque_t;

static const mt_type_t deque_type;

static mt_obj_t *deque_at(deque_t *d, size_t i) {
    return &d->items[(d->head + i) % d->alloc];
}

static void deque_grow(deque_t *d) {
    size_t alloc = d->alloc ? d->alloc * 2 : 4;
    mt_obj_t *items = mt_alloc(alloc * sizeof(mt_obj_t));
    for (size_t i = 0; i < d->len; i++) items[i] = *deque_at(d, i);
    mt_free(d->items);
    d->items = items;
    d->alloc = alloc;
    d->head = 0;
}

static mt_obj_t deque_pop_end(deque_t *d, bool left) {
    if (d->len == 0) mt_raise_msg(&mt_type_IndexError, "pop from an empty deque");
    mt_obj_t *slot = left ? deque_at(d, 0) : deque_at(d, d->len - 1);
    mt_obj_t v = *slot;
    *slot = MT_NULL;
    if (left) d->head = (d->head + 1) % d->alloc;
    d->len--;
    return v;
}

static void deque_push(deque_t *d, mt_obj_t v, bool left) {
    if (d->maxlen == 0) return;
    if (d->maxlen > 0 && d->len == (size_t)d->maxlen) deque_pop_end(d, !left);
    if (d->len == d->alloc) deque_grow(d);
    if (left) {
        d->head = (d->head + d->alloc - 1) % d->alloc;
        d->items[d->head] = v;
    } else {
        *deque_at(d, d->len) = v;
    }
    d->len++;
}

static mt_obj_t deque_append(mt_obj_t self, mt_obj_t v) {
    deque_push(MT_OBJ_TO_PTR(self), v, false);
    return MT_NONE;
}
static mt_obj_t deque_appendleft(mt_obj_t self, mt_obj_t v) {
    deque_push(MT_OBJ_TO_PTR(self), v, true);
    return MT_NONE;
}
static mt_obj_t deque_pop(mt_obj_t self) {
    return deque_pop_end(MT_OBJ_TO_PTR(self), false);
}
static mt_obj_t deque_popleft(mt_obj_t self) {
    return deque_pop_end(MT_OBJ_TO_PTR(self), true);
}
static MT_DEFINE_FUN_2(deque_append_obj, deque_append);
static MT_DEFINE_FUN_2(deque_appendleft_obj, deque_appendleft);
static MT_DEFINE_FUN_1(deque_pop_obj, deque_pop);
static MT_DEFINE_FUN_1(deque_popleft_obj, deque_popleft);

static void deque_extend_side(mt_obj_t self, mt_obj_t iterable, bool left) {
    mt_obj_t it = mt_getiter(iterable, NULL), x;
    while ((x = mt_iternext(it)) != MT_NULL) deque_push(MT_OBJ_TO_PTR(self), x, left);
}
static mt_obj_t deque_extend(mt_obj_t self, mt_obj_t it) {
    deque_extend_side(self, it, false);
    return MT_NONE;
}
static mt_obj_t deque_extendleft(mt_obj_t self, mt_obj_t it) {
    deque_extend_side(self, it, true);
    return MT_NONE;
}
static MT_DEFINE_FUN_2(deque_extend_obj, deque_extend);
static MT_DEFINE_FUN_2(deque_extendleft_obj, deque_extendleft);

static mt_obj_t deque_clear(mt_obj_t self) {
    deque_t *d = MT_OBJ_TO_PTR(self);
    d->len = d->head = 0;
    if (d->items) memset(d->items, 0, d->alloc * sizeof(mt_obj_t));
    return MT_NONE;
}
static MT_DEFINE_FUN_1(deque_clear_obj, deque_clear);

static mt_obj_t deque_rotate(size_t n, const mt_obj_t *args) {
    deque_t *d = MT_OBJ_TO_PTR(args[0]);
    mt_int_t k = n > 1 ? mt_obj_get_int(args[1]) : 1;
    if (d->len == 0) return MT_NONE;
    k %= (mt_int_t)d->len;
    if (k < 0) k += (mt_int_t)d->len;
    for (mt_int_t i = 0; i < k; i++) { /* move k items from the right end to the left */
        mt_obj_t v = deque_pop_end(d, false);
        deque_push(d, v, true);
    }
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(deque_rotate_obj, 1, 2, deque_rotate);

static const mt_map_elem_t deque_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_append), MT_ROM_PTR(&deque_append_obj)},
    {MT_ROM_QSTR(MT_QSTR_appendleft), MT_ROM_PTR(&deque_appendleft_obj)},
    {MT_ROM_QSTR(MT_QSTR_pop), MT_ROM_PTR(&deque_pop_obj)},
    {MT_ROM_QSTR(MT_QSTR_popleft), MT_ROM_PTR(&deque_popleft_obj)},
    {MT_ROM_QSTR(MT_QSTR_extend), MT_ROM_PTR(&deque_extend_obj)},
    {MT_ROM_QSTR(MT_QSTR_extendleft), MT_ROM_PTR(&deque_extendleft_obj)},
    {MT_ROM_QSTR(MT_QSTR_clear), MT_ROM_PTR(&deque_clear_obj)},
    {MT_ROM_QSTR(MT_QSTR_rotate), MT_ROM_PTR(&deque_rotate_obj)},
};
static MT_DEFINE_CONST_MAP(deque_locals, deque_locals_table);

static mt_obj_t deque_make_new(const mt_type_t *type, size_t n, size_t n_kw, const mt_obj_t *args) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_iterable, 0, MT_NULL},
        {MT_QSTR_maxlen, 0, MT_NONE},
        {MT_QSTR_flags, 0, MT_NONE},
    };
    mt_map_t kw;
    mt_map_init_fixed(&kw, (const mt_map_elem_t *)(args + n), n_kw);
    mt_obj_t a[3];
    mt_arg_parse(n, args, &kw, 3, spec, a);
    deque_t *d = mt_new_obj(deque_t);
    d->base.type = &deque_type;
    d->maxlen = a[1] == MT_NONE ? -1 : mt_obj_get_int(a[1]);
    if (a[1] != MT_NONE && d->maxlen < 0) mt_raise_value_error("maxlen must be non-negative");
    if (a[0] != MT_NULL) deque_extend_side(MT_OBJ_FROM_PTR(d), a[0], false);
    return MT_OBJ_FROM_PTR(d);
}

static void deque_print(const mt_print_t *p, mt_obj_t self, mt_print_kind_t kind) {
    deque_t *d = MT_OBJ_TO_PTR(self);
    mt_print_str(p, "deque([");
    for (size_t i = 0; i < d->len; i++) mt_printf(p, "%s%R", i ? ", " : "", *deque_at(d, i));
    mt_print_str(p, "]");
    if (d->maxlen >= 0) mt_printf(p, ", maxlen=%d", (int)d->maxlen);
    mt_print_str(p, ")");
}

static mt_obj_t deque_unary(mt_unop_t op, mt_obj_t self) {
    deque_t *d = MT_OBJ_TO_PTR(self);
    if (op == MT_UNOP_BOOL) return MT_BOOL(d->len != 0);
    if (op == MT_UNOP_LEN) return MT_NEW_SMALL_INT(d->len);
    return MT_NULL;
}

static mt_obj_t deque_binary(mt_binop_t op, mt_obj_t self, mt_obj_t rhs) {
    deque_t *d = MT_OBJ_TO_PTR(self);
    if (op == MT_BINOP_CONTAINS) {
        for (size_t i = 0; i < d->len; i++)
            if (mt_equal(*deque_at(d, i), rhs)) return MT_TRUE;
        return MT_FALSE;
    }
    if (op == MT_BINOP_EQ && MT_IS_TYPE(rhs, &deque_type)) {
        deque_t *e = MT_OBJ_TO_PTR(rhs);
        if (d->len != e->len) return MT_FALSE;
        for (size_t i = 0; i < d->len; i++)
            if (!mt_equal(*deque_at(d, i), *deque_at(e, i))) return MT_FALSE;
        return MT_TRUE;
    }
    return MT_NULL;
}

static mt_obj_t deque_subscr(mt_obj_t self, mt_obj_t index, mt_obj_t value) {
    deque_t *d = MT_OBJ_TO_PTR(self);
    if (value == MT_NULL) return MT_NULL; /* del d[i]: unsupported, as MicroPython */
    mt_int_t i = mt_obj_get_int(index);
    if (i < 0) i += (mt_int_t)d->len;
    if (i < 0 || (size_t)i >= d->len) mt_raise_msg(&mt_type_IndexError, "deque index out of range");
    if (value == MT_SENTINEL) return *deque_at(d, (size_t)i);
    *deque_at(d, (size_t)i) = value;
    return MT_NONE;
}

/* iteration: a snapshot list iterator is simplest and safe against mutation */
static mt_obj_t deque_getiter(mt_obj_t self, mt_iter_buf_t *buf) {
    deque_t *d = MT_OBJ_TO_PTR(self);
    mt_obj_t list = mt_list_new(d->len, NULL);
    mt_obj_t *items;
    size_t n;
    mt_list_get(list, &n, &items);
    for (size_t i = 0; i < d->len; i++) items[i] = *deque_at(d, i);
    return mt_getiter(list, buf);
}

static void deque_attr(mt_obj_t self, mt_qstr_t attr, mt_obj_t *dest) {
    deque_t *d = MT_OBJ_TO_PTR(self);
    if (dest[0] == MT_NULL && attr == MT_QSTR_maxlen)
        dest[0] = d->maxlen < 0 ? MT_NONE : MT_NEW_SMALL_INT(d->maxlen);
}

static const mt_type_t deque_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_deque,
    .flags = MT_TYPE_FLAG_UNHASHABLE,
    .print = deque_print,
    .make_new = deque_make_new,
    .unary_op = deque_unary,
    .binary_op = deque_binary,
    .attr = deque_attr,
    .subscr = deque_subscr,
    .getiter = deque_getiter,
    .locals = &deque_locals,
};

static const mt_map_elem_t collections_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_collections)},
    {MT_ROM_QSTR(MT_QSTR_namedtuple), MT_ROM_PTR(&collections_namedtuple_obj)},
    {MT_ROM_QSTR(MT_QSTR_OrderedDict), MT_ROM_PTR(&odict_type)},
    {MT_ROM_QSTR(MT_QSTR_deque), MT_ROM_PTR(&deque_type)},
};
MT_DEFINE_MODULE(mt_module_collections, collections_table);
