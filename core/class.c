/* User classes and the types of the class machinery: type, object, instances of user classes
 * (with their dunder-dispatching slots), __build_class__, C3 MRO, bound methods, super,
 * property, staticmethod and classmethod.
 *
 * An instance of a user class is an mt_instance_t: its attributes in `members`, and, when the
 * class derives from a built-in type (list, int, Exception ...), the built-in object carrying
 * that state in `native` (made by the base's make_new). Slots first look for the class's own
 * dunder methods (only when MT_TYPE_FLAG_HAS_SPECIAL says there may be some), then hand the
 * operation to the native object. A class whose metaclass derives from `type` is itself a
 * heap type (its "native" is the class itself). */
#include "types/containers.h"
#include "types/num.h"
#include "exc.h"
#include "fun.h"
#include "nlr.h"
#include "runtime.h"
#include "state.h"
#include "vm.h"

/* ---- dunder names of the operator slots -------------------------------------------- */

static const mt_qstr_t binop_names[MT_BINOP_CONTAINS + 1] = {
    [MT_BINOP_ADD] = MT_QSTR___add__,
    [MT_BINOP_SUB] = MT_QSTR___sub__,
    [MT_BINOP_MUL] = MT_QSTR___mul__,
    [MT_BINOP_MATMUL] = MT_QSTR___matmul__,
    [MT_BINOP_TRUEDIV] = MT_QSTR___truediv__,
    [MT_BINOP_FLOORDIV] = MT_QSTR___floordiv__,
    [MT_BINOP_MOD] = MT_QSTR___mod__,
    [MT_BINOP_POW] = MT_QSTR___pow__,
    [MT_BINOP_LSHIFT] = MT_QSTR___lshift__,
    [MT_BINOP_RSHIFT] = MT_QSTR___rshift__,
    [MT_BINOP_AND] = MT_QSTR___and__,
    [MT_BINOP_OR] = MT_QSTR___or__,
    [MT_BINOP_XOR] = MT_QSTR___xor__,
    [MT_BINOP_INPLACE_ADD] = MT_QSTR___iadd__,
    [MT_BINOP_INPLACE_SUB] = MT_QSTR___isub__,
    [MT_BINOP_INPLACE_MUL] = MT_QSTR___imul__,
    [MT_BINOP_INPLACE_MATMUL] = MT_QSTR___imatmul__,
    [MT_BINOP_INPLACE_TRUEDIV] = MT_QSTR___itruediv__,
    [MT_BINOP_INPLACE_FLOORDIV] = MT_QSTR___ifloordiv__,
    [MT_BINOP_INPLACE_MOD] = MT_QSTR___imod__,
    [MT_BINOP_INPLACE_POW] = MT_QSTR___ipow__,
    [MT_BINOP_INPLACE_LSHIFT] = MT_QSTR___ilshift__,
    [MT_BINOP_INPLACE_RSHIFT] = MT_QSTR___irshift__,
    [MT_BINOP_INPLACE_AND] = MT_QSTR___iand__,
    [MT_BINOP_INPLACE_OR] = MT_QSTR___ior__,
    [MT_BINOP_INPLACE_XOR] = MT_QSTR___ixor__,
    [MT_BINOP_REVERSE_ADD] = MT_QSTR___radd__,
    [MT_BINOP_REVERSE_SUB] = MT_QSTR___rsub__,
    [MT_BINOP_REVERSE_MUL] = MT_QSTR___rmul__,
    [MT_BINOP_REVERSE_MATMUL] = MT_QSTR___rmatmul__,
    [MT_BINOP_REVERSE_TRUEDIV] = MT_QSTR___rtruediv__,
    [MT_BINOP_REVERSE_FLOORDIV] = MT_QSTR___rfloordiv__,
    [MT_BINOP_REVERSE_MOD] = MT_QSTR___rmod__,
    [MT_BINOP_REVERSE_POW] = MT_QSTR___rpow__,
    [MT_BINOP_REVERSE_LSHIFT] = MT_QSTR___rlshift__,
    [MT_BINOP_REVERSE_RSHIFT] = MT_QSTR___rrshift__,
    [MT_BINOP_REVERSE_AND] = MT_QSTR___rand__,
    [MT_BINOP_REVERSE_OR] = MT_QSTR___ror__,
    [MT_BINOP_REVERSE_XOR] = MT_QSTR___rxor__,
    [MT_BINOP_LT] = MT_QSTR___lt__,
    [MT_BINOP_GT] = MT_QSTR___gt__,
    [MT_BINOP_EQ] = MT_QSTR___eq__,
    [MT_BINOP_NE] = MT_QSTR___ne__,
    [MT_BINOP_LE] = MT_QSTR___le__,
    [MT_BINOP_GE] = MT_QSTR___ge__,
    [MT_BINOP_CONTAINS] = MT_QSTR___contains__,
};

static const mt_qstr_t unop_names[MT_UNOP_COUNT] = {
    [MT_UNOP_POS] = MT_QSTR___pos__,       [MT_UNOP_NEG] = MT_QSTR___neg__,
    [MT_UNOP_INVERT] = MT_QSTR___invert__, [MT_UNOP_NOT] = MT_QSTR___bool__,
    [MT_UNOP_BOOL] = MT_QSTR___bool__,     [MT_UNOP_LEN] = MT_QSTR___len__,
    [MT_UNOP_HASH] = MT_QSTR___hash__,     [MT_UNOP_ABS] = MT_QSTR___abs__,
    [MT_UNOP_INT] = MT_QSTR___int__,       [MT_UNOP_FLOAT] = MT_QSTR___float__,
    [MT_UNOP_INDEX] = MT_QSTR___index__,
};

/* ---- lookup along the MRO ---------------------------------------------------------- */

static const mt_fun_builtin_t native_init_obj;

/* built-in types whose __init__ fills the object (list.__init__(it)); the size of their
 * object, so that __init__ on a subclass instance can refill the native in place */
static size_t native_init_size(const mt_type_t *t) {
    if (t == &mt_type_list) return sizeof(mt_list_t);
    if (t == &mt_type_dict) return sizeof(mt_dict_t);
    if (t == &mt_type_set) return sizeof(mt_set_t);
    if (t == &mt_type_bytearray) return sizeof(mt_bytearray_t);
    return 0;
}

#define HEAP(t)        ((const mt_heap_type_t *)(t))
#define IS_TYPE_OBJ(t) (HEAP(t)->native_base == &mt_type_type) /* instances are classes */

/* number of keyword pairs of a KW builtin's map; *pairs points at them, right after a copy
 * of args[0..n) (args itself when the map already lies there, as mt_type_fun_builtin makes it) */
static size_t kw_pairs(size_t n, const mt_obj_t *args, mt_map_t *kw, const mt_obj_t **pairs) {
    *pairs = args + n;
    if (kw == NULL || kw->filled == 0) return 0;
    if ((const mt_obj_t *)kw->elems == args + n) return kw->used;
    mt_obj_t *copy = mt_alloc((n + 2 * kw->used) * sizeof(mt_obj_t));
    memcpy(copy, args, n * sizeof(mt_obj_t));
    memcpy(copy + n, kw->elems, kw->used * sizeof(mt_map_elem_t));
    *pairs = copy + n;
    return kw->used;
}

/* ---- dunder methods of built-in types: their slots seen as methods ([].__len__(),
 * super().__getitem__(k) in a dict subclass ...) */

static mt_obj_t wrap_result(mt_obj_t r) {
    return r == MT_NULL ? MT_NOT_IMPLEMENTED : r;
}

static mt_obj_t wrap_binop(mt_binop_t op, mt_obj_t self, mt_obj_t other) {
    self = mt_obj_native(self);
    const mt_type_t *t = mt_type_of_inline(self);
    return wrap_result(t->binary_op ? t->binary_op(op, self, other) : MT_NULL);
}

#define BINOP_WRAPPER(op)                                                                          \
    static mt_obj_t wrap_##op(mt_obj_t a, mt_obj_t b) {                                            \
        return wrap_binop(MT_BINOP_##op, a, b);                                                    \
    }                                                                                              \
    static __attribute__((unused)) MT_DEFINE_FUN_2(wrap_##op##_obj, wrap_##op);
#define X(n, s, m, im, rm) BINOP_WRAPPER(n) BINOP_WRAPPER(REVERSE_##n)
MT_BINARY_ARITH_OPS(X)
#undef X

/* __pow__(exp[, mod]): with a modulus, what pow(self, exp, mod) does */
static mt_obj_t wrap_pow_mod(size_t n, const mt_obj_t *args) {
    if (n == 3 && args[2] != MT_NONE) {
        mt_obj_t base = mt_obj_native(args[0]);
        if (!mt_obj_is_int(base) || !mt_obj_is_int(args[1]) || !mt_obj_is_int(args[2]))
            mt_raise_type_error("pow() 3rd argument not allowed unless all arguments are integers");
        return mt_int_pow3(base, args[1], args[2]);
    }
    return wrap_POW(args[0], args[1]);
}
static MT_DEFINE_FUN_VAR(wrap_pow_mod_obj, 2, 3, wrap_pow_mod);
BINOP_WRAPPER(LT)
BINOP_WRAPPER(GT)
BINOP_WRAPPER(LE)
BINOP_WRAPPER(GE) /* == and != are object's */

#define UNOP_WRAPPER(op)                                                                           \
    static mt_obj_t wrap_##op(mt_obj_t a) {                                                        \
        return mt_unary_op(MT_UNOP_##op, mt_obj_native(a));                                        \
    }                                                                                              \
    static MT_DEFINE_FUN_1(wrap_##op##_obj, wrap_##op);
UNOP_WRAPPER(POS)
UNOP_WRAPPER(NEG)
UNOP_WRAPPER(INVERT)
UNOP_WRAPPER(ABS)
UNOP_WRAPPER(INT)
UNOP_WRAPPER(FLOAT)
UNOP_WRAPPER(INDEX)
UNOP_WRAPPER(BOOL)
UNOP_WRAPPER(HASH)

static mt_obj_t wrap_repr(mt_obj_t a) {
    return mt_obj_repr(mt_obj_native(a));
}
static MT_DEFINE_FUN_1(wrap_repr_obj, wrap_repr);
static mt_obj_t wrap_str(mt_obj_t a) {
    return mt_obj_str(mt_obj_native(a));
}
static MT_DEFINE_FUN_1(wrap_str_obj, wrap_str);

static mt_obj_t wrap_len(mt_obj_t a) {
    return MT_NEW_SMALL_INT(mt_len(mt_obj_native(a)));
}
static MT_DEFINE_FUN_1(wrap_len_obj, wrap_len);
static mt_obj_t wrap_contains(mt_obj_t a, mt_obj_t b) {
    return mt_binary_op(MT_BINOP_CONTAINS, mt_obj_native(a), b);
}
static MT_DEFINE_FUN_2(wrap_contains_obj, wrap_contains);
static mt_obj_t wrap_getitem(mt_obj_t a, mt_obj_t k) {
    return mt_subscr(mt_obj_native(a), k, MT_SENTINEL);
}
static MT_DEFINE_FUN_2(wrap_getitem_obj, wrap_getitem);
static mt_obj_t wrap_setitem(mt_obj_t a, mt_obj_t k, mt_obj_t v) {
    return mt_subscr(mt_obj_native(a), k, v);
}
static MT_DEFINE_FUN_3(wrap_setitem_obj, wrap_setitem);
static mt_obj_t wrap_delitem(mt_obj_t a, mt_obj_t k) {
    return mt_subscr(mt_obj_native(a), k, MT_NULL);
}
static MT_DEFINE_FUN_2(wrap_delitem_obj, wrap_delitem);
static mt_obj_t wrap_iter(mt_obj_t a) {
    return mt_getiter(mt_obj_native(a), NULL);
}
static MT_DEFINE_FUN_1(wrap_iter_obj, wrap_iter);
static mt_obj_t wrap_next(mt_obj_t a) {
    mt_obj_t r = mt_iternext(mt_obj_native(a));
    if (r == MT_NULL) mt_raise_stop_iteration(MT_NULL);
    return r;
}
static MT_DEFINE_FUN_1(wrap_next_obj, wrap_next);
static mt_obj_t wrap_call(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    const mt_obj_t *pairs;
    size_t n_kw = kw_pairs(n, args, kw, &pairs);
    args = pairs - n;
    return mt_call(mt_obj_native(args[0]), n - 1, n_kw, args + 1);
}
static MT_DEFINE_FUN_KW(wrap_call_obj, 1, wrap_call);

/* which slot a wrapper needs */
enum { NEED_BINARY, NEED_UNARY, NEED_SUBSCR, NEED_GETITER, NEED_ITERNEXT, NEED_CALL, NEED_PRINT };

typedef struct {
    mt_qstr_t name;
    uint8_t need;
    const mt_fun_builtin_t *fun;
} slot_wrapper_t;

static const slot_wrapper_t slot_wrappers[] = {
    {MT_QSTR___add__, NEED_BINARY, &wrap_ADD_obj},
    {MT_QSTR___sub__, NEED_BINARY, &wrap_SUB_obj},
    {MT_QSTR___mul__, NEED_BINARY, &wrap_MUL_obj},
    {MT_QSTR___matmul__, NEED_BINARY, &wrap_MATMUL_obj},
    {MT_QSTR___truediv__, NEED_BINARY, &wrap_TRUEDIV_obj},
    {MT_QSTR___floordiv__, NEED_BINARY, &wrap_FLOORDIV_obj},
    {MT_QSTR___mod__, NEED_BINARY, &wrap_MOD_obj},
    {MT_QSTR___pow__, NEED_BINARY, &wrap_pow_mod_obj},
    {MT_QSTR___lshift__, NEED_BINARY, &wrap_LSHIFT_obj},
    {MT_QSTR___rshift__, NEED_BINARY, &wrap_RSHIFT_obj},
    {MT_QSTR___and__, NEED_BINARY, &wrap_AND_obj},
    {MT_QSTR___or__, NEED_BINARY, &wrap_OR_obj},
    {MT_QSTR___xor__, NEED_BINARY, &wrap_XOR_obj},
    {MT_QSTR___radd__, NEED_BINARY, &wrap_REVERSE_ADD_obj},
    {MT_QSTR___rsub__, NEED_BINARY, &wrap_REVERSE_SUB_obj},
    {MT_QSTR___rmul__, NEED_BINARY, &wrap_REVERSE_MUL_obj},
    {MT_QSTR___rmatmul__, NEED_BINARY, &wrap_REVERSE_MATMUL_obj},
    {MT_QSTR___rtruediv__, NEED_BINARY, &wrap_REVERSE_TRUEDIV_obj},
    {MT_QSTR___rfloordiv__, NEED_BINARY, &wrap_REVERSE_FLOORDIV_obj},
    {MT_QSTR___rmod__, NEED_BINARY, &wrap_REVERSE_MOD_obj},
    {MT_QSTR___rpow__, NEED_BINARY, &wrap_REVERSE_POW_obj},
    {MT_QSTR___rlshift__, NEED_BINARY, &wrap_REVERSE_LSHIFT_obj},
    {MT_QSTR___rrshift__, NEED_BINARY, &wrap_REVERSE_RSHIFT_obj},
    {MT_QSTR___rand__, NEED_BINARY, &wrap_REVERSE_AND_obj},
    {MT_QSTR___ror__, NEED_BINARY, &wrap_REVERSE_OR_obj},
    {MT_QSTR___rxor__, NEED_BINARY, &wrap_REVERSE_XOR_obj},
    {MT_QSTR___lt__, NEED_BINARY, &wrap_LT_obj},
    {MT_QSTR___gt__, NEED_BINARY, &wrap_GT_obj},
    {MT_QSTR___le__, NEED_BINARY, &wrap_LE_obj},
    {MT_QSTR___ge__, NEED_BINARY, &wrap_GE_obj},
    {MT_QSTR___contains__, NEED_BINARY, &wrap_contains_obj},
    {MT_QSTR___pos__, NEED_UNARY, &wrap_POS_obj},
    {MT_QSTR___neg__, NEED_UNARY, &wrap_NEG_obj},
    {MT_QSTR___invert__, NEED_UNARY, &wrap_INVERT_obj},
    {MT_QSTR___abs__, NEED_UNARY, &wrap_ABS_obj},
    {MT_QSTR___int__, NEED_UNARY, &wrap_INT_obj},
    {MT_QSTR___float__, NEED_UNARY, &wrap_FLOAT_obj},
    {MT_QSTR___index__, NEED_UNARY, &wrap_INDEX_obj},
    {MT_QSTR___bool__, NEED_UNARY, &wrap_BOOL_obj},
    {MT_QSTR___len__, NEED_UNARY, &wrap_len_obj},
    {MT_QSTR___hash__, NEED_UNARY, &wrap_HASH_obj},
    {MT_QSTR___repr__, NEED_PRINT, &wrap_repr_obj},
    {MT_QSTR___str__, NEED_PRINT, &wrap_str_obj},
    {MT_QSTR___getitem__, NEED_SUBSCR, &wrap_getitem_obj},
    {MT_QSTR___setitem__, NEED_SUBSCR, &wrap_setitem_obj},
    {MT_QSTR___delitem__, NEED_SUBSCR, &wrap_delitem_obj},
    {MT_QSTR___iter__, NEED_GETITER, &wrap_iter_obj},
    {MT_QSTR___next__, NEED_ITERNEXT, &wrap_next_obj},
    {MT_QSTR___call__, NEED_CALL, &wrap_call_obj},
};

/* the wrapper of built-in type t's slot for dunder `name`, or MT_NULL */
static mt_obj_t slot_wrapper(const mt_type_t *t, mt_qstr_t name) {
    for (size_t i = 0; i < MT_ARRAY_SIZE(slot_wrappers); i++) {
        const slot_wrapper_t *w = &slot_wrappers[i];
        if (w->name != name) continue;
        const void *slot[] = {(const void *)t->binary_op, (const void *)t->unary_op,
                              (const void *)t->subscr,    (const void *)t->getiter,
                              (const void *)t->iternext,  (const void *)t->call,
                              (const void *)t->print};
        return slot[w->need] != NULL ? MT_OBJ_FROM_PTR(w->fun) : MT_NULL;
    }
    return MT_NULL;
}

static bool is_dunder(mt_qstr_t q) {
    size_t len;
    const char *s = mt_qstr_data(q, &len);
    return len > 4 && s[0] == '_' && s[1] == '_' && s[len - 1] == '_' && s[len - 2] == '_';
}

/* name in t's own dict or locals (not its bases) */
static mt_obj_t own_lookup(const mt_type_t *t, mt_qstr_t name) {
    if (t->locals != NULL) {
        mt_map_elem_t *e = mt_map_lookup_qstr(t->locals, name);
        if (e != NULL) return e->value;
    }
    if (MT_IS_HEAP_TYPE(t) || !is_dunder(name)) return MT_NULL;
    if (name == MT_QSTR___init__ && native_init_size(t)) return MT_OBJ_FROM_PTR(&native_init_obj);
    return t == &mt_type_type ? MT_NULL : slot_wrapper(t, name);
}

/* name along t's MRO, starting after `after` when it is not NULL; *owner: where found */
static mt_obj_t mro_find(const mt_type_t *t, const mt_type_t *after, mt_qstr_t name,
                         const mt_type_t **owner) {
    if (MT_IS_HEAP_TYPE(t)) {
        size_t n, i = 0;
        mt_obj_t *items;
        mt_tuple_get(t->mro, &n, &items);
        if (after != NULL) {
            while (i < n && items[i] != MT_OBJ_FROM_PTR(after)) i++;
            i++;
        }
        for (; i < n; i++) {
            const mt_type_t *bt = MT_OBJ_TO_PTR(items[i]);
            mt_obj_t v = own_lookup(bt, name);
            if (v != MT_NULL) {
                *owner = bt;
                return v;
            }
        }
        return MT_NULL;
    }
    bool searching = after == NULL;
    const mt_type_t *last = NULL;
    for (const mt_type_t *bt = t; bt != NULL; bt = bt->parent) {
        last = bt;
        if (!searching) {
            searching = bt == after;
            continue;
        }
        mt_obj_t v = own_lookup(bt, name);
        if (v != MT_NULL) {
            *owner = bt;
            return v;
        }
    }
    if (last != &mt_type_object && (searching || after == &mt_type_object)) {
        if (after == &mt_type_object) return MT_NULL;
        *owner = &mt_type_object;
        return own_lookup(&mt_type_object, name);
    }
    return MT_NULL;
}

/* A cache of class attribute lookups, as CPython has: (type, name) -> what mro_find gives,
 * misses included. A new class and any change to a class bump the version, which empties the
 * cache (so an entry never outlives its type, and dangling entries are never read). */
typedef struct {
    const mt_type_t *type;
    mt_qstr_t name;
    uint32_t version;
    mt_obj_t member;
    const mt_type_t *owner;
} attr_cache_entry_t;

/* entries, a power of 2 (20 bytes each on the chip) */
#ifndef MT_CONFIG_ATTR_CACHE_SIZE
#define MT_CONFIG_ATTR_CACHE_SIZE (sizeof(void *) == 8 ? 512 : 32)
#endif
#define ATTR_CACHE_SIZE MT_CONFIG_ATTR_CACHE_SIZE
static attr_cache_entry_t attr_cache[ATTR_CACHE_SIZE];
static uint32_t attr_cache_version = 1;

static void attr_cache_clear(void) {
    attr_cache_version++;
}

/* mro_find(t, NULL, name, owner), cached */
static mt_obj_t cached_find(const mt_type_t *t, mt_qstr_t name, const mt_type_t **owner) {
    size_t h = (((uintptr_t)t >> 4) ^ (name * 2654435761u)) & (ATTR_CACHE_SIZE - 1);
    attr_cache_entry_t *e = &attr_cache[h];
    if (e->type == t && e->name == name && e->version == attr_cache_version) {
        *owner = e->owner;
        return e->member;
    }
    const mt_type_t *o = NULL;
    mt_obj_t member = mro_find(t, NULL, name, &o);
    *e = (attr_cache_entry_t){t, name, attr_cache_version, member, o};
    *owner = o;
    return member;
}

mt_obj_t mt_type_lookup(const mt_type_t *t, mt_qstr_t name) {
    const mt_type_t *owner;
    return cached_find(t, name, &owner);
}

/* name defined by a user class of t's MRO (where the dunder methods of slots live; one found
 * first in a built-in type means that type's slot applies) */
static __attribute__((noinline)) mt_obj_t heap_lookup(const mt_type_t *t, mt_qstr_t name) {
    const mt_type_t *owner;
    mt_obj_t member = cached_find(t, name, &owner);
    return member != MT_NULL && MT_IS_HEAP_TYPE(owner) ? member : MT_NULL;
}

/* call a dunder method m found on self's class t */
static mt_obj_t call_dunder_kw(mt_obj_t self, const mt_type_t *t, mt_obj_t m, size_t n, size_t n_kw,
                               const mt_obj_t *args) {
    /* a built-in function as a dunder (__hash__ = object.__hash__) is a method too */
    if (MT_IS_TYPE(m, &mt_type_function) || MT_IS_TYPE(m, &mt_type_fun_builtin))
        return mt_call_with_self(m, self, n, n_kw, args);
    mt_obj_t dest[2] = {MT_NULL, MT_NULL};
    mt_bind_member(m, self, t, false, MT_QSTR_NULL, dest);
    if (dest[1] == MT_NULL) return mt_call(dest[0], n, n_kw, args);
    return mt_call_with_self(dest[0], dest[1], n, n_kw, args);
}

static mt_obj_t call_dunder(mt_obj_t self, const mt_type_t *t, mt_obj_t m, size_t n,
                            const mt_obj_t *args) {
    return call_dunder_kw(self, t, m, n, 0, args);
}

/* the native object of an instance (o is one), or MT_NULL */
static mt_obj_t native_of(mt_obj_t o) {
    const mt_type_t *t = ((const mt_obj_base_t *)MT_OBJ_TO_PTR(o))->type;
    if (IS_TYPE_OBJ(t)) return o;
    return ((mt_instance_t *)MT_OBJ_TO_PTR(o))->native;
}

static bool has_special(const mt_type_t *t) {
    return (t->flags & MT_TYPE_FLAG_HAS_SPECIAL) != 0;
}

/* ---- creating instances ------------------------------------------------------------ */

static mt_obj_t type_new_full(const mt_type_t *meta, mt_qstr_t name, mt_obj_t bases, mt_obj_t dict,
                              size_t n_kw, const mt_obj_t *kw);

/* a bare instance of user class cls; its native made from args when with_args */
static mt_obj_t new_instance(const mt_type_t *cls, size_t n, size_t n_kw, const mt_obj_t *args,
                             bool with_args) {
    const mt_type_t *nb = HEAP(cls)->native_base;
    if (nb == &mt_type_type) { /* metaclass(name, bases, dict): a new class */
        if (n != 3) mt_raise_type_error("type.__new__() takes exactly 3 arguments");
        return type_new_full(cls, mt_obj_str_to_qstr(args[0]), args[1], mt_dict_copy(args[2]), n_kw,
                             args + n);
    }
    mt_instance_t *inst = mt_new_obj(mt_instance_t);
    inst->base.type = cls;
    mt_map_init(&inst->members, 0);
    if (nb != NULL) {
        if (!with_args) n = 0;
        if (!with_args || (nb->flags & MT_TYPE_FLAG_IS_EXCEPTION)) n_kw = 0; /* as CPython */
        inst->native = nb->make_new(nb, n, n_kw, args);
    }
    return MT_OBJ_FROM_PTR(inst);
}

/* object.__new__(cls, *args, **kw) and the __new__ of every built-in type */
static mt_obj_t builtin_new(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    mt_obj_t cls_obj = args[0];
    if (!MT_IS_OBJ(cls_obj) || !mt_isinstance(cls_obj, &mt_type_type))
        mt_raise_fmt(&mt_type_TypeError, "object.__new__(X): X is not a type object (%q)",
                     mt_obj_type_name(cls_obj));
    const mt_type_t *cls = MT_OBJ_TO_PTR(cls_obj);
    const mt_obj_t *pairs;
    size_t n_kw = kw_pairs(n, args, kw, &pairs);
    const mt_obj_t *rest = pairs - (n - 1); /* args[1..n) then the keyword pairs */
    if (MT_IS_HEAP_TYPE(cls)) {
        const mt_type_t *nb = HEAP(cls)->native_base;
        return new_instance(cls, n - 1, n_kw, rest, nb == NULL || !native_init_size(nb));
    }
    if (cls->make_new == NULL)
        mt_raise_fmt(&mt_type_TypeError, "cannot create '%q' instances", cls->name);
    return cls->make_new(cls, n - 1, n_kw, rest);
}
static MT_DEFINE_FUN_KW(builtin_new_fun, 1, builtin_new);
static const mt_staticmethod_t builtin_new_obj = {{&mt_type_staticmethod},
                                                  MT_ROM_PTR(&builtin_new_fun)};

/* list.__init__(self, ...) and the like: refill self's native from the arguments */
static mt_obj_t native_init(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    mt_obj_t self = mt_obj_native(args[0]);
    const mt_type_t *t = mt_type_of_inline(self);
    size_t size = native_init_size(t);
    if (size == 0) return MT_NONE;
    const mt_obj_t *pairs;
    size_t n_kw = kw_pairs(n, args, kw, &pairs);
    mt_obj_t fresh = t->make_new(t, n - 1, n_kw, pairs - (n - 1));
    memcpy((char *)MT_OBJ_TO_PTR(self) + sizeof(mt_obj_base_t),
           (char *)MT_OBJ_TO_PTR(fresh) + sizeof(mt_obj_base_t), size - sizeof(mt_obj_base_t));
    return MT_NONE;
}
static MT_DEFINE_FUN_KW(native_init_obj, 1, native_init);

/* the make_new slot of user classes: __new__ then __init__ */
static mt_obj_t instance_make_new(const mt_type_t *cls, size_t n, size_t n_kw,
                                  const mt_obj_t *args) {
    mt_obj_t new_fn = heap_lookup(cls, MT_QSTR___new__);
    mt_obj_t init = heap_lookup(cls, MT_QSTR___init__);
    const mt_type_t *nb = HEAP(cls)->native_base;
    size_t refill = nb != NULL ? native_init_size(nb) : 0;
    mt_obj_t obj;
    if (new_fn != MT_NULL) {
        if (MT_IS_TYPE(new_fn, &mt_type_staticmethod))
            new_fn = ((mt_staticmethod_t *)MT_OBJ_TO_PTR(new_fn))->fun;
        obj = mt_call_with_self(new_fn, MT_OBJ_FROM_PTR(cls), n, n_kw, args);
    } else {
        if (init == MT_NULL && nb == NULL && (n || n_kw))
            mt_raise_fmt(&mt_type_TypeError, "%q() takes no arguments", cls->name);
        obj = new_instance(cls, n, n_kw, args, !refill || init == MT_NULL);
    }
    if (!mt_isinstance(obj, cls)) return obj;
    if (init != MT_NULL) {
        mt_obj_t r = call_dunder_kw(obj, cls, init, n, n_kw, args);
        if (r != MT_NONE)
            mt_raise_fmt(&mt_type_TypeError, "__init__() should return None, not '%q'",
                         mt_obj_type_name(r));
    } else if (new_fn != MT_NULL && refill && (n || n_kw)) {
        mt_call_with_self(MT_OBJ_FROM_PTR(&native_init_obj), obj, n, n_kw, args);
    }
    return obj;
}

/* ---- attributes of instances ------------------------------------------------------ */

static void type_load(mt_obj_t o, mt_qstr_t name, mt_obj_t *dest);
static bool type_store(mt_obj_t o, mt_qstr_t name, mt_obj_t value);

/* a descriptor that takes part in stores: property, or an object with __set__/__delete__ */
static bool is_data_descriptor(mt_obj_t m) {
    if (MT_IS_TYPE(m, &mt_type_property)) return true;
    if (!MT_IS_INSTANCE(m)) return false;
    const mt_type_t *t = mt_type_of_inline(m);
    return (t->flags & MT_TYPE_FLAG_HAS_DESCR) && (heap_lookup(t, MT_QSTR___set__) != MT_NULL ||
                                                   heap_lookup(t, MT_QSTR___delete__) != MT_NULL);
}

/* object.__getattribute__: everything but __getattr__ */
static void generic_getattr(mt_obj_t o, mt_qstr_t name, mt_obj_t *dest) {
    const mt_type_t *t = mt_type_of_inline(o);
    bool is_class = IS_TYPE_OBJ(t);
    if (is_class) {
        type_load(o, name, dest);
        if (dest[0] != MT_NULL) return;
    }
    mt_instance_t *inst = MT_OBJ_TO_PTR(o);
    if (!is_class) {
        if (name == MT_QSTR___class__) {
            dest[0] = MT_OBJ_FROM_PTR(t);
            return;
        }
        if (name == MT_QSTR___dict__) {
            dest[0] = mt_instance_dict(o);
            return;
        }
    }
    bool descr = (t->flags & MT_TYPE_FLAG_HAS_DATA_DESCR) != 0;
    mt_map_elem_t *e;
    if (!is_class && !descr && (e = mt_map_lookup_qstr(&inst->members, name)) != NULL) {
        dest[0] = e->value; /* no data descriptor can take precedence */
        return;
    }
    const mt_type_t *owner = NULL;
    mt_obj_t member = cached_find(t, name, &owner);
    if (member != MT_NULL && descr && is_data_descriptor(member)) {
        mt_bind_member(member, o, t, false, name, dest);
        return;
    }
    if (!is_class && descr && (e = mt_map_lookup_qstr(&inst->members, name)) != NULL) {
        dest[0] = e->value;
        return;
    }
    if (member != MT_NULL) {
        bool builtin_owner = !MT_IS_HEAP_TYPE(owner);
        mt_obj_t self = o;
        if (builtin_owner && !is_class && inst->native != MT_NULL &&
            !(t->flags & MT_TYPE_FLAG_IS_EXCEPTION))
            self = inst->native; /* methods of the built-in base act on the native */
        mt_bind_member(member, self, t, builtin_owner, name, dest);
        return;
    }
    if (!is_class && inst->native != MT_NULL) {
        const mt_type_t *nt = mt_type_of_inline(inst->native);
        if (nt->attr != NULL) nt->attr(inst->native, name, dest);
    }
}

MT_NORETURN static void reraise(mt_obj_t exc) {
    mt_nlr_jump(exc);
}

static void instance_load(mt_obj_t o, mt_qstr_t name, mt_obj_t *dest) {
    const mt_type_t *t = mt_type_of_inline(o);
    if (t->flags & MT_TYPE_FLAG_HAS_GETATTRIBUTE) {
        mt_obj_t m = heap_lookup(t, MT_QSTR___getattribute__);
        mt_obj_t arg = MT_NEW_QSTR(name);
        mt_nlr_buf_t nlr;
        if (mt_nlr_push(&nlr) == 0) {
            dest[0] = call_dunder(o, t, m, 1, &arg);
            mt_nlr_pop();
            return;
        }
        if (!(t->flags & MT_TYPE_FLAG_HAS_GETATTR) ||
            !mt_exc_match(nlr.ret_val, MT_OBJ_FROM_PTR(&mt_type_AttributeError)))
            reraise(nlr.ret_val);
    } else {
        generic_getattr(o, name, dest);
        if (dest[0] != MT_NULL || !(t->flags & MT_TYPE_FLAG_HAS_GETATTR)) return;
    }
    mt_obj_t m = heap_lookup(t, MT_QSTR___getattr__);
    if (m != MT_NULL) {
        mt_obj_t arg = MT_NEW_QSTR(name);
        dest[0] = call_dunder(o, t, m, 1, &arg);
    }
}

/* object.__setattr__ / __delattr__ (value MT_NULL) */
static void generic_setattr(mt_obj_t o, mt_qstr_t name, mt_obj_t value) {
    const mt_type_t *t = mt_type_of_inline(o);
    const mt_type_t *owner;
    mt_obj_t member = cached_find(t, name, &owner);
    if (member != MT_NULL && MT_IS_TYPE(member, &mt_type_property)) {
        mt_property_t *p = MT_OBJ_TO_PTR(member);
        mt_obj_t f = value != MT_NULL ? p->fset : p->fdel;
        if (f == MT_NONE)
            mt_raise_fmt(&mt_type_AttributeError, "property '%q' of '%q' object has no %s", name,
                         t->name, value != MT_NULL ? "setter" : "deleter");
        mt_obj_t args[2] = {o, value};
        mt_call(f, value != MT_NULL ? 2 : 1, 0, args);
        return;
    }
    if (member != MT_NULL && is_data_descriptor(member)) {
        const mt_type_t *mt = mt_type_of_inline(member);
        mt_obj_t m = heap_lookup(mt, value != MT_NULL ? MT_QSTR___set__ : MT_QSTR___delete__);
        if (m == MT_NULL)
            mt_raise_fmt(&mt_type_AttributeError, "__%s__", value != MT_NULL ? "set" : "delete");
        mt_obj_t args[2] = {o, value};
        call_dunder(member, mt, m, value != MT_NULL ? 2 : 1, args);
        return;
    }
    if (IS_TYPE_OBJ(t)) {
        if (!type_store(o, name, value))
            mt_raise_fmt(&mt_type_AttributeError, "type object '%q' has no attribute '%q'",
                         ((mt_type_t *)MT_OBJ_TO_PTR(o))->name, name);
        return;
    }
    mt_instance_t *inst = MT_OBJ_TO_PTR(o);
    if (inst->native != MT_NULL) {
        if (t->flags & MT_TYPE_FLAG_IS_EXCEPTION) {
            if (mt_exc_store_known(inst->native, name, value)) return;
        } else {
            const mt_type_t *nt = mt_type_of_inline(inst->native);
            mt_obj_t dest[2] = {MT_SENTINEL, value};
            if (nt->attr != NULL) nt->attr(inst->native, name, dest);
            if (dest[0] == MT_NULL) return;
        }
    }
    if (value != MT_NULL) {
        mt_map_lookup(&inst->members, MT_NEW_QSTR(name), MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value =
            value;
    } else if (mt_map_lookup(&inst->members, MT_NEW_QSTR(name), MT_MAP_LOOKUP_REMOVE) == NULL) {
        mt_raise_fmt(&mt_type_AttributeError, "'%q' object has no attribute '%q'", t->name, name);
    }
}

static void instance_attr(mt_obj_t o, mt_qstr_t name, mt_obj_t *dest) {
    if (dest[0] != MT_SENTINEL) {
        instance_load(o, name, dest);
        return;
    }
    const mt_type_t *t = mt_type_of_inline(o);
    mt_obj_t value = dest[1];
    if (t->flags & MT_TYPE_FLAG_HAS_SETATTR) {
        mt_obj_t m = heap_lookup(t, value != MT_NULL ? MT_QSTR___setattr__ : MT_QSTR___delattr__);
        if (m != MT_NULL) {
            mt_obj_t args[2] = {MT_NEW_QSTR(name), value};
            call_dunder(o, t, m, value != MT_NULL ? 2 : 1, args);
            dest[0] = MT_NULL;
            return;
        }
    }
    generic_setattr(o, name, value);
    dest[0] = MT_NULL;
}

mt_obj_t mt_instance_dict(mt_obj_t o) {
    /* The dict is the instance itself seen from inside: a dict header written over the unused
     * `name` field right before `members`, so the dict's map IS the attribute map and
     * changes through obj.__dict__ are changes of obj. (The GC keeps the instance alive
     * through this interior pointer.) */
    _Static_assert(offsetof(mt_instance_t, members) - offsetof(mt_dict_t, map) >=
                       offsetof(mt_instance_t, name),
                   "a dict header fits before mt_instance_t.members");
    _Static_assert(offsetof(mt_instance_t, name) >= sizeof(mt_obj_base_t),
                   "the dict header leaves the instance's type alone");
    mt_instance_t *inst = MT_OBJ_TO_PTR(o);
    mt_dict_t *d = (mt_dict_t *)((char *)&inst->members - offsetof(mt_dict_t, map));
    d->base.type = &mt_type_dict;
    return MT_OBJ_FROM_PTR(d);
}

/* ---- the other slots of instances ---------------------------------------------------- */

static bool is_exception_type(const mt_type_t *t) {
    return (t->flags & MT_TYPE_FLAG_IS_EXCEPTION) != 0;
}

static void instance_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    const mt_type_t *t = mt_type_of_inline(o);
    mt_obj_t native = native_of(o);
    if (has_special(t)) {
        mt_obj_t m = kind == MT_PRINT_STR ? heap_lookup(t, MT_QSTR___str__) : MT_NULL;
        bool native_str = kind == MT_PRINT_STR && m == MT_NULL && native != MT_NULL &&
                          (is_exception_type(t) || mt_obj_is_str(native));
        if (m == MT_NULL && !native_str) m = heap_lookup(t, MT_QSTR___repr__);
        if (m != MT_NULL) {
            mt_obj_t r = call_dunder(o, t, m, 0, NULL);
            if (!mt_obj_is_str(r))
                mt_raise_fmt(&mt_type_TypeError, "__%s__ returned non-string (type %q)",
                             kind == MT_PRINT_STR ? "str" : "repr", mt_obj_type_name(r));
            mt_print_obj(p, r, MT_PRINT_STR);
            return;
        }
    }
    if (native == o)
        mt_type_type.print(p, o, kind);
    else if (native != MT_NULL && is_exception_type(t))
        mt_exc_print_as(p, native, t, kind);
    else if (native != MT_NULL)
        mt_print_obj(p, native, kind);
    else
        mt_print_default(p, o);
}

static mt_obj_t check_unary_result(mt_unop_t op, mt_obj_t r) {
    switch (op) {
    case MT_UNOP_BOOL:
    case MT_UNOP_NOT:
        if (r != MT_TRUE && r != MT_FALSE)
            mt_raise_fmt(&mt_type_TypeError, "__bool__ should return bool, returned %q",
                         mt_obj_type_name(r));
        return r;
    case MT_UNOP_LEN:
        if (!mt_obj_is_int(r))
            mt_raise_fmt(&mt_type_TypeError, "'%q' object cannot be interpreted as an integer",
                         mt_obj_type_name(r));
        if (r == MT_TRUE || r == MT_FALSE) return MT_NEW_SMALL_INT(r == MT_TRUE);
        r = mt_obj_native(r);
        if (mt_binary_op(MT_BINOP_LT, r, MT_NEW_SMALL_INT(0)) == MT_TRUE)
            mt_raise_value_error("__len__() should return >= 0");
        if (!MT_IS_SMALL_INT(r))
            mt_raise_msg(&mt_type_OverflowError, "cannot fit 'int' into an index-sized integer");
        return r;
    case MT_UNOP_HASH:
        if (!mt_obj_is_int(r)) mt_raise_type_error("__hash__ method should return an integer");
        return r;
    case MT_UNOP_INDEX:
    case MT_UNOP_INT:
        if (!mt_obj_is_int(r))
            mt_raise_fmt(&mt_type_TypeError, "__%s__ returned non-int (type %q)",
                         op == MT_UNOP_INT ? "int" : "index", mt_obj_type_name(r));
        return r;
    case MT_UNOP_FLOAT:
        if (!mt_isinstance(r, &mt_type_float))
            mt_raise_fmt(&mt_type_TypeError, "__float__ returned non-float (type %q)",
                         mt_obj_type_name(r));
        return r;
    default: return r;
    }
}

static mt_obj_t instance_unary_op(mt_unop_t op, mt_obj_t o) {
    const mt_type_t *t = mt_type_of_inline(o);
    if (has_special(t)) {
        mt_obj_t m = heap_lookup(t, unop_names[op]);
        if (m == MT_NONE && op == MT_UNOP_HASH) return MT_NULL; /* __hash__ = None */
        if (m != MT_NULL) return check_unary_result(op, call_dunder(o, t, m, 0, NULL));
        if (op == MT_UNOP_BOOL && (m = heap_lookup(t, MT_QSTR___len__)) != MT_NULL) {
            mt_obj_t n = check_unary_result(MT_UNOP_LEN, call_dunder(o, t, m, 0, NULL));
            return MT_BOOL(n != MT_NEW_SMALL_INT(0));
        }
    }
    mt_obj_t native = native_of(o);
    if (native != MT_NULL && native != o) return mt_unary_op_maybe(op, native);
    if (op == MT_UNOP_HASH) return MT_NEW_SMALL_INT(mt_hash_identity(o));
    return MT_NULL;
}

static mt_obj_t instance_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    const mt_type_t *t = mt_type_of_inline(lhs);
    if (has_special(t) && op <= MT_BINOP_CONTAINS) {
        mt_obj_t m = heap_lookup(t, binop_names[op]);
        if (m != MT_NULL && m != MT_NONE) {
            mt_obj_t r = call_dunder(lhs, t, m, 1, &rhs);
            if (op == MT_BINOP_CONTAINS) return MT_BOOL(mt_is_true(r));
            return r == MT_NOT_IMPLEMENTED ? MT_NULL : r;
        }
    }
    mt_obj_t native = native_of(lhs);
    if (native == MT_NULL || native == lhs) return MT_NULL;
    mt_obj_t r;
    if (op >= MT_BINOP_REVERSE_ADD && op < MT_BINOP_LT)
        r = mt_binary_op_maybe(op - MT_BINOP_REVERSE_OFFSET, rhs, native);
    else
        r = mt_binary_op_maybe(op, native, rhs);
    return r == native ? lhs : r; /* in-place ops on the native keep the instance */
}

static mt_obj_t instance_subscr(mt_obj_t o, mt_obj_t index, mt_obj_t value) {
    const mt_type_t *t = mt_type_of_inline(o);
    if (has_special(t)) {
        mt_qstr_t q = value == MT_SENTINEL ? MT_QSTR___getitem__
                      : value == MT_NULL   ? MT_QSTR___delitem__
                                           : MT_QSTR___setitem__;
        mt_obj_t m = heap_lookup(t, q);
        if (m != MT_NULL) {
            mt_obj_t args[2] = {index, value};
            mt_obj_t r =
                call_dunder(o, t, m, value == MT_SENTINEL || value == MT_NULL ? 1 : 2, args);
            return value == MT_SENTINEL ? r : MT_NONE;
        }
    }
    mt_obj_t native = native_of(o);
    if (native == o) return mt_type_type.subscr(o, index, value);
    if (value == MT_SENTINEL && has_special(t) && MT_IS_TYPE(native, &mt_type_dict)) {
        mt_obj_t m = heap_lookup(t, MT_QSTR___missing__); /* dict subclasses */
        if (m != MT_NULL) {
            mt_obj_t r = mt_dict_get(native, index);
            return r != MT_NULL ? r : call_dunder(o, t, m, 1, &index);
        }
    }
    if (native != MT_NULL) return mt_subscr(native, index, value);
    return MT_NULL;
}

/* the iterator of the old sequence protocol: o[0], o[1] ... until IndexError */
typedef struct {
    mt_obj_base_t base;
    mt_obj_t seq; /* MT_NULL once exhausted */
    mt_int_t index;
} seq_iter_t;

static mt_obj_t seq_iter_next(mt_obj_t self_in) {
    seq_iter_t *self = MT_OBJ_TO_PTR(self_in);
    if (self->seq == MT_NULL) return MT_NULL;
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_obj_t r = mt_subscr(self->seq, MT_NEW_SMALL_INT(self->index), MT_SENTINEL);
        mt_nlr_pop();
        self->index++;
        return r;
    }
    if (!mt_exc_match(nlr.ret_val, MT_OBJ_FROM_PTR(&mt_type_IndexError)) &&
        !mt_exc_match(nlr.ret_val, MT_OBJ_FROM_PTR(&mt_type_StopIteration)))
        reraise(nlr.ret_val);
    self->seq = MT_NULL;
    return MT_NULL;
}

static mt_obj_t iter_self(mt_obj_t o, mt_iter_buf_t *buf) {
    return o;
}

static const mt_type_t seq_iter_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_iterator,
    .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .getiter = iter_self,
    .iternext = seq_iter_next,
};

static mt_obj_t instance_getiter(mt_obj_t o, mt_iter_buf_t *buf) {
    const mt_type_t *t = mt_type_of_inline(o);
    if (has_special(t)) {
        mt_obj_t m = heap_lookup(t, MT_QSTR___iter__);
        if (m == MT_NONE) return MT_NULL;
        if (m != MT_NULL) {
            mt_obj_t it = call_dunder(o, t, m, 0, NULL);
            if (mt_type_of_inline(it)->iternext == NULL)
                mt_raise_fmt(&mt_type_TypeError, "iter() returned non-iterator of type '%q'",
                             mt_obj_type_name(it));
            return it;
        }
        /* the old sequence protocol, unless the built-in base iterates (list.__iter__) */
        if (native_of(o) == MT_NULL && heap_lookup(t, MT_QSTR___getitem__) != MT_NULL) {
            seq_iter_t *it = mt_new_obj(seq_iter_t);
            it->base.type = &seq_iter_type;
            it->seq = o;
            return MT_OBJ_FROM_PTR(it);
        }
    }
    mt_obj_t native = native_of(o);
    if (native != MT_NULL && native != o) return mt_getiter(native, buf);
    return MT_NULL;
}

static mt_obj_t instance_iternext(mt_obj_t o) {
    const mt_type_t *t = mt_type_of_inline(o);
    mt_obj_t m = has_special(t) ? heap_lookup(t, MT_QSTR___next__) : MT_NULL;
    if (m != MT_NULL) {
        mt_nlr_buf_t nlr;
        if (mt_nlr_push(&nlr) == 0) {
            mt_obj_t r = call_dunder(o, t, m, 0, NULL);
            mt_nlr_pop();
            return r;
        }
        if (mt_exc_match(nlr.ret_val, MT_OBJ_FROM_PTR(&mt_type_StopIteration))) return MT_NULL;
        reraise(nlr.ret_val);
    }
    mt_obj_t native = native_of(o);
    if (native != MT_NULL && native != o) return mt_iternext(native);
    mt_raise_fmt(&mt_type_TypeError, "'%q' object is not an iterator", t->name);
}

static mt_obj_t type_call(mt_obj_t self, size_t n, size_t n_kw, const mt_obj_t *args);

static mt_obj_t instance_call(mt_obj_t o, size_t n, size_t n_kw, const mt_obj_t *args) {
    const mt_type_t *t = mt_type_of_inline(o);
    mt_obj_t m = has_special(t) ? heap_lookup(t, MT_QSTR___call__) : MT_NULL;
    if (m != MT_NULL) return call_dunder_kw(o, t, m, n, n_kw, args);
    mt_obj_t native = native_of(o);
    if (native == o) return type_call(o, n, n_kw, args);
    if (native != MT_NULL) return mt_call(native, n, n_kw, args);
    mt_raise_fmt(&mt_type_TypeError, "'%q' object is not callable", t->name);
}

static bool instance_buffer(mt_obj_t o, mt_buffer_info_t *info, int flags) {
    mt_obj_t native = native_of(o);
    return native != MT_NULL && native != o && mt_get_buffer(native, info, flags);
}

/* ---- type -------------------------------------------------------------------------- */

static mt_obj_t heap_dict_get(const mt_type_t *t, mt_qstr_t name) {
    if (!MT_IS_HEAP_TYPE(t)) return MT_NULL;
    mt_map_elem_t *e = mt_map_lookup_qstr(t->locals, name);
    return e != NULL ? e->value : MT_NULL;
}

static void type_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    const mt_type_t *t = MT_OBJ_TO_PTR(o);
    mt_obj_t mod = heap_dict_get(t, MT_QSTR___module__);
    mt_obj_t qual = heap_dict_get(t, MT_QSTR___qualname__);
    mt_print_str(p, "<class '");
    if (mod != MT_NULL && mt_obj_is_str(mod) && mod != MT_NEW_QSTR(MT_QSTR_builtins))
        mt_printf(p, "%O.", mod);
    if (qual != MT_NULL && mt_obj_is_str(qual))
        mt_printf(p, "%O'>", qual);
    else
        mt_printf(p, "%q'>", t->name);
}

/* the MRO of a built-in type as a tuple */
static mt_obj_t builtin_mro(const mt_type_t *t) {
    mt_obj_t items[16];
    size_t n = 0;
    for (; t != NULL && n < MT_ARRAY_SIZE(items) - 1; t = t->parent)
        items[n++] = MT_OBJ_FROM_PTR(t);
    if (n == 0 || items[n - 1] != MT_OBJ_FROM_PTR(&mt_type_object))
        items[n++] = MT_OBJ_FROM_PTR(&mt_type_object);
    return mt_tuple_new(n, items);
}

static mt_obj_t type_mro_tuple(const mt_type_t *t) {
    return MT_IS_HEAP_TYPE(t) ? t->mro : builtin_mro(t);
}

/* the attributes every class has (__name__ ...); MT_NULL for other names */
static mt_obj_t type_special_attr(const mt_type_t *t, mt_qstr_t name) {
    bool heap = MT_IS_HEAP_TYPE(t);
    switch (name) {
    case MT_QSTR___name__: return MT_NEW_QSTR(t->name);
    case MT_QSTR___qualname__: {
        mt_obj_t q = heap_dict_get(t, name);
        return q != MT_NULL ? q : MT_NEW_QSTR(t->name);
    }
    case MT_QSTR___module__: return heap ? heap_dict_get(t, name) : MT_NEW_QSTR(MT_QSTR_builtins);
    case MT_QSTR___doc__: return heap ? heap_dict_get(t, name) : MT_NONE;
    case MT_QSTR___bases__:
        if (heap) return t->bases;
        if (t == &mt_type_object) return mt_tuple_new(0, NULL);
        return mt_tuple_new(1,
                            (mt_obj_t[]){MT_OBJ_FROM_PTR(t->parent ? t->parent : &mt_type_object)});
    case MT_QSTR___base__:
        if (t == &mt_type_object) return MT_NONE;
        return MT_OBJ_FROM_PTR(t->parent ? t->parent : &mt_type_object);
    case MT_QSTR___mro__: return type_mro_tuple(t);
    case MT_QSTR___dict__: {
        if (heap) {
            attr_cache_clear(); /* the caller may change the class through its dict */
            return HEAP(t)->dict;
        }
        mt_obj_t d = mt_dict_new(0);
        if (t->locals != NULL) mt_map_copy(mt_dict_map(d), t->locals);
        return d;
    }
    case MT_QSTR___class__: return MT_OBJ_FROM_PTR(mt_type_of_inline(MT_OBJ_FROM_PTR(t)));
    default: return MT_NULL;
    }
}

static void type_load(mt_obj_t o, mt_qstr_t name, mt_obj_t *dest) {
    const mt_type_t *t = MT_OBJ_TO_PTR(o);
    mt_obj_t v = type_special_attr(t, name);
    if (v != MT_NULL) {
        dest[0] = v;
        return;
    }
    const mt_type_t *owner;
    mt_obj_t member = cached_find(t, name, &owner);
    if (member != MT_NULL) {
        mt_bind_member(member, MT_NULL, t, !MT_IS_HEAP_TYPE(owner), name, dest);
        return;
    }
    /* methods of the metaclass, bound to the class */
    const mt_type_t *meta = mt_type_of_inline(o);
    member = cached_find(meta, name, &owner);
    if (member != MT_NULL) mt_bind_member(member, o, meta, !MT_IS_HEAP_TYPE(owner), name, dest);
}

static mt_uint_t dunder_flags(mt_qstr_t q);

/* store or delete (value MT_NULL) a class attribute; false if t is built-in or, for a delete,
 * the name is absent */
static bool type_store(mt_obj_t o, mt_qstr_t name, mt_obj_t value) {
    mt_type_t *t = MT_OBJ_TO_PTR(o);
    if (!MT_IS_HEAP_TYPE(t)) return false;
    mt_map_t *map = mt_dict_map(HEAP(t)->dict);
    attr_cache_clear();
    if (value == MT_NULL)
        return mt_map_lookup(map, MT_NEW_QSTR(name), MT_MAP_LOOKUP_REMOVE) != NULL;
    mt_map_lookup(map, MT_NEW_QSTR(name), MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
    t->flags |= (uint16_t)dunder_flags(name);
    if (is_data_descriptor(value)) t->flags |= MT_TYPE_FLAG_HAS_DATA_DESCR;
    return true;
}

static void type_attr(mt_obj_t o, mt_qstr_t name, mt_obj_t *dest) {
    if (dest[0] != MT_SENTINEL) {
        type_load(o, name, dest);
        return;
    }
    if (type_store(o, name, dest[1])) {
        dest[0] = MT_NULL;
    } else if (MT_IS_HEAP_TYPE((mt_type_t *)MT_OBJ_TO_PTR(o))) {
        mt_raise_fmt(&mt_type_AttributeError, "type object '%q' has no attribute '%q'",
                     ((mt_type_t *)MT_OBJ_TO_PTR(o))->name, name);
    }
}

static mt_obj_t type_make_new(const mt_type_t *t, size_t n, size_t n_kw, const mt_obj_t *args) {
    if (n == 1 && n_kw == 0) return MT_OBJ_FROM_PTR(mt_type_of_inline(args[0]));
    if (n != 3) mt_raise_type_error("type() takes 1 or 3 arguments");
    if (!mt_obj_is_str(args[0]))
        mt_raise_fmt(&mt_type_TypeError, "type.__new__() argument 1 must be str, not %q",
                     mt_obj_type_name(args[0]));
    if (!mt_obj_is_dict(args[2]))
        mt_raise_fmt(&mt_type_TypeError, "type.__new__() argument 3 must be dict, not %q",
                     mt_obj_type_name(args[2]));
    /* a copy, with keys interned so that attribute lookups find them by identity */
    mt_obj_t dict = mt_dict_new(0);
    mt_map_t *src = mt_dict_map(mt_obj_native(args[2]));
    for (size_t i = 0; i < src->used; i++) {
        mt_obj_t k = src->elems[i].key;
        if (k == MT_NULL) continue;
        if (mt_obj_is_str(k)) k = MT_NEW_QSTR(mt_obj_str_to_qstr(k));
        mt_dict_store(dict, k, src->elems[i].value);
    }
    return type_new_full(&mt_type_type, mt_obj_str_to_qstr(args[0]), args[1], dict, n_kw, args + n);
}

static mt_obj_t type_call(mt_obj_t self, size_t n, size_t n_kw, const mt_obj_t *args) {
    const mt_type_t *t = MT_OBJ_TO_PTR(self);
    if (t->make_new == NULL)
        mt_raise_fmt(&mt_type_TypeError, "cannot create '%q' instances", t->name);
    return t->make_new(t, n, n_kw, args);
}

/* cls[item]: __class_getitem__, else the class itself (generic aliases are not modelled) */
static mt_obj_t type_subscr(mt_obj_t self, mt_obj_t index, mt_obj_t value) {
    if (value != MT_SENTINEL) return MT_NULL;
    const mt_type_t *t = MT_OBJ_TO_PTR(self);
    if (MT_IS_HEAP_TYPE(t)) {
        mt_obj_t m = heap_lookup(t, MT_QSTR___class_getitem__);
        if (m != MT_NULL) {
            mt_obj_t dest[2] = {MT_NULL, MT_NULL};
            mt_bind_member(m, MT_NULL, t, false, MT_QSTR___class_getitem__, dest);
            return mt_call_loaded(dest, 1, &index);
        }
    }
    return self;
}

static mt_obj_t type_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    if (op == MT_BINOP_OR || op == MT_BINOP_REVERSE_OR) return lhs; /* int | None: annotations */
    return MT_NULL;
}

/* type.__call__(cls, *args, **kw): what calling a class does */
static mt_obj_t type_call_method(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    const mt_obj_t *pairs;
    size_t n_kw = kw_pairs(n, args, kw, &pairs);
    args = pairs - n;
    return type_call(args[0], n - 1, n_kw, args + 1);
}
static MT_DEFINE_FUN_KW(type_call_obj, 1, type_call_method);

static mt_obj_t type_mro_method(mt_obj_t self) {
    size_t n;
    mt_obj_t *items;
    mt_tuple_get(type_mro_tuple(MT_OBJ_TO_PTR(self)), &n, &items);
    return mt_list_new(n, items);
}
static MT_DEFINE_FUN_1(type_mro_obj, type_mro_method);

static const mt_map_elem_t type_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___call__), MT_ROM_PTR(&type_call_obj)},
    {MT_ROM_QSTR(MT_QSTR_mro), MT_ROM_PTR(&type_mro_obj)},
};
static MT_DEFINE_CONST_MAP(type_locals, type_locals_table);

const mt_type_t mt_type_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_type,
    .flags = MT_TYPE_FLAG_BASETYPE | MT_TYPE_FLAG_EQ_IS_IDENTITY,
    .print = type_print,
    .make_new = type_make_new,
    .call = type_call,
    .binary_op = type_binary_op,
    .attr = type_attr,
    .subscr = type_subscr,
    .locals = &type_locals,
};

/* ---- creating classes -------------------------------------------------------------- */

/* flags a class gets for defining `q` */
static mt_uint_t dunder_flags(mt_qstr_t q) {
    if (!is_dunder(q)) return 0;
    switch (q) {
    case MT_QSTR___module__:
    case MT_QSTR___qualname__:
    case MT_QSTR___doc__:
    case MT_QSTR___init__:
    case MT_QSTR___new__:
    case MT_QSTR___dict__:
    case MT_QSTR___slots__:
    case MT_QSTR___annotations__:
    case MT_QSTR___init_subclass__:
    case MT_QSTR___classcell__:
    case MT_QSTR___class_getitem__:
    case MT_QSTR___set_name__: return 0;
    case MT_QSTR___getattr__: return MT_TYPE_FLAG_HAS_SPECIAL | MT_TYPE_FLAG_HAS_GETATTR;
    case MT_QSTR___getattribute__: return MT_TYPE_FLAG_HAS_SPECIAL | MT_TYPE_FLAG_HAS_GETATTRIBUTE;
    case MT_QSTR___setattr__:
    case MT_QSTR___delattr__: return MT_TYPE_FLAG_HAS_SPECIAL | MT_TYPE_FLAG_HAS_SETATTR;
    case MT_QSTR___get__:
    case MT_QSTR___set__:
    case MT_QSTR___delete__: return MT_TYPE_FLAG_HAS_SPECIAL | MT_TYPE_FLAG_HAS_DESCR;
    default: return MT_TYPE_FLAG_HAS_SPECIAL;
    }
}

#define INHERITED_FLAGS                                                                            \
    (MT_TYPE_FLAG_HAS_SPECIAL | MT_TYPE_FLAG_HAS_DESCR | MT_TYPE_FLAG_HAS_GETATTR |                \
     MT_TYPE_FLAG_HAS_GETATTRIBUTE | MT_TYPE_FLAG_HAS_SETATTR | MT_TYPE_FLAG_HAS_DATA_DESCR)

/* the linearisation of a base: its MRO as an array */
static void base_mro(mt_obj_t base, size_t *n, mt_obj_t **items) {
    mt_tuple_get(type_mro_tuple(MT_OBJ_TO_PTR(base)), n, items);
}

typedef struct {
    mt_obj_t *items;
    size_t n, pos;
} c3_seq_t;

static bool in_some_tail(const c3_seq_t *seqs, size_t n_seqs, mt_obj_t c) {
    for (size_t i = 0; i < n_seqs; i++)
        for (size_t j = seqs[i].pos + 1; j < seqs[i].n; j++)
            if (seqs[i].items[j] == c) return true;
    return false;
}

MT_NORETURN static void raise_mro_error(size_t nb, const mt_obj_t *bases) {
    mt_vstr_t v;
    mt_print_t p;
    mt_vstr_init(&v, 32);
    mt_vstr_printer(&v, &p);
    for (size_t i = 0; i < nb; i++)
        mt_printf(&p, "%s%q", i ? ", " : "", ((mt_type_t *)MT_OBJ_TO_PTR(bases[i]))->name);
    mt_raise_fmt(&mt_type_TypeError,
                 "Cannot create a consistent method resolution order (MRO) for bases %s",
                 mt_vstr_null_terminated(&v));
}

/* C3 linearisation: cls, then the merge of the bases' MROs and the list of bases */
static mt_obj_t c3_mro(mt_obj_t cls, size_t nb, mt_obj_t *bases) {
    c3_seq_t *seqs = mt_alloc((nb + 1) * sizeof(c3_seq_t));
    size_t total = 1;
    for (size_t i = 0; i < nb; i++) {
        base_mro(bases[i], &seqs[i].n, &seqs[i].items);
        total += seqs[i].n;
    }
    seqs[nb].items = bases;
    seqs[nb].n = nb;
    mt_obj_t *out = mt_alloc(total * sizeof(mt_obj_t));
    size_t n_out = 0;
    out[n_out++] = cls;
    for (;;) {
        mt_obj_t cand = MT_NULL;
        bool left = false;
        for (size_t i = 0; i <= nb && cand == MT_NULL; i++) {
            if (seqs[i].pos >= seqs[i].n) continue;
            left = true;
            mt_obj_t c = seqs[i].items[seqs[i].pos];
            if (!in_some_tail(seqs, nb + 1, c)) cand = c;
        }
        if (!left) break;
        if (cand == MT_NULL) raise_mro_error(nb, bases);
        out[n_out++] = cand;
        for (size_t i = 0; i <= nb; i++)
            if (seqs[i].pos < seqs[i].n && seqs[i].items[seqs[i].pos] == cand) seqs[i].pos++;
    }
    return mt_tuple_new(n_out, out);
}

/* the built-in type whose object instances carry, checking the bases can be combined */
static const mt_type_t *solid_base(size_t nb, const mt_obj_t *bases) {
    const mt_type_t *best = NULL;
    for (size_t i = 0; i < nb; i++) {
        const mt_type_t *b = MT_OBJ_TO_PTR(bases[i]);
        const mt_type_t *s = MT_IS_HEAP_TYPE(b)     ? HEAP(b)->native_base
                             : b == &mt_type_object ? NULL
                                                    : b;
        if (s == NULL || best == s) continue;
        if (best == NULL || mt_issubclass(s, best))
            best = s;
        else if (mt_issubclass(best, s))
            continue;
        else if (!is_exception_type(best) || !is_exception_type(s))
            mt_raise_type_error("multiple bases have instance lay-out conflict");
    }
    return best;
}

static void check_bases(size_t nb, const mt_obj_t *bases) {
    for (size_t i = 0; i < nb; i++) {
        if (!MT_IS_OBJ(bases[i]) || !mt_isinstance(bases[i], &mt_type_type))
            mt_raise_fmt(&mt_type_TypeError, "bases must be types, not '%q'",
                         mt_obj_type_name(bases[i]));
        const mt_type_t *b = MT_OBJ_TO_PTR(bases[i]);
        if (!(b->flags & MT_TYPE_FLAG_BASETYPE))
            mt_raise_fmt(&mt_type_TypeError, "type '%q' is not an acceptable base type", b->name);
        for (size_t j = 0; j < i; j++)
            if (bases[j] == bases[i])
                mt_raise_fmt(&mt_type_TypeError, "duplicate base class %q", b->name);
    }
}

/* what CPython's type.__new__ does to the namespace: implicit staticmethod/classmethod,
 * __hash__ = None beside __eq__, __doc__ and __module__ defaults */
static void fix_namespace(mt_map_t *map) {
    static const mt_qstr_t wrap[] = {MT_QSTR___new__, MT_QSTR___init_subclass__,
                                     MT_QSTR___class_getitem__};
    for (size_t i = 0; i < MT_ARRAY_SIZE(wrap); i++) {
        mt_map_elem_t *e = mt_map_lookup_qstr(map, wrap[i]);
        if (e == NULL || !MT_IS_TYPE(e->value, &mt_type_function)) continue;
        mt_staticmethod_t *sm = mt_new_obj(mt_staticmethod_t);
        sm->base.type = i == 0 ? &mt_type_staticmethod : &mt_type_classmethod;
        sm->fun = e->value;
        e->value = MT_OBJ_FROM_PTR(sm);
    }
    if (mt_map_lookup_qstr(map, MT_QSTR___eq__) != NULL &&
        mt_map_lookup_qstr(map, MT_QSTR___hash__) == NULL)
        mt_map_lookup(map, MT_NEW_QSTR(MT_QSTR___hash__), MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value =
            MT_NONE;
    mt_map_elem_t *e =
        mt_map_lookup(map, MT_NEW_QSTR(MT_QSTR___doc__), MT_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    if (e->value == MT_NULL) e->value = MT_NONE;
    e = mt_map_lookup(map, MT_NEW_QSTR(MT_QSTR___module__), MT_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    if (e->value == MT_NULL) {
        mt_obj_t name = mt_dict_get(mt_vm_globals(), MT_NEW_QSTR(MT_QSTR___name__));
        e->value = name != MT_NULL ? name : MT_NEW_QSTR(MT_QSTR___main__);
    }
}

static uint16_t class_flags(mt_heap_type_t *ht) {
    mt_uint_t flags = MT_TYPE_FLAG_HEAP | MT_TYPE_FLAG_BASETYPE;
    if (ht->native_base != NULL) flags |= ht->native_base->flags & MT_TYPE_FLAG_IS_EXCEPTION;
    mt_map_t *map = mt_dict_map(ht->dict);
    for (size_t i = 0; i < map->used; i++) {
        if (MT_IS_QSTR(map->elems[i].key)) flags |= dunder_flags(MT_QSTR_VALUE(map->elems[i].key));
        if (is_data_descriptor(map->elems[i].value)) flags |= MT_TYPE_FLAG_HAS_DATA_DESCR;
    }
    size_t n;
    mt_obj_t *items;
    mt_tuple_get(ht->type.mro, &n, &items);
    for (size_t i = 1; i < n; i++) {
        const mt_type_t *b = MT_OBJ_TO_PTR(items[i]);
        if (MT_IS_HEAP_TYPE(b)) {
            flags |= b->flags & INHERITED_FLAGS;
            continue;
        }
        for (size_t j = 0; b->locals != NULL && j < b->locals->used; j++)
            if (is_data_descriptor(b->locals->elems[j].value)) flags |= MT_TYPE_FLAG_HAS_DATA_DESCR;
    }
    return (uint16_t)flags;
}

/* value.__set_name__(cls, name) for each class attribute that has it */
static void call_set_names(mt_obj_t cls, mt_map_t *map) {
    for (size_t i = 0; i < map->used; i++) {
        mt_obj_t k = map->elems[i].key, v = map->elems[i].value;
        if (k == MT_NULL || !MT_IS_INSTANCE(v)) continue;
        const mt_type_t *vt = mt_type_of_inline(v);
        mt_obj_t m = heap_lookup(vt, MT_QSTR___set_name__);
        if (m == MT_NULL) continue;
        mt_obj_t args[2] = {cls, k};
        call_dunder(v, vt, m, 2, args);
    }
}

static void call_init_subclass(mt_type_t *cls, size_t n_kw, const mt_obj_t *kw) {
    const mt_type_t *owner;
    mt_obj_t m = mro_find(cls, cls, MT_QSTR___init_subclass__, &owner);
    if (m == MT_NULL) return;
    mt_obj_t dest[2] = {MT_NULL, MT_NULL};
    mt_bind_member(m, MT_NULL, cls, !MT_IS_HEAP_TYPE(owner), MT_QSTR___init_subclass__, dest);
    if (dest[1] == MT_NULL)
        mt_call(dest[0], 0, n_kw, kw);
    else
        mt_call_with_self(dest[0], dest[1], 0, n_kw, kw);
}

static mt_obj_t type_new_full(const mt_type_t *meta, mt_qstr_t name, mt_obj_t bases, mt_obj_t dict,
                              size_t n_kw, const mt_obj_t *kw) {
    if (!MT_IS_TYPE(bases, &mt_type_tuple)) mt_raise_type_error("bases must be a tuple");
    size_t nb;
    mt_obj_t *b;
    mt_tuple_get(bases, &nb, &b);
    if (nb == 0) {
        mt_obj_t object = MT_OBJ_FROM_PTR(&mt_type_object);
        bases = mt_tuple_new(1, &object);
        mt_tuple_get(bases, &nb, &b);
    }
    check_bases(nb, b);
    mt_heap_type_t *ht = mt_new_obj(mt_heap_type_t);
    mt_type_t *t = &ht->type;
    attr_cache_clear(); /* a new type may sit where a dead one was cached */
    t->base.type = meta;
    t->name = name;
    t->print = instance_print;
    t->make_new = instance_make_new;
    t->call = instance_call;
    t->unary_op = instance_unary_op;
    t->binary_op = instance_binary_op;
    t->attr = instance_attr;
    t->subscr = instance_subscr;
    t->getiter = instance_getiter;
    t->iternext = instance_iternext;
    t->buffer = instance_buffer;
    t->parent = MT_OBJ_TO_PTR(b[0]);
    t->bases = bases;
    ht->dict = dict;
    mt_map_t *map = mt_dict_map(dict);
    t->locals = map;
    ht->native_base = solid_base(nb, b);
    t->mro = c3_mro(MT_OBJ_FROM_PTR(t), nb, b);
    fix_namespace(map);
    t->flags = class_flags(ht);
    mt_obj_t cls = MT_OBJ_FROM_PTR(t);
    call_set_names(cls, map);
    call_init_subclass(t, n_kw, kw);
    return cls;
}

mt_obj_t mt_type_new(mt_qstr_t name, mt_obj_t bases, mt_obj_t dict) {
    return type_new_full(&mt_type_type, name, bases, dict, 0, NULL);
}

/* __build_class__(body, name, *bases, metaclass=type, **kw) */
static mt_obj_t build_class(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    if (n < 2) mt_raise_type_error("__build_class__: not enough arguments");
    mt_obj_t body = args[0];
    if (!MT_IS_TYPE(body, &mt_type_function))
        mt_raise_type_error("__build_class__: func must be a function");
    mt_qstr_t name = mt_obj_str_to_qstr(args[1]);
    mt_obj_t bases = mt_tuple_new(n - 2, args + 2);
    const mt_type_t *meta = &mt_type_type;
    bool explicit_meta = false;
    mt_obj_t *other_kw = mt_alloc(((kw ? 2 * kw->used : 0) + 1) * sizeof(mt_obj_t));
    size_t n_other = 0;
    for (size_t i = 0; kw != NULL && i < kw->used; i++) {
        mt_obj_t k = kw->elems[i].key, v = kw->elems[i].value;
        if (k == MT_NULL) continue;
        if (k == MT_NEW_QSTR(MT_QSTR_metaclass)) {
            if (!MT_IS_OBJ(v) || !mt_isinstance(v, &mt_type_type))
                mt_raise_type_error("metaclass must be a type");
            meta = MT_OBJ_TO_PTR(v);
            explicit_meta = true;
            continue;
        }
        other_kw[2 * n_other] = k;
        other_kw[2 * n_other++ + 1] = v;
    }
    for (size_t i = 2; i < n && !explicit_meta; i++) {
        const mt_type_t *bt = mt_type_of_inline(args[i]);
        if (mt_issubclass(bt, meta)) meta = bt;
    }
    mt_obj_t ns = mt_dict_new(0);
    mt_obj_t gname =
        mt_dict_get(((mt_fun_t *)MT_OBJ_TO_PTR(body))->globals, MT_NEW_QSTR(MT_QSTR___name__));
    if (gname != MT_NULL) mt_dict_store(ns, MT_NEW_QSTR(MT_QSTR___module__), gname);
    mt_dict_store(ns, MT_NEW_QSTR(MT_QSTR___qualname__), MT_NEW_QSTR(mt_fun_qualname(body)));
    mt_obj_t r = mt_fun_call_with_locals(body, ns);
    mt_map_elem_t *e =
        mt_map_lookup(mt_dict_map(ns), MT_NEW_QSTR(MT_QSTR___classcell__), MT_MAP_LOOKUP_REMOVE);
    mt_obj_t cell = e != NULL ? e->value : MT_IS_TYPE(r, &mt_type_cell) ? r : MT_NULL;
    mt_obj_t cls;
    if (meta == &mt_type_type) {
        cls = type_new_full(meta, name, bases, ns, n_other, other_kw);
    } else {
        mt_obj_t *cargs = mt_alloc((3 + 2 * n_other) * sizeof(mt_obj_t));
        cargs[0] = MT_NEW_QSTR(name);
        cargs[1] = bases;
        cargs[2] = ns;
        memcpy(cargs + 3, other_kw, 2 * n_other * sizeof(mt_obj_t));
        cls = mt_call(MT_OBJ_FROM_PTR(meta), 3, n_other, cargs);
    }
    if (cell != MT_NULL && MT_IS_TYPE(cell, &mt_type_cell)) mt_cell_set(cell, cls);
    return cls;
}
MT_DEFINE_FUN_KW(mt_builtin___build_class___obj, 2, build_class);

/* ---- object -------------------------------------------------------------------------- */

static mt_obj_t object_make_new(const mt_type_t *t, size_t n, size_t n_kw, const mt_obj_t *args) {
    if (n || n_kw) mt_raise_type_error("object() takes no arguments");
    mt_obj_base_t *o = mt_new_obj(mt_obj_base_t);
    o->type = &mt_type_object;
    return MT_OBJ_FROM_PTR(o);
}

static mt_obj_t object_init(size_t n, const mt_obj_t *args) {
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(object_init_obj, 1, MT_FUN_ARGS_MAX, object_init);

static mt_obj_t object_eq(mt_obj_t self, mt_obj_t other) {
    if (self == other) return MT_TRUE;
    if (MT_IS_INSTANCE(self)) return MT_NOT_IMPLEMENTED;
    const mt_type_t *t = mt_type_of_inline(self);
    mt_obj_t r = t->binary_op ? t->binary_op(MT_BINOP_EQ, self, other) : MT_NULL;
    return r == MT_NULL ? MT_NOT_IMPLEMENTED : r;
}
static MT_DEFINE_FUN_2(object_eq_obj, object_eq);

static mt_obj_t object_ne(mt_obj_t self, mt_obj_t other) {
    mt_obj_t r = mt_call_method_n(self, MT_QSTR___eq__, 1, &other);
    return r == MT_NOT_IMPLEMENTED ? r : MT_BOOL(!mt_is_true(r));
}
static MT_DEFINE_FUN_2(object_ne_obj, object_ne);

static mt_obj_t object_hash(mt_obj_t self) {
    if (MT_IS_INSTANCE(self)) return MT_NEW_SMALL_INT(mt_hash_identity(self));
    return MT_NEW_SMALL_INT(mt_hash(self));
}
static MT_DEFINE_FUN_1(object_hash_obj, object_hash);

static mt_obj_t object_repr(mt_obj_t self) {
    if (!MT_IS_INSTANCE(self)) return mt_obj_repr(self);
    mt_vstr_t v;
    mt_print_t p;
    mt_vstr_init(&v, 48);
    mt_vstr_printer(&v, &p);
    mt_print_default(&p, self);
    return mt_str_new_from_vstr(&v);
}
static MT_DEFINE_FUN_1(object_repr_obj, object_repr);

static mt_obj_t object_str(mt_obj_t self) {
    return MT_IS_INSTANCE(self) ? mt_obj_repr(self) : mt_obj_str(self);
}
static MT_DEFINE_FUN_1(object_str_obj, object_str);

static mt_obj_t object_format(mt_obj_t self, mt_obj_t spec) {
    if (!mt_obj_is_str(spec))
        mt_raise_fmt(&mt_type_TypeError, "format() argument 2 must be str, not %q",
                     mt_obj_type_name(spec));
    size_t len;
    mt_str_data(spec, &len);
    if (len != 0)
        mt_raise_fmt(&mt_type_TypeError, "unsupported format string passed to %q.__format__",
                     mt_obj_type_name(self));
    return mt_obj_str(self);
}
static MT_DEFINE_FUN_2(object_format_obj, object_format);

static mt_qstr_t attr_name_arg(mt_obj_t name) {
    if (!mt_obj_is_str(name))
        mt_raise_fmt(&mt_type_TypeError, "attribute name must be string, not '%q'",
                     mt_obj_type_name(name));
    return mt_obj_str_to_qstr(name);
}

static mt_obj_t object_setattr(mt_obj_t self, mt_obj_t name, mt_obj_t value) {
    if (MT_IS_INSTANCE(self))
        generic_setattr(self, attr_name_arg(name), value);
    else
        mt_store_attr(self, attr_name_arg(name), value);
    return MT_NONE;
}
static MT_DEFINE_FUN_3(object_setattr_obj, object_setattr);

static mt_obj_t object_delattr(mt_obj_t self, mt_obj_t name) {
    if (MT_IS_INSTANCE(self))
        generic_setattr(self, attr_name_arg(name), MT_NULL);
    else
        mt_delete_attr(self, attr_name_arg(name));
    return MT_NONE;
}
static MT_DEFINE_FUN_2(object_delattr_obj, object_delattr);

static mt_obj_t object_getattribute(mt_obj_t self, mt_obj_t name) {
    mt_qstr_t q = attr_name_arg(name);
    if (!MT_IS_INSTANCE(self)) return mt_load_attr(self, q);
    mt_obj_t dest[2] = {MT_NULL, MT_NULL};
    generic_getattr(self, q, dest);
    if (dest[0] == MT_NULL)
        mt_raise_fmt(&mt_type_AttributeError, "'%q' object has no attribute '%q'",
                     mt_obj_type_name(self), q);
    return dest[1] == MT_NULL ? dest[0] : mt_bound_method_new(dest[1], dest[0]);
}
static MT_DEFINE_FUN_2(object_getattribute_obj, object_getattribute);

static mt_obj_t object_init_subclass(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    if (n != 1 || (kw != NULL && kw->filled != 0))
        mt_raise_fmt(&mt_type_TypeError, "%q.__init_subclass__() takes no keyword arguments",
                     ((mt_type_t *)MT_OBJ_TO_PTR(args[0]))->name);
    return MT_NONE;
}
static MT_DEFINE_FUN_KW(object_init_subclass_fun, 1, object_init_subclass);
static const mt_staticmethod_t object_init_subclass_obj = {{&mt_type_classmethod},
                                                           MT_ROM_PTR(&object_init_subclass_fun)};

/* sorted by name (qstr index order): binary-searched on every attribute miss */
static const mt_map_elem_t object_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___delattr__), MT_ROM_PTR(&object_delattr_obj)},
    {MT_ROM_QSTR(MT_QSTR___eq__), MT_ROM_PTR(&object_eq_obj)},
    {MT_ROM_QSTR(MT_QSTR___format__), MT_ROM_PTR(&object_format_obj)},
    {MT_ROM_QSTR(MT_QSTR___getattribute__), MT_ROM_PTR(&object_getattribute_obj)},
    {MT_ROM_QSTR(MT_QSTR___hash__), MT_ROM_PTR(&object_hash_obj)},
    {MT_ROM_QSTR(MT_QSTR___init__), MT_ROM_PTR(&object_init_obj)},
    {MT_ROM_QSTR(MT_QSTR___init_subclass__), MT_ROM_PTR(&object_init_subclass_obj)},
    {MT_ROM_QSTR(MT_QSTR___ne__), MT_ROM_PTR(&object_ne_obj)},
    {MT_ROM_QSTR(MT_QSTR___new__), MT_ROM_PTR(&builtin_new_obj)},
    {MT_ROM_QSTR(MT_QSTR___repr__), MT_ROM_PTR(&object_repr_obj)},
    {MT_ROM_QSTR(MT_QSTR___setattr__), MT_ROM_PTR(&object_setattr_obj)},
    {MT_ROM_QSTR(MT_QSTR___str__), MT_ROM_PTR(&object_str_obj)},
};
static const mt_map_t object_locals = {
    .used = MT_ARRAY_SIZE(object_locals_table),
    .alloc = MT_ARRAY_SIZE(object_locals_table),
    .filled = MT_ARRAY_SIZE(object_locals_table),
    .is_fixed = 1,
    .is_sorted = 1,
    .all_keys_are_qstrs = 1,
    .elems = (mt_map_elem_t *)object_locals_table,
};

const mt_type_t mt_type_object = {
    .base = {&mt_type_type},
    .name = MT_QSTR_object,
    .flags = MT_TYPE_FLAG_BASETYPE,
    .make_new = object_make_new,
    .locals = &object_locals,
};

/* ---- bound methods --------------------------------------------------------------------- */

typedef struct {
    mt_obj_base_t base;
    mt_obj_t self;
    mt_obj_t fun;
} bound_method_t;

mt_obj_t mt_bound_method_new(mt_obj_t self, mt_obj_t fun) {
    bound_method_t *m = mt_new_obj(bound_method_t);
    m->base.type = &mt_type_bound_method;
    m->self = self;
    m->fun = fun;
    return MT_OBJ_FROM_PTR(m);
}

static mt_obj_t bound_method_call(mt_obj_t o, size_t n, size_t n_kw, const mt_obj_t *args) {
    bound_method_t *m = MT_OBJ_TO_PTR(o);
    return mt_call_with_self(m->fun, m->self, n, n_kw, args);
}

static void bound_method_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    bound_method_t *m = MT_OBJ_TO_PTR(o);
    mt_obj_t qual = mt_load_attr_maybe(m->fun, MT_QSTR___qualname__);
    if (qual == MT_NULL) qual = mt_load_attr_maybe(m->fun, MT_QSTR___name__);
    if (qual == MT_NULL) qual = MT_NEW_QSTR(MT_QSTR_NULL);
    mt_printf(p, "<bound method %O of %R>", qual, m->self);
}

static void bound_method_attr(mt_obj_t o, mt_qstr_t name, mt_obj_t *dest) {
    if (dest[0] == MT_SENTINEL) return;
    bound_method_t *m = MT_OBJ_TO_PTR(o);
    if (name == MT_QSTR___self__)
        dest[0] = m->self;
    else if (name == MT_QSTR___func__)
        dest[0] = m->fun;
    else
        dest[0] = mt_load_attr_maybe(m->fun, name);
}

static mt_obj_t bound_method_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    if ((op != MT_BINOP_EQ && op != MT_BINOP_NE) || !MT_IS_TYPE(rhs, &mt_type_bound_method))
        return MT_NULL;
    bound_method_t *a = MT_OBJ_TO_PTR(lhs), *b = MT_OBJ_TO_PTR(rhs);
    bool eq = a->self == b->self && mt_equal(a->fun, b->fun);
    return MT_BOOL(op == MT_BINOP_EQ ? eq : !eq);
}

static mt_obj_t bound_method_unary_op(mt_unop_t op, mt_obj_t o) {
    if (op != MT_UNOP_HASH) return MT_NULL;
    bound_method_t *m = MT_OBJ_TO_PTR(o);
    return MT_NEW_SMALL_INT((mt_hash_identity(m->self) ^ mt_hash(m->fun)) & MT_SMALL_INT_MAX);
}

const mt_type_t mt_type_bound_method = {
    .base = {&mt_type_type},
    .name = MT_QSTR_method,
    .print = bound_method_print,
    .call = bound_method_call,
    .unary_op = bound_method_unary_op,
    .binary_op = bound_method_binary_op,
    .attr = bound_method_attr,
};

/* ---- staticmethod, classmethod ------------------------------------------------------ */

static mt_obj_t wrapper_make_new(const mt_type_t *t, size_t n, size_t n_kw, const mt_obj_t *args) {
    mt_arg_check_num(n, n_kw, 1, 1, false);
    mt_staticmethod_t *sm = mt_new_obj(mt_staticmethod_t);
    sm->base.type = t;
    sm->fun = args[0];
    return MT_OBJ_FROM_PTR(sm);
}

static void wrapper_attr(mt_obj_t o, mt_qstr_t name, mt_obj_t *dest) {
    if (dest[0] == MT_SENTINEL) return;
    mt_staticmethod_t *sm = MT_OBJ_TO_PTR(o);
    if (name == MT_QSTR___func__ || name == MT_QSTR___wrapped__)
        dest[0] = sm->fun;
    else if (name == MT_QSTR___name__ || name == MT_QSTR___doc__ || name == MT_QSTR___qualname__)
        dest[0] = mt_load_attr_maybe(sm->fun, name);
}

static mt_obj_t staticmethod_call(mt_obj_t o, size_t n, size_t n_kw, const mt_obj_t *args) {
    return mt_call(((mt_staticmethod_t *)MT_OBJ_TO_PTR(o))->fun, n, n_kw, args);
}

const mt_type_t mt_type_staticmethod = {
    .base = {&mt_type_type},
    .name = MT_QSTR_staticmethod,
    .flags = MT_TYPE_FLAG_BASETYPE,
    .make_new = wrapper_make_new,
    .call = staticmethod_call,
    .attr = wrapper_attr,
};

const mt_type_t mt_type_classmethod = {
    .base = {&mt_type_type},
    .name = MT_QSTR_classmethod,
    .flags = MT_TYPE_FLAG_BASETYPE,
    .make_new = wrapper_make_new,
    .attr = wrapper_attr,
};

/* ---- property ------------------------------------------------------------------------ */

static mt_obj_t property_new4(const mt_type_t *t, const mt_obj_t *f) {
    mt_property_t *p = mt_new_obj(mt_property_t);
    p->base.type = t;
    p->fget = f[0];
    p->fset = f[1];
    p->fdel = f[2];
    p->doc = f[3];
    return MT_OBJ_FROM_PTR(p);
}

static mt_obj_t property_make_new(const mt_type_t *t, size_t n, size_t n_kw, const mt_obj_t *args) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_fget, 0, MT_NONE},
        {MT_QSTR_fset, 0, MT_NONE},
        {MT_QSTR_fdel, 0, MT_NONE},
        {MT_QSTR_doc, 0, MT_NONE},
    };
    mt_map_t kw;
    mt_map_init_fixed(&kw, (const mt_map_elem_t *)(args + n), n_kw);
    mt_obj_t f[4];
    mt_arg_parse(n, args, &kw, 4, spec, f);
    return property_new4(t, f);
}

/* copy of the property with one function replaced */
static mt_obj_t property_with(mt_obj_t self, size_t which, mt_obj_t fun) {
    mt_property_t *p = MT_OBJ_TO_PTR(self);
    mt_obj_t f[4] = {p->fget, p->fset, p->fdel, p->doc};
    f[which] = fun;
    return property_new4(p->base.type, f);
}

static mt_obj_t property_getter(mt_obj_t self, mt_obj_t f) {
    return property_with(self, 0, f);
}
static MT_DEFINE_FUN_2(property_getter_obj, property_getter);
static mt_obj_t property_setter(mt_obj_t self, mt_obj_t f) {
    return property_with(self, 1, f);
}
static MT_DEFINE_FUN_2(property_setter_obj, property_setter);
static mt_obj_t property_deleter(mt_obj_t self, mt_obj_t f) {
    return property_with(self, 2, f);
}
static MT_DEFINE_FUN_2(property_deleter_obj, property_deleter);

static mt_obj_t property_get(size_t n, const mt_obj_t *args) {
    if (args[1] == MT_NONE) return args[0];
    mt_obj_t dest[2] = {MT_NULL, MT_NULL};
    mt_bind_member(args[0], args[1], mt_type_of_inline(args[1]), false, MT_QSTR_NULL, dest);
    return dest[0];
}
static MT_DEFINE_FUN_VAR(property_get_obj, 2, 3, property_get);

static mt_obj_t property_set(mt_obj_t self, mt_obj_t obj, mt_obj_t value) {
    mt_property_t *p = MT_OBJ_TO_PTR(self);
    if (p->fset == MT_NONE) mt_raise_msg(&mt_type_AttributeError, "can't set attribute");
    return mt_call2(p->fset, obj, value);
}
static MT_DEFINE_FUN_3(property_set_obj, property_set);

static mt_obj_t property_delete(mt_obj_t self, mt_obj_t obj) {
    mt_property_t *p = MT_OBJ_TO_PTR(self);
    if (p->fdel == MT_NONE) mt_raise_msg(&mt_type_AttributeError, "can't delete attribute");
    return mt_call1(p->fdel, obj);
}
static MT_DEFINE_FUN_2(property_delete_obj, property_delete);

static void property_attr(mt_obj_t o, mt_qstr_t name, mt_obj_t *dest) {
    if (dest[0] == MT_SENTINEL) return;
    mt_property_t *p = MT_OBJ_TO_PTR(o);
    switch (name) {
    case MT_QSTR_fget: dest[0] = p->fget; break;
    case MT_QSTR_fset: dest[0] = p->fset; break;
    case MT_QSTR_fdel: dest[0] = p->fdel; break;
    case MT_QSTR___doc__:
        dest[0] = p->doc != MT_NONE || p->fget == MT_NONE
                      ? p->doc
                      : mt_load_attr_maybe(p->fget, MT_QSTR___doc__);
        if (dest[0] == MT_NULL) dest[0] = MT_NONE;
        break;
    default: break;
    }
}

/* sorted by name */
static const mt_map_elem_t property_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___delete__), MT_ROM_PTR(&property_delete_obj)},
    {MT_ROM_QSTR(MT_QSTR___get__), MT_ROM_PTR(&property_get_obj)},
    {MT_ROM_QSTR(MT_QSTR___set__), MT_ROM_PTR(&property_set_obj)},
    {MT_ROM_QSTR(MT_QSTR_deleter), MT_ROM_PTR(&property_deleter_obj)},
    {MT_ROM_QSTR(MT_QSTR_getter), MT_ROM_PTR(&property_getter_obj)},
    {MT_ROM_QSTR(MT_QSTR_setter), MT_ROM_PTR(&property_setter_obj)},
};
static MT_DEFINE_CONST_MAP(property_locals, property_locals_table);

const mt_type_t mt_type_property = {
    .base = {&mt_type_type},
    .name = MT_QSTR_property,
    .flags = MT_TYPE_FLAG_BASETYPE,
    .make_new = property_make_new,
    .attr = property_attr,
    .locals = &property_locals,
};

/* ---- super ------------------------------------------------------------------------------ */

typedef struct {
    mt_obj_base_t base;
    const mt_type_t *type; /* search starts after this class */
    mt_obj_t obj;          /* an instance of type, or a subclass of it (classmethods) */
} super_t;

/* super() in a method: the __class__ cell and the first argument of the running frame */
static void super_from_frame(mt_obj_t *type, mt_obj_t *obj) {
    mt_frame_t *f = mt_vm_cur_frame();
    if (f == NULL) mt_raise_msg(&mt_type_RuntimeError, "super(): no arguments");
    const mt_code_t *code = f->code;
    *type = MT_NULL;
    for (size_t i = code->n_locals - code->n_free; i < code->n_locals; i++)
        if (code->varnames[i] == MT_QSTR___class__) *type = mt_cell_get(f->state[i]);
    if (*type == MT_NULL) mt_raise_msg(&mt_type_RuntimeError, "super(): __class__ cell not found");
    if (code->n_pos == 0 && !(code->flags & MT_CODE_VARARGS))
        mt_raise_msg(&mt_type_RuntimeError, "super(): no arguments");
    *obj = f->state[0];
    if (MT_IS_TYPE(*obj, &mt_type_cell)) *obj = mt_cell_get(*obj);
    if (code->n_pos == 0) { /* def f(*args): the first of args */
        size_t n;
        mt_obj_t *items;
        mt_tuple_get(*obj, &n, &items);
        if (n == 0) mt_raise_msg(&mt_type_RuntimeError, "super(): no arguments");
        *obj = items[0];
    }
}

static mt_obj_t super_make_new(const mt_type_t *t, size_t n, size_t n_kw, const mt_obj_t *args) {
    mt_arg_check_num(n, n_kw, 0, 2, false);
    mt_obj_t type, obj;
    if (n == 0) {
        super_from_frame(&type, &obj);
    } else if (n == 2) {
        type = args[0];
        obj = args[1];
    } else {
        mt_raise_type_error("super() with one argument is not supported");
    }
    if (!MT_IS_OBJ(type) || !mt_isinstance(type, &mt_type_type))
        mt_raise_fmt(&mt_type_TypeError, "super() argument 1 must be a type, not %q",
                     mt_obj_type_name(type));
    const mt_type_t *ty = MT_OBJ_TO_PTR(type);
    bool ok = mt_isinstance(obj, ty) || (MT_IS_OBJ(obj) && mt_isinstance(obj, &mt_type_type) &&
                                         mt_issubclass(MT_OBJ_TO_PTR(obj), ty));
    if (!ok) mt_raise_type_error("super(type, obj): obj must be an instance or subtype of type");
    super_t *s = mt_new_obj(super_t);
    s->base.type = &mt_type_super;
    s->type = ty;
    s->obj = obj;
    return MT_OBJ_FROM_PTR(s);
}

static void super_attr(mt_obj_t o, mt_qstr_t name, mt_obj_t *dest) {
    if (dest[0] == MT_SENTINEL) return;
    super_t *s = MT_OBJ_TO_PTR(o);
    bool obj_is_class = !mt_isinstance(s->obj, s->type);
    const mt_type_t *start = obj_is_class ? MT_OBJ_TO_PTR(s->obj) : mt_type_of_inline(s->obj);
    const mt_type_t *owner;
    mt_obj_t member = mro_find(start, s->type, name, &owner);
    if (member != MT_NULL) {
        bool builtin_owner = !MT_IS_HEAP_TYPE(owner);
        mt_obj_t self = obj_is_class ? MT_NULL : s->obj;
        if (builtin_owner && self != MT_NULL && MT_IS_INSTANCE(self) &&
            !is_exception_type(mt_type_of_inline(self)) && name != MT_QSTR___init__)
            self = mt_obj_native(self);
        mt_bind_member(member, self, start, builtin_owner, name, dest);
        return;
    }
    if (name == MT_QSTR___thisclass__)
        dest[0] = MT_OBJ_FROM_PTR(s->type);
    else if (name == MT_QSTR___self__)
        dest[0] = s->obj;
    else if (name == MT_QSTR___self_class__)
        dest[0] = MT_OBJ_FROM_PTR(start);
}

static void super_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    super_t *s = MT_OBJ_TO_PTR(o);
    mt_printf(p, "<super: <class '%q'>, <%q object>>", s->type->name, mt_obj_type_name(s->obj));
}

const mt_type_t mt_type_super = {
    .base = {&mt_type_type},
    .name = MT_QSTR_super,
    .print = super_print,
    .make_new = super_make_new,
    .attr = super_attr,
};
