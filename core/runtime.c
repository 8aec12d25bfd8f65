/* The runtime: the operations the VM and the builtins share. Type queries, calls, the
 * attribute protocol, operator dispatch (with reflected operands and NotImplemented), truth,
 * equality, hashing, len, subscription, iteration and printing. Each goes to the type's slot;
 * user classes have slots (core/class.c) that look for dunder methods. */
#include "exc.h"
#include "hal.h"
#include "nlr.h"
#include "runtime.h"
#include "state.h"

/* ---- the singletons None, NotImplemented, Ellipsis ----------------------------------- */

static void none_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_print_str(p, "None");
}

static mt_obj_t none_make_new(const mt_type_t *t, size_t n, size_t n_kw, const mt_obj_t *args) {
    mt_arg_check_num(n, n_kw, 0, 0, false);
    return MT_NONE;
}

static mt_obj_t none_unary_op(mt_unop_t op, mt_obj_t o) {
    return op == MT_UNOP_BOOL ? MT_FALSE : MT_NULL;
}

const mt_type_t mt_type_NoneType = {
    .base = {&mt_type_type},
    .name = MT_QSTR_NoneType,
    .flags = MT_TYPE_FLAG_EQ_IS_IDENTITY,
    .print = none_print,
    .make_new = none_make_new,
    .unary_op = none_unary_op,
};

static void singleton_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_print_str(p, o == MT_ELLIPSIS ? "Ellipsis" : "NotImplemented");
}

static mt_obj_t ellipsis_make_new(const mt_type_t *t, size_t n, size_t n_kw, const mt_obj_t *args) {
    mt_arg_check_num(n, n_kw, 0, 0, false);
    return t == &mt_type_ellipsis ? MT_ELLIPSIS : MT_NOT_IMPLEMENTED;
}

const mt_type_t mt_type_NotImplementedType = {
    .base = {&mt_type_type},
    .name = MT_QSTR_NotImplementedType,
    .flags = MT_TYPE_FLAG_EQ_IS_IDENTITY,
    .print = singleton_print,
    .make_new = ellipsis_make_new,
};

const mt_type_t mt_type_ellipsis = {
    .base = {&mt_type_type},
    .name = MT_QSTR_ellipsis,
    .flags = MT_TYPE_FLAG_EQ_IS_IDENTITY,
    .print = singleton_print,
    .make_new = ellipsis_make_new,
};

const mt_obj_base_t mt_const_ellipsis_obj = {&mt_type_ellipsis};
const mt_obj_base_t mt_const_notimplemented_obj = {&mt_type_NotImplementedType};

/* ---- type queries --------------------------------------------------------------------- */

const mt_type_t *mt_type_of(mt_obj_t o) {
    return mt_type_of_inline(o);
}

mt_qstr_t mt_obj_type_name(mt_obj_t o) {
    return mt_type_of(o)->name;
}

bool mt_issubclass(const mt_type_t *t, const mt_type_t *base) {
    if (t == base || base == &mt_type_object) return true;
    if (MT_IS_HEAP_TYPE(t)) {
        size_t n;
        mt_obj_t *items;
        mt_tuple_get(t->mro, &n, &items);
        for (size_t i = 1; i < n; i++)
            if (items[i] == MT_OBJ_FROM_PTR(base)) return true;
        return false;
    }
    for (t = t->parent; t != NULL; t = t->parent)
        if (t == base) return true;
    return false;
}

bool mt_isinstance(mt_obj_t o, const mt_type_t *t) {
    return mt_issubclass(mt_type_of(o), t);
}

mt_obj_t mt_obj_native(mt_obj_t o) {
    if (MT_IS_INSTANCE(o)) {
        const mt_heap_type_t *t = (const mt_heap_type_t *)mt_type_of(o);
        if (t->native_base == &mt_type_type) return o; /* a class made by a metaclass */
        mt_obj_t native = ((mt_instance_t *)MT_OBJ_TO_PTR(o))->native;
        if (native != MT_NULL) return native;
    }
    return o;
}

bool mt_obj_is_callable(mt_obj_t o) {
    const mt_type_t *t = mt_type_of(o);
    if (!MT_IS_HEAP_TYPE(t)) return t->call != NULL;
    if (mt_type_lookup(t, MT_QSTR___call__) != MT_NULL) return true;
    mt_obj_t native = mt_obj_native(o);
    return native != o && mt_obj_is_callable(native);
}

/* ---- calls ---------------------------------------------------------------------------- */

void mt_stack_check(void) {
    if (mt_hal_stack_pointer() < mt_state.stack_limit)
        mt_raise_msg(&mt_type_RecursionError, "maximum recursion depth exceeded");
}

mt_obj_t mt_call(mt_obj_t fun, size_t n_args, size_t n_kw, const mt_obj_t *args) {
    mt_stack_check(); /* C code calling back into Python can recurse too */
    const mt_type_t *t = mt_type_of(fun);
    if (t->call == NULL) mt_raise_fmt(&mt_type_TypeError, "'%q' object is not callable", t->name);
    return t->call(fun, n_args, n_kw, args);
}

mt_obj_t mt_call0(mt_obj_t fun) {
    return mt_call(fun, 0, 0, NULL);
}
mt_obj_t mt_call1(mt_obj_t fun, mt_obj_t a) {
    return mt_call(fun, 1, 0, &a);
}
mt_obj_t mt_call2(mt_obj_t fun, mt_obj_t a, mt_obj_t b) {
    mt_obj_t args[2] = {a, b};
    return mt_call(fun, 2, 0, args);
}

mt_obj_t mt_call_method(size_t n_args, size_t n_kw, const mt_obj_t *args) {
    if (args[1] == MT_NULL) return mt_call(args[0], n_args, n_kw, args + 2);
    return mt_call(args[0], n_args + 1, n_kw, args + 1);
}

mt_obj_t mt_call_with_self(mt_obj_t fun, mt_obj_t self, size_t n_args, size_t n_kw,
                           const mt_obj_t *args) {
    size_t total = n_args + 2 * n_kw;
    mt_obj_t small[8];
    mt_obj_t *buf = total < MT_ARRAY_SIZE(small) ? small : mt_alloc((total + 1) * sizeof(mt_obj_t));
    buf[0] = self;
    if (total) memcpy(buf + 1, args, total * sizeof(mt_obj_t));
    return mt_call(fun, n_args + 1, n_kw, buf);
}

mt_obj_t mt_call_loaded(const mt_obj_t dest[2], size_t n, const mt_obj_t *args) {
    if (dest[1] == MT_NULL) return mt_call(dest[0], n, 0, args);
    return mt_call_with_self(dest[0], dest[1], n, 0, args);
}

mt_obj_t mt_call_method_maybe(mt_obj_t o, mt_qstr_t attr, size_t n_args, const mt_obj_t *args) {
    mt_obj_t dest[2];
    if (!mt_load_method_maybe(o, attr, dest)) return MT_NULL;
    return mt_call_loaded(dest, n_args, args);
}

mt_obj_t mt_call_method_n(mt_obj_t o, mt_qstr_t attr, size_t n_args, const mt_obj_t *args) {
    mt_obj_t dest[2];
    mt_load_method(o, attr, dest);
    return mt_call_loaded(dest, n_args, args);
}

/* ---- attributes ------------------------------------------------------------------------- */

/* a heap instance whose class defines __get__ */
static bool has_get(mt_obj_t member) {
    if (!MT_IS_INSTANCE(member)) return false;
    const mt_type_t *t = mt_type_of(member);
    return (t->flags & MT_TYPE_FLAG_HAS_DESCR) && mt_type_lookup(t, MT_QSTR___get__) != MT_NULL;
}

void mt_bind_member(mt_obj_t member, mt_obj_t self, const mt_type_t *cls, bool builtin_owner,
                    mt_qstr_t name, mt_obj_t *dest) {
    if (!MT_IS_OBJ(member)) {
        dest[0] = member;
        return;
    }
    const mt_type_t *mt = ((mt_obj_base_t *)MT_OBJ_TO_PTR(member))->type;
    if (mt == &mt_type_function || mt == &mt_type_closure ||
        (mt == &mt_type_fun_builtin && builtin_owner)) {
        dest[0] = member;
        dest[1] = self; /* MT_NULL on the class: the plain function */
    } else if (mt == &mt_type_staticmethod) {
        dest[0] = ((mt_staticmethod_t *)MT_OBJ_TO_PTR(member))->fun;
    } else if (mt == &mt_type_classmethod) {
        dest[0] = ((mt_staticmethod_t *)MT_OBJ_TO_PTR(member))->fun;
        dest[1] = MT_OBJ_FROM_PTR(cls);
    } else if (mt == &mt_type_property && self != MT_NULL) {
        mt_obj_t fget = ((mt_property_t *)MT_OBJ_TO_PTR(member))->fget;
        if (fget == MT_NONE)
            mt_raise_fmt(&mt_type_AttributeError, "property '%q' of '%q' object has no getter",
                         name, cls->name);
        dest[0] = mt_call1(fget, self);
    } else if (has_get(member)) {
        mt_obj_t args[2] = {self == MT_NULL ? MT_NONE : self, MT_OBJ_FROM_PTR(cls)};
        dest[0] = mt_call_method_n(member, MT_QSTR___get__, 2, args);
    } else {
        dest[0] = member;
    }
}

bool mt_load_method_maybe(mt_obj_t o, mt_qstr_t attr, mt_obj_t dest[2]) {
    const mt_type_t *t = mt_type_of(o);
    dest[0] = dest[1] = MT_NULL;
    if (t->attr != NULL) {
        t->attr(o, attr, dest);
        if (dest[0] != MT_NULL) return true;
        if (MT_IS_HEAP_TYPE(t) || t == &mt_type_type) return false; /* did the whole lookup */
    }
    mt_obj_t member = mt_type_lookup(t, attr);
    if (member != MT_NULL) {
        mt_bind_member(member, o, t, true, attr, dest);
        return true;
    }
    if (attr == MT_QSTR___class__) {
        dest[0] = MT_OBJ_FROM_PTR(t);
        return true;
    }
    return false;
}

MT_NORETURN static void raise_no_attr(mt_obj_t o, mt_qstr_t attr) {
    if (MT_IS_TYPE(o, &mt_type_type) || (MT_IS_OBJ(o) && mt_isinstance(o, &mt_type_type)))
        mt_raise_fmt(&mt_type_AttributeError, "type object '%q' has no attribute '%q'",
                     ((mt_type_t *)MT_OBJ_TO_PTR(o))->name, attr);
    if (MT_IS_TYPE(o, &mt_type_module)) {
        mt_obj_t name = mt_dict_get(mt_module_globals(o), MT_NEW_QSTR(MT_QSTR___name__));
        if (name != MT_NULL)
            mt_raise_fmt(&mt_type_AttributeError, "module '%O' has no attribute '%q'", name, attr);
    }
    mt_raise_fmt(&mt_type_AttributeError, "'%q' object has no attribute '%q'", mt_obj_type_name(o),
                 attr);
}

void mt_load_method(mt_obj_t o, mt_qstr_t attr, mt_obj_t dest[2]) {
    if (!mt_load_method_maybe(o, attr, dest)) raise_no_attr(o, attr);
}

static mt_obj_t method_to_value(mt_obj_t *dest) {
    if (dest[1] == MT_NULL) return dest[0];
    return mt_bound_method_new(dest[1], dest[0]);
}

mt_obj_t mt_load_attr(mt_obj_t o, mt_qstr_t attr) {
    mt_obj_t dest[2];
    mt_load_method(o, attr, dest);
    return method_to_value(dest);
}

mt_obj_t mt_load_attr_maybe(mt_obj_t o, mt_qstr_t attr) {
    mt_obj_t dest[2];
    if (!MT_IS_INSTANCE(o) && !MT_IS_TYPE(o, &mt_type_module)) {
        if (!mt_load_method_maybe(o, attr, dest)) return MT_NULL;
        return method_to_value(dest);
    }
    /* a property or __getattr__ of a user class (or a module's __getattr__) may raise
     * AttributeError: that means absent */
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        bool found = mt_load_method_maybe(o, attr, dest);
        mt_nlr_pop();
        return found ? method_to_value(dest) : MT_NULL;
    }
    if (mt_exc_match(nlr.ret_val, MT_OBJ_FROM_PTR(&mt_type_AttributeError))) return MT_NULL;
    mt_nlr_jump(nlr.ret_val);
}

static void store_or_delete(mt_obj_t o, mt_qstr_t attr, mt_obj_t value) {
    const mt_type_t *t = mt_type_of(o);
    if (t->attr != NULL) {
        mt_obj_t dest[2] = {MT_SENTINEL, value};
        t->attr(o, attr, dest);
        if (dest[0] == MT_NULL) return;
    }
    if (MT_IS_TYPE(o, &mt_type_type))
        mt_raise_fmt(&mt_type_TypeError, "cannot set '%q' attribute of immutable type '%q'", attr,
                     ((mt_type_t *)MT_OBJ_TO_PTR(o))->name);
    if (value == MT_NULL || mt_type_lookup(t, attr) == MT_NULL) raise_no_attr(o, attr);
    mt_raise_fmt(&mt_type_AttributeError, "'%q' object attribute '%q' is read-only", t->name, attr);
}

void mt_store_attr(mt_obj_t o, mt_qstr_t attr, mt_obj_t value) {
    store_or_delete(o, attr, value);
}

void mt_delete_attr(mt_obj_t o, mt_qstr_t attr) {
    store_or_delete(o, attr, MT_NULL);
}

/* ---- operators -------------------------------------------------------------------------- */

static const char *const arith_symbols[] = {
#define X(n, s, m, im, rm) s,
    MT_BINARY_ARITH_OPS(X)
#undef X
};

static const char *const compare_symbols[] = {
#define X(n, s, m) s,
    MT_COMPARE_OPS(X)
#undef X
};

/* the comparison that a reflected operand answers: a < b is b > a */
static mt_binop_t swap_compare(mt_binop_t op) {
    switch (op) {
    case MT_BINOP_LT: return MT_BINOP_GT;
    case MT_BINOP_GT: return MT_BINOP_LT;
    case MT_BINOP_LE: return MT_BINOP_GE;
    case MT_BINOP_GE: return MT_BINOP_LE;
    default: return op;
    }
}

static mt_obj_t try_slot(const mt_type_t *t, mt_binop_t op, mt_obj_t a, mt_obj_t b) {
    if (t->binary_op == NULL) return MT_NULL;
    mt_obj_t r = t->binary_op(op, a, b);
    return r == MT_NOT_IMPLEMENTED ? MT_NULL : r;
}

/* rhs's type is a user subclass of lhs's type: its reflected method goes first */
static bool reflected_first(const mt_type_t *tl, const mt_type_t *tr) {
    return tr != tl && MT_IS_HEAP_TYPE(tr) && mt_issubclass(tr, tl);
}

static mt_obj_t arith_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    const mt_type_t *tl = mt_type_of(lhs), *tr = mt_type_of(rhs);
    mt_obj_t r;
    if (op >= MT_BINOP_INPLACE_ADD) {
        if ((r = try_slot(tl, op, lhs, rhs)) != MT_NULL) return r;
        op -= MT_BINOP_INPLACE_OFFSET;
    }
    mt_binop_t rop = op + MT_BINOP_REVERSE_OFFSET;
    if (reflected_first(tl, tr) && (r = try_slot(tr, rop, rhs, lhs)) != MT_NULL) return r;
    if ((r = try_slot(tl, op, lhs, rhs)) != MT_NULL) return r;
    if (tr != tl) return try_slot(tr, rop, rhs, lhs);
    return MT_NULL;
}

static mt_obj_t compare_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    mt_stack_check(); /* nested containers compare recursively */
    const mt_type_t *tl = mt_type_of(lhs), *tr = mt_type_of(rhs);
    mt_binop_t sop = swap_compare(op);
    mt_obj_t r;
    if (reflected_first(tl, tr) && (r = try_slot(tr, sop, rhs, lhs)) != MT_NULL) return r;
    if ((r = try_slot(tl, op, lhs, rhs)) != MT_NULL) return r;
    if ((r = try_slot(tr, sop, rhs, lhs)) != MT_NULL) return r;
    if (op == MT_BINOP_EQ) return MT_BOOL(lhs == rhs);
    if (op == MT_BINOP_NE) return MT_BOOL(!mt_is_true(compare_op(MT_BINOP_EQ, lhs, rhs)));
    return MT_NULL;
}

/* `item in container` */
static bool contains(mt_obj_t container, mt_obj_t item) {
    const mt_type_t *t = mt_type_of(container);
    mt_obj_t r = try_slot(t, MT_BINOP_CONTAINS, container, item);
    if (r != MT_NULL) return mt_is_true(r);
    if (t->getiter == NULL)
        mt_raise_fmt(&mt_type_TypeError, "argument of type '%q' is not iterable", t->name);
    mt_iter_buf_t buf;
    mt_obj_t it = mt_getiter(container, &buf), x;
    while ((x = mt_iternext(it)) != MT_NULL)
        if (mt_equal(x, item)) return true;
    return false;
}

mt_obj_t mt_binary_op_maybe(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    if (op < MT_BINOP_LT) {
        if (MT_IS_SMALL_INT(lhs) && MT_IS_SMALL_INT(rhs) && op < MT_BINOP_N_ARITH)
            return mt_type_int.binary_op(op, lhs, rhs);
        return arith_op(op, lhs, rhs);
    }
    switch (op) {
    case MT_BINOP_IN: return MT_BOOL(contains(rhs, lhs));
    case MT_BINOP_NOT_IN: return MT_BOOL(!contains(rhs, lhs));
    case MT_BINOP_IS: return MT_BOOL(lhs == rhs);
    case MT_BINOP_IS_NOT: return MT_BOOL(lhs != rhs);
    case MT_BINOP_EXC_MATCH: return MT_BOOL(mt_exc_match(lhs, rhs));
    case MT_BINOP_CONTAINS: return MT_BOOL(contains(lhs, rhs));
    default: break;
    }
    if (MT_IS_SMALL_INT(lhs) && MT_IS_SMALL_INT(rhs)) {
        mt_int_t a = MT_SMALL_INT_VALUE(lhs), b = MT_SMALL_INT_VALUE(rhs);
        switch (op) {
        case MT_BINOP_LT: return MT_BOOL(a < b);
        case MT_BINOP_GT: return MT_BOOL(a > b);
        case MT_BINOP_EQ: return MT_BOOL(a == b);
        case MT_BINOP_NE: return MT_BOOL(a != b);
        case MT_BINOP_LE: return MT_BOOL(a <= b);
        default: return MT_BOOL(a >= b);
        }
    }
    if (MT_IS_QSTR(lhs) && MT_IS_QSTR(rhs)) {
        if (op == MT_BINOP_EQ) return MT_BOOL(lhs == rhs);
        if (op == MT_BINOP_NE) return MT_BOOL(lhs != rhs);
    }
    return compare_op(op, lhs, rhs);
}

mt_obj_t mt_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    mt_obj_t r = mt_binary_op_maybe(op, lhs, rhs);
    if (r != MT_NULL) return r;
    if (op >= MT_BINOP_LT)
        mt_raise_fmt(&mt_type_TypeError, "'%s' not supported between instances of '%q' and '%q'",
                     compare_symbols[op - MT_BINOP_LT], mt_obj_type_name(lhs),
                     mt_obj_type_name(rhs));
    bool inplace = op >= MT_BINOP_INPLACE_ADD;
    mt_raise_fmt(&mt_type_TypeError, "unsupported operand type(s) for %s%s: '%q' and '%q'",
                 arith_symbols[inplace ? op - MT_BINOP_INPLACE_OFFSET : op], inplace ? "=" : "",
                 mt_obj_type_name(lhs), mt_obj_type_name(rhs));
}

mt_int_t mt_hash_identity(mt_obj_t o) {
    return (mt_int_t)(o >> 4) & MT_SMALL_INT_MAX;
}

mt_obj_t mt_unary_op_maybe(mt_unop_t op, mt_obj_t o) {
    if (op == MT_UNOP_BOOL) return MT_BOOL(mt_is_true(o));
    if (op == MT_UNOP_NOT) return MT_BOOL(!mt_is_true(o));
    const mt_type_t *t = mt_type_of(o);
    mt_obj_t r = MT_NULL;
    if (t->unary_op != NULL) {
        r = t->unary_op(op, o);
        if (r == MT_NOT_IMPLEMENTED) r = MT_NULL;
    }
    if (r == MT_NULL && op == MT_UNOP_HASH && !(t->flags & MT_TYPE_FLAG_UNHASHABLE) &&
        !MT_IS_HEAP_TYPE(t))
        r = MT_NEW_SMALL_INT(mt_hash_identity(o));
    return r;
}

mt_obj_t mt_unary_op(mt_unop_t op, mt_obj_t o) {
    mt_obj_t r = mt_unary_op_maybe(op, o);
    if (r != MT_NULL) return r;
    mt_qstr_t tn = mt_obj_type_name(o);
    switch (op) {
    case MT_UNOP_HASH: mt_raise_fmt(&mt_type_TypeError, "unhashable type: '%q'", tn);
    case MT_UNOP_LEN: mt_raise_fmt(&mt_type_TypeError, "object of type '%q' has no len()", tn);
    case MT_UNOP_ABS: mt_raise_fmt(&mt_type_TypeError, "bad operand type for abs(): '%q'", tn);
    case MT_UNOP_INT:
        mt_raise_fmt(&mt_type_TypeError,
                     "int() argument must be a string, a bytes-like object or a real number, "
                     "not '%q'",
                     tn);
    case MT_UNOP_FLOAT:
        mt_raise_fmt(&mt_type_TypeError,
                     "float() argument must be a string or a real number, not '%q'", tn);
    case MT_UNOP_INDEX:
        mt_raise_fmt(&mt_type_TypeError, "'%q' object cannot be interpreted as an integer", tn);
    default:
        mt_raise_fmt(&mt_type_TypeError, "bad operand type for unary %s: '%q'",
                     op == MT_UNOP_POS   ? "+"
                     : op == MT_UNOP_NEG ? "-"
                                         : "~",
                     tn);
    }
}

bool mt_is_true(mt_obj_t o) {
    if (o == MT_TRUE) return true;
    if (o == MT_FALSE || o == MT_NONE) return false;
    if (MT_IS_SMALL_INT(o)) return o != MT_NEW_SMALL_INT(0);
    if (MT_IS_QSTR(o)) return mt_qstr_len(MT_QSTR_VALUE(o)) != 0;
    const mt_type_t *t = mt_type_of(o);
    if (t->unary_op == NULL) return true;
    mt_obj_t r = t->unary_op(MT_UNOP_BOOL, o);
    if (r != MT_NULL && r != MT_NOT_IMPLEMENTED) return r == MT_TRUE;
    r = t->unary_op(MT_UNOP_LEN, o);
    if (r != MT_NULL && r != MT_NOT_IMPLEMENTED) return r != MT_NEW_SMALL_INT(0);
    return true;
}

bool mt_equal(mt_obj_t a, mt_obj_t b) {
    if (a == b) return true;
    if ((MT_IS_SMALL_INT(a) && MT_IS_SMALL_INT(b)) || (MT_IS_QSTR(a) && MT_IS_QSTR(b)))
        return false;
    return mt_is_true(compare_op(MT_BINOP_EQ, a, b));
}

mt_int_t mt_hash(mt_obj_t o) {
    /* masked as str.__hash__ masks it: equal str and qstr must hash equal on the chip too */
    if (MT_IS_QSTR(o)) return (mt_int_t)(mt_qstr_hash(MT_QSTR_VALUE(o)) & MT_SMALL_INT_MAX);
    if (MT_IS_SMALL_INT(o)) {
        mt_int_t v = MT_SMALL_INT_VALUE(o);
        if (v != -1 && v > -((mt_int_t)1 << 30) && v < ((mt_int_t)1 << 30)) return v;
    }
    mt_obj_t h = mt_unary_op(MT_UNOP_HASH, o);
    if (MT_IS_SMALL_INT(h)) return MT_SMALL_INT_VALUE(h);
    if (!mt_obj_is_int(h)) mt_raise_type_error("__hash__ method should return an integer");
    return mt_hash(h); /* a big int: its own hash is small */
}

mt_obj_t mt_len_maybe(mt_obj_t o) {
    if (MT_IS_TYPE(o, &mt_type_list)) return MT_NEW_SMALL_INT(((mt_list_t *)MT_OBJ_TO_PTR(o))->len);
    if (MT_IS_TYPE(o, &mt_type_tuple))
        return MT_NEW_SMALL_INT(((mt_tuple_t *)MT_OBJ_TO_PTR(o))->len);
    const mt_type_t *t = mt_type_of(o);
    if (t->unary_op == NULL) return MT_NULL;
    mt_obj_t r = t->unary_op(MT_UNOP_LEN, o);
    return r == MT_NOT_IMPLEMENTED ? MT_NULL : r;
}

size_t mt_len(mt_obj_t o) {
    mt_obj_t r = mt_len_maybe(o);
    if (r == MT_NULL)
        mt_raise_fmt(&mt_type_TypeError, "object of type '%q' has no len()", mt_obj_type_name(o));
    if (MT_IS_SMALL_INT(r)) return (size_t)MT_SMALL_INT_VALUE(r);
    return (size_t)mt_obj_get_int(r);
}

mt_obj_t mt_subscr(mt_obj_t o, mt_obj_t index, mt_obj_t value) {
    const mt_type_t *t = mt_type_of(o);
    if (t->subscr != NULL) {
        mt_obj_t r = t->subscr(o, index, value);
        if (r != MT_NULL) return r;
    }
    if (value == MT_SENTINEL)
        mt_raise_fmt(&mt_type_TypeError, "'%q' object is not subscriptable", t->name);
    if (value == MT_NULL)
        mt_raise_fmt(&mt_type_TypeError, "'%q' object doesn't support item deletion", t->name);
    mt_raise_fmt(&mt_type_TypeError, "'%q' object does not support item assignment", t->name);
}

mt_obj_t mt_getiter(mt_obj_t o, mt_iter_buf_t *buf) {
    const mt_type_t *t = mt_type_of(o);
    if (t->getiter != NULL) {
        mt_obj_t it = t->getiter(o, buf);
        if (it != MT_NULL) return it;
    }
    mt_raise_fmt(&mt_type_TypeError, "'%q' object is not iterable", t->name);
}

mt_obj_t mt_iternext(mt_obj_t it) {
    const mt_type_t *t = mt_type_of(it);
    if (t->iternext == NULL)
        mt_raise_fmt(&mt_type_TypeError, "'%q' object is not an iterator", t->name);
    return t->iternext(it);
}

/* ---- printing ------------------------------------------------------------------------- */

void mt_print_default(const mt_print_t *p, mt_obj_t o) {
    const mt_type_t *t = mt_type_of(o);
    mt_print_str(p, "<");
    if (MT_IS_HEAP_TYPE(t)) {
        mt_obj_t mod = mt_dict_get(((mt_heap_type_t *)t)->dict, MT_NEW_QSTR(MT_QSTR___module__));
        if (mod != MT_NULL && mod != MT_NEW_QSTR(MT_QSTR_builtins)) mt_printf(p, "%O.", mod);
    }
    mt_printf(p, "%q object at %p>", t->name, MT_OBJ_TO_PTR(o));
}

void mt_print_obj(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_stack_check(); /* nested containers print recursively */
    const mt_type_t *t = mt_type_of(o);
    if (t->print != NULL)
        t->print(p, o, kind);
    else
        mt_print_default(p, o);
}

static mt_obj_t print_to_str(mt_obj_t o, mt_print_kind_t kind) {
    mt_vstr_t v;
    mt_print_t p;
    mt_vstr_init(&v, 16);
    mt_vstr_printer(&v, &p);
    mt_print_obj(&p, o, kind);
    return mt_str_new_from_vstr(&v);
}

mt_obj_t mt_obj_repr(mt_obj_t o) {
    return print_to_str(o, MT_PRINT_REPR);
}

mt_obj_t mt_obj_str(mt_obj_t o) {
    if (MT_IS_QSTR(o) || MT_IS_TYPE(o, &mt_type_str)) return o;
    return print_to_str(o, MT_PRINT_STR);
}
