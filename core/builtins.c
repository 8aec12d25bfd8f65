/* The builtins module: every builtin function, and mt_builtin_lookup, which the VM uses for
 * names found in neither locals nor globals. The lookup is one indexed load: a const table
 * maps each build-time qstr to its entry (names interned at run time are never builtins). */
#include "ast.h"
#include "builtins.h"
#include "fun.h"
#include "hal.h"
#include "nlr.h"
#include "runtime.h"
#include "types/containers.h"
#include "types/num.h"
#include "types/str.h"
#include "types/strfmt.h"
#include "vm.h"

/* the port flushes its console buffer here (lib/modsys.c has a default) */
void mt_hal_stdout_flush(void);

/* the attribute name argument of getattr/setattr/hasattr/delattr */
static mt_qstr_t attr_name(mt_obj_t name) {
    if (!mt_obj_is_str(name))
        mt_raise_fmt(&mt_type_TypeError, "attribute name must be string, not '%q'",
                     mt_obj_type_name(name));
    return mt_obj_str_to_qstr(name);
}

static mt_obj_t int_obj(mt_int_t v) {
    return MT_SMALL_INT_FITS(v) ? MT_NEW_SMALL_INT(v) : mt_int_from_ll(v);
}

static bool is_type(mt_obj_t o) {
    return MT_IS_OBJ(o) && mt_isinstance(o, &mt_type_type);
}

/* ---- numbers --------------------------------------------------------------------------------- */

static mt_obj_t builtin_abs(mt_obj_t x) {
    if (MT_IS_SMALL_INT(x)) {
        mt_int_t v = MT_SMALL_INT_VALUE(x);
        return v >= 0 ? x : int_obj(-v);
    }
    return mt_unary_op(MT_UNOP_ABS, x);
}
MT_DEFINE_FUN_1(mt_builtin_abs_obj, builtin_abs);

/* an int for bin/oct/hex: an int, or anything with __index__ */
static mt_obj_t index_value(mt_obj_t x) {
    if (mt_obj_is_int(x)) return x;
    return mt_unary_op(MT_UNOP_INDEX, x);
}

static mt_obj_t int_format(mt_obj_t x, int base) {
    mt_vstr_t v;
    mt_vstr_init(&v, 16);
    mt_int_format(&v, index_value(x), base, false, true);
    return mt_str_new_from_vstr(&v);
}

static mt_obj_t builtin_bin(mt_obj_t x) {
    return int_format(x, 2);
}
MT_DEFINE_FUN_1(mt_builtin_bin_obj, builtin_bin);
static mt_obj_t builtin_oct(mt_obj_t x) {
    return int_format(x, 8);
}
MT_DEFINE_FUN_1(mt_builtin_oct_obj, builtin_oct);
static mt_obj_t builtin_hex(mt_obj_t x) {
    return int_format(x, 16);
}
MT_DEFINE_FUN_1(mt_builtin_hex_obj, builtin_hex);

static bool is_real(mt_obj_t o) {
    return mt_obj_is_int(o) || MT_IS_TYPE(o, &mt_type_float);
}

static mt_obj_t builtin_divmod(mt_obj_t a, mt_obj_t b) {
    if (is_real(a) && is_real(b)) {
        mt_obj_t qr[2] = {mt_binary_op(MT_BINOP_FLOORDIV, a, b), mt_binary_op(MT_BINOP_MOD, a, b)};
        return mt_tuple_new(2, qr);
    }
    mt_obj_t r = mt_call_method_maybe(a, MT_QSTR___divmod__, 1, &b);
    if (r != MT_NULL && r != MT_NOT_IMPLEMENTED) return r;
    r = mt_call_method_maybe(b, MT_QSTR___rdivmod__, 1, &a);
    if (r != MT_NULL && r != MT_NOT_IMPLEMENTED) return r;
    mt_raise_fmt(&mt_type_TypeError, "unsupported operand type(s) for divmod(): '%q' and '%q'",
                 mt_obj_type_name(a), mt_obj_type_name(b));
}
MT_DEFINE_FUN_2(mt_builtin_divmod_obj, builtin_divmod);

static mt_obj_t builtin_pow(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_base, MT_ARG_REQUIRED, MT_NULL},
        {MT_QSTR_exp, MT_ARG_REQUIRED, MT_NULL},
        {MT_QSTR_mod, 0, MT_NONE},
    };
    mt_obj_t a[3];
    if (kw == NULL && n >= 2 && n <= 3) {
        a[0] = args[0];
        a[1] = args[1];
        a[2] = n > 2 ? args[2] : MT_NONE;
    } else {
        mt_arg_parse(n, args, kw, 3, spec, a);
    }
    if (a[2] == MT_NONE) return mt_binary_op(MT_BINOP_POW, a[0], a[1]);
    if (!mt_obj_is_int(a[0]) || !mt_obj_is_int(a[1]) || !mt_obj_is_int(a[2])) {
        if (MT_IS_INSTANCE(a[0])) { /* a user class's __pow__(exp, mod) */
            mt_obj_t r = mt_call_method_maybe(a[0], MT_QSTR___pow__, 2, a + 1);
            if (r != MT_NULL && r != MT_NOT_IMPLEMENTED) return r;
        }
        mt_raise_type_error("pow() 3rd argument not allowed unless all arguments are integers");
    }
    return mt_int_pow3(a[0], a[1], a[2]);
}
MT_DEFINE_FUN_KW(mt_builtin_pow_obj, 0, builtin_pow);

static mt_obj_t builtin_round(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_number, MT_ARG_REQUIRED, MT_NULL},
        {MT_QSTR_ndigits, 0, MT_NONE},
    };
    mt_obj_t a[2];
    if (kw == NULL && n >= 1 && n <= 2) {
        a[0] = args[0];
        a[1] = n > 1 ? args[1] : MT_NONE;
    } else {
        mt_arg_parse(n, args, kw, 2, spec, a);
    }
    if (MT_IS_SMALL_INT(a[0]) && a[1] == MT_NONE) return a[0];
    if (MT_IS_TYPE(a[0], &mt_type_float)) return mt_float_round(mt_obj_get_float(a[0]), a[1]);
    mt_obj_t dest[4];
    if (!mt_load_method_maybe(a[0], MT_QSTR___round__, dest))
        mt_raise_fmt(&mt_type_TypeError, "type %q doesn't define __round__ method",
                     mt_obj_type_name(a[0]));
    dest[2] = a[1];
    return mt_call_method(a[1] == MT_NONE ? 0 : 1, 0, dest);
}
MT_DEFINE_FUN_KW(mt_builtin_round_obj, 0, builtin_round);

/* sum(iterable, /, start=0): left to right, with C fast paths for small ints and floats */
static mt_obj_t builtin_sum(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_iterable, MT_ARG_REQUIRED | MT_ARG_POS_ONLY, MT_NULL},
        {MT_QSTR_start, 0, MT_NEW_SMALL_INT(0)},
    };
    mt_obj_t a[2];
    if (kw == NULL && n >= 1 && n <= 2) {
        a[0] = args[0];
        a[1] = n > 1 ? args[1] : MT_NEW_SMALL_INT(0);
    } else {
        mt_arg_parse(n, args, kw, 2, spec, a);
    }
    mt_obj_t acc = a[1];
    if (mt_obj_is_str(acc))
        mt_raise_type_error("sum() can't sum strings [use ''.join(seq) instead]");
    if (MT_IS_TYPE(acc, &mt_type_bytes))
        mt_raise_type_error("sum() can't sum bytes [use b''.join(seq) instead]");
    if (MT_IS_TYPE(acc, &mt_type_bytearray))
        mt_raise_type_error("sum() can't sum bytearray [use b''.join(seq) instead]");
    mt_iter_buf_t buf;
    mt_obj_t it = mt_getiter(a[0], &buf), x;
    bool in_float = false; /* acc is held in f */
    mt_float_t f = 0;
    while ((x = mt_iternext(it)) != MT_NULL) {
        if (MT_IS_SMALL_INT(acc) && MT_IS_SMALL_INT(x)) {
            mt_int_t s = MT_SMALL_INT_VALUE(acc) + MT_SMALL_INT_VALUE(x);
            acc = int_obj(s);
            continue;
        }
        if (!in_float && MT_IS_TYPE(acc, &mt_type_float) &&
            (MT_IS_TYPE(x, &mt_type_float) || MT_IS_SMALL_INT(x))) {
            f = mt_obj_get_float(acc);
            in_float = true;
        }
        if (in_float) {
            if (MT_IS_TYPE(x, &mt_type_float)) {
                f += mt_obj_get_float(x);
                continue;
            }
            if (MT_IS_SMALL_INT(x)) {
                f += (mt_float_t)MT_SMALL_INT_VALUE(x);
                continue;
            }
            acc = mt_float_new(f);
            in_float = false;
        }
        acc = mt_binary_op(MT_BINOP_ADD, acc, x);
    }
    return in_float ? mt_float_new(f) : acc;
}
MT_DEFINE_FUN_KW(mt_builtin_sum_obj, 0, builtin_sum);

/* max/min: one iterable (default= allowed) or several arguments; key= */
static mt_obj_t min_max(size_t n, const mt_obj_t *args, mt_map_t *kw, bool is_max) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_key, MT_ARG_KW_ONLY, MT_NONE},
        {MT_QSTR_default, MT_ARG_KW_ONLY, MT_NULL},
    };
    mt_qstr_t name = is_max ? MT_QSTR_max : MT_QSTR_min;
    mt_obj_t opt[2] = {MT_NONE, MT_NULL};
    if (kw != NULL) mt_arg_parse(0, NULL, kw, 2, spec, opt);
    if (n == 0) mt_raise_fmt(&mt_type_TypeError, "%q expected at least 1 argument, got 0", name);
    if (n > 1 && opt[1] != MT_NULL)
        mt_raise_fmt(&mt_type_TypeError,
                     "Cannot specify a default for %q() with multiple positional arguments", name);
    mt_obj_t key = opt[0], best = MT_NULL, best_key = MT_NULL, x;
    mt_iter_buf_t buf;
    mt_obj_t it = n == 1 ? mt_getiter(args[0], &buf) : mt_tuple_new(n, args);
    if (n > 1) it = mt_getiter(it, &buf);
    while ((x = mt_iternext(it)) != MT_NULL) {
        mt_obj_t k = key == MT_NONE ? x : mt_call1(key, x);
        if (best == MT_NULL) {
            best = x;
            best_key = k;
            continue;
        }
        bool better;
        if (MT_IS_SMALL_INT(k) && MT_IS_SMALL_INT(best_key))
            better = is_max ? (mt_int_t)k > (mt_int_t)best_key : (mt_int_t)k < (mt_int_t)best_key;
        else
            better =
                is_max ? mt_is_true(mt_binary_op(MT_BINOP_GT, k, best_key)) : mt_lt(k, best_key);
        if (better) {
            best = x;
            best_key = k;
        }
    }
    if (best != MT_NULL) return best;
    if (opt[1] != MT_NULL) return opt[1];
    mt_raise_fmt(&mt_type_ValueError, "%q() arg is an empty sequence", name);
}

static mt_obj_t builtin_max(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    return min_max(n, args, kw, true);
}
MT_DEFINE_FUN_KW(mt_builtin_max_obj, 0, builtin_max);

static mt_obj_t builtin_min(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    return min_max(n, args, kw, false);
}
MT_DEFINE_FUN_KW(mt_builtin_min_obj, 0, builtin_min);

static mt_obj_t builtin_hash(mt_obj_t o) {
    return int_obj(mt_hash(o));
}
MT_DEFINE_FUN_1(mt_builtin_hash_obj, builtin_hash);

static mt_obj_t builtin_id(mt_obj_t o) {
    return mt_int_from_ull((mt_uint_t)o);
}
MT_DEFINE_FUN_1(mt_builtin_id_obj, builtin_id);

/* ---- iteration ----------------------------------------------------------------------------- */

static mt_obj_t all_any(mt_obj_t iterable, bool want) {
    if (MT_IS_ARRAY(iterable)) {
        size_t n;
        mt_obj_t *items;
        mt_get_array(iterable, &n, &items);
        for (size_t i = 0; i < n; i++) {
            if (mt_is_true(items[i]) == want) return MT_BOOL(want);
            mt_get_array(iterable, &n, &items);
        }
        return MT_BOOL(!want);
    }
    mt_iter_buf_t buf;
    mt_obj_t it = mt_getiter(iterable, &buf), x;
    while ((x = mt_iternext(it)) != MT_NULL)
        if (mt_is_true(x) == want) return MT_BOOL(want);
    return MT_BOOL(!want);
}

static mt_obj_t builtin_all(mt_obj_t iterable) {
    return all_any(iterable, false);
}
MT_DEFINE_FUN_1(mt_builtin_all_obj, builtin_all);
static mt_obj_t builtin_any(mt_obj_t iterable) {
    return all_any(iterable, true);
}
MT_DEFINE_FUN_1(mt_builtin_any_obj, builtin_any);

static mt_obj_t builtin_iter(size_t n, const mt_obj_t *args) {
    if (n == 1) return mt_getiter(args[0], NULL);
    if (!mt_obj_is_callable(args[0])) mt_raise_type_error("iter(v, w): v must be callable");
    return mt_callable_iter_new(args[0], args[1]);
}
MT_DEFINE_FUN_VAR(mt_builtin_iter_obj, 1, 2, builtin_iter);

static mt_obj_t builtin_next(size_t n, const mt_obj_t *args) {
    /* a generator's __next__ raises StopIteration with its return value */
    if (n == 1 && mt_obj_is_gen(args[0]))
        return mt_call_method_n(args[0], MT_QSTR___next__, 0, NULL);
    mt_obj_t x = mt_iternext(args[0]);
    if (x != MT_NULL) return x;
    if (n > 1) return args[1];
    mt_raise(MT_OBJ_FROM_PTR(&mt_type_StopIteration));
}
MT_DEFINE_FUN_VAR(mt_builtin_next_obj, 1, 2, builtin_next);

static mt_obj_t builtin_len(mt_obj_t o) {
    mt_obj_t r = mt_len_maybe(o);
    if (r == MT_NULL)
        mt_raise_fmt(&mt_type_TypeError, "object of type '%q' has no len()", mt_obj_type_name(o));
    return r;
}
MT_DEFINE_FUN_1(mt_builtin_len_obj, builtin_len);

static mt_obj_t builtin_sorted(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_key, MT_ARG_KW_ONLY, MT_NONE},
        {MT_QSTR_reverse, MT_ARG_KW_ONLY, MT_FALSE},
    };
    if (n != 1) mt_raise_fmt(&mt_type_TypeError, "sorted expected 1 argument, got %u", (unsigned)n);
    mt_obj_t opt[2] = {MT_NONE, MT_FALSE};
    if (kw != NULL) mt_arg_parse(0, NULL, kw, 2, spec, opt);
    mt_obj_t l = mt_list_new(0, NULL);
    mt_list_extend(l, args[0]);
    mt_list_sort(l, opt[0], mt_is_true(opt[1]));
    return l;
}
MT_DEFINE_FUN_KW(mt_builtin_sorted_obj, 0, builtin_sorted);

/* ---- objects and attributes ---------------------------------------------------------------- */

static mt_obj_t builtin_callable(mt_obj_t o) {
    return MT_BOOL(mt_obj_is_callable(o));
}
MT_DEFINE_FUN_1(mt_builtin_callable_obj, builtin_callable);

static mt_obj_t builtin_repr(mt_obj_t o) {
    return mt_obj_repr(o);
}
MT_DEFINE_FUN_1(mt_builtin_repr_obj, builtin_repr);

static mt_obj_t builtin_ascii(mt_obj_t o) {
    return mt_obj_ascii(o);
}
MT_DEFINE_FUN_1(mt_builtin_ascii_obj, builtin_ascii);

static mt_obj_t builtin_format(size_t n, const mt_obj_t *args) {
    return mt_format_obj(args[0], n > 1 ? args[1] : MT_NULL);
}
MT_DEFINE_FUN_VAR(mt_builtin_format_obj, 1, 2, builtin_format);

static mt_obj_t builtin_chr(mt_obj_t x) {
    mt_int_t c;
    if (MT_IS_SMALL_INT(x))
        c = MT_SMALL_INT_VALUE(x);
    else if (mt_obj_is_int(x) && !mt_obj_get_int_maybe(x, &c))
        mt_raise_msg(&mt_type_OverflowError, "Python int too large to convert to C int");
    else
        c = mt_obj_get_index(x);
    if (c < INT32_MIN || c > INT32_MAX)
        mt_raise_msg(&mt_type_OverflowError, "Python int too large to convert to C int");
    if (c < 0 || c > 0x10ffff) mt_raise_value_error("chr() arg not in range(0x110000)");
    return mt_str_from_char((uint32_t)c);
}
MT_DEFINE_FUN_1(mt_builtin_chr_obj, builtin_chr);

static mt_obj_t builtin_ord(mt_obj_t o) {
    return mt_str_ord(o);
}
MT_DEFINE_FUN_1(mt_builtin_ord_obj, builtin_ord);

static mt_obj_t builtin_getattr(size_t n, const mt_obj_t *args) {
    mt_qstr_t q = attr_name(args[1]);
    if (n == 2) return mt_load_attr(args[0], q);
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_obj_t v = mt_load_attr(args[0], q);
        mt_nlr_pop();
        return v;
    }
    if (mt_exc_match(nlr.ret_val, MT_OBJ_FROM_PTR(&mt_type_AttributeError))) return args[2];
    mt_nlr_jump(nlr.ret_val);
}
MT_DEFINE_FUN_VAR(mt_builtin_getattr_obj, 2, 3, builtin_getattr);

static mt_obj_t builtin_hasattr(mt_obj_t o, mt_obj_t name) {
    mt_obj_t args[3] = {o, name, MT_SENTINEL};
    return MT_BOOL(builtin_getattr(3, args) != MT_SENTINEL);
}
MT_DEFINE_FUN_2(mt_builtin_hasattr_obj, builtin_hasattr);

static mt_obj_t builtin_setattr(mt_obj_t o, mt_obj_t name, mt_obj_t value) {
    mt_store_attr(o, attr_name(name), value);
    return MT_NONE;
}
MT_DEFINE_FUN_3(mt_builtin_setattr_obj, builtin_setattr);

static mt_obj_t builtin_delattr(mt_obj_t o, mt_obj_t name) {
    mt_delete_attr(o, attr_name(name));
    return MT_NONE;
}
MT_DEFINE_FUN_2(mt_builtin_delattr_obj, builtin_delattr);

/* isinstance/issubclass: classinfo is a type or a (nested) tuple of them. For issubclass, t
 * is NULL when arg 1 is not a class: an error only once a class in classinfo is reached. */
static bool class_matches(const mt_type_t *t, mt_obj_t classinfo, bool sub) {
    if (is_type(classinfo)) {
        if (t == NULL) mt_raise_type_error("issubclass() arg 1 must be a class");
        return mt_issubclass(t, MT_OBJ_TO_PTR(classinfo));
    }
    if (MT_IS_TYPE(classinfo, &mt_type_tuple)) {
        mt_stack_check();
        mt_tuple_t *tup = MT_OBJ_TO_PTR(classinfo);
        for (size_t i = 0; i < tup->len; i++)
            if (class_matches(t, tup->items[i], sub)) return true;
        return false;
    }
    mt_raise_type_error(sub ? "issubclass() arg 2 must be a class, a tuple of classes, or a union"
                            : "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

static mt_obj_t builtin_isinstance(mt_obj_t o, mt_obj_t classinfo) {
    if (is_type(classinfo)) return MT_BOOL(mt_isinstance(o, MT_OBJ_TO_PTR(classinfo)));
    return MT_BOOL(class_matches(mt_type_of(o), classinfo, false));
}
MT_DEFINE_FUN_2(mt_builtin_isinstance_obj, builtin_isinstance);

static mt_obj_t builtin_issubclass(mt_obj_t c, mt_obj_t classinfo) {
    return MT_BOOL(class_matches(is_type(c) ? MT_OBJ_TO_PTR(c) : NULL, classinfo, true));
}
MT_DEFINE_FUN_2(mt_builtin_issubclass_obj, builtin_issubclass);

/* ---- dir() ---------------------------------------------------------------------------------- */

static void dir_add_map(mt_obj_t names, const mt_map_t *map) {
    if (map == NULL) return;
    for (size_t i = 0; i < map->used; i++) {
        mt_obj_t k = map->elems[i].key;
        if (k != MT_NULL && mt_obj_is_str(k)) mt_dict_store(names, k, MT_NONE);
    }
}

static void dir_add_type(mt_obj_t names, const mt_type_t *t) {
    if (MT_IS_HEAP_TYPE(t) && t->mro != MT_NULL) {
        mt_tuple_t *mro = MT_OBJ_TO_PTR(t->mro);
        for (size_t i = 0; i < mro->len; i++) {
            const mt_type_t *c = MT_OBJ_TO_PTR(mro->items[i]);
            if (MT_IS_HEAP_TYPE(c))
                dir_add_map(names, mt_dict_map(((mt_heap_type_t *)c)->dict));
            else
                dir_add_type(names, c);
        }
        return;
    }
    for (; t != NULL; t = t->parent) dir_add_map(names, t->locals);
}

static mt_obj_t sorted_keys(mt_obj_t dict) {
    mt_obj_t l = mt_list_new(0, NULL);
    mt_list_extend(l, dict);
    mt_list_sort(l, MT_NONE, false);
    return l;
}

static mt_obj_t builtin_dir(size_t n, const mt_obj_t *args) {
    if (n == 0) return sorted_keys(mt_vm_locals());
    mt_obj_t o = args[0], dest[2];
    /* a special method: the class's, never one __getattr__ makes up */
    if (MT_IS_INSTANCE(o) && mt_type_lookup(mt_type_of(o), MT_QSTR___dir__) != MT_NULL &&
        mt_load_method_maybe(o, MT_QSTR___dir__, dest)) {
        mt_obj_t l = mt_list_from_iter(mt_call_method(0, 0, dest));
        mt_list_sort(l, MT_NONE, false);
        return l;
    }
    mt_obj_t names = mt_dict_new(0);
    if (MT_IS_TYPE(o, &mt_type_module)) {
        dir_add_map(names, mt_dict_map(mt_module_globals(o)));
    } else if (is_type(o)) {
        dir_add_type(names, MT_OBJ_TO_PTR(o));
    } else {
        if (MT_IS_INSTANCE(o)) dir_add_map(names, &((mt_instance_t *)MT_OBJ_TO_PTR(o))->members);
        dir_add_type(names, mt_type_of(o));
    }
    return sorted_keys(names);
}
MT_DEFINE_FUN_VAR(mt_builtin_dir_obj, 0, 1, builtin_dir);

static mt_obj_t builtin_globals(void) {
    return mt_vm_globals();
}
MT_DEFINE_FUN_0(mt_builtin_globals_obj, builtin_globals);

static mt_obj_t builtin_locals(void) {
    return mt_vm_locals();
}
MT_DEFINE_FUN_0(mt_builtin_locals_obj, builtin_locals);

static mt_obj_t builtin_vars(size_t n, const mt_obj_t *args) {
    if (n == 0) return mt_vm_locals();
    mt_obj_t d = mt_load_attr_maybe(args[0], MT_QSTR___dict__);
    if (d == MT_NULL) mt_raise_type_error("vars() argument must have __dict__ attribute");
    return d;
}
MT_DEFINE_FUN_VAR(mt_builtin_vars_obj, 0, 1, builtin_vars);

/* ---- eval / exec / compile ------------------------------------------------------------------ */

static mt_parse_mode_t parse_mode(mt_obj_t mode) {
    if (mt_obj_is_str(mode)) {
        const char *m = mt_obj_str_cstr(mode);
        if (strcmp(m, "exec") == 0) return MT_PARSE_FILE;
        if (strcmp(m, "eval") == 0) return MT_PARSE_EVAL;
        if (strcmp(m, "single") == 0) return MT_PARSE_SINGLE;
    }
    mt_raise_value_error("compile() mode must be 'exec', 'eval' or 'single'");
}

/* the text of a source argument (str, bytes or bytearray) */
static const char *source_text(mt_obj_t src, size_t *len, mt_qstr_t fun) {
    if (mt_obj_is_str(src)) return mt_str_get(src, len);
    if (MT_IS_TYPE(src, &mt_type_bytes) || MT_IS_TYPE(src, &mt_type_bytearray))
        return (const char *)mt_bytes_get(src, len);
    mt_raise_fmt(&mt_type_TypeError, "%q() arg 1 must be a string, bytes or code object", fun);
}

static bool is_code(mt_obj_t o) {
    return MT_IS_TYPE(o, &mt_type_function) || MT_IS_TYPE(o, &mt_type_code);
}

/* The function exec()/eval() runs for a code object or a compiled function, in `globals`.
 * Its frame gets no arguments, no cells from outside and no generator: a function's code
 * that needs any of those (reachable as f.__code__, or a constant of loaded bytecode) raises
 * TypeError instead of running with slots the code assumes filled. */
static mt_obj_t exec_target(mt_obj_t o, mt_obj_t globals) {
    mt_fun_t *fn = MT_IS_TYPE(o, &mt_type_function) ? MT_OBJ_TO_PTR(o) : NULL;
    mt_code_t *code = fn ? fn->code : MT_OBJ_TO_PTR(o);
    if (code->n_free) {
        mt_raise_msg(&mt_type_TypeError,
                     "code object passed to exec() may not contain free variables");
    }
    const unsigned needs = MT_CODE_GENERATOR | MT_CODE_COROUTINE | MT_CODE_ASYNC_GENERATOR |
                           MT_CODE_CLASS_BODY | MT_CODE_VARARGS | MT_CODE_VARKW;
    if ((code->flags & needs) || code->n_pos || code->n_kwonly) {
        mt_raise_msg(&mt_type_TypeError,
                     "exec() of a code object that takes arguments or is a generator");
    }
    if (fn && fn->globals == globals) return o;
    return mt_fun_new(code, globals);
}

static mt_obj_t builtin_compile(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_source, MT_ARG_REQUIRED, MT_NULL}, {MT_QSTR_filename, MT_ARG_REQUIRED, MT_NULL},
        {MT_QSTR_mode, MT_ARG_REQUIRED, MT_NULL},   {MT_QSTR_flags, 0, MT_NEW_SMALL_INT(0)},
        {MT_QSTR_dont_inherit, 0, MT_FALSE},        {MT_QSTR_optimize, 0, MT_NEW_SMALL_INT(-1)},
    };
    mt_obj_t a[6];
    mt_arg_parse(n, args, kw, 6, spec, a);
    size_t len;
    const char *src = source_text(a[0], &len, MT_QSTR_compile);
    mt_parse_mode_t mode = parse_mode(a[2]);
    mt_reader_t r;
    mt_reader_new_mem(&r, src, len);
    return mt_compile(&r, mt_obj_str_to_qstr(a[1]), mode, mt_vm_globals());
}
MT_DEFINE_FUN_KW(mt_builtin_compile_obj, 0, builtin_compile);

/* eval/exec: (source, globals=None, locals=None) */
static mt_obj_t run_source(size_t n, const mt_obj_t *args, mt_map_t *kw, mt_parse_mode_t mode,
                           mt_qstr_t fun) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_source, MT_ARG_REQUIRED | MT_ARG_POS_ONLY, MT_NULL},
        {MT_QSTR_globals, 0, MT_NONE},
        {MT_QSTR_locals, 0, MT_NONE},
    };
    mt_obj_t a[3];
    mt_arg_parse(n, args, kw, 3, spec, a);
    mt_obj_t globals = a[1], locals = a[2];
    if (globals == MT_NONE) {
        globals = mt_vm_globals();
        if (locals == MT_NONE) locals = mt_vm_locals();
    } else if (!MT_IS_TYPE(globals, &mt_type_dict)) {
        mt_raise_fmt(&mt_type_TypeError, "%q() globals must be a dict, not %q", fun,
                     mt_obj_type_name(globals));
    } else if (mt_dict_get(globals, MT_NEW_QSTR(MT_QSTR___builtins__)) == MT_NULL) {
        mt_dict_store(globals, MT_NEW_QSTR(MT_QSTR___builtins__),
                      MT_OBJ_FROM_PTR(&mt_module_builtins));
    }
    if (locals == MT_NONE) locals = globals;
    if (!mt_obj_is_dict(locals)) mt_raise_fmt(&mt_type_TypeError, "locals must be a mapping");
    if (is_code(a[0])) {
        mt_obj_t f = exec_target(a[0], globals);
        mt_obj_t r = mt_exec_compiled(f, locals == globals ? MT_NULL : locals);
        return mode == MT_PARSE_EVAL ? r : MT_NONE;
    }
    size_t len;
    const char *src = source_text(a[0], &len, fun);
    if (mode == MT_PARSE_EVAL) {
        while (len > 0 && (*src == ' ' || *src == '\t')) {
            src++;
            len--;
        }
    }
    return mt_exec_str(src, len, MT_QSTR_lt_string_gt, mode, globals,
                       locals == globals ? MT_NULL : locals);
}

static mt_obj_t builtin_eval(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    return run_source(n, args, kw, MT_PARSE_EVAL, MT_QSTR_eval);
}
MT_DEFINE_FUN_KW(mt_builtin_eval_obj, 0, builtin_eval);

static mt_obj_t builtin_exec(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    run_source(n, args, kw, MT_PARSE_FILE, MT_QSTR_exec);
    return MT_NONE;
}
MT_DEFINE_FUN_KW(mt_builtin_exec_obj, 0, builtin_exec);

/* ---- input / output ------------------------------------------------------------------------- */

/* a small buffer in front of the console, so one print() is one write */
typedef struct {
    size_t len;
    char buf[128];
} outbuf_t;

static void outbuf_flush(outbuf_t *b) {
    if (b->len) mt_hal_stdout_write(b->buf, b->len);
    b->len = 0;
}

static void outbuf_write(void *data, const char *s, size_t n) {
    outbuf_t *b = data;
    if (b->len + n > sizeof(b->buf)) {
        outbuf_flush(b);
        if (n > sizeof(b->buf)) {
            mt_hal_stdout_write(s, n);
            return;
        }
    }
    memcpy(b->buf + b->len, s, n);
    b->len += n;
}

/* whole: make each object's str() before writing any of it (a __str__ may raise) */
static void print_to(outbuf_t *b, size_t n, const mt_obj_t *args, mt_obj_t sep, mt_obj_t end,
                     bool whole) {
    mt_print_t p = {b, outbuf_write};
    for (size_t i = 0; i < n; i++) {
        if (i) {
            if (sep == MT_NONE)
                outbuf_write(b, " ", 1);
            else
                mt_print_obj(&p, sep, MT_PRINT_STR);
        }
        mt_print_obj(&p, whole ? mt_obj_str(args[i]) : args[i], MT_PRINT_STR);
    }
    if (end == MT_NONE)
        outbuf_write(b, "\n", 1);
    else
        mt_print_obj(&p, end, MT_PRINT_STR);
}

/* w: a loaded write method (function, self) and room for its argument */
static void file_write(mt_obj_t *w, mt_obj_t s) {
    w[2] = s;
    mt_call_method(1, 0, w);
}

/* print(*objects, sep=' ', end='\n', file=None, flush=False) */
static mt_obj_t builtin_print(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_sep, MT_ARG_KW_ONLY, MT_NONE},
        {MT_QSTR_end, MT_ARG_KW_ONLY, MT_NONE},
        {MT_QSTR_file, MT_ARG_KW_ONLY, MT_NONE},
        {MT_QSTR_flush, MT_ARG_KW_ONLY, MT_FALSE},
    };
    mt_obj_t opt[4] = {MT_NONE, MT_NONE, MT_NONE, MT_FALSE};
    if (kw != NULL && kw->filled) mt_arg_parse(0, NULL, kw, 4, spec, opt);
    for (int i = 0; i < 2; i++)
        if (opt[i] != MT_NONE && !mt_obj_is_str(opt[i]))
            mt_raise_fmt(&mt_type_TypeError, "%s must be None or a string, not %q",
                         i ? "end" : "sep", mt_obj_type_name(opt[i]));
    if (opt[2] != MT_NONE) { /* a file object: its write() */
        mt_obj_t sep = opt[0] == MT_NONE ? mt_str_intern(" ", 1) : opt[0];
        mt_obj_t end = opt[1] == MT_NONE ? mt_str_intern("\n", 1) : opt[1];
        mt_obj_t w[3];
        mt_load_method(opt[2], MT_QSTR_write, w);
        for (size_t i = 0; i < n; i++) {
            if (i) file_write(w, sep);
            file_write(w, mt_obj_str(args[i]));
        }
        file_write(w, end);
        if (mt_is_true(opt[3])) mt_call_method_maybe(opt[2], MT_QSTR_flush, 0, NULL);
        return MT_NONE;
    }
    outbuf_t b;
    b.len = 0;
    bool plain = true; /* only numbers and strings: nothing can raise half way */
    for (size_t i = 0; i < n && plain; i++) plain = mt_repr_is_leaf(args[i]);
    if (plain) {
        print_to(&b, n, args, opt[0], opt[1], false);
    } else { /* a failing __str__: what was printed before it still comes out, as in CPython */
        mt_nlr_buf_t nlr;
        if (mt_nlr_push(&nlr) == 0) {
            print_to(&b, n, args, opt[0], opt[1], true);
            mt_nlr_pop();
        } else {
            outbuf_flush(&b);
            mt_nlr_jump(nlr.ret_val);
        }
    }
    outbuf_flush(&b);
    if (mt_is_true(opt[3])) mt_hal_stdout_flush();
    return MT_NONE;
}
MT_DEFINE_FUN_KW(mt_builtin_print_obj, 0, builtin_print);

static mt_obj_t builtin_input(size_t n, const mt_obj_t *args) {
    if (n > 0) {
        outbuf_t b;
        b.len = 0;
        mt_print_t p = {&b, outbuf_write};
        mt_print_obj(&p, args[0], MT_PRINT_STR);
        outbuf_flush(&b);
        mt_hal_stdout_flush();
    }
    mt_vstr_t v;
    mt_vstr_init(&v, 32);
    int c;
    while ((c = mt_hal_stdin_read()) >= 0 && c != '\n') mt_vstr_add_byte(&v, (uint8_t)c);
    if (c < 0 && v.len == 0) mt_raise_msg(&mt_type_EOFError, "EOF when reading a line");
    if (v.len > 0 && v.buf[v.len - 1] == '\r') v.len--;
    mt_obj_t s = mt_str_new_checked(v.buf, v.len);
    mt_vstr_clear(&v);
    return s;
}
MT_DEFINE_FUN_VAR(mt_builtin_input_obj, 0, 1, builtin_input);

MT_DEFINE_FUN_KW(mt_builtin_open_obj, 0, mt_builtin_open);

/* ---- the table ------------------------------------------------------------------------------ */

/* Every builtin name and its object. (Exception types come from MT_EXCEPTION_TYPES.) */
#define BUILTINS(X)                                                                                \
    X(MT_QSTR___name__, MT_NEW_QSTR(MT_QSTR_builtins))                                             \
    X(MT_QSTR___build_class__, &mt_builtin___build_class___obj)                                    \
    X(MT_QSTR___debug__, MT_TRUE)                                                                  \
    X(MT_QSTR___import__, &mt_builtin___import___obj)                                              \
    X(MT_QSTR_Ellipsis, MT_ELLIPSIS)                                                               \
    X(MT_QSTR_NotImplemented, MT_NOT_IMPLEMENTED)                                                  \
    X(MT_QSTR_abs, &mt_builtin_abs_obj)                                                            \
    X(MT_QSTR_all, &mt_builtin_all_obj)                                                            \
    X(MT_QSTR_any, &mt_builtin_any_obj)                                                            \
    X(MT_QSTR_ascii, &mt_builtin_ascii_obj)                                                        \
    X(MT_QSTR_bin, &mt_builtin_bin_obj)                                                            \
    X(MT_QSTR_bool, &mt_type_bool)                                                                 \
    X(MT_QSTR_bytearray, &mt_type_bytearray)                                                       \
    X(MT_QSTR_bytes, &mt_type_bytes)                                                               \
    X(MT_QSTR_callable, &mt_builtin_callable_obj)                                                  \
    X(MT_QSTR_chr, &mt_builtin_chr_obj)                                                            \
    X(MT_QSTR_classmethod, &mt_type_classmethod)                                                   \
    X(MT_QSTR_compile, &mt_builtin_compile_obj)                                                    \
    COMPLEX_ENTRY(X)                                                                               \
    X(MT_QSTR_delattr, &mt_builtin_delattr_obj)                                                    \
    X(MT_QSTR_dict, &mt_type_dict)                                                                 \
    X(MT_QSTR_dir, &mt_builtin_dir_obj)                                                            \
    X(MT_QSTR_divmod, &mt_builtin_divmod_obj)                                                      \
    X(MT_QSTR_enumerate, &mt_type_enumerate)                                                       \
    X(MT_QSTR_eval, &mt_builtin_eval_obj)                                                          \
    X(MT_QSTR_exec, &mt_builtin_exec_obj)                                                          \
    X(MT_QSTR_filter, &mt_type_filter)                                                             \
    X(MT_QSTR_float, &mt_type_float)                                                               \
    X(MT_QSTR_format, &mt_builtin_format_obj)                                                      \
    X(MT_QSTR_frozenset, &mt_type_frozenset)                                                       \
    X(MT_QSTR_getattr, &mt_builtin_getattr_obj)                                                    \
    X(MT_QSTR_globals, &mt_builtin_globals_obj)                                                    \
    X(MT_QSTR_hasattr, &mt_builtin_hasattr_obj)                                                    \
    X(MT_QSTR_hash, &mt_builtin_hash_obj)                                                          \
    X(MT_QSTR_hex, &mt_builtin_hex_obj)                                                            \
    X(MT_QSTR_id, &mt_builtin_id_obj)                                                              \
    X(MT_QSTR_input, &mt_builtin_input_obj)                                                        \
    X(MT_QSTR_int, &mt_type_int)                                                                   \
    X(MT_QSTR_isinstance, &mt_builtin_isinstance_obj)                                              \
    X(MT_QSTR_issubclass, &mt_builtin_issubclass_obj)                                              \
    X(MT_QSTR_iter, &mt_builtin_iter_obj)                                                          \
    X(MT_QSTR_len, &mt_builtin_len_obj)                                                            \
    X(MT_QSTR_list, &mt_type_list)                                                                 \
    X(MT_QSTR_locals, &mt_builtin_locals_obj)                                                      \
    X(MT_QSTR_map, &mt_type_map)                                                                   \
    X(MT_QSTR_max, &mt_builtin_max_obj)                                                            \
    X(MT_QSTR_memoryview, &mt_type_memoryview)                                                     \
    X(MT_QSTR_min, &mt_builtin_min_obj)                                                            \
    X(MT_QSTR_next, &mt_builtin_next_obj)                                                          \
    X(MT_QSTR_object, &mt_type_object)                                                             \
    X(MT_QSTR_oct, &mt_builtin_oct_obj)                                                            \
    X(MT_QSTR_open, &mt_builtin_open_obj)                                                          \
    X(MT_QSTR_ord, &mt_builtin_ord_obj)                                                            \
    X(MT_QSTR_pow, &mt_builtin_pow_obj)                                                            \
    X(MT_QSTR_print, &mt_builtin_print_obj)                                                        \
    X(MT_QSTR_property, &mt_type_property)                                                         \
    X(MT_QSTR_range, &mt_type_range)                                                               \
    X(MT_QSTR_repr, &mt_builtin_repr_obj)                                                          \
    X(MT_QSTR_reversed, &mt_type_reversed)                                                         \
    X(MT_QSTR_round, &mt_builtin_round_obj)                                                        \
    X(MT_QSTR_set, &mt_type_set)                                                                   \
    X(MT_QSTR_setattr, &mt_builtin_setattr_obj)                                                    \
    X(MT_QSTR_slice, &mt_type_slice)                                                               \
    X(MT_QSTR_sorted, &mt_builtin_sorted_obj)                                                      \
    X(MT_QSTR_staticmethod, &mt_type_staticmethod)                                                 \
    X(MT_QSTR_str, &mt_type_str)                                                                   \
    X(MT_QSTR_sum, &mt_builtin_sum_obj)                                                            \
    X(MT_QSTR_super, &mt_type_super)                                                               \
    X(MT_QSTR_tuple, &mt_type_tuple)                                                               \
    X(MT_QSTR_type, &mt_type_type)                                                                 \
    X(MT_QSTR_vars, &mt_builtin_vars_obj)                                                          \
    X(MT_QSTR_zip, &mt_type_zip)

#if MT_CONFIG_COMPLEX
#define COMPLEX_ENTRY(X) X(MT_QSTR_complex, &mt_type_complex)
#else
#define COMPLEX_ENTRY(X)
#endif

/* The exception names, written out so the qstr generator sees them (the X-macro pastes):
 * MT_QSTR_BaseException MT_QSTR_SystemExit MT_QSTR_KeyboardInterrupt MT_QSTR_GeneratorExit
 * MT_QSTR_Exception MT_QSTR_StopIteration MT_QSTR_StopAsyncIteration MT_QSTR_ArithmeticError
 * MT_QSTR_OverflowError MT_QSTR_ZeroDivisionError MT_QSTR_AssertionError MT_QSTR_AttributeError
 * MT_QSTR_EOFError MT_QSTR_ImportError MT_QSTR_LookupError MT_QSTR_IndexError MT_QSTR_KeyError
 * MT_QSTR_MemoryError MT_QSTR_NameError MT_QSTR_UnboundLocalError MT_QSTR_OSError
 * MT_QSTR_RuntimeError MT_QSTR_NotImplementedError MT_QSTR_RecursionError MT_QSTR_SyntaxError
 * MT_QSTR_IndentationError MT_QSTR_TypeError MT_QSTR_ValueError MT_QSTR_UnicodeError
 * MT_QSTR_ModuleNotFoundError */

enum {
#define X(q, o) B_##q,
    BUILTINS(X)
#undef X
#define X(name, parent) B_exc_##name,
        MT_EXCEPTION_TYPES(X)
#undef X
            B_COUNT
};
_Static_assert(B_COUNT < 255, "builtin_index holds entry numbers in a byte");

static const mt_map_elem_t builtins_table[] = {
#define X(q, o) {MT_ROM_QSTR(q), MT_ROM_PTR(o)},
    BUILTINS(X)
#undef X
#define X(name, parent) {MT_ROM_QSTR(MT_QSTR_##name), MT_ROM_PTR(&mt_type_##name)},
        MT_EXCEPTION_TYPES(X)
#undef X
};

/* qstr -> 1 + entry in builtins_table (0: not a builtin) */
static const uint8_t builtin_index[MT_QSTR_number_of_static] = {
#define X(q, o) [q] = B_##q + 1,
    BUILTINS(X)
#undef X
#define X(name, parent) [MT_QSTR_##name] = B_exc_##name + 1,
        MT_EXCEPTION_TYPES(X)
#undef X
};

mt_obj_t mt_builtin_lookup(mt_qstr_t name) {
    if (name >= MT_QSTR_number_of_static) return MT_NULL;
    unsigned i = builtin_index[name];
    return i ? builtins_table[i - 1].value : MT_NULL;
}

/* loads of builtins.x go through the index too (stores are refused: the module is const) */
static void builtins_attr(mt_obj_t o, mt_qstr_t attr, mt_obj_t *dest) {
    if (dest[0] == MT_NULL) dest[0] = mt_builtin_lookup(attr);
}

static MT_DEFINE_CONST_DICT(builtins_globals, builtins_table);
const mt_module_t mt_module_builtins = {
    {&mt_type_module}, (mt_dict_t *)&builtins_globals, builtins_attr};
